package dev.contacts.server.contact;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** The trash: delete moves there, restore brings back the same contact, purge/empty/expiry end it. */
@ServerTest
class TrashApiTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final String FULL = "{\"first_name\": \"Ann\", \"last_name\": \"Lee\", "
            + "\"emails\": [{\"value\": \"ann@example.com\", \"label\": \"work\"}], \"labels\": [\"Family\"], "
            + "\"favorite\": true, \"birthday\": \"1990-01-01\", \"organization\": \"ACME\"}";

    private final TestApi api;

    TrashApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, CLOCK);
    }

    private List<Long> ids(String path, String token) {
        Response r = api.get(path, token);
        assertEquals(200, r.status(), path + " -> " + r);
        return r.ids();
    }

    @Test
    void aDeletedContactIsGoneEverywhereButTheTrashAndComesBackWithItsIdAndEveryField() {
        String token = api.newUser();
        Response created = api.post("/contacts/", token, FULL);
        JsonNode before = created.json();
        long id = before.get("id").asLong();
        long other = api.createContact(token, "Bob", "Other");
        assertEquals(204, api.delete("/contacts/" + id + "/", token).status());

        assertEquals(404, api.get("/contacts/" + id + "/", token).status());
        assertEquals(404, api.patch("/contacts/" + id + "/", token, "{\"nickname\": \"x\"}").status());
        assertEquals(404, api.delete("/contacts/" + id + "/", token).status(), "already in the trash");
        assertEquals(List.of(other), ids("/contacts/", token));
        assertEquals("1", api.get("/contacts/", token).header("X-Total-Count"));
        assertEquals(List.of(), ids("/contacts/search/?query=ann", token));
        assertEquals(List.of(), ids("/contacts/birthdays/?days=366", token));
        assertEquals(List.of(), ids("/contacts/?label=family", token));

        Response trash = api.get("/contacts/trash/", token);
        assertEquals(List.of(id), ids("/contacts/trash/", token));
        assertEquals("1", trash.header("X-Total-Count"));
        assertTrue(trash.json().get(0).get("deleted_at").asText().endsWith("Z"));

        Response restored = api.post("/contacts/trash/" + id + "/restore/", token, "");
        assertEquals(200, restored.status(), restored.body());
        assertEquals(before, restored.json(), "same id and every field");
        assertEquals(before, api.get("/contacts/" + id + "/", token).json());
        assertEquals(List.of(), ids("/contacts/trash/", token));
        assertEquals(404, api.post("/contacts/trash/" + id + "/restore/", token, "").status(), "not in the trash");
    }

    @Test
    void theTrashListsNewestDeletionFirstAndPages() {
        String token = api.newUser();
        long a = api.createContact(token, "A", "");
        long b = api.createContact(token, "B", "");
        long c = api.createContact(token, "C", "");
        api.delete("/contacts/" + b + "/", token);
        CLOCK.advance(Duration.ofSeconds(1));
        api.delete("/contacts/" + a + "/", token);
        CLOCK.advance(Duration.ofSeconds(1));
        api.delete("/contacts/" + c + "/", token);
        assertEquals(List.of(c, a, b), ids("/contacts/trash/", token));
        assertEquals(List.of(a), ids("/contacts/trash/?skip=1&limit=1", token));
        assertEquals(422, api.get("/contacts/trash/?limit=1001", token).status());
    }

    @Test
    void purgeAndEmptyEndContactsForGood() {
        String token = api.newUser();
        long a = api.createContact(token, "A", "");
        long b = api.createContact(token, "B", "");
        long live = api.createContact(token, "Live", "");
        api.delete("/contacts/" + a + "/", token);
        api.delete("/contacts/" + b + "/", token);
        assertEquals(404, api.delete("/contacts/trash/" + live + "/", token).status(), "a live contact is not trash");
        assertEquals(204, api.delete("/contacts/trash/" + a + "/", token).status());
        assertEquals(List.of(b), ids("/contacts/trash/", token));
        assertEquals(404, api.post("/contacts/trash/" + a + "/restore", token, "").status());
        assertEquals(204, api.delete("/contacts/trash/", token).status());
        assertEquals(List.of(), ids("/contacts/trash/", token));
        assertEquals(List.of(live), ids("/contacts/", token), "emptying the trash leaves live contacts");
    }

    @Test
    void oneUsersTrashIsTheirsAlone() {
        String alice = api.newUser();
        String bob = api.newUser();
        long mine = api.createContact(alice, "Mine", "");
        api.delete("/contacts/" + mine + "/", alice);
        assertEquals(List.of(), ids("/contacts/trash/", bob));
        assertEquals(404, api.post("/contacts/trash/" + mine + "/restore/", bob, "").status());
        assertEquals(404, api.delete("/contacts/trash/" + mine + "/", bob).status());
        assertEquals(204, api.delete("/contacts/trash/", bob).status());
        Response bulk = api.post("/contacts/delete/", bob, "{\"ids\": [" + mine + "]}");
        assertEquals("[]", bulk.json().get("deleted").toString());
        assertEquals(List.of(mine), ids("/contacts/trash/", alice), "untouched by Bob");
    }

    @Test
    void entriesOlderThan30DaysArePurged() {
        String email = "trash-" + UUID.randomUUID() + "@example.com";
        api.register(email, PASSWORD);
        String token = api.token(email, PASSWORD);
        long old = api.createContact(token, "Old", "");
        long recent = api.createContact(token, "Recent", "");
        api.delete("/contacts/" + old + "/", token);
        CLOCK.advance(Duration.ofDays(29));
        token = api.token(email, PASSWORD);
        api.delete("/contacts/" + recent + "/", token);
        assertEquals(List.of(recent, old), ids("/contacts/trash/", token), "29 days: still kept");
        CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
        token = api.token(email, PASSWORD);
        assertEquals(List.of(recent), ids("/contacts/trash/", token), "past 30 days: gone");
        assertEquals(404, api.post("/contacts/trash/" + old + "/restore/", token, "").status());
    }

    @Test
    void bulkDeleteMovesTheCallersContactsAtOnce() {
        String token = api.newUser();
        String other = api.newUser();
        long a = api.createContact(token, "A", "");
        long b = api.createContact(token, "B", "");
        long keep = api.createContact(token, "Keep", "");
        long theirs = api.createContact(other, "Theirs", "");
        Response r = api.post("/contacts/delete/", token, "{\"ids\": [" + b + ", " + a + ", " + theirs + ", 999999, "
                + a + "]}");
        assertEquals(200, r.status(), r.body());
        assertEquals("[" + a + "," + b + "]", r.json().get("deleted").toString(), "others' and unknown ids ignored");
        assertEquals(List.of(keep), ids("/contacts/", token));
        assertEquals(List.of(theirs), ids("/contacts/", other));

        StringBuilder many = new StringBuilder("{\"ids\": [1");
        for (int i = 2; i <= 1000; i++) {
            many.append(", ").append(i);
        }
        assertEquals(200, api.post("/contacts/delete/", token, many + "]}").status(), "1000 ids");
        long survivor = api.createContact(token, "Survivor", "");
        assertEquals(422, api.post("/contacts/delete/", token, many + ", " + survivor + "]}").status(), "1001 ids");
        assertEquals(422, api.post("/contacts/delete/", token, "{\"ids\": [\"" + survivor + "\"]}").status());
        assertEquals(422, api.post("/contacts/delete/", token, "{}").status());
        assertTrue(ids("/contacts/", token).contains(survivor), "a refused bulk delete moves nothing");
    }

    @Test
    void deletingTheAccountRemovesItsTrashToo() {
        String email = "gone-" + UUID.randomUUID() + "@example.com";
        api.register(email, PASSWORD);
        String token = api.token(email, PASSWORD);
        long trashed = api.createContact(token, "Trashed", "");
        api.delete("/contacts/" + trashed + "/", token);
        assertEquals(204, api.send("DELETE", "/users/me/", token, "application/json",
                TestApi.json("password", PASSWORD)).status());
        api.register(email, PASSWORD);
        String again = api.token(email, PASSWORD);
        assertEquals(List.of(), ids("/contacts/trash/", again));
        assertEquals(404, api.post("/contacts/trash/" + trashed + "/restore/", again, "").status());
    }

    @Test
    void aBulkRestoreBringsBackTheCallersTrashedContactsWithTheirIdsAndEveryField() {
        String token = api.newUser();
        JsonNode ann = api.post("/contacts/", token, FULL).json();
        long a = ann.get("id").asLong();
        long b = api.createContact(token, "Bob", "Other");
        long live = api.createContact(token, "Cy", "Live");
        String other = api.newUser();
        long theirs = api.createContact(other, "Their", "Own");
        assertEquals(204, api.delete("/contacts/" + theirs + "/", other).status());
        assertEquals(200, api.post("/contacts/delete/", token, "{\"ids\": [" + a + ", " + b + "]}").status());

        Response restored = api.post("/contacts/trash/restore/", token,
                "{\"ids\": [" + b + ", " + theirs + ", " + live + ", 999999, " + a + ", " + b + "]}");
        assertEquals(200, restored.status(), restored.body());
        assertEquals(List.of(a, b), restored.ids("restored"),
                "the caller's trashed ones, each once; another's, a live one and an unknown one are not reported");
        assertEquals(ann, api.get("/contacts/" + a + "/", token).json(), "same id and every field");
        assertEquals(List.of(), ids("/contacts/trash/", token));
        assertEquals(List.of(theirs), ids("/contacts/trash/", other), "another user's trash is untouched");
        assertEquals(List.of(), api.post("/contacts/trash/restore/", token, "{\"ids\": []}").ids("restored"));
    }

    @Test
    void aBulkRestoreRefusesWhatIsNotAListOfIds() {
        String token = api.newUser();
        assertEquals(422, api.post("/contacts/trash/restore/", token, "{}").status());
        assertEquals(422, api.post("/contacts/trash/restore/", token, "{\"ids\": 3}").status());
        assertEquals(422, api.post("/contacts/trash/restore/", token, "{\"ids\": [\"x\"]}").status());
        String tooMany = IntStream.rangeClosed(1, 1001).mapToObj(Integer::toString)
                .collect(Collectors.joining(", ", "{\"ids\": [", "]}"));
        assertEquals(422, api.post("/contacts/trash/restore/", token, tooMany).status());
        assertEquals(401, api.post("/contacts/trash/restore/", null, "{\"ids\": []}").status());
    }
}
