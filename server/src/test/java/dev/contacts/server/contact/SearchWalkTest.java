package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.contacts.model.Contact;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * Sorted pages of searches whose words are in most, some, few or none of the owner's contacts. On SQLite a word in
 * most contacts has its page read by walking the sort key's index and testing each contact's text, up to a bound
 * twice as far as evenly spread matches would take, and against the trigram index's matches when they lie further
 * on (here: "zeta", only in last names that sort last); a word in fewer by the other plans. Every page, its total and
 * a page past the end are checked against the contract's rule, in each order and direction, beside matches in the
 * trash and another user's look-alike contacts.
 */
@ServerTest
class SearchWalkTest {

    /**
     * In most contacts ("nunez", "un": two characters), in the last names that sort last ("zeta"), in few ("hill"),
     * in none ("qqq"), and words together (long ones; one of a single character, tested on each contact).
     */
    private static final List<String> QUERIES = List.of("nunez", "un", "zeta", "hill", "qqq", "nunez adams",
            "nunez a", "zeta nunez");
    private static final List<String> SORTS = List.of("first_name", "last_name", "created_at", "updated_at");
    private static final String[] LAST_NAMES = {"Adams", "Brown", "Clark", "Davis", "Evans", "Fox", "Green", "Hill"};
    private static final String[] FIRST_NAMES = {"Ana", "Bo", "Cy", "Di"};

    private final TestApi api;

    SearchWalkTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @Test
    void sortedPagesOfCommonAndRareWordsFollowTheRuleInEveryOrder() {
        String owner = api.newUser();
        List<Long> ids = book(owner);
        String otherEmail = "other-walk@example.com";
        api.register(otherEmail, TestApi.PASSWORD);
        String other = api.token(otherEmail, TestApi.PASSWORD);
        book(other);
        assertPages(owner, "the owner's book beside another user's");

        // matches in the trash: a "nunez" of the first entries by last name ("Adams"), a "zeta"
        for (long id : List.of(ids.get(1), ids.get(8), ids.get(50))) {
            assertEquals(204, api.delete("/contacts/" + id + "/", owner).status());
        }
        assertPages(owner, "three matches in the trash");
        assertPages(other, "the other user");
    }

    /**
     * 60 contacts: "Núñez" the first name of two in three (spread over every other order), the rest one of a few
     * others; the first 40 last names from a handful (each shared), the last 20 "Zeta" and a number.
     */
    private List<Long> book(String token) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String first = i % 3 != 0 ? "Núñez" : FIRST_NAMES[i % FIRST_NAMES.length];
            String last = i < 40 ? LAST_NAMES[i % LAST_NAMES.length] : "Zeta" + i;
            ids.add(api.createContact(token, first, last));
        }
        return ids;
    }

    private void assertPages(String token, String state) {
        List<Contact> book = SearchRule.listed(api, token);
        for (String query : QUERIES) {
            List<Long> matching = SearchRule.matching(book, query);
            String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
            for (String sort : SORTS) {
                for (boolean descending : List.of(false, true)) {
                    List<Long> expected = sorted(book, matching, sort, descending);
                    int total = expected.size();
                    // first pages (a short walk), a second, the last, one past the end, all at once (a long walk)
                    for (int[] page : new int[][] {{0, 5}, {0, 1}, {5, 5}, {Math.max(0, total - 3), 5}, {total, 5},
                            {0, 1000}}) {
                        int skip = page[0];
                        int limit = page[1];
                        String what = state + ": " + query + " by " + sort + (descending ? " desc" : "") + ", skip "
                                + skip + " limit " + limit;
                        Response found = api.get("/contacts/search/?query=" + q + "&sort=" + sort + "&order="
                                + (descending ? "desc" : "asc") + "&skip=" + skip + "&limit=" + limit, token);
                        assertEquals(200, found.status(), what + " -> " + found);
                        assertEquals(expected.subList(Math.min(skip, total), Math.min(skip + limit, total)),
                                found.ids(), what);
                        assertEquals(String.valueOf(total), found.header("X-Total-Count"), what);
                    }
                }
            }
        }
    }

    /** The matches in the list's order: by the sort key, then by id, both in the same direction. */
    private static List<Long> sorted(List<Contact> book, List<Long> matching, String sort, boolean descending) {
        Comparator<Contact> byKey = switch (sort) {
            case "first_name" -> Comparator.comparing((Contact c) -> ContactKeys.sortKey(c.firstName()));
            case "last_name" -> Comparator.comparing((Contact c) -> ContactKeys.sortKey(c.lastName()));
            case "created_at" -> Comparator.comparing(Contact::createdAt);
            default -> Comparator.comparing(Contact::updatedAt);
        };
        Comparator<Contact> order = byKey.thenComparingLong(Contact::id);
        return book.stream().filter(c -> matching.contains(c.id()))
                .sorted(descending ? order.reversed() : order).map(Contact::id).toList();
    }
}
