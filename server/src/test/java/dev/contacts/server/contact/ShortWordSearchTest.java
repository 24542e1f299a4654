package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.contacts.model.Contact;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * Words of one and two characters (what search-as-you-type sends first) find exactly what the contract's rule picks.
 * On SQLite a two-character word is looked up through the trigram index's trigrams that begin with it (migration
 * V10), so the places where no trigram begins with an occurrence are tried here: a word at the very end of a
 * contact's text, a contact whose whole field is the word, a word at the end of one field (the next field follows on
 * a line of its own), two characters that are only adjacent across two fields (not a match), a word no text holds,
 * and a word that begins more than 200 distinct trigrams (tested on each contact instead). Trashed contacts and
 * another user's look-alikes are never found.
 */
@ServerTest
class ShortWordSearchTest {

    private final TestApi api;

    ShortWordSearchTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @Test
    void shortWordsFindWhatTheRulePicks() {
        String owner = api.newUser();
        String other = api.newUser();
        // the texts are the fields folded, one a line: "zo\nab", "lazo\nqi", "mezzo\nforte", ...
        List<Map<String, String>> contacts = List.of(
                Map.of("first_name", "Zo", "last_name", "Ab"),
                Map.of("first_name", "Lazo", "last_name", "QI"),
                Map.of("first_name", "Mezzo", "last_name", "Forte"),
                Map.of("first_name", "Bob", "last_name", "Smith", "nickname", "Zo"),
                Map.of("first_name", "Ana", "last_name", "Lee", "additional_data", "ends in zo"),
                Map.of("first_name", "Ka", "last_name", "Many",
                        "additional_data", IntStream.range(0, 201).mapToObj(i -> "ka" + Character.toString(0x4E00 + i))
                                .collect(Collectors.joining(" "))),
                Map.of("first_name", "Ka", "last_name", "Few", "additional_data", "kb"));
        for (Map<String, String> contact : contacts) {
            api.createContact(owner, json(contact));
            api.createContact(other, json(contact));
        }
        long trashed = api.createContact(owner, json(Map.of("first_name", "Zoo", "last_name", "Ab")));
        assertEquals(204, api.delete("/contacts/" + trashed + "/", owner).status());

        List<Contact> book = SearchRule.listed(api, owner);
        for (String query : List.of("zo", "ZO", "ab", "qi", "oq", "ob", "te", "zo ab", "zo lazo", "mezzo zo", "xq",
                "z", "q", "ka", "kb", "ka kb", "a" + "\u4E00", "e\u4E00")) {
            List<Long> expected = SearchRule.matching(book, query);
            String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8);
            Response found = api.get("/contacts/search/?limit=1000&query=" + encoded, owner);
            assertEquals(200, found.status(), query + " -> " + found);
            assertEquals(expected, found.ids(), query);
            assertEquals(String.valueOf(expected.size()), found.header("X-Total-Count"), query);
            assertFalse(found.ids().contains(trashed), query);

            List<Long> byLastName = book.stream().filter(c -> expected.contains(c.id()))
                    .sorted(Comparator.comparing((Contact c) -> ContactKeys.sortKey(c.lastName()))
                            .thenComparingLong(Contact::id))
                    .map(Contact::id).toList();
            Response sorted = api.get("/contacts/search/?sort=last_name&limit=1000&query=" + encoded, owner);
            assertEquals(byLastName, sorted.ids(), query + ", by last name");
            assertEquals(String.valueOf(expected.size()), sorted.header("X-Total-Count"), query);
            if (expected.size() > 1) {
                Response page = api.get("/contacts/search/?skip=1&limit=1&query=" + encoded, owner);
                assertEquals(expected.subList(1, 2), page.ids(), query + ", a page");
                assertEquals(String.valueOf(expected.size()), page.header("X-Total-Count"), query);
            }
        }
        // the rule's own answers for the places above, so that a change of the rule shows here too
        assertEquals(5, SearchRule.matching(book, "zo").size(), "Zo, Lazo, Mezzo, Bob's nickname, the note's end");
    }

    private static String json(Map<String, String> fields) {
        return TestApi.json(fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(),
                e.getValue())).toArray());
    }
}
