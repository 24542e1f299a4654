package dev.contacts.server.contact;

import static dev.contacts.server.contact.RepositoryBooks.favoriteDrafts;
import static dev.contacts.server.contact.RepositoryBooks.plan;
import static dev.contacts.server.contact.RepositoryBooks.user;
import static dev.contacts.server.db.generated.Tables.CONTACTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Random;

import dev.contacts.model.Contact;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/**
 * A search by the favourite mark (the desktop app's search: its favourites, then the others). On SQLite, when the
 * owner has few favourites, the favourites' page and total are read from their index, each favourite tested on its
 * own text, and the others' total is the whole search's count less those; else as any filtered search. Either way
 * its pages and totals must be the unfiltered search's, filtered by the mark: words in most, some, no contacts, with
 * favourites matching and not, beside the trash and another owner's look-alike favourites, in every order.
 */
class FavoriteSearchTest {

    /** In a third ("nunez", "ez": two characters), a sixth ("smith"), few ("zoltan"), none ("qqq"); two words. */
    private static final List<String> QUERIES = List.of("nunez", "ez", "smith", "zoltan", "qqq", "nunez ana",
            "nunez a");

    @Test
    void searchesByTheFavouriteMarkAreTheSearchFilteredInEveryOrder() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            long owner = user(dsl, "owner@example.com");
            long other = user(dsl, "other@example.com");
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
            Random random = new Random(31);
            List<Contact> made = contacts.createAll(owner, favoriteDrafts(random, 120, 12));
            List<Contact> others = contacts.createAll(other, favoriteDrafts(random, 60, 2));
            check(contacts, owner, "made");
            contacts.trashAll(owner, made.stream().filter(Contact::favorite).limit(3).map(Contact::id).toList());
            contacts.trashAll(owner, made.stream().filter(c -> !c.favorite()).limit(5).map(Contact::id).toList());
            check(contacts, owner, "some trashed");
            // one user's book, none in a trash: the whole count is the trigram index's alone (SQLite)
            contacts.trashAll(other, others.stream().map(Contact::id).toList());
            assertTrue(contacts.emptyTrash(other) > 0);
            assertTrue(contacts.emptyTrash(owner) > 0);
            check(contacts, owner, "the owner's book alone");
            // half the book marked: the favourites are no longer few (SQLite: the other plans)
            dsl.update(CONTACTS).set(CONTACTS.FAVORITE, true).where(CONTACTS.ID.mod(2L).eq(0L)).execute();
            check(contacts, owner, "half the book marked");
        }
    }

    /**
     * SQLite's plans: few favourites' search page reads their index, not the trigram index; the others' count reads
     * both (the favourites' rows alone, each tested on its text); many favourites' page reads the trigram index.
     */
    @Test
    void fewFavouritesAreSearchedThroughTheirIndex() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            DSLContext dsl = database.dsl();
            if (dsl.dialect().family() != SQLDialect.SQLITE) {
                return; // PostgreSQL's planner picks by its statistics; the totals and pages are the test above's
            }
            long owner = user(dsl, "owner@example.com");
            ContactRepository contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
            contacts.createAll(owner, favoriteDrafts(new Random(5), 300, 100));
            SearchCriteria nunez = SearchCriteria.of("nunez", null, null, null);
            ListOptions favourites = new ListOptions(ListOptions.Sort.LAST_NAME, false, null, true);
            String few = plan(dsl, contacts.searchStatement(owner, nunez, favourites, 0, 10));
            assertTrue(few.contains("USING INDEX contacts_live_favorite"), few);
            assertFalse(few.contains("contacts_search"), few);
            String count = plan(dsl, contacts.notFavoriteCountStatement(owner, nunez));
            assertTrue(count.contains("USING INDEX contacts_live_favorite"), count);
            assertTrue(count.contains("VIRTUAL TABLE INDEX"), count);

            dsl.update(CONTACTS).set(CONTACTS.FAVORITE, true).where(CONTACTS.ID.mod(2L).eq(0L)).execute();
            String many = plan(dsl, contacts.searchStatement(owner, nunez, favourites, 0, 10));
            assertFalse(many.contains("contacts_live_favorite"), many);
        }
    }

    /** Every page of both searches, in every order and direction, against the unfiltered search filtered here. */
    private static void check(ContactRepository contacts, long owner, String after) {
        for (String query : QUERIES) {
            SearchCriteria criteria = SearchCriteria.of(query, null, null, null);
            for (ListOptions.Sort sort : ListOptions.Sort.values()) {
                for (boolean descending : List.of(false, true)) {
                    List<StoredContact> all = contacts.search(owner, criteria,
                            new ListOptions(sort, descending, null, null), 0, 1000).items();
                    for (boolean favorite : List.of(true, false)) {
                        List<Long> model = all.stream().filter(c -> c.favorite() == favorite)
                                .map(StoredContact::id).toList();
                        ListOptions options = new ListOptions(sort, descending, null, favorite);
                        String where = after + ", " + query + ", " + sort + (descending ? " desc" : "")
                                + ", favorite=" + favorite;
                        for (int skip = 0; skip <= model.size() + 9; skip += 9) {
                            var page = contacts.search(owner, criteria, options, skip, 10);
                            assertEquals(model.size(), page.total(), where + ", skip " + skip);
                            assertEquals(model.subList(Math.min(skip, model.size()),
                                            Math.min(skip + 10, model.size())),
                                    page.items().stream().map(StoredContact::id).toList(), where + ", skip " + skip);
                        }
                    }
                }
            }
        }
    }
}
