package dev.contacts.server.contact;

import static dev.contacts.server.contact.RepositoryBooks.plan;
import static dev.contacts.server.db.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The search's substring test is served by a trigram index over the folded text, not by reading every contact of
 * the owner: the plan of the very statement the repository runs says so. On PostgreSQL the trigram GIN index; on
 * SQLite the FTS5 trigram table, for words of 3 characters or more, read first (whatever the sort).
 *
 * The book is made big (30,000 contacts of one owner, statistics gathered) rather than the planner told to
 * avoid scans (enable_seqscan off): on a handful of rows a scan is the right plan, and forcing the planner
 * would prove only that the index can be used, not that PostgreSQL picks it when it matters.
 */
class SearchIndexTest {

    private static final int CONTACTS = 30_000;
    /** The start of an insert of generated contacts: the columns a search and its plan need. */
    private static final String INSERT_CONTACTS = "INSERT INTO contacts (user_id, first_name, last_name, "
            + "first_name_folded, last_name_folded, search_text, keys_version, created_at, updated_at) ";

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.PROPERTY, matches = "postgresql")
    void aSubstringSearchOverABigBookUsesTheTrigramIndex() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            long owner = newOwner(dsl, "big@example.com");
            dsl.execute(INSERT_CONTACTS
                    + "SELECT ?, 'Name' || n, 'Family' || n, 'name' || n, 'family' || n, "
                    + "'name' || n || E'\\n' || 'family' || n || E'\\n' || md5(n::text), ?, now(), now() "
                    + "FROM generate_series(1, ?) AS n", owner, ContactKeys.VERSION, CONTACTS);
            dsl.execute("UPDATE contacts SET search_text = search_text || E'\\nzyxwv_rare%word' WHERE last_name = 'Family777'");
            dsl.execute("ANALYZE contacts");

            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
            SearchCriteria rare = SearchCriteria.of("RARE%word", null, null, null);
            var found = contacts.search(owner, rare, ListOptions.DEFAULT, 0, 10);
            assertEquals(1, found.total(), "the % is a literal character, and the rare word is found once");
            assertEquals("Family777", found.items().get(0).lastName());

            // the one statement that searched (page and total), as it ran
            String plan = dsl.explain(contacts.searchStatement(owner, rare, ListOptions.DEFAULT, 0, 10)).plan();
            assertTrue(plan.contains("contacts_live_search"), plan);
        }
    }

    @Test
    @Tag(TestDatabases.SQLITE_ONLY)
    void onSqliteWordsOfATrigramOrMoreAreLookedUpInTheTrigramIndexFirst() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            long owner = newOwner(dsl, "owner@example.com");
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
            for (ListOptions.Sort sort : ListOptions.Sort.values()) {
                ListOptions options = new ListOptions(sort, false, null, null);
                String plan = plan(dsl, contacts.searchStatement(owner, SearchCriteria.of("nunez", null, null, null),
                        options, 0, 10));
                // the index's matches, then each one's entry or row: never a walk of all the owner's contacts
                assertTrue(plan.contains("SCAN contacts_search VIRTUAL TABLE"), sort + ": " + plan);
                assertFalse(plan.contains("(user_id=? AND deleted_at=?)"), sort + ": " + plan);
                assertFalse(plan.contains("contacts_live_search"), sort + ": " + plan);
                // a word of two characters is looked up by the trigrams that begin with it (migration V10)
                String twoCharacters = plan(dsl, contacts.searchStatement(owner,
                        SearchCriteria.of("nu", null, null, null), options, 0, 10));
                assertTrue(twoCharacters.contains("SCAN contacts_search VIRTUAL TABLE"), sort + ": " + twoCharacters);
                assertFalse(twoCharacters.contains("contacts_live_search"), sort + ": " + twoCharacters);
                // one character cannot be: the owner's folded text is scanned
                assertTrue(plan(dsl, contacts.searchStatement(owner, SearchCriteria.of("n", null, null, null),
                        options, 0, 10)).contains("contacts_live_search"), sort.toString());
            }
        }
    }

    @Test
    @Tag(TestDatabases.SQLITE_ONLY)
    void onSqliteACommonWordSortedByAKeyWalksThatKeysIndexAndARareOneReadsItsMatchesFirst() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            long owner = newOwner(dsl, "owner@example.com");
            // 200 contacts that all hold "nunez", one of which also holds a rare word
            dsl.execute(INSERT_CONTACTS
                    + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                    + "SELECT ?, 'Núñez', 'Family' || i, 'nunez', 'family' || i, "
                    + "'nunez' || char(10) || 'family' || i || CASE WHEN i = 77 THEN char(10) || 'zyxwv' ELSE '' END, "
                    + "?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM n", owner, ContactKeys.VERSION);
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
            ListOptions byLastName = new ListOptions(ListOptions.Sort.LAST_NAME, false, null, null);

            String common = plan(dsl, contacts.searchStatement(owner, SearchCriteria.of("nunez", null, null, null),
                    byLastName, 0, 10));
            assertTrue(common.contains("contacts_live_last_name (user_id=? AND deleted_at=?)"), common);
            assertFalse(matchesPart(common).contains("TEMP B-TREE"), common);
            String rare = plan(dsl, contacts.searchStatement(owner, SearchCriteria.of("zyxwv", null, null, null),
                    byLastName, 0, 10));
            assertTrue(rare.contains("SCAN contacts_search VIRTUAL TABLE"), rare);
            assertFalse(rare.contains("contacts_live_last_name"), rare);
            // by id, the index's matches in its own order, whatever their number: nothing sorted
            String byId = plan(dsl, contacts.searchStatement(owner, SearchCriteria.of("nunez", null, null, null),
                    ListOptions.DEFAULT, 0, 10));
            assertTrue(byId.contains("SCAN contacts_search VIRTUAL TABLE INDEX"), byId);
            assertFalse(matchesPart(byId).contains("TEMP B-TREE"), byId);

            assertEquals(200, contacts.search(owner, SearchCriteria.of("nunez", null, null, null), byLastName, 195, 10)
                    .total());
            var page = contacts.search(owner, SearchCriteria.of("nunez", null, null, null), byLastName, 10, 3);
            assertEquals(200, page.total());
            // the sort keys are left empty here, all equal: ties are broken by id
            assertEquals(List.of("Family11", "Family12", "Family13"),
                    page.items().stream().map(StoredContact::lastName).toList());
        }
    }

    @Test
    @Tag(TestDatabases.SQLITE_ONLY)
    void onSqliteAPageOfAWordInMostContactsWalksTheSortKeysIndexTestingEachText() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            long owner = newOwner(dsl, "owner@example.com");
            long other = newOwner(dsl, "other@example.com");
            // 300 contacts: "nunez" in two in three, spread over every key's order; "zeta" in the 100 whose last
            // names sort last (each last name key shared by four contacts); the other user's look-alikes between
            insertKeyed(dsl, owner, 300);
            insertKeyed(dsl, other, 50);
            dsl.execute("UPDATE contacts SET deleted_at = '2025-02-01T00:00:00Z' WHERE id % 10 = 1 AND user_id = ?",
                    owner);
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
            SearchCriteria nunez = SearchCriteria.of("nunez", null, null, null);
            for (ListOptions.Sort sort : List.of(ListOptions.Sort.FIRST_NAME, ListOptions.Sort.LAST_NAME,
                    ListOptions.Sort.CREATED_AT, ListOptions.Sort.UPDATED_AT)) {
                for (boolean descending : List.of(false, true)) {
                    ListOptions options = new ListOptions(sort, descending, null, null);
                    for (int[] page : new int[][] {{0, 10}, {20, 10}, {0, 1}}) {
                        String what = sort + (descending ? " desc" : "") + " skip " + page[0] + " limit " + page[1];
                        ResultQuery<?> statement = contacts.searchStatement(owner, nunez, options, page[0], page[1]);
                        // the sort key's index, up to a bound on its key, and no trigram index
                        String plan = plan(dsl, statement);
                        assertTrue(plan.contains(INDEXES.get(sort) + " (user_id=? AND deleted_at=? AND "),
                                what + ": " + plan);
                        assertFalse(plan.contains("contacts_search"), what + ": " + plan);
                        // that statement alone reads the page (a full one: no second plan needed)
                        List<Long> expected = ruled(dsl, owner, "nunez", sort, descending, page[0], page[1]);
                        assertEquals(page[1], expected.size(), what);
                        assertEquals(expected, dsl.fetch(statement).getValues("id", Long.class), what);
                        assertEquals(expected, contacts.search(owner, nunez, options, page[0], page[1]).items()
                                .stream().map(StoredContact::id).toList(), what);
                    }
                }
            }
            // the desktop's search of the others (favorite=false, no favourite here) walks the same index, the mark
            // read from it too
            for (boolean descending : List.of(false, true)) {
                ListOptions others = new ListOptions(ListOptions.Sort.LAST_NAME, descending, null, false);
                ResultQuery<?> statement = contacts.searchStatement(owner, nunez, others, 20, 10);
                String plan = plan(dsl, statement);
                assertTrue(plan.contains("USING COVERING INDEX contacts_live_search (user_id=? AND deleted_at=? AND "),
                        plan);
                List<Long> expected = ruled(dsl, owner, "nunez", ListOptions.Sort.LAST_NAME, descending, 20, 10);
                assertEquals(expected, dsl.fetch(statement).getValues("id", Long.class));
                assertEquals(expected, contacts.search(owner, nunez, others, 20, 10).items().stream()
                        .map(StoredContact::id).toList());
            }
            // "zeta" only in the last names that sort last: the walk by last name finds none of them within its
            // bound, and the page is read again against the trigram index's matches
            SearchCriteria zeta = SearchCriteria.of("zeta", null, null, null);
            ListOptions byLastName = new ListOptions(ListOptions.Sort.LAST_NAME, false, null, null);
            for (int[] page : new int[][] {{0, 1}, {0, 10}}) {
                ResultQuery<?> statement = contacts.searchStatement(owner, zeta, byLastName, page[0], page[1]);
                assertFalse(plan(dsl, statement).contains("contacts_search"), plan(dsl, statement));
                assertEquals(List.of(), dsl.fetch(statement).getValues("id", Long.class), "the walk alone");
                var found = contacts.search(owner, zeta, byLastName, page[0], page[1]);
                assertEquals(ruled(dsl, owner, "zeta", ListOptions.Sort.LAST_NAME, false, page[0], page[1]),
                        found.items().stream().map(StoredContact::id).toList());
                assertEquals(ruled(dsl, owner, "zeta", ListOptions.Sort.LAST_NAME, false, 0, 1000).size(),
                        found.total());
            }
        }
    }

    /**
     * The index each order's walk reads: by last name the text's own index (migration V17), which holds the key, the
     * mark and the text, so that no row is read; the other keys' indexes, each entry's row read for its text.
     */
    private static final java.util.Map<ListOptions.Sort, String> INDEXES = java.util.Map.of(
            ListOptions.Sort.FIRST_NAME, "USING INDEX contacts_live_first_name", ListOptions.Sort.LAST_NAME,
            "USING COVERING INDEX contacts_live_search", ListOptions.Sort.CREATED_AT, "USING INDEX contacts_live_created",
            ListOptions.Sort.UPDATED_AT, "USING INDEX contacts_live_updated");

    /**
     * {@code n} contacts of {@code owner} with sort keys of their own: first names in an order unlike the ids', last
     * names in the ids' order four to a key, and times in two more orders; "nunez" in two in three, "zeta" in the
     * last third.
     */
    private static void insertKeyed(DSLContext dsl, long owner, int n) {
        dsl.execute("INSERT INTO contacts (user_id, first_name, last_name, first_name_folded, last_name_folded, "
                + "first_name_key, last_name_key, search_text, keys_version, created_at, updated_at) "
                + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                + "SELECT ?, 'F' || i, 'L' || i, 'f' || i, 'l' || i, printf('%04d', (i * 37) % ?), "
                + "printf('%04d', i / 4), "
                + "CASE WHEN i % 3 != 0 THEN 'nunez' ELSE 'ana' END || char(10) "
                + "|| CASE WHEN i * 3 > ? * 2 THEN 'zeta' ELSE 'lee' END || char(10) || i, ?, "
                + "printf('2025-01-01T%02d:%02d:00Z', ((i * 53) % ?) / 60, ((i * 53) % ?) % 60), "
                + "printf('2025-01-02T%02d:%02d:00Z', ((i * 97) % ?) / 60, ((i * 97) % ?) % 60) FROM n",
                n, owner, n, n, ContactKeys.VERSION, n, n, n, n);
    }

    /** The owner's live contacts holding {@code word}, in the order of {@code sort}, one page: by the rule. */
    private static List<Long> ruled(DSLContext dsl, long owner, String word, ListOptions.Sort sort,
                                    boolean descending, int skip, int limit) {
        String column = switch (sort) {
            case ID -> "id";
            case FIRST_NAME -> "first_name_key";
            case LAST_NAME -> "last_name_key";
            case CREATED_AT -> "created_at";
            case UPDATED_AT -> "updated_at";
        };
        String direction = descending ? " DESC" : "";
        return dsl.fetch("SELECT id FROM contacts WHERE user_id = ? AND deleted_at IS NULL "
                + "AND instr(search_text, ?) > 0 ORDER BY " + column + direction + ", id" + direction
                + " LIMIT ? OFFSET ?", owner, word, limit, skip).getValues("id", Long.class);
    }

    /** A new user, straight into the database, who owns the contacts inserted next. */
    private static long newOwner(DSLContext dsl, String email) {
        return dsl.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.PASSWORD_HASH, "x")
                .set(USERS.CREATED_AT, Instant.now()).returning(USERS.ID).fetchSingle().getId();
    }

    /** The steps of a page's plan that find its ids (what follows joins the page's rows and may sort them). */
    private static String matchesPart(String plan) {
        return plan.substring(0, plan.indexOf("SCAN page"));
    }
}
