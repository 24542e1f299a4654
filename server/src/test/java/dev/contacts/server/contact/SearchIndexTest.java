package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;

import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.conf.ParamType;
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

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.PROPERTY, matches = "postgresql")
    void aSubstringSearchOverABigBookUsesTheTrigramIndex() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            long owner = dsl.insertInto(USERS).set(USERS.EMAIL, "big@example.com").set(USERS.PASSWORD_HASH, "x")
                    .set(USERS.CREATED_AT, Instant.now()).returning(USERS.ID).fetchSingle().getId();
            dsl.execute("INSERT INTO contacts (user_id, first_name, last_name, first_name_folded, last_name_folded, "
                    + "search_text, keys_version, created_at, updated_at) "
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
            long owner = dsl.insertInto(USERS).set(USERS.EMAIL, "owner@example.com").set(USERS.PASSWORD_HASH, "x")
                    .set(USERS.CREATED_AT, Instant.now()).returning(USERS.ID).fetchSingle().getId();
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
            for (ListOptions.Sort sort : ListOptions.Sort.values()) {
                ListOptions options = new ListOptions(sort, false, null, null);
                String plan = plan(dsl, contacts.searchStatement(owner, SearchCriteria.of("nunez", null, null, null),
                        options, 0, 10));
                // the index's matches, then each one's entry or row: never a walk of all the owner's contacts
                assertTrue(plan.contains("SCAN contacts_search VIRTUAL TABLE"), sort + ": " + plan);
                assertFalse(plan.contains("(user_id=? AND deleted_at=?)"), sort + ": " + plan);
                assertFalse(plan.contains("contacts_live_search"), sort + ": " + plan);
                // a word of two characters cannot be looked up by its trigrams: the owner's folded text is scanned
                assertTrue(plan(dsl, contacts.searchStatement(owner, SearchCriteria.of("nu", null, null, null),
                        options, 0, 10)).contains("contacts_live_search"), sort.toString());
            }
        }
    }

    /** SQLite's plan of {@code query}, one step a line, in the order it runs them. */
    private static String plan(DSLContext dsl, ResultQuery<?> query) {
        return String.join("\n", dsl.fetch("EXPLAIN QUERY PLAN " + query.getSQL(ParamType.INLINED))
                .getValues("detail", String.class));
    }
}
