package dev.contacts.server.http;

import static dev.contacts.server.support.TestApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No password, hash, token or secret in any log line (at every level) or error body. */
@ServerTest
class SecretsNeverLoggedTest {

    private final TestApi api;
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    line.append(' ').append(p);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(' ').append(t);
            }
            synchronized (logged) {
                logged.add(line.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;

    SecretsNeverLoggedTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configureWithKnownSecret(server);
    }

    @BeforeEach
    void captureEverything() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    @Test
    void secretsStayOutOfLogsAndErrorBodies() {
        String password = "Sup3r-Secret-Passphrase";
        String wrong = "Wr0ng-Guess-Passphrase";
        List<String> bodies = new ArrayList<>();
        bodies.add(api.register("secret@example.com", password).body());
        bodies.add(api.register("secret@example.com", password).body()); // 409
        bodies.add(api.login("secret@example.com", wrong).body()); // 401
        bodies.add(api.post("/register/", null, "{\"email\": \"x\", \"password\": \"" + wrong + "\"").body()); // 422
        bodies.add(api.post("/register/", null, json("email", "x@example.com", "password", "short")).body());
        JsonNode session = api.loginJson("secret@example.com", password);
        String access = session.get("access_token").asText();
        String refresh = session.get("refresh_token").asText();
        bodies.add(api.refresh(refresh).body());
        bodies.add(api.refresh(refresh).body()); // reuse: 401
        bodies.add(api.get("/contacts/", access + "x").body()); // tampered: 401
        Response change = api.put("/users/me/password/", access, json("current_password", wrong,
                "new_password", "Another-Long-Passphrase"));
        assertEquals(401, change.status());
        bodies.add(change.body());

        List<String> secrets = List.of(password, wrong, "Another-Long-Passphrase", access, refresh, "$argon2",
                TestServers.SECRET_BASE64, new String(TestServers.SECRET));
        List<String> everything;
        synchronized (logged) {
            everything = new ArrayList<>(logged);
        }
        assertTrue(everything.size() > 0, "the server did log something at fine levels");
        everything.addAll(bodies);
        for (String line : everything) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a secret leaked: " + line);
            }
        }
    }
}
