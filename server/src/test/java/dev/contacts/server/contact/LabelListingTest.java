package dev.contacts.server.contact;

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
import org.jooq.conf.ParamType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A list by a label over a book much bigger than the label (SQLite): a label on few contacts reads them first from
 * the label index, one on many walks the sort key's index; both give the label's live contacts in order, and the
 * total counts them without the trashed ones.
 */
@Tag(TestDatabases.SQLITE_ONLY)
class LabelListingTest {

    @Test
    void aLabelOnFewContactsIsReadFromTheLabelIndexAndOneOnManyByWalkingTheSortKeysIndex() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            long owner = dsl.insertInto(USERS).set(USERS.EMAIL, "owner@example.com").set(USERS.PASSWORD_HASH, "x")
                    .set(USERS.CREATED_AT, Instant.now()).returning(USERS.ID).fetchSingle().getId();
            // 200 contacts, all labelled Work; Family9, Family77 and Family150 also Rare; Family77 then trashed
            dsl.execute("INSERT INTO contacts (user_id, first_name, last_name, first_name_folded, last_name_folded, "
                    + "keys_version, created_at, updated_at) "
                    + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                    + "SELECT ?, 'Name', 'Family' || i, 'name', 'family' || i, ?, '2025-01-01T00:00:00Z', "
                    + "'2025-01-01T00:00:00Z' FROM n",
                    owner, ContactKeys.VERSION);
            dsl.execute("INSERT INTO contact_labels (contact_id, user_id, name, name_folded) "
                    + "SELECT id, user_id, 'Work', 'work' FROM contacts");
            dsl.execute("INSERT INTO contact_labels (contact_id, user_id, name, name_folded) "
                    + "SELECT id, user_id, 'Rare', 'rare' FROM contacts WHERE last_name IN ('Family9', 'Family77', 'Family150')");
            dsl.execute("UPDATE contacts SET deleted_at = '2025-02-01T00:00:00Z' WHERE last_name = 'Family77'");
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);

            for (ListOptions.Sort sort : List.of(ListOptions.Sort.ID, ListOptions.Sort.FIRST_NAME)) {
                ListOptions rare = new ListOptions(sort, true, "RARE", null);
                var page = contacts.list(owner, rare, 0, 10);
                assertEquals(2, page.total(), sort.toString());
                assertEquals(List.of("Family150", "Family9"), page.items().stream().map(StoredContact::lastName).toList(),
                        sort + ": the first names are equal, so by id, descending");
                String plan = plan(dsl, contacts.labelListStatement(owner, rare, 0, 10));
                assertTrue(plan.contains("contact_labels_owner"), plan);
                assertFalse(plan.contains("(user_id=? AND deleted_at=?)"), plan);
                assertEquals(1, contacts.list(owner, rare, 1, 10).items().size());
                assertEquals(2, contacts.list(owner, rare, 2, 10).total(), "past the end");

                ListOptions work = new ListOptions(sort, false, "work", null);
                var first = contacts.list(owner, work, 75, 3);
                assertEquals(199, first.total(), sort.toString());
                assertEquals(List.of("Family76", "Family78", "Family79"),
                        first.items().stream().map(StoredContact::lastName).toList(), sort.toString());
                if (sort != ListOptions.Sort.ID) {
                    String walk = plan(dsl, contacts.labelListStatement(owner, work, 0, 10));
                    assertTrue(walk.contains("contacts_live_first_name (user_id=? AND deleted_at=?)"), walk);
                }
            }
        }
    }

    private static String plan(DSLContext dsl, org.jooq.ResultQuery<?> query) {
        return String.join("\n", dsl.fetch("EXPLAIN QUERY PLAN " + query.getSQL(ParamType.INLINED))
                .getValues("detail", String.class));
    }
}
