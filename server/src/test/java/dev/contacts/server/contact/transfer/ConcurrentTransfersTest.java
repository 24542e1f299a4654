package dev.contacts.server.contact.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.Concurrently;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Imports, merges and bulk deletes of one owner's contacts at the same moment (a user with two windows, a sync
 * client beside the app): each answers as if it ran alone, none fails half-way, nothing written is lost. On
 * PostgreSQL these once deadlocked (each holding rows the other needed) and one failed with a 500.
 */
@ServerTest
class ConcurrentTransfersTest {

    static final int PEOPLE = 120;

    private final TestApi api;
    private String token;

    ConcurrentTransfersTest(URI uri) {
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

    /** A vCard file of the people {@code order}, each with their usual email and one more from {@code source}. */
    private static String file(List<Integer> order, String source) {
        StringBuilder file = new StringBuilder();
        for (int i : order) {
            file.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Person;P").append(i).append("\r\nFN:P").append(i)
                    .append(" Person\r\nEMAIL:p").append(i).append("@example.com\r\n");
            if (source != null) {
                file.append("EMAIL;TYPE=work:p").append(i).append('@').append(source).append(".example\r\n");
            }
            file.append("END:VCARD\r\n");
        }
        return file.toString();
    }

    private Response importFile(String body) {
        return TransferApiTest.importFile(api, token, "", TransferApiTest.VCARD, body);
    }

    private List<Integer> everyone() {
        return IntStream.range(0, PEOPLE).boxed().toList();
    }

    private JsonNode contacts() {
        return api.get("/contacts/?limit=1000", token).json();
    }

    @Test
    void twoImportsMergingIntoTheSameContactsInOppositeOrdersBothSucceed() throws Exception {
        assertEquals(200, importFile(file(everyone(), null)).status());
        for (int round = 0; round < 3; round++) {
            List<Integer> reversed = new ArrayList<>(everyone());
            Collections.reverse(reversed);
            String forward = file(everyone(), "a" + round);
            String backward = file(reversed, "b" + round);
            List<Response> answers = new ArrayList<>();
            Map<Integer, Integer> statuses = Concurrently.tally(2, n -> {
                Response r = importFile(n == 0 ? forward : backward);
                synchronized (answers) {
                    answers.add(r);
                }
                return r.status();
            });
            assertEquals(Map.of(200, 2), statuses, answers.toString());
            for (Response r : answers) {
                assertEquals(PEOPLE, r.json().get("merged").asInt(), r.body());
                assertEquals(0, r.json().get("created").asInt(), r.body());
            }
        }
        JsonNode all = contacts();
        assertEquals(PEOPLE, all.size(), "each person once");
        for (JsonNode c : all) {
            assertEquals(7, c.get("emails").size(), "the first email and both imports' of each round: " + c);
        }
    }

    @Test
    void twoMergesOfTheSameContactsInOppositeOrdersMergeThemOnce() throws Exception {
        long a = api.post("/contacts/", token, "{\"first_name\": \"Ann\", \"last_name\": \"Lee\", \"emails\": [{\"value\": \"ann@a.example\"}]}")
                .json().get("id").asLong();
        long b = api.post("/contacts/", token, "{\"first_name\": \"Ann\", \"last_name\": \"Lee\", \"emails\": [{\"value\": \"ann@b.example\"}]}")
                .json().get("id").asLong();
        Map<Integer, Integer> statuses = Concurrently.tally(2, n -> api.post("/contacts/merge/", token,
                "{\"ids\": [" + (n == 0 ? a + ", " + b : b + ", " + a) + "]}").status());
        assertEquals(Map.of(200, 1, 404, 1), statuses, "the second finds one of its contacts in the trash");
        JsonNode all = contacts();
        assertEquals(1, all.size(), all.toString());
        assertEquals(2, all.get(0).get("emails").size(), "one of the two kept, with both emails: " + all);
    }

    @Test
    void aBulkDeleteDuringAnImportThatMergesIntoTheSameContactsLeavesEachInOnePlace() throws Exception {
        assertEquals(200, importFile(file(everyone(), null)).status());
        List<Long> ids = new ArrayList<>();
        contacts().forEach(c -> ids.add(c.get("id").asLong()));
        List<Integer> reversed = new ArrayList<>(everyone());
        Collections.reverse(reversed);
        String again = file(reversed, "late");
        List<JsonNode> reports = new ArrayList<>();
        Map<Integer, Integer> statuses = Concurrently.tally(2, n -> {
            if (n == 1) {
                return api.post("/contacts/delete/", token, "{\"ids\": " + ids + "}").status();
            }
            Response r = importFile(again);
            reports.add(r.json());
            return r.status();
        });
        assertEquals(Map.of(200, 2), statuses);
        JsonNode report = reports.get(0);
        int live = contacts().size();
        int trashed = api.get("/contacts/trash/?limit=1000", token).json().size();
        assertEquals(PEOPLE, trashed, "the delete moved every contact it named");
        // before the delete, the import merges into all of them (then trashed); after it, it finds none and
        // creates them anew: never part of one and part of the other
        assertTrue(report.get("merged").asInt() == PEOPLE && live == 0
                || report.get("created").asInt() == PEOPLE && live == PEOPLE, report + ", live " + live);
    }
}
