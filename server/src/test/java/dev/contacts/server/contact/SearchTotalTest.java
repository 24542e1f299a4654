package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.contacts.model.Contact;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * A search's total (X-Total-Count) and its pages while the owner's book is the whole database file and while it is
 * not. On SQLite a search by words of 3 characters or more is counted from the trigram index alone when every contact
 * in the file is the owner's and none is in a trash; otherwise each match is tested as the owner's live contact. This
 * walks the file in and out of that state (a match trashed, then restored or purged; another user's look-alike
 * contacts, with an id below and above the searcher's; that account deleted) and checks every answer against the
 * contract's rule applied to the contacts as listed.
 */
@ServerTest
class SearchTotalTest {

    /** Words of 3 characters or more (the trigram index alone), and one with a shorter word (tested per contact). */
    private static final List<String> QUERIES = List.of("nunez", "NÚÑEZ", "ana", "lee", "ana lee", "straße", "zzz",
            "ez example", "nunez a");

    private final TestApi api;

    SearchTotalTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @Test
    void aSearchCountsTheOwnersLiveMatchesWhetherOrNotTheBookIsTheWholeFile() {
        String owner = api.newUser();
        List<Long> ids = new ArrayList<>();
        for (String[] name : names()) {
            ids.add(api.createContact(owner, name[0], name[1]));
        }
        assertTotals(owner, "the owner's book alone");

        // ids.get(0) "Núñez Lee" and ids.get(1) "Ana Nunez" match "nunez"
        assertEquals(204, api.delete("/contacts/" + ids.get(0) + "/", owner).status());
        assertEquals(204, api.delete("/contacts/" + ids.get(1) + "/", owner).status());
        assertTotals(owner, "two matches in the trash");

        assertEquals(200, api.post("/contacts/trash/" + ids.get(0) + "/restore/", owner, null).status());
        assertEquals(204, api.delete("/contacts/trash/" + ids.get(1) + "/", owner).status());
        assertTotals(owner, "one restored, one purged: the book alone again");

        String otherEmail = "other-total@example.com";
        api.register(otherEmail, TestApi.PASSWORD);
        String other = api.token(otherEmail, TestApi.PASSWORD);
        for (String[] name : names()) {
            api.createContact(other, name[0], name[1]);
        }
        // the other account's id is above the owner's; for the other account, the owner's is below
        assertTotals(owner, "beside another user's look-alike contacts");
        assertTotals(other, "the other user, beside the owner's contacts");

        assertEquals(204, api.send("DELETE", "/users/me/", owner, "application/json",
                TestApi.json("password", TestApi.PASSWORD)).status());
        assertTotals(other, "the other user's book alone, the first account deleted");
    }

    private static List<String[]> names() {
        return List.of(new String[] {"Núñez", "Lee"}, new String[] {"Ana", "Nunez"},
                new String[] {"Nunez", "Straße"}, new String[] {"Anaïs", "Leeds"}, new String[] {"Zoë", "Strasse"},
                new String[] {"Ana", "Lee"}, new String[] {"Mia", "Müller"}, new String[] {"Banana", "Ñunez"});
    }

    /** Each query's answer, total, a page inside it, a page past its end and its order by last name, by the rule. */
    private void assertTotals(String token, String state) {
        List<Contact> book = SearchRule.listed(api, token);
        for (String query : QUERIES) {
            List<Long> expected = SearchRule.matching(book, query);
            String total = String.valueOf(expected.size());
            String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
            Response found = api.get("/contacts/search/?limit=1000&query=" + q, token);
            assertEquals(200, found.status(), state + ": " + query + " -> " + found);
            assertEquals(expected, found.ids(), state + ": " + query);
            assertEquals(total, found.header("X-Total-Count"), state + ": " + query);

            Response page = api.get("/contacts/search/?skip=1&limit=1&query=" + q, token);
            assertEquals(expected.size() > 1 ? expected.subList(1, 2) : List.of(), page.ids(), state + ": " + query);
            assertEquals(total, page.header("X-Total-Count"), state + ", a page: " + query);

            Response past = api.get("/contacts/search/?skip=100&query=" + q, token);
            assertEquals(List.of(), past.ids(), state + ", past the end: " + query);
            assertEquals(total, past.header("X-Total-Count"), state + ", past the end: " + query);

            Map<Long, String> lastNameKeys = book.stream()
                    .collect(Collectors.toMap(Contact::id, c -> ContactKeys.sortKey(c.lastName())));
            List<Long> byLastName = expected.stream().sorted(Comparator.<Long, String>comparing(lastNameKeys::get)
                    .thenComparing(id -> id)).toList();
            Response sorted = api.get("/contacts/search/?sort=last_name&limit=1000&query=" + q, token);
            assertEquals(byLastName, sorted.ids(), state + ", by last name: " + query);
            assertEquals(total, sorted.header("X-Total-Count"), state + ", by last name: " + query);
        }
    }
}
