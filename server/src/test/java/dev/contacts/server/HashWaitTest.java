package dev.contacts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.contacts.server.db.Database;
import dev.contacts.server.support.HashGate;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * A request waiting for its password hash holds no database thread: with more logins waiting for their hashes
 * than there are database threads, other requests are still answered. Before, a login waited for its hash on the
 * database thread that ran its handler, so a flood of logins left reads queueing behind them.
 */
@ServerTest
class HashWaitTest {

    /** More logins than database threads, all waiting for their hashes at once. */
    private static final int LOGINS = Database.WORKERS + 8;
    private static final HashGate HASHES = new HashGate();

    private final TestApi api;

    HashWaitTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, HASHES);
    }

    @Test
    void requestsAreAnsweredWhileLoginsWaitForTheirHashes() throws Exception {
        String token = api.newUser();
        long contact = api.createContact(token, "Ada", "Lovelace");
        List<CompletableFuture<TestApi.Response>> logins = new ArrayList<>();
        try (HashGate.Hold hold = HASHES.holdAll()) {
            for (int i = 0; i < LOGINS; i++) {
                // unknown emails (each its own, so no lockout): each waits for the decoy hash's work
                logins.add(api.sendAsync("POST", "/token/", null,
                        TestApi.credentials("nobody-" + i + "@example.com", TestApi.PASSWORD)));
            }
            hold.awaitHeld(LOGINS);

            assertEquals(200, probe("/users/me/", token));
            assertEquals(200, probe("/contacts/" + contact + "/", token));
        }
        for (CompletableFuture<TestApi.Response> login : logins) {
            assertEquals(401, login.get().status(), "each login is answered once its hash runs");
        }
    }

    /** A request on a new connection; the timeout only turns a hang into a failure. */
    private int probe(String path, String token) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)).status();
    }
}
