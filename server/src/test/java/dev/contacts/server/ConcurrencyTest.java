package dev.contacts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** Many users writing at once: every write is answered with success and every one of them is stored. */
@ServerTest
class ConcurrencyTest {

    private static final int USERS = 8;
    private static final int CONTACTS_EACH = 40;

    private final TestApi api;

    ConcurrencyTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @Test
    void parallelWritersLoseNothing() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            tokens.add(api.newUser());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(USERS * 2)) {
            List<Future<Response>> writes = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                String token = tokens.get(u);
                for (int i = 0; i < CONTACTS_EACH; i++) {
                    String body = TestApi.json("first_name", "U" + u, "last_name", "C" + i);
                    writes.add(pool.submit(() -> api.post("/contacts/", token, body)));
                }
                // and edits racing with the creations
                long shared = api.createContact(token, "Shared", "Zero");
                for (int i = 0; i < 10; i++) {
                    String body = TestApi.json("additional_data", "edit " + i);
                    writes.add(pool.submit(() -> api.patch("/contacts/" + shared, token, body)));
                }
            }
            for (Future<Response> write : writes) {
                Response r = write.get();
                assertEquals(true, r.status() == 201 || r.status() == 200, r.toString());
            }
        }
        for (int u = 0; u < USERS; u++) {
            Response list = api.get("/contacts/?limit=1000", tokens.get(u));
            assertEquals(Integer.toString(CONTACTS_EACH + 1), list.header("X-Total-Count"));
            Set<String> names = new HashSet<>();
            for (JsonNode c : list.json()) {
                assertEquals(u == 0 ? "U0" : "U" + u, c.get("first_name").asText().equals("Shared") ? "U" + u
                        : c.get("first_name").asText(), "only this user's contacts");
                names.add(c.get("last_name").asText());
            }
            assertEquals(CONTACTS_EACH + 1, names.size(), "every contact is there once");
        }
    }
}
