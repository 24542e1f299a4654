package dev.contacts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;

import dev.contacts.server.support.TestDatabases;
import dev.contacts.server.auth.SigningSecret;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping {@link ContactsServer} in-process, as the desktop app does: what survives a restart. */
@Tag(TestDatabases.SQLITE_ONLY) // about restarts on one SQLite file and the key file beside it
class ServerLifecycleTest {

    @TempDir
    Path dir;

    private static TestApi api(ContactsServer server) {
        return new TestApi(server.uri("127.0.0.1"));
    }

    @Test
    void dataAndTokensSurviveARestart() {
        Path db = dir.resolve("nested/folders/contacts.db");
        String token;
        long id;
        try (ContactsServer server = ContactsServer.start(ServerSettings.embedded(db))) {
            assertTrue(server.port() > 0, "port 0 picks a free port");
            token = api(server).newUser();
            id = api(server).createContact(token, "Kept", "Forever");
        }
        assertTrue(Files.exists(db), "missing folders are created");
        try (ContactsServer again = ContactsServer.start(ServerSettings.embedded(db))) {
            Response r = api(again).get("/contacts/" + id, token);
            assertEquals(200, r.status(), "the old token still works: " + r);
            assertEquals("Kept", r.json().get("first_name").asText());
        }
    }

    @Test
    void theKeyFileIsOwnerOnlyAndAnotherKeyRejectsTheTokens() throws Exception {
        Path db = dir.resolve("contacts.db");
        String token;
        try (ContactsServer server = ContactsServer.start(ServerSettings.embedded(db))) {
            token = api(server).newUser();
        }
        Path keyFile = SigningSecret.keyFileFor(db);
        assertEquals(dir.resolve("contacts.key"), keyFile);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(keyFile));

        Files.delete(keyFile);
        try (ContactsServer other = ContactsServer.start(ServerSettings.embedded(db))) {
            Response r = api(other).get("/contacts/", token);
            assertEquals(401, r.status());
            assertEquals("Could not validate credentials", r.detail());
        }
        assertTrue(Files.exists(keyFile), "a new key was generated");
    }

    @Test
    void twoInstallsNeverShareAKey() throws Exception {
        String token;
        try (ContactsServer first = ContactsServer.start(ServerSettings.embedded(dir.resolve("a/contacts.db")))) {
            token = api(first).newUser();
        }
        try (ContactsServer second = ContactsServer.start(ServerSettings.embedded(dir.resolve("b/contacts.db")))) {
            assertEquals(401, api(second).get("/contacts/", token).status());
        }
        assertFalse(Files.readString(dir.resolve("a/contacts.key")).equals(Files.readString(dir.resolve("b/contacts.key"))));
    }

    @Test
    void aConfiguredSecretIsUsedAndNoKeyFileIsWritten() {
        String secret = Base64.getEncoder().encodeToString(new byte[32]);
        Path db = dir.resolve("contacts.db");
        try (ContactsServer server = ContactsServer.start(ServerSettings.embedded(db).withSecret(secret))) {
            assertEquals(201, api(server).register("a@example.com", TestApi.PASSWORD).status());
        }
        assertFalse(Files.exists(dir.resolve("contacts.key")));
    }

    @Test
    void aShortConfiguredSecretStopsTheStart() {
        String shortSecret = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContactsServer.start(ServerSettings.embedded(dir.resolve("c.db")).withSecret(shortSecret)));
        assertFalse(e.getMessage().contains(shortSecret), "the message never repeats the secret");
    }

    @Test
    void nothingIsAnsweredBeforeTheDatabaseIsOpen() throws Exception {
        int port = freePort();
        Path db = dir.resolve("contacts.db");
        ServerSettings settings = ServerSettings.embedded(db).withPort(port);
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch mayOpen = new CountDownLatch(1);
        FutureTask<ContactsServer> start = new FutureTask<>(() -> ContactsServer.start(settings, () -> {
            opening.countDown();
            mayOpen.await();
            return ServerComponents.open(settings, Clock.systemUTC());
        }));
        Thread starter = Thread.ofPlatform().name("test-start").start(start);
        try {
            opening.await();
            // the starting thread has done all else and waits for the database: nothing listens yet, not even health
            while (starter.getState() != Thread.State.WAITING) {
                Thread.yield();
            }
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        } finally {
            mayOpen.countDown();
        }
        try (ContactsServer server = start.get()) {
            assertEquals(port, server.port());
            Response health = api(server).get("/observe/health", null);
            assertEquals(200, health.status(), health.toString());
            assertEquals(201, api(server).register("first@example.com", TestApi.PASSWORD).status());
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedStopsTheStartAndNothingListens() throws Exception {
        int port = freePort();
        Path db = dir.resolve("contacts.db");
        Files.writeString(db, "not a database, but long enough for SQLite to read its header");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ContactsServer.start(ServerSettings.embedded(db).withPort(port)));
        assertTrue(e.getMessage().startsWith("Cannot open the database " + db.toAbsolutePath()), e.getMessage());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnexpectedFaultIs500WithoutDetails() {
        ServerComponents components = ServerComponents.open(ServerSettings.embedded(dir.resolve("f.db")),
                Clock.systemUTC());
        WebServerConfig.Builder builder = WebServer.builder()
                .host("127.0.0.1").port(0).shutdownHook(false);
        ContactsServer.configure(builder, components);
        WebServer server = builder.build().start();
        try {
            TestApi api = new TestApi(URI.create("http://127.0.0.1:" + server.port()));
            String token = api.newUser();
            components.database().close(); // the database goes away under the server's feet
            Response r = api.forAServerBrokenOnPurpose().get("/contacts/", token);
            assertEquals(500, r.status());
            assertEquals("{\"detail\":\"Internal Server Error\"}", r.body());
        } finally {
            server.stop();
            components.close();
        }
    }

    /**
     * A streamed answer ends in small writes (its last chunk): with Nagle's algorithm, Helidon's default, the kernel
     * held them until the client's delayed ACK, up to 40 ms a page (docs/benchmarks.md).
     */
    @Test
    void acceptedConnectionsSendWithoutWaitingForAcks() {
        ServerComponents components = ServerComponents.open(ServerSettings.embedded(dir.resolve("n.db")),
                Clock.systemUTC());
        try {
            WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false);
            ContactsServer.configure(builder, components);
            assertTrue(builder.buildPrototype().connectionOptions().tcpNoDelay(), "TCP_NODELAY on accepted sockets");
        } finally {
            components.close();
        }
    }
}
