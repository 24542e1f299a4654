package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The v2 contact over the real routing: the new fields and their limits, {@code email}/{@code phone} mirroring
 * the first list entries in every verb, and ETag / If-Match.
 */
@ServerTest
class ContactFieldsV2ApiTest {

    private static final String FULL = """
            {"first_name": "Ann", "last_name": "",
             "emails": [{"value": "ann@work.example", "label": "work"}, {"value": "ann@home.example"}],
             "phones": [{"value": "+1 555 0100", "label": "work"}, {"value": "+1 555 0199", "label": "Car"}],
             "addresses": [{"label": "home", "street": "1 Main St", "locality": "Springfield", "country": "US"}],
             "organization": "ACME", "job_title": "Engineer", "nickname": "Annie",
             "labels": ["Family", " Work ", "family"], "favorite": true,
             "birthday": "1604-05-17", "additional_data": "notes"}""";

    private final TestApi api;
    private String token;

    ContactFieldsV2ApiTest(URI uri) {
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

    private JsonNode create(String body) {
        Response r = api.post("/contacts/", token, body);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static List<String> locs(Response r) {
        assertEquals(422, r.status(), r.body());
        List<String> locs = new ArrayList<>();
        r.json().get("detail").forEach(e -> locs.add(e.get("loc").toString()));
        return locs;
    }

    @Test
    void everyV2FieldRoundTripsAndTheFirstEntriesAreMirrored() {
        JsonNode c = create(FULL);
        assertEquals("ann@work.example", c.get("email").asText());
        assertEquals("+1 555 0100", c.get("phone").asText());
        assertEquals("other", c.at("/emails/1/label").asText(), "the default email label");
        assertEquals("Car", c.at("/phones/1/label").asText());
        assertEquals("Springfield", c.at("/addresses/0/locality").asText());
        assertTrue(c.at("/addresses/0/region").isNull());
        assertEquals("ACME", c.get("organization").asText());
        assertEquals("Engineer", c.get("job_title").asText());
        assertEquals("Annie", c.get("nickname").asText());
        assertEquals("[\"Family\",\"Work\"]", c.get("labels").toString(), "trimmed, merged ignoring case");
        assertTrue(c.get("favorite").asBoolean());
        assertEquals(false, c.get("has_photo").asBoolean());
        assertEquals("", c.get("last_name").asText());
        assertEquals("1604-05-17", c.get("birthday").asText(), "the year-unknown convention is kept as is");
        JsonNode read = api.get("/contacts/" + c.get("id").asLong() + "/", token).json();
        assertEquals(c, read);
    }

    @Test
    void postWithV1FieldsAloneMakesOneEntryEachWithTheDefaultLabels() {
        JsonNode c = create("{\"first_name\": \"A\", \"last_name\": \"B\", \"email\": \"a@example.com\", "
                + "\"phone\": \"12345\"}");
        assertEquals("[{\"value\":\"a@example.com\",\"label\":\"other\"}]", c.get("emails").toString());
        assertEquals("[{\"value\":\"12345\",\"label\":\"mobile\"}]", c.get("phones").toString());
    }

    @Test
    void bothFormsMustAgreeOnTheFirstValue() {
        assertEquals(201, api.post("/contacts/", token, "{\"first_name\": \"A\", \"last_name\": \"\", "
                + "\"email\": \"a@example.com\", \"emails\": [{\"value\": \"a@example.com\", \"label\": \"work\"}]}")
                .status());
        assertEquals(List.of("[\"body\",\"email\"]"), locs(api.post("/contacts/", token, "{\"first_name\": \"A\", "
                + "\"last_name\": \"\", \"email\": \"b@example.com\", \"emails\": [{\"value\": \"a@example.com\"}]}")));
        assertEquals(List.of("[\"body\",\"phone\"]"), locs(api.post("/contacts/", token, "{\"first_name\": \"A\", "
                + "\"last_name\": \"\", \"phone\": null, \"phones\": [{\"value\": \"12345\"}]}")));
        assertEquals("1", api.get("/contacts/", token).header("X-Total-Count"), "only the agreeing one was stored");
    }

    @Test
    void putReplacesTheListsAndMirrorsThem() {
        long id = create(FULL).get("id").asLong();
        Response v1 = api.put("/contacts/" + id + "/", token, "{\"first_name\": \"A\", \"last_name\": \"B\", "
                + "\"email\": \"new@example.com\"}");
        assertEquals(200, v1.status(), v1.body());
        assertEquals("[{\"value\":\"new@example.com\",\"label\":\"other\"}]", v1.json().get("emails").toString());
        assertTrue(v1.json().get("phone").isNull(), "left out: no phones");
        assertEquals(0, v1.json().get("labels").size());
        assertEquals(false, v1.json().get("favorite").asBoolean());
        Response v2 = api.put("/contacts/" + id + "/", token, "{\"first_name\": \"A\", \"last_name\": \"B\", "
                + "\"phones\": [{\"value\": \"+44 20 7946 0000\", \"label\": \"home\"}]}");
        assertEquals("+44 20 7946 0000", v2.json().get("phone").asText());
        assertTrue(v2.json().get("email").isNull());
        assertEquals(List.of("[\"body\",\"last_name\"]"), locs(api.put("/contacts/" + id + "/", token,
                "{\"first_name\": \"A\"}")), "the last name must be present on PUT");
    }

    @Test
    void patchEmailReplacesTheFirstValueKeepingItsLabelNullRemovesItAndTheListReplacesAll() {
        long id = create(FULL).get("id").asLong();
        String path = "/contacts/" + id + "/";
        JsonNode replaced = api.patch(path, token, "{\"email\": \"ann@new.example\"}").json();
        assertEquals("ann@new.example", replaced.get("email").asText());
        assertEquals("[{\"value\":\"ann@new.example\",\"label\":\"work\"},"
                + "{\"value\":\"ann@home.example\",\"label\":\"other\"}]", replaced.get("emails").toString());
        JsonNode removed = api.patch(path, token, "{\"email\": null, \"phone\": null}").json();
        assertEquals("ann@home.example", removed.get("email").asText(), "the second became the first");
        assertEquals("+1 555 0199", removed.get("phone").asText());
        assertEquals(1, removed.get("emails").size());
        JsonNode list = api.patch(path, token, "{\"phones\": []}").json();
        assertTrue(list.get("phone").isNull());
        assertEquals("ACME", list.get("organization").asText(), "fields not given are kept");
        JsonNode added = api.patch(path, token, "{\"phone\": \"12345\"}").json();
        assertEquals("[{\"value\":\"12345\",\"label\":\"mobile\"}]", added.get("phones").toString(),
                "added with the default label when there was none");
        JsonNode cleared = api.patch(path, token, "{\"organization\": null, \"labels\": [\"X\"], \"favorite\": false}")
                .json();
        assertTrue(cleared.get("organization").isNull());
        assertEquals("[\"X\"]", cleared.get("labels").toString());
        assertEquals(false, cleared.get("favorite").asBoolean());
        assertEquals(List.of("[\"body\",\"email\"]"), locs(api.patch(path, token, "{\"email\": \"nope\"}")),
                "a v1 field's error is located at the v1 field");
        assertEquals(List.of("[\"body\",\"emails\",0,\"value\"]"),
                locs(api.patch(path, token, "{\"emails\": [{\"value\": \"nope\"}]}")));
    }

    @Test
    void listLimitsPlusOrMinusOne() {
        assertEquals(201, api.post("/contacts/", token, withList("emails", 10, "{\"value\": \"a%d@example.com\"}"))
                .status());
        assertEquals(List.of("[\"body\",\"emails\"]"),
                locs(api.post("/contacts/", token, withList("emails", 11, "{\"value\": \"a%d@example.com\"}"))));
        assertEquals(201, api.post("/contacts/", token, withList("phones", 10, "{\"value\": \"+1 555 01%02d\"}"))
                .status());
        assertEquals(List.of("[\"body\",\"phones\"]"),
                locs(api.post("/contacts/", token, withList("phones", 11, "{\"value\": \"+1 555 01%02d\"}"))));
        assertEquals(201, api.post("/contacts/", token, withList("addresses", 5, "{\"street\": \"%d Main St\"}"))
                .status());
        assertEquals(List.of("[\"body\",\"addresses\"]"),
                locs(api.post("/contacts/", token, withList("addresses", 6, "{\"street\": \"%d Main St\"}"))));
        assertEquals(201, api.post("/contacts/", token, withList("labels", 20, "\"L%d\"")).status());
        assertEquals(List.of("[\"body\",\"labels\"]"),
                locs(api.post("/contacts/", token, withList("labels", 21, "\"L%d\""))));
    }

    @Test
    void textLimitsPlusOrMinusOne() {
        assertLimit("organization", 100);
        assertLimit("job_title", 100);
        assertLimit("nickname", 50);
        assertEquals(201, api.post("/contacts/", token, "{\"first_name\": \"A\", \"last_name\": \"\", "
                + "\"labels\": [\"" + "l".repeat(40) + "\"]}").status());
        assertEquals(List.of("[\"body\",\"labels\",0]"), locs(api.post("/contacts/", token, "{\"first_name\": "
                + "\"A\", \"last_name\": \"\", \"labels\": [\"" + "l".repeat(41) + "\"]}")));
        assertEquals(201, api.post("/contacts/", token, "{\"first_name\": \"A\", \"last_name\": \"\", "
                + "\"emails\": [{\"value\": \"a@b.example\", \"label\": \"" + "x".repeat(30) + "\"}]}").status());
        assertEquals(List.of("[\"body\",\"emails\",0,\"label\"]"), locs(api.post("/contacts/", token,
                "{\"first_name\": \"A\", \"last_name\": \"\", \"emails\": [{\"value\": \"a@b.example\", "
                        + "\"label\": \"" + "x".repeat(31) + "\"}]}")));
        assertEquals(201, api.post("/contacts/", token, "{\"first_name\": \"A\", \"last_name\": \"\", "
                + "\"addresses\": [{\"street\": \"" + "s".repeat(100) + "\"}]}").status());
        assertEquals(List.of("[\"body\",\"addresses\",0,\"street\"]"), locs(api.post("/contacts/", token,
                "{\"first_name\": \"A\", \"last_name\": \"\", \"addresses\": [{\"street\": \"" + "s".repeat(101)
                        + "\"}]}")));
        assertEquals(List.of("[\"body\",\"addresses\",0]"), locs(api.post("/contacts/", token,
                "{\"first_name\": \"A\", \"last_name\": \"\", \"addresses\": [{\"label\": \"home\"}]}")),
                "an address needs one part");
    }

    @Test
    void wrongTypesAre422AndStoreNothing() {
        assertEquals(List.of("[\"body\",\"emails\"]"), locs(api.post("/contacts/", token,
                "{\"first_name\": \"A\", \"last_name\": \"\", \"emails\": \"a@b.example\"}")));
        assertEquals(List.of("[\"body\",\"favorite\"]"), locs(api.post("/contacts/", token,
                "{\"first_name\": \"A\", \"last_name\": \"\", \"favorite\": \"yes\"}")));
        assertEquals(List.of("[\"body\",\"labels\",1]"), locs(api.post("/contacts/", token,
                "{\"first_name\": \"A\", \"last_name\": \"\", \"labels\": [\"ok\", 5]}")));
        assertEquals(List.of("[\"body\",\"phones\",0]"), locs(api.post("/contacts/", token,
                "{\"first_name\": \"A\", \"last_name\": \"\", \"phones\": [\"12345\"]}")));
        assertEquals(List.of("[\"body\",\"last_name\"]"), locs(api.post("/contacts/", token,
                "{\"first_name\": \"A\", \"last_name\": null}")), "never null");
        assertEquals("0", api.get("/contacts/", token).header("X-Total-Count"));
    }

    @Test
    void hasPhotoIsReadOnly() {
        JsonNode c = create("{\"first_name\": \"A\", \"last_name\": \"\", \"has_photo\": true}");
        assertEquals(false, c.get("has_photo").asBoolean());
    }

    @Test
    void everyAnswerWithOneContactHasAStrongETagThatChangesWithTheContact() {
        Response created = api.post("/contacts/", token, FULL);
        String etag = created.header("ETag");
        assertTrue(etag.matches("\"[A-Za-z0-9_-]+\""), etag);
        long id = created.json().get("id").asLong();
        String path = "/contacts/" + id + "/";
        assertEquals(etag, api.get(path, token).header("ETag"));
        Response patched = api.patch(path, token, "{\"nickname\": \"A.\"}");
        assertNotEquals(etag, patched.header("ETag"));
        assertEquals(patched.header("ETag"), api.get(path, token).header("ETag"));
        assertNotEquals(null, api.put(path, token, "{\"first_name\": \"A\", \"last_name\": \"\"}").header("ETag"));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Response created = api.post("/contacts/", token, FULL);
        String stale = created.header("ETag");
        String path = "/contacts/" + created.json().get("id").asLong() + "/";
        Response changed = withIfMatch("PATCH", path, stale, "{\"nickname\": \"First\"}");
        assertEquals(200, changed.status(), "a matching tag lets the write go ahead");
        String fresh = changed.header("ETag");
        JsonNode before = api.get(path, token).json();

        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            String body = method.equals("DELETE") ? null : "{\"first_name\": \"Lost\", \"last_name\": \"\"}";
            Response refused = withIfMatch(method, path, stale, body);
            assertEquals(412, refused.status(), method);
            assertEquals("The contact was changed meanwhile", refused.detail());
        }
        assertEquals(412, withIfMatch("PATCH", path, "W/" + fresh, "{\"nickname\": \"x\"}").status(),
                "a weak tag never matches");
        assertEquals(before, api.get(path, token).json(), "nothing changed");
        assertEquals(200, withIfMatch("PUT", path, "\"other\", " + fresh,
                "{\"first_name\": \"Won\", \"last_name\": \"\"}").status(), "any tag of a list may match");
        assertEquals(200, withIfMatch("PATCH", path, "*", "{\"nickname\": \"any\"}").status());
        assertEquals(204, withIfMatch("DELETE", path, api.get(path, token).header("ETag"), null).status());
        assertEquals(200, api.patch("/contacts/" + create(FULL).get("id").asLong() + "/", token,
                "{\"nickname\": \"no If-Match: last write wins\"}").status());
    }

    @Test
    void theOpenApiDocumentDescribesV2() {
        JsonNode doc = api.get("/openapi", null).json();
        String[][] endpoints = {
                {"/contacts/labels/", "get"}, {"/contacts/delete/", "post"}, {"/contacts/trash/", "get"},
                {"/contacts/trash/", "delete"}, {"/contacts/trash/{contact_id}/restore/", "post"},
                {"/contacts/trash/{contact_id}/", "delete"}, {"/contacts/{contact_id}/photo/", "get"},
                {"/contacts/{contact_id}/photo/", "put"}, {"/contacts/{contact_id}/photo/", "delete"},
        };
        for (String[] endpoint : endpoints) {
            assertTrue(doc.path("paths").path(endpoint[0]).has(endpoint[1]), endpoint[1] + " " + endpoint[0]);
        }
        JsonNode draft = doc.at("/components/schemas/ContactDraft/properties");
        for (String field : List.of("emails", "phones", "addresses", "organization", "job_title", "nickname",
                "labels", "favorite")) {
            assertTrue(draft.has(field), field);
        }
        assertEquals(10_000, draft.at("/additional_data/maxLength").asInt());
        assertTrue(doc.at("/components/schemas/Contact/allOf/1/properties").has("has_photo"));
        List<String> listParams = new ArrayList<>();
        doc.at("/paths/~1contacts~1/get/parameters").forEach(p -> listParams.add(p.get("$ref").asText()));
        assertTrue(listParams.containsAll(List.of("#/components/parameters/sort", "#/components/parameters/order",
                "#/components/parameters/label", "#/components/parameters/favorite")), listParams.toString());
    }

    private Response withIfMatch(String method, String path, String tag, String body) {
        return api.send(java.net.http.HttpRequest.newBuilder(api.uri(path))
                .header("Authorization", "Bearer " + token)
                .header("If-Match", tag)
                .header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    private void assertLimit(String field, int max) {
        assertEquals(201, api.post("/contacts/", token, "{\"first_name\": \"A\", \"last_name\": \"\", \"" + field
                + "\": \"" + "😀".repeat(max) + "\"}").status(), field);
        assertEquals(List.of("[\"body\",\"" + field + "\"]"), locs(api.post("/contacts/", token,
                "{\"first_name\": \"A\", \"last_name\": \"\", \"" + field + "\": \"" + "x".repeat(max + 1) + "\"}")));
    }

    private static String withList(String field, int n, String itemFormat) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(String.format(itemFormat, i));
        }
        return "{\"first_name\": \"A\", \"last_name\": \"\", \"" + field + "\": [" + String.join(", ", items) + "]}";
    }
}
