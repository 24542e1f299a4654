package dev.contacts.server.contact;

import static dev.contacts.server.contact.RepositoryBooks.plan;
import static dev.contacts.server.contact.RepositoryBooks.user;
import static dev.contacts.server.db.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
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

    /**
     * A label on about half the book: a page near the start walks the sort key's index and looks each entry up in
     * the label index; a deeper one tests each entry against the list of the label's contacts. Every page either way
     * is the unfiltered listing's order with the label's live contacts kept, in every order and direction; the
     * other owner's contacts with the same label and the owner's trashed ones are never in it.
     */
    @Test
    void aWalkThatLooksEachEntryUpInTheLabelIndexGivesTheSamePagesAsOneTestingTheLabelsList() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            long owner = user(dsl, "owner@example.com");
            long other = user(dsl, "other@example.com");
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
            Random random = new Random(17);
            List<Contact> made = contacts.createAll(owner, drafts(random, 240));
            contacts.createAll(other, drafts(random, 60));
            Set<Long> trashed = new HashSet<>();
            for (Contact c : made) {
                if (random.nextInt(10) == 0) {
                    trashed.add(c.id());
                }
            }
            contacts.trashAll(owner, trashed);
            Set<Long> work = new HashSet<>();
            for (Contact c : made) {
                if (!trashed.contains(c.id()) && c.labels().contains("Work")) {
                    work.add(c.id());
                }
            }

            for (ListOptions.Sort sort : List.of(ListOptions.Sort.FIRST_NAME, ListOptions.Sort.LAST_NAME,
                    ListOptions.Sort.ID)) {
                for (boolean descending : List.of(false, true)) {
                    List<Long> model = contacts.list(owner, new ListOptions(sort, descending, null, null), 0, 1000)
                            .items().stream().map(StoredContact::id).filter(work::contains).toList();
                    ListOptions byWork = new ListOptions(sort, descending, "WORK", null);
                    String where = sort + (descending ? " desc" : "");
                    for (int skip = 0; skip <= model.size(); skip += 7) {
                        var page = contacts.list(owner, byWork, skip, 10);
                        assertEquals(model.size(), page.total(), where);
                        assertEquals(model.subList(skip, Math.min(skip + 10, model.size())),
                                page.items().stream().map(StoredContact::id).toList(), where + ", skip " + skip);
                    }
                    String near = plan(dsl, contacts.labelListStatement(owner, byWork, 0, 10));
                    assertTrue(near.contains("CORRELATED") && near.contains(
                            "contact_labels_owner (user_id=? AND name_folded=? AND contact_id=?)"), near);
                    String deep = plan(dsl, contacts.labelListStatement(owner, byWork, 80, 10));
                    assertTrue(deep.contains("LIST SUBQUERY"), deep);
                }
            }
        }
    }

    /** Contacts with names that tie and sort apart from their ids; about half labelled Work, some Family too. */
    private static List<ContactDraft> drafts(Random random, int n) {
        String[] first = {"Ana", "ana", "Ádám", "Adam", "Eve", "Zoltán", "Émile", "Zoë"};
        String[] last = {"Núñez", "nunez", "Smith", "Straße", "", "O'Brien"};
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> labels = new ArrayList<>();
            if (random.nextBoolean()) {
                labels.add("Work");
            }
            if (random.nextInt(3) == 0) {
                labels.add("Family");
            }
            drafts.add(new ContactDraft(first[random.nextInt(first.length)], last[random.nextInt(last.length)], null,
                    null, null, null, null, null, null, null, labels, false));
        }
        return drafts;
    }
}
