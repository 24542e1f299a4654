package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contacts.model.Contact;
import dev.contacts.model.Wire;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * Search finds exactly the contacts the contract's rule picks, after every kind of write: every word (of 1, 2, 3
 * or more characters) a literal substring of the contact's folded fields. On SQLite the words of 3 characters or
 * more are looked up in the trigram index, which the database's triggers keep in step with the contacts: a write
 * that left it behind would show here as a contact found that no longer matches, or one missing. The expected
 * answer is worked out apart, from the owner's contacts as listed (not searched) and {@link ContactKeys#searchText}
 * (in id order, and by last name).
 * Generated names (a fixed seed, so every run is the same) mix accents, case, digits, {@code %}, {@code _},
 * quotes and backslashes; another user holds look-alike contacts, which must never be found.
 */
@ServerTest
class SearchAfterWritesTest {

    /** Pieces names are made of: accents and case to fold, LIKE's and FTS5's special characters, digits. */
    private static final String[] PIECES = {"a", "b", "ab", "ana", "Ñú", "ñu", "é", "E", "ß", "ss", "İ", "ﬁ", "%",
            "_", "'", "\"", "\\", "1", "12", "*", "-", "lee", "Zoë", "x"};
    private static final ObjectMapper JSON = Wire.mapper();

    private final TestApi api;
    private final Random random = new Random(13);

    SearchAfterWritesTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @Test
    void searchFindsExactlyWhatTheRulePicksAfterEveryKindOfWrite() throws Exception {
        String owner = api.newUser();
        String otherEmail = "other-" + random.nextInt(1_000_000) + "@example.com";
        api.register(otherEmail, TestApi.PASSWORD);
        String other = api.token(otherEmail, TestApi.PASSWORD);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String contact = randomContact(i);
            ids.add(api.createContact(owner, contact));
            api.createContact(other, contact);
        }
        assertSearches(owner, "created");

        for (long id : ids.subList(0, 5)) {
            assertEquals(200, api.put("/contacts/" + id + "/", owner, randomContact(100 + (int) id)).status());
        }
        for (long id : ids.subList(5, 10)) {
            assertEquals(200, api.patch("/contacts/" + id + "/", owner,
                    TestApi.json("last_name", name(), "nickname", name())).status());
        }
        assertSearches(owner, "replaced and patched");

        for (long id : ids.subList(10, 14)) {
            assertEquals(204, api.delete("/contacts/" + id + "/", owner).status());
        }
        assertEquals(200, api.post("/contacts/delete/", owner,
                JSON.writeValueAsString(Map.of("ids", ids.subList(14, 20)))).status());
        assertSearches(owner, "moved to the trash");

        for (long id : ids.subList(10, 13)) {
            assertEquals(200, api.post("/contacts/trash/" + id + "/restore/", owner, null).status());
        }
        assertSearches(owner, "restored");

        assertEquals(204, api.delete("/contacts/trash/" + ids.get(13) + "/", owner).status());
        assertEquals(204, api.delete("/contacts/trash/", owner).status());
        assertSearches(owner, "purged");

        // an import: new contacts, and items that are the same contact as an existing one (its email and name),
        // which are merged into it (new emails and labels added)
        StringBuilder cards = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            cards.append(vCard(name(), name(), "new" + i + "@example.org"));
        }
        for (Contact existing : SearchRule.listed(api, owner).subList(0, 4)) {
            cards.append(vCard(existing.firstName(), existing.lastName(), existing.emails().get(0).value(),
                    "extra" + existing.id() + "@example.org", name()));
        }
        Response imported = api.send("POST", "/contacts/import/", owner, "text/vcard", cards.toString());
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(8, imported.json().get("created").asInt(), imported.toString());
        assertEquals(4, imported.json().get("merged").asInt(), imported.toString());
        assertSearches(owner, "imported");

        List<Long> merged = SearchRule.listed(api, owner).stream().map(Contact::id).toList().subList(0, 3);
        assertEquals(200, api.post("/contacts/merge/", owner,
                JSON.writeValueAsString(Map.of("ids", merged))).status());
        assertSearches(owner, "merged");

        assertEquals(204, api.send("DELETE", "/users/me/", other, "application/json",
                TestApi.json("password", TestApi.PASSWORD)).status());
        assertSearches(owner, "after another account was deleted");
    }

    /**
     * Searches the owner's book with many queries (substrings of their own contacts' fields as typed, and random
     * words; one to three words, of 1 to 6 characters) and compares each answer, its order, total and a page of it
     * with what the contract's rule picks from the listed contacts.
     */
    private void assertSearches(String token, String after) {
        List<Contact> book = SearchRule.listed(api, token);
        List<String> texts = book.stream().map(c -> c.firstName() + " " + c.lastName() + " "
                + String.join(" ", c.emails().stream().map(e -> e.value()).toList())).toList();
        for (int q = 0; q < 20; q++) {
            boolean typedAtRandom = q % 4 == 3 || book.isEmpty();
            String query = IntStream.range(0, 1 + random.nextInt(3))
                    .mapToObj(w -> typedAtRandom ? name() : substring(texts.get(random.nextInt(texts.size()))))
                    .collect(Collectors.joining(" "));
            List<Long> expected = SearchRule.matching(book, query);
            Response found = api.get("/contacts/search/?limit=1000&query=" + encode(query), token);
            assertEquals(200, found.status(), after + ": " + query + " -> " + found);
            assertEquals(expected, found.ids(), after + ": " + query);
            assertEquals(String.valueOf(expected.size()), found.header("X-Total-Count"), after + ": " + query);
            if (expected.size() > 2) {
                Response page = api.get("/contacts/search/?skip=1&limit=2&query=" + encode(query), token);
                assertEquals(expected.subList(1, 3), page.ids(), after + ", a page: " + query);
                assertEquals(String.valueOf(expected.size()), page.header("X-Total-Count"), after + ": " + query);
            }
            if (q % 3 == 0) {
                // sorted by another key than id, the index's matches are read first (another statement)
                Map<Long, String> lastNameKeys = book.stream()
                        .collect(Collectors.toMap(Contact::id, c -> ContactKeys.sortKey(c.lastName())));
                List<Long> byLastName = expected.stream().sorted(Comparator.<Long, String>comparing(lastNameKeys::get)
                        .thenComparing(id -> id)).toList();
                Response sorted = api.get("/contacts/search/?sort=last_name&limit=1000&query=" + encode(query), token);
                assertEquals(byLastName, sorted.ids(), after + ", by last name: " + query);
                assertEquals(String.valueOf(expected.size()), sorted.header("X-Total-Count"), after + ": " + query);
            }
        }
    }

    private String substring(String text) {
        int from = random.nextInt(text.length());
        int length = 1 + random.nextInt(Math.min(6, text.length() - from));
        String word = text.substring(from, from + length).strip();
        return word.isEmpty() ? name() : word.split("\\s+")[0];
    }

    private String name() {
        return IntStream.range(0, 1 + random.nextInt(4)).mapToObj(i -> PIECES[random.nextInt(PIECES.length)])
                .collect(Collectors.joining());
    }

    private String randomContact(int n) {
        return TestApi.json("first_name", name(), "last_name", name(), "nickname", random.nextBoolean() ? name() : null,
                "organization", random.nextInt(4) == 0 ? name() + " 100%_Corp" : null,
                "email", "p" + n + name().replaceAll("[^a-z0-9]", "") + "@example.org",
                "phone", "+1 (" + (100 + random.nextInt(900)) + ") " + random.nextInt(10_000),
                "additional_data", random.nextInt(3) == 0 ? "Notes: " + name() + " " + name() : null);
    }

    private static String vCard(String first, String last, String... emailsThenNickname) {
        StringBuilder card = new StringBuilder("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:" + escape(first + " " + last)
                + "\r\nN:" + escape(last) + ";" + escape(first) + ";;;\r\n");
        for (int i = 0; i < emailsThenNickname.length; i++) {
            boolean email = emailsThenNickname[i].contains("@");
            card.append(email ? "EMAIL:" : "CATEGORIES:").append(escape(emailsThenNickname[i])).append("\r\n");
        }
        return card.append("END:VCARD\r\n").toString();
    }

    /** vCard's text escaping: backslash, comma and semicolon. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
