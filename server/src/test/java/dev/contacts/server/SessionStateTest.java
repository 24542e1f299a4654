package dev.contacts.server;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.db.DatabaseSettings;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestDatabases;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.Test;

/** Session state lives in the database: restarts see it (other instances: SeveralInstancesTest), and expired rows are pruned. */
class SessionStateTest {

    private final MutableClock clock = new MutableClock();
    /** One database for every server a test starts (SQLite or PostgreSQL, as the suite runs). */
    private final DatabaseSettings database = TestDatabases.fresh();

    private ContactsServer start() {
        return ContactsServer.start(ServerSettings.embedded(database.file()).withDatabase(database).withRateLimit(0),
                clock);
    }

    private static TestApi api(ContactsServer server) {
        return new TestApi(server.uri("127.0.0.1"));
    }

    @Test
    void aRestartLiftsNoLockoutAndRevivesNoRevokedToken() {
        String access;
        String refresh;
        try (ContactsServer server = start()) {
            TestApi api = api(server);
            api.register("state@example.com", PASSWORD);
            JsonNode session = api.loginJson("state@example.com", PASSWORD);
            access = session.get("access_token").asText();
            refresh = session.get("refresh_token").asText();
            assertEquals(204, api.post("/logout/", access, TestApi.json("refresh_token", refresh)).status());
            for (int i = 0; i < 5; i++) {
                api.login("state@example.com", "wrong password");
            }
        }
        try (ContactsServer again = start()) {
            TestApi api = api(again);
            assertEquals(429, api.login("state@example.com", PASSWORD).status(), "still locked");
            assertEquals(401, api.get("/contacts/", access).status(), "still logged out");
            assertEquals(401, api.refresh(refresh).status());
        }
    }

    @Test
    void expiredSessionStateIsPruned() {
        ServerComponents components = ServerComponents.open(
                TestServers.settings().withRateLimit(100), clock);
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false);
        ContactsServer.configure(builder, components);
        WebServer server = builder.build().start();
        try {
            TestApi api = new TestApi(URI.create("http://127.0.0.1:" + server.port()));
            api.register("prune@example.com", PASSWORD);
            JsonNode session = api.loginJson("prune@example.com", PASSWORD);
            api.refresh(session.get("refresh_token").asText());
            api.post("/logout/", session.get("access_token").asText(), null);
            api.login("prune@example.com", "wrong password");
            assertEquals(0, components.pruneExpired(), "nothing has expired yet");

            clock.advance(Duration.ofDays(15));
            // 2 refresh tokens, 1 revoked access token, 1 login-failure row, 3 rate-limit windows' rows (1 window)
            int pruned = components.pruneExpired();
            assertTrue(pruned >= 5, "pruned " + pruned);
            assertEquals(0, components.pruneExpired(), "nothing left to prune");
        } finally {
            server.stop();
            components.close();
        }
    }
}
