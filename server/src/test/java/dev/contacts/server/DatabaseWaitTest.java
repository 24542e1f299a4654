package dev.contacts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.contacts.server.support.TestDatabases;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writers waiting for the database's write lock never hold up other connections. The test holds SQLite's write
 * lock itself, so 8 creates wait in the busy timeout (inside sqlite-jdbc's native code, which pins a virtual
 * thread to its carrier); meanwhile new connections must still be answered, a read included. Before database
 * work moved to platform threads, both carriers were pinned and the probe waited for the lock.
 */
@Tag(TestDatabases.SQLITE_ONLY) // about SQLite's database-wide write lock
@ServerTest
class DatabaseWaitTest {

    private static final int WRITERS = 8;
    private static Path database;
    private final URI uri;
    private final TestApi api;

    DatabaseWaitTest(URI uri) {
        this.uri = uri;
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        ServerSettings settings = TestServers.settings();
        database = settings.database().file();
        TestServers.configure(server, settings, java.time.Clock.systemDefaultZone());
    }

    @Test
    void writersWaitingForTheLockDoNotDelayOtherConnections() throws Exception {
        String token = api.newUser();
        List<CompletableFuture<TestApi.Response>> writes = new ArrayList<>();
        try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement sql = lock.createStatement()) {
            sql.execute("BEGIN IMMEDIATE");
            for (int i = 0; i < WRITERS; i++) {
                writes.add(api.sendAsync(HttpRequest.newBuilder(uri.resolve("/contacts/"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"first_name\":\"Ada\",\"last_name\":\"W" + i + "\"}"))));
            }
            // While every writer waits for the lock: a new connection is answered, and so is a read.
            assertEquals(404, probe("/nope", null));
            assertEquals(200, probe("/users/me/", token));
            sql.execute("ROLLBACK");
        }
        for (CompletableFuture<TestApi.Response> write : writes) {
            assertEquals(201, write.get().status(), "each waiting write is done once the lock is free");
        }
    }

    /** A request on a new connection; the timeout only turns a hang into a failure. */
    private int probe(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return api.send(request).status();
    }
}
