package dev.contacts.server.contact;

import static dev.contacts.server.contact.RepositoryBooks.favoriteDrafts;
import static dev.contacts.server.contact.RepositoryBooks.plan;
import static dev.contacts.server.contact.RepositoryBooks.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/**
 * A list by the favourite mark alone (the desktop app's two lists: favourites, then the others): its total is
 * counted from the index of the owner's live favourites (migration V13), and it must be, with its pages, the owner's
 * live contacts with that mark in the unfiltered list's order, right after each write that moves a contact in or
 * out: a mark set or cleared, a trash, a restore, a purge. Another owner's favourites never count.
 */
class FavoriteListingTest {

    private static final List<ListOptions.Sort> SORTS = List.of(ListOptions.Sort.values());

    @Test
    void totalsAndPagesByTheFavouriteMarkFollowEveryWrite() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            long owner = user(dsl, "owner@example.com");
            long other = user(dsl, "other@example.com");
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
            Random random = new Random(23);
            List<Contact> made = contacts.createAll(owner, favoriteDrafts(random, 90, 4));
            contacts.createAll(other, favoriteDrafts(random, 40, 2)); // half of them favourites, none of the owner's
            check(contacts, owner, "made");

            Contact plain = made.stream().filter(c -> !c.favorite()).findFirst().orElseThrow();
            Contact favourite = made.stream().filter(Contact::favorite).findFirst().orElseThrow();
            mark(contacts, owner, plain.id(), true);
            check(contacts, owner, "marked");
            mark(contacts, owner, favourite.id(), false);
            check(contacts, owner, "unmarked");
            mark(contacts, owner, favourite.id(), true);
            assertTrue(contacts.trash(owner, favourite.id(), c -> { }));
            check(contacts, owner, "a favourite trashed");
            assertTrue(contacts.trash(owner, made.get(50).id(), c -> { }));
            check(contacts, owner, "another trashed");
            assertTrue(contacts.restore(owner, favourite.id()).isPresent());
            check(contacts, owner, "a favourite restored");
            assertTrue(contacts.trash(owner, plain.id(), c -> { }));
            assertTrue(contacts.purge(owner, plain.id()));
            check(contacts, owner, "a favourite purged");
            contacts.trashAll(owner, made.stream().filter(Contact::favorite).map(Contact::id).toList());
            mark(contacts, owner, favourite.id(), false); // trashed: not changed
            check(contacts, owner, "every first favourite trashed");
            assertTrue(contacts.emptyTrash(owner) > 0, "the trash held contacts");
            check(contacts, owner, "the trash emptied");
            // half the book marked: a favourites' page walks the sort key's index (SQLite), not read first
            for (int i = 0; i < made.size(); i += 2) {
                mark(contacts, owner, made.get(i).id(), true);
            }
            check(contacts, owner, "half the book marked");
        }
    }

    /** The count's plan on SQLite: the favourites' partial index alone, no row of a contact read. */
    @Test
    void theFavouritesAreCountedFromTheirIndexAlone() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            if (dsl.dialect().family() != SQLDialect.SQLITE) {
                return; // PostgreSQL's planner picks by its statistics; the totals are the test above's
            }
            long owner = user(dsl, "owner@example.com");
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
            contacts.createAll(owner, favoriteDrafts(new Random(5), 30, 3));
            for (boolean favorite : List.of(true, false)) {
                String plan = plan(dsl, contacts.favoriteCountStatement(owner, favorite));
                assertTrue(plan.contains("USING COVERING INDEX contacts_live_favorite"), plan);
            }
        }
    }

    /**
     * A favourites' page on SQLite: few favourites are read first from their index and sorted (their rows alone read);
     * when they are many, the sort key's index is walked until the page is full.
     */
    @Test
    void fewFavouritesAreReadFirstFromTheirIndexManyByWalkingTheSortKeysIndex() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            if (dsl.dialect().family() != SQLDialect.SQLITE) {
                return; // PostgreSQL's planner picks by its statistics; the pages are the first test's
            }
            long owner = user(dsl, "owner@example.com");
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
            contacts.createAll(owner, favoriteDrafts(new Random(7), 300, 100));
            ListOptions favourites = new ListOptions(ListOptions.Sort.FIRST_NAME, false, null, true);
            String few = plan(dsl, contacts.favoriteListStatement(owner, favourites, 0, 10));
            assertTrue(few.contains("USING INDEX contacts_live_favorite"), few);
            assertEquals(3, contacts.list(owner, favourites, 0, 10).items().size());

            dsl.execute("UPDATE contacts SET favorite = 1 WHERE id % 2 = 0");
            String many = plan(dsl, contacts.favoriteListStatement(owner, favourites, 0, 10));
            assertTrue(many.contains("contacts_live_first_name (user_id=? AND deleted_at=?)"), many);
            assertEquals(dsl.fetchValue("SELECT count(*) FROM contacts WHERE favorite", Integer.class),
                    contacts.list(owner, favourites, 0, 10).total());
        }
    }

    /** Every page of both lists, in every order and direction, against the unfiltered list filtered here. */
    private static void check(ContactRepository contacts, long owner, String after) {
        for (ListOptions.Sort sort : SORTS) {
            for (boolean descending : List.of(false, true)) {
                List<StoredContact> all = contacts.list(owner, new ListOptions(sort, descending, null, null), 0, 1000)
                        .items();
                for (boolean favorite : List.of(true, false)) {
                    List<Long> model = all.stream().filter(c -> c.favorite() == favorite).map(StoredContact::id)
                            .toList();
                    ListOptions options = new ListOptions(sort, descending, null, favorite);
                    String where = after + ", " + sort + (descending ? " desc" : "") + ", favorite=" + favorite;
                    for (int skip = 0; skip <= model.size() + 9; skip += 9) {
                        var page = contacts.list(owner, options, skip, 10);
                        assertEquals(model.size(), page.total(), where + ", skip " + skip);
                        assertEquals(model.subList(Math.min(skip, model.size()), Math.min(skip + 10, model.size())),
                                page.items().stream().map(StoredContact::id).toList(), where + ", skip " + skip);
                    }
                }
            }
        }
    }

    private static void mark(ContactRepository contacts, long owner, long id, boolean favorite) {
        contacts.update(owner, id, c -> { }, d -> new ContactDraft(d.firstName(), d.lastName(), d.emails(),
                d.phones(), d.birthday(), d.additionalData(), d.addresses(), d.organization(), d.jobTitle(),
                d.nickname(), d.labels(), favorite));
    }
}
