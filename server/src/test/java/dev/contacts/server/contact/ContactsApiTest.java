package dev.contacts.server.contact;

import static dev.contacts.server.support.TestApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** Contacts: create, read, list, replace, patch, delete; the field rules; one user never sees another's. */
@ServerTest
class ContactsApiTest {

    private final TestApi api;

    ContactsApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    private static String fullContact() {
        return json("first_name", "Ada", "last_name", "Lovelace", "email", "ada@example.com",
                "phone", "+44 (20) 7946-0018", "birthday", "1815-12-10", "additional_data", "Analyst");
    }

    private static List<String> errorFields(Response r) {
        List<String> fields = new ArrayList<>();
        for (JsonNode e : r.json().get("detail")) {
            fields.add(e.get("loc").get(e.get("loc").size() - 1).asText());
        }
        return fields;
    }

    @Test
    void createAnswers201WithEveryFieldAndServerTimestamps() {
        String token = api.newUser();
        Response r = api.post("/contacts/", token, fullContact());
        assertEquals(201, r.status(), r.toString());
        JsonNode c = r.json();
        assertTrue(c.get("id").isIntegralNumber());
        assertEquals("Ada", c.get("first_name").asText());
        assertEquals("Lovelace", c.get("last_name").asText());
        assertEquals("ada@example.com", c.get("email").asText());
        assertEquals("+44 (20) 7946-0018", c.get("phone").asText());
        assertEquals("1815-12-10", c.get("birthday").asText());
        assertEquals("Analyst", c.get("additional_data").asText());
        Instant created = Instant.parse(c.get("created_at").asText());
        assertTrue(created.isAfter(Instant.now().minusSeconds(60)), "created_at is now, in UTC");
        assertEquals(c.get("created_at"), c.get("updated_at"));
        assertEquals(c, api.get("/contacts/" + c.get("id").asLong(), token).json());
    }

    @Test
    void optionalFieldsLeftOutAreNull() {
        String token = api.newUser();
        JsonNode c = api.post("/contacts", token, json("first_name", "A", "last_name", "B")).json();
        for (String field : new String[] {"email", "phone", "birthday", "additional_data"}) {
            assertTrue(c.get(field).isNull(), field + " should be null: " + c);
        }
    }

    @Test
    void namesAreTrimmedAndServerOwnedFieldsAreIgnored() {
        String token = api.newUser();
        JsonNode c = api.post("/contacts/", token, json("first_name", "  Grace ", "last_name", "\tHopper\n",
                "id", 424242, "user_id", 1, "created_at", "2000-01-01T00:00:00Z", "unknown", "x")).json();
        assertEquals("Grace", c.get("first_name").asText());
        assertEquals("Hopper", c.get("last_name").asText());
        assertNotEquals(424242, c.get("id").asLong());
        assertNotEquals("2000-01-01T00:00:00Z", c.get("created_at").asText());
        assertTrue(!c.has("unknown") && !c.has("user_id"));
    }

    @Test
    void namesAreTrimmedOfEveryUnicodeSpaceAsFastApiTrimsThem() {
        String token = api.newUser();
        // no-break spaces (U+00A0, U+2007, U+202F) and NEL (U+0085) are white space to Python's str.strip
        for (String blank : new String[] {"\u00a0", "\u2007", "\u202f", "\u0085", "\u00a0 \u202f"}) {
            Response r = api.post("/contacts/", token, json("first_name", blank, "last_name", "y"));
            assertEquals(422, r.status(), r.toString());
            assertEquals(List.of("first_name"), errorFields(r));
            assertEquals("string_too_short", r.json().get("detail").get(0).get("type").asText());
        }
        assertEquals("0", api.get("/contacts/", token).header("X-Total-Count"), "nothing stored");
        JsonNode c = api.post("/contacts/", token, json("first_name", "\u00a0Grace\u202f", "last_name", "\u2007Hopper",
                "nickname", "\u00a0", "labels", List.of("\u00a0Family\u00a0"))).json();
        assertEquals("Grace", c.get("first_name").asText());
        assertEquals("Hopper", c.get("last_name").asText());
        assertTrue(c.get("nickname").isNull(), c.toString());
        assertEquals("[\"Family\"]", c.get("labels").toString());
    }

    @Test
    void anyUnicodeTextRoundTripsExactly() {
        String token = api.newUser();
        String note = "Zürich ☕ 東京 👩‍👩‍👧 \"quotes\" \\ back\\slash\nnew line\ttab \u0001 control";
        JsonNode c = api.post("/contacts/", token, json("first_name", "Łukasz", "last_name", "Ænæs-Ødegård 日本",
                "additional_data", note)).json();
        JsonNode read = api.get("/contacts/" + c.get("id").asLong(), token).json();
        assertEquals("Łukasz", read.get("first_name").asText());
        assertEquals("Ænæs-Ødegård 日本", read.get("last_name").asText());
        assertEquals(note, read.get("additional_data").asText());
    }

    @Test
    void halfACharacterIsRefusedRatherThanStoredChanged() {
        String token = api.newUser();
        Response r = api.post("/contacts/", token, "{\"first_name\": \"a\\ud800b\", \"last_name\": \"x\"}");
        assertEquals(422, r.status(), r.toString());
        assertEquals(List.of("first_name"), errorFields(r));
        assertEquals("string_unicode", r.json().get("detail").get(0).get("type").asText());
        assertEquals(201, api.post("/contacts/", token, "{\"first_name\": \"\\ud83d\\ude00\", \"last_name\": \"x\"}")
                .status(), "an escaped pair is a whole character");
        assertEquals("1", api.get("/contacts/", token).header("X-Total-Count"));
    }

    @Test
    void theNulCharacterIsRefusedOnEveryDatabase() {
        String token = api.newUser();
        Response r = api.post("/contacts/", token, "{\"first_name\": \"a\", \"last_name\": \"x\", "
                + "\"additional_data\": \"before\\u0000after\"}");
        assertEquals(422, r.status(), r.toString());
        assertEquals(List.of("additional_data"), errorFields(r));
        assertEquals("string_unicode", r.json().get("detail").get(0).get("type").asText());
        Response file = api.send("POST", "/contacts/import/", token, "text/vcard",
                "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\u0000B\r\nN:B;A;;;\r\nEND:VCARD\r\n");
        assertEquals(422, file.status(), file.toString());
        assertEquals("0", api.get("/contacts/", token).header("X-Total-Count"), "nothing stored");
    }

    @Test
    void aNulInASearchOrFilterFindsNothingOnEveryDatabase() {
        String token = api.newUser();
        api.createContact(token, json("first_name", "Ann", "last_name", "Lee", "email", "ann@example.com",
                "labels", List.of("Family")));
        for (String path : new String[] {"/contacts/search/?query=%00", "/contacts/search/?query=ann%00",
                "/contacts/search/?first_name=a%00", "/contacts/search/?last_name=%00", "/contacts/search/?email=%00",
                "/contacts/?label=%00", "/contacts/search/?query=ann&label=Fam%00ily"}) {
            Response r = api.get(path, token);
            assertEquals(200, r.status(), path + " -> " + r);
            assertEquals("[]", r.body(), path);
            assertEquals("0", r.header("X-Total-Count"), path);
        }
    }

    @Test
    void nameLengthsAre1To50CharactersAfterTrimming() {
        String token = api.newUser();
        assertEquals(201, api.post("/contacts/", token, json("first_name", "x".repeat(50), "last_name", "y")).status());
        assertEquals(201, api.post("/contacts/", token, json("first_name", "😀".repeat(50), "last_name", "y")).status());
        Response tooLong = api.post("/contacts/", token, json("first_name", "x".repeat(51), "last_name", "y"));
        assertEquals(422, tooLong.status());
        assertEquals(List.of("first_name"), errorFields(tooLong));
        assertEquals("string_too_long", tooLong.json().get("detail").get(0).get("type").asText());
        Response blank = api.post("/contacts/", token, json("first_name", "   ", "last_name", "y"));
        assertEquals(422, blank.status());
        assertEquals(List.of("first_name"), errorFields(blank));
        Response emptyLast = api.post("/contacts/", token, json("first_name", "a", "last_name", "   "));
        assertEquals(201, emptyLast.status(), "v2 widens this: the last name may be empty");
        assertEquals("", emptyLast.json().get("last_name").asText());
        assertEquals(201, api.post("/contacts/", token, json("first_name", " " + "x".repeat(50) + " ",
                "last_name", "y")).status(), "surrounding spaces do not count");
    }

    @Test
    void requiredNamesMissingAreReportedTogether() {
        String token = api.newUser();
        Response r = api.post("/contacts/", token, "{}");
        assertEquals(422, r.status());
        assertEquals(List.of("first_name", "last_name"), errorFields(r));
        assertEquals("missing", r.json().get("detail").get(0).get("type").asText());
        assertEquals("[\"body\",\"first_name\"]", r.json().get("detail").get(0).get("loc").toString());
    }

    @Test
    void emailMustBeAValidAddressOfAtMost254Characters() {
        String token = api.newUser();
        assertEquals(201, api.post("/contacts/", token, json("first_name", "a", "last_name", "b",
                "email", "first.last+tag@sub.example.co.uk")).status());
        for (String bad : new String[] {"not-an-email", "a@", "@b.com", "a@b", "", "a b@c.com"}) {
            Response r = api.post("/contacts/", token, json("first_name", "a", "last_name", "b", "email", bad));
            assertEquals(422, r.status(), bad);
            assertEquals(List.of("email"), errorFields(r), bad);
        }
    }

    @Test
    void phoneRules() {
        String token = api.newUser();
        for (String ok : new String[] {"12345", "+1 (555) 010-9999", "555.010.99", "1".repeat(25)}) {
            assertEquals(201, api.post("/contacts/", token, json("first_name", "a", "last_name", "b", "phone", ok))
                    .status(), ok);
        }
        for (String bad : new String[] {"1234", "1".repeat(26), "12-34", "(((1234)))", "555-CALL-NOW", "1+2345",
                "++12345"}) {
            Response r = api.post("/contacts/", token, json("first_name", "a", "last_name", "b", "phone", bad));
            assertEquals(422, r.status(), bad);
            assertEquals(List.of("phone"), errorFields(r), bad);
        }
    }

    @Test
    void birthdayMustBeARealPastDate() {
        String token = api.newUser();
        assertEquals(201, api.post("/contacts/", token, json("first_name", "a", "last_name", "b",
                "birthday", "2000-02-29")).status());
        assertEquals(201, api.post("/contacts/", token, json("first_name", "a", "last_name", "b",
                "birthday", LocalDate.now().toString())).status(), "born today is fine");
        for (String bad : new String[] {"2001-02-29", "2020-13-01", "2020-1-1", "01/02/2020", "yesterday", "0000-01-01",
                LocalDate.now().plusDays(2).toString()}) {
            Response r = api.post("/contacts/", token, json("first_name", "a", "last_name", "b", "birthday", bad));
            assertEquals(422, r.status(), bad);
            assertEquals(List.of("birthday"), errorFields(r), bad);
        }
    }

    @Test
    void additionalDataIsAtMost10000Characters() {
        String token = api.newUser();
        assertEquals(201, api.post("/contacts/", token, json("first_name", "a", "last_name", "b",
                "additional_data", "n".repeat(10_000))).status());
        assertEquals(422, api.post("/contacts/", token, json("first_name", "a", "last_name", "b",
                "additional_data", "n".repeat(10_001))).status());
    }

    @Test
    void wrongJsonTypesAre422AndStoreNothing() {
        String token = api.newUser();
        String[] bodies = {
                "{\"first_name\": 5, \"last_name\": \"b\"}",
                "{\"first_name\": \"a\", \"last_name\": null}",
                "{\"first_name\": \"a\", \"last_name\": \"b\", \"email\": []}",
                "{\"first_name\": \"a\", \"last_name\": \"b\", \"birthday\": 20000101}",
                "{\"first_name\": true, \"last_name\": {}}",
                "[]", "null", "\"text\"", "42", "{bad json", "{\"first_name\": \"a\",}", "",
        };
        for (String body : bodies) {
            Response r = api.post("/contacts/", token, body);
            assertEquals(422, r.status(), body + " -> " + r);
            assertTrue(r.json().get("detail").isArray() && !r.json().get("detail").isEmpty(), body);
            assertEquals("body", r.json().get("detail").get(0).get("loc").get(0).asText(), body);
        }
        assertEquals("0", api.get("/contacts/", token).header("X-Total-Count"));
    }

    @Test
    void listIsInIdOrderWithSkipLimitAndTotal() {
        String token = api.newUser();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.createContact(token, "First" + i, "Last" + i));
        }
        Response all = api.get("/contacts/", token);
        assertEquals(200, all.status());
        assertEquals("5", all.header("X-Total-Count"));
        List<Long> listed = new ArrayList<>();
        all.json().forEach(c -> listed.add(c.get("id").asLong()));
        assertEquals(ids, listed);

        Response page = api.get("/contacts?skip=1&limit=2", token);
        assertEquals("5", page.header("X-Total-Count"));
        assertEquals(2, page.json().size());
        assertEquals(ids.get(1), page.json().get(0).get("id").asLong());
        assertEquals(0, api.get("/contacts/?skip=5", token).json().size());
    }

    @Test
    void skipAndLimitBounds() {
        String token = api.newUser();
        assertEquals(200, api.get("/contacts/?limit=1", token).status());
        assertEquals(200, api.get("/contacts/?limit=1000", token).status());
        assertEquals(200, api.get("/contacts/?skip=0", token).status());
        for (String query : new String[] {"limit=0", "limit=1001", "skip=-1", "limit=abc", "skip=1.5",
                "limit=99999999999999999999"}) {
            Response r = api.get("/contacts/?" + query, token);
            assertEquals(422, r.status(), query);
            assertEquals("query", r.json().get("detail").get(0).get("loc").get(0).asText());
            assertEquals(query.substring(0, query.indexOf('=')), r.json().get("detail").get(0).get("loc").get(1).asText());
        }
    }

    @Test
    void putReplacesTheWholeContact() throws InterruptedException {
        String token = api.newUser();
        JsonNode created = api.post("/contacts/", token, fullContact()).json();
        long id = created.get("id").asLong();
        Thread.sleep(5);
        Response r = api.put("/contacts/" + id + "/", token, json("first_name", "Augusta", "last_name", "King"));
        assertEquals(200, r.status(), r.toString());
        JsonNode c = r.json();
        assertEquals("Augusta", c.get("first_name").asText());
        assertTrue(c.get("email").isNull() && c.get("phone").isNull() && c.get("birthday").isNull()
                && c.get("additional_data").isNull(), "fields left out become null: " + c);
        assertEquals(created.get("created_at"), c.get("created_at"));
        assertTrue(Instant.parse(c.get("updated_at").asText()).isAfter(Instant.parse(c.get("created_at").asText())));

        Response missing = api.put("/contacts/" + id, token, json("first_name", "Only"));
        assertEquals(422, missing.status());
        assertEquals("Augusta", api.get("/contacts/" + id, token).json().get("first_name").asText(),
                "a refused PUT changes nothing");
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndNullClears() {
        String token = api.newUser();
        long id = api.post("/contacts/", token, fullContact()).json().get("id").asLong();
        Response r = api.patch("/contacts/" + id, token, json("phone", null, "last_name", "Byron"));
        assertEquals(200, r.status(), r.toString());
        JsonNode c = r.json();
        assertEquals("Ada", c.get("first_name").asText());
        assertEquals("Byron", c.get("last_name").asText());
        assertTrue(c.get("phone").isNull());
        assertEquals("ada@example.com", c.get("email").asText());
        assertEquals("1815-12-10", c.get("birthday").asText());

        assertEquals(200, api.patch("/contacts/" + id + "/", token, "{}").status(), "an empty patch is fine");
        Response clearName = api.patch("/contacts/" + id, token, json("first_name", null));
        assertEquals(422, clearName.status(), "a required field cannot be cleared");
        Response badEmail = api.patch("/contacts/" + id, token, json("email", "nope", "first_name", "Changed"));
        assertEquals(422, badEmail.status());
        assertEquals("Ada", api.get("/contacts/" + id, token).json().get("first_name").asText(),
                "a refused PATCH changes nothing");
    }

    @Test
    void deleteAnswers204ThenTheContactIsGone() {
        String token = api.newUser();
        long id = api.createContact(token, "Gone", "Soon");
        Response r = api.delete("/contacts/" + id + "/", token);
        assertEquals(204, r.status());
        assertEquals("", r.body());
        assertEquals(404, api.get("/contacts/" + id, token).status());
        Response again = api.delete("/contacts/" + id, token);
        assertEquals(404, again.status());
        assertEquals("Contact not found", again.detail());
    }

    @Test
    void absentContactsAre404AndNonIntegerIdsAre422() {
        String token = api.newUser();
        for (String method : new String[] {"GET", "PUT", "PATCH", "DELETE"}) {
            Response r = api.send(method, "/contacts/999999", token, "application/json",
                    method.equals("GET") || method.equals("DELETE") ? null : json("first_name", "a", "last_name", "b"));
            assertEquals(404, r.status(), method);
            assertEquals("{\"detail\":\"Contact not found\"}", r.body());
        }
        assertEquals(404, api.get("/contacts/99999999999999999999999", token).status());
        Response notInt = api.get("/contacts/abc/", token);
        assertEquals(422, notInt.status());
        assertEquals("[\"path\",\"contact_id\"]", notInt.json().get("detail").get(0).get("loc").toString());
        assertEquals(422, api.delete("/contacts/1.5", token).status());
    }

    @Test
    void anotherUsersContactAnswersExactlyLikeAnAbsentOne() {
        String alice = api.newUser();
        String bob = api.newUser();
        long aliceContact = api.post("/contacts/", alice, fullContact()).json().get("id").asLong();
        Response absent = api.get("/contacts/999999", bob);
        for (String method : new String[] {"GET", "PUT", "PATCH", "DELETE"}) {
            Response r = api.send(method, "/contacts/" + aliceContact, bob, "application/json",
                    method.equals("GET") || method.equals("DELETE") ? null : json("first_name", "Mallory",
                            "last_name", "X"));
            assertEquals(absent.status(), r.status(), method);
            assertEquals(absent.body(), r.body(), method);
        }
        assertEquals("0", api.get("/contacts/", bob).header("X-Total-Count"));
        assertEquals(0, api.get("/contacts/search/?query=Ada", bob).json().size());
        JsonNode untouched = api.get("/contacts/" + aliceContact, alice).json();
        assertEquals("Ada", untouched.get("first_name").asText(), "bob changed nothing");
    }
}
