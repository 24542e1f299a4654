package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.contacts.server.support.Concurrently;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** The per-user contact limit (here configured to 3) and the birthdays page. */
@ServerTest
class LimitsApiTest {

    private static final int MAX = 3;
    private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

    private final TestApi api;

    LimitsApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, TestServers.settings().withMaxContactsPerUser(MAX),
                Clock.fixed(NOW, ZoneId.of("UTC")));
    }

    @Test
    void aCreateBeyondTheLimitIs409AndStoresNothing() {
        String token = api.newUser();
        long first = api.createContact(token, "C0", "");
        for (int i = 1; i < MAX; i++) {
            api.createContact(token, "C" + i, "");
        }
        Response refused = api.post("/contacts/", token, TestApi.json("first_name", "One", "last_name", "more"));
        assertEquals(409, refused.status());
        assertEquals("Contact limit reached", refused.detail());
        assertEquals(Integer.toString(MAX), api.get("/contacts/", token).header("X-Total-Count"));
        assertEquals(201, api.post("/contacts/", api.newUser(), TestApi.json("first_name", "A", "last_name", ""))
                .status(), "the limit is per user");

        // the trash does not count, but restoring into a full book is refused too
        assertEquals(204, api.delete("/contacts/" + first + "/", token).status());
        long replacement = api.createContact(token, "Replacement", "");
        assertEquals(409, api.post("/contacts/trash/" + first + "/restore/", token, "").status());
        assertEquals(204, api.delete("/contacts/" + replacement + "/", token).status());
        assertEquals(200, api.post("/contacts/trash/" + first + "/restore/", token, "").status());
    }

    @Test
    void concurrentCreatesOfOneUserStopExactlyAtTheLimit() throws Exception {
        String token = api.newUser();
        Map<Long, String> answered = new ConcurrentHashMap<>();
        Map<Integer, Integer> statuses = Concurrently.tally(4 * MAX, n -> {
            Response r = api.post("/contacts/", token, TestApi.json("first_name", "Racer" + n, "last_name", ""));
            if (r.status() == 201) {
                answered.put(r.json().get("id").asLong(), r.json().get("first_name").asText());
            }
            return r.status();
        });
        assertEquals(Map.of(201, MAX, 409, 3 * MAX), statuses);
        Response list = api.get("/contacts/", token);
        assertEquals(Integer.toString(MAX), list.header("X-Total-Count"));
        for (var stored : list.json()) {
            assertEquals(answered.get(stored.get("id").asLong()), stored.get("first_name").asText(),
                    "each answered id is the contact stored under it");
        }
    }

    @Test
    void aMergeMakesRoomForExactlyTheContactsItTrashed() {
        String token = api.newUser();
        long keep = api.createContact(token, "Same", "Person");
        long duplicate = api.createContact(token, "Same", "Person");
        api.createContact(token, "Someone", "Else");
        assertEquals(200, api.post("/contacts/merge/", token, "{\"ids\": [" + keep + ", " + duplicate + "]}").status());
        assertEquals(201, api.post("/contacts/", token, TestApi.json("first_name", "Fits", "last_name", "")).status());
        assertEquals(409, api.post("/contacts/", token, TestApi.json("first_name", "Over", "last_name", "")).status());
        assertEquals(Integer.toString(MAX), api.get("/contacts/", token).header("X-Total-Count"));
    }

    @Test
    void aBulkRestoreThatWouldNotAllFitRestoresNone() {
        String token = api.newUser();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            ids.add(api.createContact(token, "C" + i, ""));
        }
        assertEquals(200, api.post("/contacts/delete/", token, "{\"ids\": " + ids + "}").status());
        api.createContact(token, "Newcomer", "");
        Response refused = api.post("/contacts/trash/restore/", token, "{\"ids\": " + ids + "}");
        assertEquals(409, refused.status());
        assertEquals("Contact limit reached", refused.detail());
        assertEquals("1", api.get("/contacts/", token).header("X-Total-Count"), "none came back");
        assertEquals(Integer.toString(MAX), api.get("/contacts/trash/", token).header("X-Total-Count"));
        Response two = api.post("/contacts/trash/restore/", token, "{\"ids\": " + ids.subList(0, 2) + "}");
        assertEquals(200, two.status(), "two fit beside the newcomer");
        assertEquals(ids.subList(0, 2), two.ids("restored"));
    }

    @Test
    void birthdaysPageWithSkipLimitAndTotal() {
        String token = api.newUser();
        // all within a week of 2026-06-10, on different days
        api.createContact(token, TestApi.json("first_name", "D3", "last_name", "", "birthday", "1990-06-13"));
        api.createContact(token, TestApi.json("first_name", "D0", "last_name", "", "birthday", "1604-06-10"));
        api.createContact(token, TestApi.json("first_name", "D5", "last_name", "", "birthday", "2000-06-15"));
        Response all = api.get("/contacts/birthdays/", token);
        assertEquals("3", all.header("X-Total-Count"));
        assertEquals(List.of("D0", "D3", "D5"), names(all));
        assertEquals(0, all.json().get(0).get("days_until").asInt());
        Response page = api.get("/contacts/birthdays/?skip=1&limit=1", token);
        assertEquals(List.of("D3"), names(page));
        assertEquals("3", page.header("X-Total-Count"));
        assertEquals("2026-06-13", page.json().get(0).get("next_birthday").asText());
        assertEquals(200, api.get("/contacts/birthdays/?limit=1000", token).status());
        assertEquals(422, api.get("/contacts/birthdays/?limit=1001", token).status());
        assertEquals(422, api.get("/contacts/birthdays/?limit=0", token).status());
        assertEquals(422, api.get("/contacts/birthdays/?skip=-1", token).status());
    }

    private static List<String> names(Response r) {
        assertEquals(200, r.status(), r.body());
        List<String> names = new ArrayList<>();
        r.json().forEach(c -> names.add(c.get("first_name").asText()));
        return names;
    }
}
