package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * A label managed across contacts (Google Contacts' "Rename label", "Delete label" keeping the contacts, and adding
 * a selection to a label): each in one transaction over the caller's live contacts only.
 */
@ServerTest
class LabelsApiTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestApi api;

    LabelsApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, CLOCK);
    }

    private long contact(String token, String first, String... labels) {
        return api.createContact(token, "{\"first_name\": \"" + first + "\", \"last_name\": \"Lee\", "
                + "\"emails\": [{\"value\": \"" + first.toLowerCase() + "@example.com\", \"label\": \"work\"}], "
                + "\"labels\": " + JSON.valueToTree(labels).toString() + "}");
    }

    private List<String> labelsOf(String token, long id) {
        Response r = api.get("/contacts/" + id + "/", token);
        assertEquals(200, r.status(), r.toString());
        List<String> labels = new ArrayList<>();
        r.json().get("labels").forEach(l -> labels.add(l.asText()));
        return labels;
    }

    private String counts(String token) {
        Response r = api.get("/contacts/labels/", token);
        assertEquals(200, r.status(), r.toString());
        StringBuilder text = new StringBuilder();
        r.json().forEach(l -> text.append(l.get("name").asText()).append('=').append(l.get("count").asInt())
                .append(' '));
        return text.toString().strip();
    }

    @Test
    void labelsThatAreTheSameTextInAnotherUnicodeFormAreMergedLikeThoseThatDifferInCase() {
        String token = api.newUser();
        // "Café" composed (U+00E9) and decomposed (e, U+0301): the same text, shown alike; both were kept before
        long ann = contact(token, "Ann", "Caf\u00e9", "Cafe\u0301", "CAFE\u0301", "Cafe");
        assertEquals(List.of("Caf\u00e9", "Cafe"), labelsOf(token, ann), "the first spelling; no accent: another");
        String put = "{\"first_name\": \"Ann\", \"last_name\": \"Lee\", \"labels\": [\"Cafe\u0301\", \"caf\u00e9\"]}";
        assertEquals(200, api.put("/contacts/" + ann + "/", token, put).status());
        assertEquals(List.of("Cafe\u0301"), labelsOf(token, ann));
    }

    @Test
    void renamingALabelRenamesItOnEveryContactCarryingItAndOnlyTheCallers() {
        String token = api.newUser();
        String other = api.newUser();
        long ann = contact(token, "Ann", "Family", "Work");
        long bob = contact(token, "Bob", "work", "FAMÍLY");
        long cy = contact(token, "Cy", "Friends");
        long dee = contact(other, "Dee", "Family");
        String annTag = api.get("/contacts/" + ann + "/", token).header("ETag");

        Response renamed = api.post("/contacts/labels/rename/", token,
                "{\"name\": \" family \", \"new_name\": \"  Kin  \"}");

        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(List.of(ann, bob), renamed.ids("changed"), "matched as label= matches: case and accents folded");
        assertEquals(List.of("Kin", "Work"), labelsOf(token, ann), "renamed in place, trimmed");
        assertEquals(List.of("work", "Kin"), labelsOf(token, bob));
        assertEquals(List.of("Friends"), labelsOf(token, cy));
        assertEquals("Friends=1 Kin=2 Work=2", counts(token));
        assertEquals(List.of("Family"), labelsOf(other, dee), "another user's label of the same name stays");
        assertNotEquals(annTag, api.get("/contacts/" + ann + "/", token).header("ETag"),
                "a contact relabelled is a contact changed: an edit made on the old one gets 412");
        assertEquals(List.of(ann, bob), api.get("/contacts/?label=kin", token).ids());
        assertEquals(List.of(), api.get("/contacts/?label=Family", token).ids());
        assertEquals(List.of(ann, bob), api.get("/contacts/search/?query=kin", token).ids(),
                "search finds the new name");
    }

    @Test
    void renamingOntoALabelInUseMergesTheTwoKeepingEachContactsOwnSpelling() {
        String token = api.newUser();
        long ann = contact(token, "Ann", "Family", "Work");
        long bob = contact(token, "Bob", "Family");
        long cy = contact(token, "Cy", "Work");

        Response renamed = api.post("/contacts/labels/rename/", token, "{\"name\": \"Family\", \"new_name\": \"work\"}");

        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(List.of(ann, bob), renamed.ids("changed"));
        assertEquals(List.of("Work"), labelsOf(token, ann), "carried both: keeps the one it had, once");
        assertEquals(List.of("work"), labelsOf(token, bob));
        assertEquals(List.of("Work"), labelsOf(token, cy));
        assertEquals(1, api.get("/contacts/labels/", token).json().size(), "one label left: " + counts(token));
        assertEquals(3, api.get("/contacts/labels/", token).json().get(0).get("count").asInt());
    }

    @Test
    void removingALabelKeepsTheContactsAndTheirOtherData() {
        String token = api.newUser();
        String other = api.newUser();
        long ann = contact(token, "Ann", "Family", "Work");
        long bob = contact(token, "Bob", "family");
        long trashed = contact(token, "Eve", "Family");
        long dee = contact(other, "Dee", "Family");
        JsonNode annBefore = api.get("/contacts/" + ann + "/", token).json();
        assertEquals(204, api.delete("/contacts/" + trashed + "/", token).status());

        Response removed = api.post("/contacts/labels/remove/", token, "{\"name\": \"Family\"}");

        assertEquals(200, removed.status(), removed.toString());
        assertEquals(List.of(ann, bob), removed.ids("changed"));
        assertEquals(List.of("Work"), labelsOf(token, ann));
        assertEquals(List.of(), labelsOf(token, bob));
        JsonNode annAfter = api.get("/contacts/" + ann + "/", token).json();
        assertEquals(annBefore.get("emails"), annAfter.get("emails"));
        assertEquals(annBefore.get("first_name"), annAfter.get("first_name"));
        assertEquals(annBefore.get("created_at"), annAfter.get("created_at"));
        assertEquals("Work=1", counts(token));
        assertEquals(List.of("Family"), labelsOf(other, dee));

        Response again = api.post("/contacts/labels/remove/", token, "{\"name\": \"Family\"}");
        assertEquals(200, again.status(), "a label nobody carries: nothing to do, " + again);
        assertEquals(List.of(), again.ids("changed"));
    }

    @Test
    void addingALabelToSeveralContactsIsAllOrNothingAndSkipsOthersContacts() {
        String token = api.newUser();
        String other = api.newUser();
        long ann = contact(token, "Ann", "Work");
        long bob = contact(token, "Bob", "team");
        long dee = contact(other, "Dee");

        Response added = api.post("/contacts/labels/add/", token,
                "{\"name\": \"Team \", \"ids\": [" + bob + ", " + ann + ", " + dee + ", 999999]}");

        assertEquals(200, added.status(), added.toString());
        assertEquals(List.of(ann), added.ids("changed"), "Bob carries it already; Dee is not the caller's");
        assertEquals(List.of("Work", "Team"), labelsOf(token, ann));
        assertEquals(List.of("team"), labelsOf(token, bob));
        assertEquals(List.of(), labelsOf(other, dee));

        String[] twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> "L" + i).toArray(String[]::new);
        long full = contact(token, "Fay", twenty);
        Response refused = api.post("/contacts/labels/add/", token,
                "{\"name\": \"New\", \"ids\": [" + ann + ", " + full + "]}");
        assertEquals(422, refused.status(), refused.toString());
        assertEquals(List.of("Work", "Team"), labelsOf(token, ann), "nothing changed: Ann did not get it either");
        assertEquals(20, labelsOf(token, full).size());
    }

    @Test
    void takingALabelOffSeveralContactsLeavesTheOthersAndOthersContactsAlone() {
        String token = api.newUser();
        String other = api.newUser();
        long ann = contact(token, "Ann", "Family", "Work");
        long bob = contact(token, "Bob", "FAMÍLY");
        long cy = contact(token, "Cy", "Family");
        long trashed = contact(token, "Eve", "Family");
        long dee = contact(other, "Dee", "Family");
        String annTag = api.get("/contacts/" + ann + "/", token).header("ETag");
        assertEquals(204, api.delete("/contacts/" + trashed + "/", token).status());

        Response taken = api.post("/contacts/labels/take-off/", token,
                "{\"name\": \" family \", \"ids\": [" + bob + ", " + ann + ", " + trashed + ", " + dee + ", 999999]}");

        assertEquals(200, taken.status(), taken.toString());
        assertEquals(List.of(ann, bob), taken.ids("changed"), "matched as label= matches; not Eve's (trashed), not Dee's");
        assertEquals(List.of("Work"), labelsOf(token, ann));
        assertEquals(List.of(), labelsOf(token, bob));
        assertEquals(List.of("Family"), labelsOf(token, cy), "not among the ids: keeps it");
        assertEquals(List.of("Family"), labelsOf(other, dee));
        assertEquals("Family=1 Work=1", counts(token));
        assertNotEquals(annTag, api.get("/contacts/" + ann + "/", token).header("ETag"),
                "a contact relabelled is a contact changed: an edit made on the old one gets 412");
        assertEquals(List.of(), api.get("/contacts/search/?query=family", token).ids().stream()
                .filter(id -> id == ann || id == bob).toList(), "search no longer finds them by it");

        Response again = api.post("/contacts/labels/take-off/", token, "{\"name\": \"Family\", \"ids\": [" + ann + "]}");
        assertEquals(200, again.status(), again.toString());
        assertEquals(List.of(), again.ids("changed"), "Ann does not carry it any more: nothing to do");

        for (String body : List.of("{\"name\": \"\", \"ids\": [" + cy + "]}", "{\"name\": \"Family\"}",
                "{\"name\": \"Family\", \"ids\": [\"a\"]}", "{\"ids\": [" + cy + "]}",
                "{\"name\": \"Family\", \"ids\": " + IntStream.range(0, 1001).boxed().toList() + "}")) {
            Response r = api.post("/contacts/labels/take-off/", token, body);
            assertEquals(422, r.status(), body + " -> " + r);
            assertTrue(r.json().get("detail").isArray(), r.toString());
        }
        assertEquals(401, api.post("/contacts/labels/take-off/", null, "{\"name\": \"Family\", \"ids\": [" + cy + "]}")
                .status());
        assertEquals(List.of("Family"), labelsOf(token, cy), "a refused request changed nothing");
    }

    @Test
    void aRemovalSaysWhereTheLabelStoodAndAnAdditionAtThosePlacesPutsItBackThere() {
        String token = api.newUser();
        long ann = contact(token, "Ann", "Family", "Work", "Chess");
        long bob = contact(token, "Bob", "Work", "family");

        Response removed = api.post("/contacts/labels/remove/", token, "{\"name\": \"Family\"}");

        assertEquals(200, removed.status(), removed.toString());
        assertEquals(List.of(ann, bob), removed.ids("changed"));
        assertEquals("[0,1]", removed.json().get("places").toString(), "first on Ann, second on Bob");
        Response back = api.post("/contacts/labels/add/", token,
                "{\"name\": \"Family\", \"ids\": [" + ann + ", " + bob + "], \"places\": [0, 1]}");
        assertEquals(200, back.status(), back.toString());
        assertEquals(List.of("Family", "Work", "Chess"), labelsOf(token, ann), "back where it stood, not last");
        assertEquals(List.of("Work", "Family"), labelsOf(token, bob));

        Response taken = api.post("/contacts/labels/take-off/", token,
                "{\"name\": \"work\", \"ids\": [" + bob + ", " + ann + "]}");
        assertEquals("[1,0]", taken.json().get("places").toString(), taken.toString());
        assertEquals(200, api.post("/contacts/labels/add/", token,
                "{\"name\": \"Work\", \"ids\": [" + ann + "], \"places\": [9]}").status());
        assertEquals(List.of("Family", "Chess", "Work"), labelsOf(token, ann), "a place past the end: last");
        for (String body : List.of("{\"name\": \"X\", \"ids\": [" + ann + ", " + bob + "], \"places\": [0]}",
                "{\"name\": \"X\", \"ids\": [" + ann + "], \"places\": [-1]}",
                "{\"name\": \"X\", \"ids\": [" + ann + "], \"places\": \"0\"}")) {
            Response r = api.post("/contacts/labels/add/", token, body);
            assertEquals(422, r.status(), body + " -> " + r);
        }
        assertEquals(List.of("Family", "Chess", "Work"), labelsOf(token, ann), "refused: nothing changed");
    }

    @Test
    void anIdSentTwiceWithPlacesIsOneContactAtTheFirstPlace() {
        String token = api.newUser();
        long ann = contact(token, "Ann", "Work", "Chess");
        long bob = contact(token, "Bob", "Work");

        // the ids are a set: before, the repeat was dropped before the places were paired, and this was a 422
        Response added = api.post("/contacts/labels/add/", token,
                "{\"name\": \"Family\", \"ids\": [" + ann + ", " + bob + ", " + ann + "], \"places\": [0, 1, 2]}");

        assertEquals(200, added.status(), added.toString());
        assertEquals(List.of(ann, bob), added.ids("changed"), "each contact once");
        assertEquals(List.of("Family", "Work", "Chess"), labelsOf(token, ann), "at the place of its first mention");
        assertEquals(List.of("Work", "Family"), labelsOf(token, bob));
        Response unpaired = api.post("/contacts/labels/add/", token,
                "{\"name\": \"Home\", \"ids\": [" + ann + ", " + ann + "], \"places\": [0]}");
        assertEquals(422, unpaired.status(), "one place for each id as sent, repeats included: " + unpaired);
        assertEquals(List.of("Family", "Work", "Chess"), labelsOf(token, ann), "refused: nothing changed");
    }

    @Test
    void aLabelNameBreakingTheContractsRuleChangesNothing() {
        String token = api.newUser();
        long ann = contact(token, "Ann", "Family");
        for (String body : List.of("{\"name\": \"Family\", \"new_name\": \"   \"}",
                "{\"name\": \"Family\", \"new_name\": \"" + "x".repeat(41) + "\"}",
                "{\"name\": \"Family\", \"new_name\": 7}",
                "{\"name\": \"Family\"}",
                "{\"new_name\": \"Kin\"}")) {
            Response r = api.post("/contacts/labels/rename/", token, body);
            assertEquals(422, r.status(), body + " -> " + r);
            assertTrue(r.json().get("detail").isArray(), r.toString());
        }
        assertEquals(422, api.post("/contacts/labels/remove/", token, "{\"name\": \"\"}").status());
        assertEquals(422, api.post("/contacts/labels/add/", token, "{\"name\": \"X\", \"ids\": [\"a\"]}").status());
        assertEquals(401, api.post("/contacts/labels/remove/", null, "{\"name\": \"Family\"}").status());
        assertEquals(List.of("Family"), labelsOf(token, ann));
        Response longest = api.post("/contacts/labels/rename/", token,
                "{\"name\": \"Family\", \"new_name\": \" " + "y".repeat(40) + " \"}");
        assertEquals(200, longest.status(), "40 characters once trimmed: " + longest);
        assertEquals(List.of("y".repeat(40)), labelsOf(token, ann));
    }
}
