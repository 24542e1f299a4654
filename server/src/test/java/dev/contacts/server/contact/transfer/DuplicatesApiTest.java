package dev.contacts.server.contact.transfer;

import static dev.contacts.server.contact.transfer.TransferApiTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /contacts/duplicates/} and {@code POST /contacts/merge/} over the real routing. */
@ServerTest
class DuplicatesApiTest {

    private final TestApi api;
    private String token;

    DuplicatesApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @BeforeEach
    void user() {
        token = api.newUser();
    }

    private List<List<Long>> groups(String reason) {
        Response r = api.get("/contacts/duplicates/", token);
        assertEquals(200, r.status(), r.body());
        List<List<Long>> groups = new ArrayList<>();
        for (JsonNode group : r.json()) {
            if (group.get("reason").asText().equals(reason)) {
                List<Long> ids = new ArrayList<>();
                group.get("contacts").forEach(c -> ids.add(c.get("id").asLong()));
                groups.add(ids);
            }
        }
        return groups;
    }

    @Test
    void groupsByFoldedEmailPhoneTailAndFoldedName() {
        long a = api.createContact(token, """
                {"first_name": "Ann", "last_name": "Lee", "email": "Ann@Example.com"}""");
        long b = api.createContact(token, """
                {"first_name": "Annie", "last_name": "L", "emails": [{"value": "x@example.com"},
                 {"value": "ann@example.COM"}]}""");
        long c = api.createContact(token, """
                {"first_name": "Bob", "last_name": "Stone", "phone": "+380 44 123 4567"}""");
        long d = api.createContact(token, """
                {"first_name": "Robert", "last_name": "S", "phone": "044-123-45-67"}""");
        long e = api.createContact(token, """
                {"first_name": "José", "last_name": "Núñez"}""");
        long f = api.createContact(token, """
                {"first_name": "JOSE", "last_name": "nunez"}""");
        api.createContact(token, """
                {"first_name": "Zoë", "last_name": "Adams", "phone": "+1 555 999 0000"}""");
        String other = api.newUser();
        api.createContact(other, """
                {"first_name": "Ann", "last_name": "Lee", "email": "ann@example.com"}""");

        assertEquals(List.of(List.of(a, b)), groups("email"));
        assertEquals(List.of(List.of(c, d)), groups("phone"), "the last 9 digits agree");
        assertEquals(List.of(List.of(e, f)), groups("name"), "accents and case are folded");
    }

    @Test
    void aNumberIsTheSameWithOrWithoutItsCountryCodeAndTrunkPrefix() {
        long a = api.createContact(token, """
                {"first_name": "Carl", "last_name": "Berg", "phone": "030 123456"}""");
        long b = api.createContact(token, """
                {"first_name": "C.", "last_name": "Berg", "phone": "+49 (30) 12-34-56"}""");
        long c = api.createContact(token, """
                {"first_name": "Carl", "last_name": "B", "phone": "0049 30 123456"}""");
        api.createContact(token, """
                {"first_name": "Dora", "last_name": "Berg", "phone": "+49 30 123457"}""");
        assertEquals(List.of(List.of(a, b, c)), groups("phone"),
                "a short number: its last 9 digits as written differ, the number's agree");
    }

    /**
     * The finder keeps only a hash of each key: "a~ ada" and "b_ ada" share one (as Java's string hash), and are still
     * not one person; a contact with the same email twice is no group of its own; groups come in the order their
     * keys were first seen.
     */
    @Test
    void keysThatOnlyShareAHashAreNoGroupAndGroupsComeInTheOrderSeen() {
        assertEquals("a~ ada".hashCode(), "b_ ada".hashCode(), "the test's two names share a hash");
        api.createContact(token, """
                {"first_name": "a~", "last_name": "Ada"}""");
        api.createContact(token, """
                {"first_name": "b_", "last_name": "Ada"}""");
        api.createContact(token, """
                {"first_name": "Cy", "last_name": "Twice", "emails": [{"value": "cy@example.com"},
                 {"value": "CY@example.com"}]}""");
        long z1 = api.createContact(token, "Zed", "Last");
        long y1 = api.createContact(token, "Yan", "First");
        long z2 = api.createContact(token, "ZED", "last");
        long y2 = api.createContact(token, "yan", "FIRST");

        assertEquals(List.of(), groups("email"), "one contact's two spellings of one email");
        assertEquals(List.of(List.of(z1, z2), List.of(y1, y2)), groups("name"));
    }

    /** An answer over 1 MiB is streamed (never held whole): every group, complete and in order. */
    @Test
    void aLongAnswerIsStreamedWhole() {
        String note = "n".repeat(5_000);
        List<List<Long>> expected = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            long first = api.createContact(token, TestApi.json("first_name", "Pat", "last_name", "Twin " + i,
                    "additional_data", note));
            long second = api.createContact(token, TestApi.json("first_name", "PAT", "last_name", "twin " + i,
                    "additional_data", note));
            expected.add(List.of(first, second));
        }
        Response r = api.get("/contacts/duplicates/", token);
        assertTrue(r.body().length() > 1024 * 1024, "long enough to be streamed: " + r.body().length());
        assertEquals("chunked", r.header("Transfer-Encoding"));
        assertEquals(expected, groups("name"));
    }

    @Test
    void noDuplicatesIsAnEmptyList() {
        api.createContact(token, "Ann", "Lee");
        api.createContact(token, "Bob", "Stone");
        assertEquals(0, api.get("/contacts/duplicates/", token).json().size());
    }

    @Test
    void mergeKeepsTheFirstsValuesFillsFromTheOthersInOrderAndTrashesThem() {
        long keep = api.createContact(token, """
                {"first_name": "Ann", "last_name": "", "email": "ann@example.com", "additional_data": "First",
                 "labels": ["Family"]}""");
        long second = api.createContact(token, """
                {"first_name": "Annie", "last_name": "Lee", "emails": [{"value": "ANN@example.com"},
                 {"value": "ann@work.example", "label": "work"}], "organization": "Globex",
                 "additional_data": "Second", "labels": ["family", "Chess"], "phone": "+1 555 010 2000"}""");
        long third = api.createContact(token, """
                {"first_name": "A.", "last_name": "Lee-Smith", "organization": "Initech", "job_title": "CTO",
                 "phone": "+1 (555) 010-2000", "birthday": "1980-01-02", "favorite": true}""");

        Response merged = api.post("/contacts/merge/", token, "{\"ids\": [" + keep + ", " + second + ", " + third + "]}");
        assertEquals(200, merged.status(), merged.body());
        JsonNode m = merged.json();
        assertEquals(keep, m.get("id").asLong());
        assertEquals("Ann", m.get("first_name").asText());
        assertEquals("Lee", m.get("last_name").asText(), "filled from the first other that has one");
        assertEquals("Globex", m.get("organization").asText());
        assertEquals("CTO", m.get("job_title").asText());
        assertEquals("1980-01-02", m.get("birthday").asText());
        assertTrue(m.get("favorite").asBoolean());
        assertEquals(List.of("ann@example.com", "ann@work.example"),
                m.get("emails").findValuesAsText("value"));
        assertEquals(1, m.get("phones").size(), "the same digits are one phone");
        assertEquals(List.of("Family", "Chess"), texts(m.get("labels")));
        assertEquals("First\n\nSecond", m.get("additional_data").asText(),
                "notes are joined; the others' names that lost stay on their cards, in the trash");

        assertEquals(404, api.get("/contacts/" + second + "/", token).status());
        assertEquals(404, api.get("/contacts/" + third + "/", token).status());
        String trash = api.get("/contacts/trash/", token).body();
        assertTrue(trash.contains("\"id\":" + second) && trash.contains("\"id\":" + third), trash);
        assertEquals(m, api.get("/contacts/" + keep + "/", token).json());
    }

    @Test
    void theMergedContactComesWithItsETagForTheNextIfMatch() {
        long keep = api.createContact(token, "{\"first_name\": \"Ann\", \"last_name\": \"Lee\"}");
        long other = api.createContact(token, "{\"first_name\": \"Ann\", \"last_name\": \"Lee\", \"nickname\": \"A\"}");
        Response merged = api.post("/contacts/merge/", token, "{\"ids\": [" + keep + ", " + other + "]}");
        assertEquals(200, merged.status(), merged.body());
        String tag = merged.header("ETag");
        assertEquals(api.get("/contacts/" + keep + "/", token).header("ETag"), tag, "one contact, one strong ETag");
        Response patched = api.send(HttpRequest.newBuilder(api.uri("/contacts/" + keep + "/"))
                .header("Authorization", "Bearer " + token).header("If-Match", String.valueOf(tag))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"job_title\": \"CTO\"}")));
        assertEquals(200, patched.status(), "the merge's tag is the contact's current one: " + patched);
    }

    @Test
    void anotherUsersOrAMissingIdIsNotFoundAndNothingChanges() {
        long mine = api.createContact(token, "Ann", "Lee");
        long mine2 = api.createContact(token, "Ann", "Lee");
        String other = api.newUser();
        long theirs = api.createContact(other, "Eve", "Secret");
        String before = api.get("/contacts/", token).body();

        Response foreign = api.post("/contacts/merge/", token, "{\"ids\": [" + mine + ", " + theirs + "]}");
        assertEquals(404, foreign.status());
        assertEquals("Contact not found", foreign.detail());
        assertEquals(404, api.post("/contacts/merge/", token, "{\"ids\": [" + mine + ", " + mine2 + ", 999999]}").status());
        assertEquals(before, api.get("/contacts/", token).body());
        assertEquals(200, api.get("/contacts/" + theirs + "/", other).status());
    }

    @Test
    void aMergeWhoseNotesWouldBeTooLongIsRefusedAndChangesNothing() {
        String notes = "n".repeat(6000);
        long a = api.createContact(token, TestApi.json("first_name", "Ann", "last_name", "Lee", "additional_data", notes));
        long b = api.createContact(token, TestApi.json("first_name", "Ann", "last_name", "Lee",
                "additional_data", notes.replace('n', 'm')));
        String before = api.get("/contacts/", token).body();
        Response r = merge(a, b);
        assertEquals(422, r.status(), r.body());
        assertEquals(before, api.get("/contacts/", token).body());
    }

    @Test
    void aPhotoComesFromTheFirstOtherThatHasOne() {
        long keep = api.createContact(token, "Ann", "Lee");
        long other = api.createContact(token, "Ann", "Lee");
        Response put = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/contacts/" + other + "/photo/"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "image/png")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(VCardImportTest.PNG)));
        assertEquals(204, put.status(), put.body());
        JsonNode merged = merge(keep, other).json();
        assertTrue(merged.get("has_photo").asBoolean());
        assertEquals(200, api.get("/contacts/" + keep + "/photo/", token).status());
    }

    @Test
    void idsMustBeTwoToFiftyDistinctIds() {
        long[] ids = LongStream.rangeClosed(1, 51).map(i -> api.createContact(token, "P" + i, "X")).toArray();
        assertEquals(422, merge(ids[0]).status());
        assertEquals(422, merge(LongStream.of(ids).toArray()).status(), "51 ids");
        assertEquals(422, merge(ids[0], ids[0]).status());
        assertEquals(422, api.post("/contacts/merge/", token, "{\"ids\": [1, \"x\"]}").status());
        assertEquals(422, api.post("/contacts/merge/", token, "{\"ids\": 5}").status());
        assertEquals(422, api.post("/contacts/merge/", token, "{}").status());
        assertEquals(51, api.get("/contacts/?limit=100", token).json().size(), "nothing merged");

        Response fifty = merge(LongStream.of(ids).limit(50).toArray());
        assertEquals(200, fifty.status(), fifty.body());
        assertEquals(2, api.get("/contacts/?limit=100", token).json().size());
        assertFalse(fifty.json().get("first_name").asText().isEmpty());
    }

    private Response merge(long... ids) {
        return api.post("/contacts/merge/", token, "{\"ids\": " + java.util.Arrays.toString(ids) + "}");
    }
}
