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

    /** Each request changes another field of one contact, all at once: every change is kept (none undoes another). */
    @Test
    void concurrentPartialUpdatesOfOneContactAllStay() throws Exception {
        String token = api.newUser();
        long id = api.createContact(token, "Ada", "Lovelace");
        List<String> bodies = List.of(TestApi.json("organization", "Analytical Engines"),
                TestApi.json("job_title", "Programmer"), TestApi.json("nickname", "Enchantress"),
                TestApi.json("additional_data", "Notes on the engine"), TestApi.json("birthday", "1815-12-10"),
                TestApi.json("phone", "+44 20 7946 0018"), TestApi.json("email", "ada@example.com"),
                TestApi.json("favorite", true));
        try (ExecutorService pool = Executors.newFixedThreadPool(bodies.size())) {
            List<Future<Response>> patches = new ArrayList<>();
            for (String body : bodies) {
                patches.add(pool.submit(() -> api.patch("/contacts/" + id, token, body)));
            }
            for (Future<Response> patch : patches) {
                assertEquals(200, patch.get().status(), patch.get().toString());
            }
        }
        JsonNode ada = api.get("/contacts/" + id, token).json();
        assertEquals("Analytical Engines", ada.get("organization").asText());
        assertEquals("Programmer", ada.get("job_title").asText());
        assertEquals("Enchantress", ada.get("nickname").asText());
        assertEquals("Notes on the engine", ada.get("additional_data").asText());
        assertEquals("1815-12-10", ada.get("birthday").asText());
        assertEquals("+44 20 7946 0018", ada.get("phone").asText());
        assertEquals("ada@example.com", ada.get("email").asText());
        assertEquals(true, ada.get("favorite").asBoolean());
    }

    /** One email registered by many requests at once: one account, and every other request is a 409. */
    @Test
    void oneEmailRegisteredByManyAtOnceMakesOneAccount() throws Exception {
        int tries = 8;
        try (ExecutorService pool = Executors.newFixedThreadPool(tries)) {
            List<Future<Response>> registrations = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                registrations.add(pool.submit(() -> api.register("race@example.com", TestApi.PASSWORD)));
            }
            int created = 0;
            for (Future<Response> registration : registrations) {
                int status = registration.get().status();
                assertEquals(true, status == 201 || status == 409, registration.get().toString());
                created += status == 201 ? 1 : 0;
            }
            assertEquals(1, created);
        }
        assertEquals(200, api.login("race@example.com", TestApi.PASSWORD).status());
    }
}
