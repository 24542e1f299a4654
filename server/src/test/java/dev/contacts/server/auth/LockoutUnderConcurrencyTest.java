package dev.contacts.server.auth;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static dev.contacts.server.support.TestApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import dev.contacts.server.support.Concurrently;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * The lockout holds when the attempts arrive all at once: 40 real clients, each on its own connection, released
 * together by a latch. Also: wrong current passwords on the account endpoints count toward the same lockout.
 */
@ServerTest
class LockoutUnderConcurrencyTest {

    private static final int CLIENTS = 40;
    private final URI uri;
    private final TestApi api;

    LockoutUnderConcurrencyTest(URI uri) {
        this.uri = uri;
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    private static String email() {
        return "c" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void fortyWrongPasswordsAtOnceEvaluateOnlyFive() throws Exception {
        String email = email();
        api.register(email, PASSWORD);
        Map<Integer, Integer> statuses = burst(i -> new TestApi(uri).login(email, "wrong password " + i).status());
        assertEquals(Map.of(401, 5, 429, CLIENTS - 5), statuses);
        assertEquals(429, api.login(email, PASSWORD).status(), "locked even for the right password");
    }

    @Test
    void wrongCurrentPasswordsOnTheAccountEndpointsLockTheEmail() {
        String email = email();
        api.register(email, PASSWORD);
        String token = api.token(email, PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api.put("/users/me/password/", token,
                    json("current_password", "wrong " + i, "new_password", "another good passphrase")).status());
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(401, api.sendWithHeader("DELETE", "/users/me/", "Authorization", "Bearer " + token,
                    json("password", "wrong " + i)).status());
        }
        assertEquals(429, api.login(email, PASSWORD).status());
        TestApi.Response refused = api.put("/users/me/password/", token,
                json("current_password", PASSWORD, "new_password", "another good passphrase"));
        assertEquals(429, refused.status(), "the account endpoints are locked too");
        assertEquals(200, api.get("/users/me/", token).status(), "the account itself is untouched");
    }

    /** Runs {@link #CLIENTS} requests at once; how many answered each status. */
    private static Map<Integer, Integer> burst(IntFunction<Integer> request) throws Exception {
        return Concurrently.tally(CLIENTS, request);
    }
}
