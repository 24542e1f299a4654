package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;

import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * On PostgreSQL a step along a sorted list after a remembered place (docs/benchmarks.md, "Deep pages from remembered
 * places") seeks the sort key's index just after the place, by a row value, and sorts nothing. Written as SQLite's two
 * ranges (the place's key with a later id, then the later keys), PostgreSQL read the whole second range and sorted it
 * for each step: 50 ms for a step at 49,000 of 100,000 contacts. The book is big enough (20,000 contacts of one owner,
 * 16 last names, statistics gathered) for the plan to be the one a real book gets; the step's entry is checked against
 * the database's own ORDER BY ... OFFSET.
 */
class PlacedStepPlanTest {

    private static final int CONTACTS = 20_000;
    private static final int PLACE = 9_999;
    private static final int STEP = 999;

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.PROPERTY, matches = "postgresql")
    void onPostgreSqlAStepAfterAPlaceSeeksTheKeysIndexAndSortsNothing() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            long owner = RepositoryBooks.user(dsl, "steps@example.com");
            long other = RepositoryBooks.user(dsl, "other-steps@example.com");
            for (long user : List.of(owner, other)) {
                dsl.execute("INSERT INTO contacts (user_id, first_name, last_name, first_name_folded, last_name_folded, "
                        + "first_name_key, last_name_key, search_text, keys_version, created_at, updated_at) "
                        + "SELECT ?, 'F' || n, 'L' || (n % 16), 'f' || n, 'l' || (n % 16), md5(n::text), "
                        + "lpad((n % 16)::text, 4, '0'), 'f' || n, ?, now(), now() FROM generate_series(1, ?) AS n",
                        user, ContactKeys.VERSION, CONTACTS);
            }
            dsl.execute("UPDATE contacts SET deleted_at = now() WHERE user_id = ? AND id % 97 = 0", owner);
            dsl.execute("ANALYZE contacts");
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);

            for (ListOptions.Sort sort : List.of(ListOptions.Sort.LAST_NAME, ListOptions.Sort.FIRST_NAME)) {
                for (boolean descending : List.of(false, true)) {
                    String key = sort == ListOptions.Sort.LAST_NAME ? "last_name_key" : "first_name_key";
                    String direction = descending ? " DESC" : "";
                    Result<Record> ordered = dsl.fetch("SELECT id, " + key + " FROM contacts WHERE user_id = ? "
                            + "AND deleted_at IS NULL ORDER BY " + key + direction + ", id" + direction, owner);
                    ListAnchors.Place place = new ListAnchors.Place(ordered.get(PLACE).get(1, String.class),
                            ordered.get(PLACE).get(0, Long.class));
                    var statement = contacts.placedStepStatement(owner, new ListOptions(sort, descending, null,
                            null), place, STEP);
                    String what = sort + (descending ? " desc" : "");
                    assertEquals(ordered.get(PLACE + 1 + STEP).get(0, Long.class),
                            statement.fetchSingle().get("page_id", Long.class), what);
                    String plan = dsl.explain(statement).plan();
                    assertTrue(plan.contains("contacts_live_" + key.replace("_key", "")), what + ": " + plan);
                    assertFalse(plan.contains("Sort"), what + ": " + plan);
                }
            }
        }
    }
}
