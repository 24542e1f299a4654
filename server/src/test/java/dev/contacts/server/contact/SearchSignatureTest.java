package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.CONTACTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.Page;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trigram signature kept beside each contact's search text (migration V18), which SQLite's text walk (a common
 * word's page sorted by last name, the desktop's favorite=false search) tests before the text: after every kind of
 * write (create, import, edits of names, notes and labels, a label renamed across contacts, trash, restore, the text
 * changed or a row inserted by SQL alone, a re-keying) each stored signature holds every trigram bit of its text (or
 * is -1: tested on its text), and every search, with accents, case, several words and two-letter words, in both
 * directions and with either favourite mark, gives exactly the owner's live contacts whose text holds every word.
 * Both databases (PostgreSQL stores the signature and never reads it). Fails on the code before V18 (no column).
 */
class SearchSignatureTest {

    private static final int BOOK = 90;
    private static final List<String> QUERIES = List.of("nunez", "NÚÑEZ", "Núñez strasse", "zoe", "zo", "ez",
            "straße", "work nunez", "met", "qqq", "nunez ez");
    private static final String[] FIRST = {"Núñez", "Ada", "Zoë", "NUÑEZ", "Bo", "Émile"};
    private static final String[] LAST = {"Straße", "Lee", "núñez", "Rossi", "Adams"};

    private Database database;
    private DSLContext sql;
    private ContactRepository contacts;
    private long owner;
    private long other;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        sql = database.dsl();
        contacts = new ContactRepository(sql, Clock.systemUTC(), 10 * BOOK);
        UserRepository users = new UserRepository(sql, Clock.systemUTC());
        owner = users.create("owner@example.com", "hash").userId();
        other = users.create("other@example.com", "hash").userId();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aWordsSignatureFitsInTheSignatureOfEveryTextThatHoldsIt() {
        Random random = new Random(18);
        String letters = "abcnuez\n ñ1-";
        for (int n = 0; n < 300; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(letters.charAt(random.nextInt(letters.length())));
            }
            long signature = ContactKeys.searchSignature(text.toString());
            for (int from = 0; from < text.length(); from++) {
                for (int to = from; to <= text.length(); to++) {
                    long word = ContactKeys.searchSignature(text.substring(from, to));
                    assertEquals(word, signature & word, text + " holds " + text.substring(from, to));
                }
            }
        }
        assertEquals(0, ContactKeys.searchSignature("zo"), "a two-character word has no trigram: tested on each text");
        assertTrue(ContactKeys.searchSignature("nunez") > 0, "a word's signature never has the sign bit");
    }

    @Test
    void everyWriteKeepsTheSignatureAndEverySearchIsTheTextsOwn() {
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 0; i < BOOK; i++) {
            drafts.add(new ContactDraft(FIRST[i % FIRST.length], LAST[(i / 6) % LAST.length],
                    "c" + i + "@example.com", null, null, i % 4 == 0 ? "met at work" : null));
        }
        List<Long> ids = contacts.createAll(owner, drafts).stream().map(c -> c.id()).toList();
        contacts.createAll(other, drafts.subList(0, 30)); // another owner's look-alikes
        assertSearches("imported");

        long plain = ids.get(1); // Ada
        long match = ids.get(0); // Núñez
        contacts.create(owner, new ContactDraft("Olga", "Núñez-Strasse", null, null, null, null));
        assertSearches("one created");
        edit(plain, d -> notes(d, "met Nunez at work"));
        assertSearches("a word put into the notes");
        edit(plain, d -> notes(d, "met at home"));
        assertSearches("the notes' word taken out");
        edit(match, d -> new ContactDraft("Anna", d.lastName(), d.emails(), d.phones(), d.birthday(),
                d.additionalData(), d.addresses(), d.organization(), d.jobTitle(), d.nickname(), d.labels(),
                true));
        assertSearches("a match renamed and marked favourite");
        edit(ids.get(2), d -> notes(d, d.additionalData())); // the same text written again
        assertSearches("the same text written again");
        contacts.relabel(owner, null, ids.subList(0, 40), (id, labels) -> List.of("Work", "Nuñez club"));
        assertSearches("a label put on 40 contacts");
        contacts.relabel(owner, "work", null, (id, labels) -> List.of("Zoo"));
        assertSearches("a label renamed");
        contacts.trash(owner, ids.get(3), c -> { });
        contacts.trash(owner, ids.get(6), c -> { });
        assertSearches("two matches trashed");
        contacts.restore(owner, ids.get(3));
        assertSearches("one restored");

        sql.execute("update contacts set search_text = search_text || ' nunez' where id = ?", ids.get(4));
        sql.execute("update contacts set search_text = 'x' where id = ?", ids.get(9));
        assertSearches("texts changed by SQL alone");
        if (!TestDatabases.onPostgreSql()) {
            assertEquals(-1L, signature(ids.get(4)), "a text changed by SQL alone is tested on its text");
        }
        sql.execute("insert into contacts (user_id, first_name, last_name, first_name_folded, last_name_folded, "
                + "first_name_key, last_name_key, search_text, keys_version, created_at, updated_at) "
                + "select user_id, 'Sql', 'Row', 'sql', 'row', first_name_key, last_name_key, 'sql nunez row', "
                + "keys_version, created_at, updated_at from contacts where id = ?", ids.get(5));
        assertSearches("a row inserted by SQL");
        sql.execute("update contacts set keys_version = 'old'");
        contacts.rekeyStale();
        assertSearches("re-keyed");
        assertEquals(ContactKeys.searchSignature(text(ids.get(4))), signature(ids.get(4)) & Long.MAX_VALUE,
                "a re-keyed row is stamped again");
    }

    /** Each stored signature against its text, then every query by last name against the texts read plainly. */
    private void assertSearches(String state) {
        // PostgreSQL never reads the signature, and has no trigger for a text changed by SQL alone
        for (Record3<Long, String, Long> row : TestDatabases.onPostgreSql() ? List.<Record3<Long, String, Long>>of()
                : sql.select(CONTACTS.ID, CONTACTS.SEARCH_TEXT, CONTACTS.SEARCH_SIG)
                .from(CONTACTS).fetch()) {
            long stored = row.value3();
            long text = ContactKeys.searchSignature(row.value2());
            assertTrue(stored == -1L || (stored & Long.MAX_VALUE) == text,
                    state + ": contact " + row.value1() + "'s signature is its text's");
        }
        for (String query : QUERIES) {
            SearchCriteria criteria = SearchCriteria.of(query, null, null, null);
            for (Boolean favorite : new Boolean[] {null, false}) {
                for (boolean descending : List.of(false, true)) {
                    List<Long> expected = matches(criteria, favorite, descending);
                    ListOptions options = new ListOptions(ListOptions.Sort.LAST_NAME, descending, null, favorite);
                    String asked = state + ": " + query + " favorite=" + favorite + (descending ? " desc" : "");
                    for (int[] page : new int[][] {{0, 5}, {0, 20}, {5, 20}, {0, 1000}}) {
                        Page<StoredContact> found = contacts.search(owner, criteria, options, page[0], page[1]);
                        int total = expected.size();
                        assertEquals(total, found.total(), asked + ": the total");
                        assertEquals(expected.subList(Math.min(page[0], total), Math.min(page[0] + page[1], total)),
                                found.items().stream().map(StoredContact::id).toList(),
                                asked + ", skip " + page[0] + " limit " + page[1]);
                    }
                }
            }
        }
    }

    /** The owner's live contacts whose folded text holds every word, by last name's key then id: read plainly. */
    private List<Long> matches(SearchCriteria criteria, Boolean favorite, boolean descending) {
        record Row(long id, String key, String text, boolean favorite) {
        }
        Comparator<Row> order = Comparator.comparing(Row::key).thenComparingLong(Row::id);
        return sql.select(CONTACTS.ID, CONTACTS.LAST_NAME_KEY, CONTACTS.SEARCH_TEXT, CONTACTS.FAVORITE).from(CONTACTS)
                .where(CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNull()))
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4())).stream()
                .filter(r -> criteria.words().stream().allMatch(r.text()::contains))
                .filter(r -> favorite == null || r.favorite() == favorite)
                .sorted(descending ? order.reversed() : order).map(Row::id).toList();
    }

    private long signature(long id) {
        return sql.select(CONTACTS.SEARCH_SIG).from(CONTACTS).where(CONTACTS.ID.eq(id)).fetchOne(CONTACTS.SEARCH_SIG);
    }

    private String text(long id) {
        return sql.select(CONTACTS.SEARCH_TEXT).from(CONTACTS).where(CONTACTS.ID.eq(id))
                .fetchOne(CONTACTS.SEARCH_TEXT);
    }

    private void edit(long id, UnaryOperator<ContactDraft> change) {
        assertEquals(id, contacts.update(owner, id, current -> { }, change).orElseThrow().id());
    }

    private static ContactDraft notes(ContactDraft d, String notes) {
        return new ContactDraft(d.firstName(), d.lastName(), d.emails(), d.phones(), d.birthday(), notes,
                d.addresses(), d.organization(), d.jobTitle(), d.nickname(), d.labels(), d.favorite());
    }
}
