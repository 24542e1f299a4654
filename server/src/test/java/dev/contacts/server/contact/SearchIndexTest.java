package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;

import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * On PostgreSQL the search's substring test is served by the trigram GIN index over the folded text, not by
 * reading every contact of the owner: the plan of the very statement the repository runs says so.
 *
 * The book is made big (30,000 contacts of one owner, statistics gathered) rather than the planner told to
 * avoid scans (enable_seqscan off): on a handful of rows a scan is the right plan, and forcing the planner
 * would prove only that the index can be used, not that PostgreSQL picks it when it matters.
 */
@EnabledIfSystemProperty(named = TestDatabases.PROPERTY, matches = "postgresql")
class SearchIndexTest {

    private static final int CONTACTS = 30_000;

    @Test
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
}
