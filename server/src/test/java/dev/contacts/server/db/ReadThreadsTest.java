package dev.contacts.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.contacts.server.ServerComponents;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestDatabases;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads are answered while every database thread for writes is held by a writer waiting for SQLite's write turn:
 * reads run on threads of their own ({@link Database#read}). The test takes the turn itself (a transaction left
 * open), so more creates than there are such threads wait for it. Before, reads ran on the same 64 threads and
 * queued behind the waiting writers until the turn came free.
 */
@Tag(TestDatabases.SQLITE_ONLY) // about SQLite's write turn, which writers wait for holding their threads
@ServerTest
class ReadThreadsTest {

    /** More creates than database threads for writes, all waiting for the turn at once. */
    private static final int WRITERS = Database.WORKERS + 8;
    private static ServerComponents components;

    private final TestApi api;

    ReadThreadsTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        components = ServerComponents.open(TestServers.settings(), Clock.systemDefaultZone());
        TestServers.configure(server, components);
    }

    @Test
    void readsAreAnsweredWhileEveryWriteThreadWaitsForTheWriteTurn() throws Exception {
        String token = api.newUser();
        long contact = api.createContact(token, "Ada", "Lovelace");
        Database database = components.database();
        CountDownLatch turnTaken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> database.dsl().transaction(tx -> {
            turnTaken.countDown();
            release.await();
        }));
        List<CompletableFuture<TestApi.Response>> writes = new ArrayList<>();
        try {
            assertTrue(turnTaken.await(30, TimeUnit.SECONDS), "the test's transaction takes the write turn");
            for (int i = 0; i < WRITERS; i++) {
                writes.add(api.sendAsync("POST", "/contacts/", token,
                        TestApi.json("first_name", "Ada", "last_name", "Writer " + i)));
            }
            awaitEveryWriteThreadTaken(database);

            assertEquals(200, probe("/contacts/" + contact + "/", token));
            assertEquals(200, probe("/contacts/?limit=100", token));
            assertEquals(200, probe("/contacts/search/?query=ada", token));
            assertEquals(200, probe("/users/me/", token));
        } finally {
            release.countDown();
            holder.join();
        }
        for (CompletableFuture<TestApi.Response> write : writes) {
            assertEquals(201, write.get().status(), "each waiting create is done once the turn is free");
        }
    }

    /** Until every thread for writes runs a create (each waiting for the turn); the deadline only ends a hang. */
    private static void awaitEveryWriteThreadTaken(Database database) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (database.threadsAtWork() < database.threads()) {
            assertTrue(System.nanoTime() < deadline, "the creates took every thread for writes");
            Thread.sleep(5);
        }
    }

    /** A request on a new connection; the timeout only turns a hang into a failure. */
    private int probe(String path, String token) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)).status();
    }
}
