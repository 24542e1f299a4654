package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.CONTACTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.Page;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestDatabases;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A search's total remembered at the owner's book version (SQLite, a search by words the trigram index finds): a
 * reader (one instance) keeps the total it counted while nothing is written, and after every kind of write that can
 * change it, made through another instance or by plain SQL, each of its answers (total and page, every favourite
 * mark, by id and by last name) is what a plain count of the database gives. Fails when a write leaves the book
 * version (a text changed by SQL alone before migration V16), and on the code before (no total remembered). Both
 * databases: PostgreSQL counts every search, and must give the same answers. And a user typing a search (a new total
 * at every key) leaves the birthday runs' remembered counts be.
 */
class SearchTotalVersionTest {

    private static final int BOOK = 120;
    private static final String WORD = "nunez";
    private static final SearchCriteria QUERY = SearchCriteria.of(WORD, null, null, null);
    private static final SearchCriteria TWO_WORDS = SearchCriteria.of("nunez lee", null, null, null);
    private static final String[] FIRST = {"Ada", "Núñez", "Bo", "Zoë", "Eve"};
    private static final String[] LAST = {"Smith", "Lee", "Nunez", "Rossi"};

    private final MutableClock clock = new MutableClock();
    private Database database;
    private DSLContext sql;
    /** The instance that writes; the reader is another, with its own remembered totals. */
    private ContactRepository writer;
    private ContactRepository reader;
    private ListAnchors anchors;
    private long owner;
    private long other;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        sql = database.dsl();
        writer = new ContactRepository(sql, clock, 10 * BOOK);
        anchors = new ListAnchors();
        reader = new ContactRepository(sql, Clock.systemUTC(), 10 * BOOK, anchors);
        UserRepository users = new UserRepository(sql, Clock.systemUTC());
        owner = users.create("owner@example.com", "hash").userId();
        other = users.create("other@example.com", "hash").userId();
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 0; i < BOOK; i++) {
            drafts.add(new ContactDraft(FIRST[i % FIRST.length], LAST[(i / 5) % LAST.length], "c" + i + "@example.com",
                    null, null, null));
        }
        writer.createAll(owner, drafts);
        writer.createAll(other, drafts.subList(0, 30)); // look-alikes of another owner
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aRememberedTotalServesUntilAWriteThatCanChangeItAndEveryAnswerIsTheDatabases() {
        assertSearches("before any write");
        ListAnchors.Searched searched = new ListAnchors.Searched(owner, QUERY.words(), null);
        ListAnchors.Searched others = new ListAnchors.Searched(owner, QUERY.words(), false);
        if (!TestDatabases.onPostgreSql()) {
            ListAnchors.Counted counted = anchors.count(searched);
            ListAnchors.Counted notFavorites = anchors.count(others);
            assertNotNull(counted, "a search's total remembered");
            assertNotNull(notFavorites, "a favorite=false search's total remembered");
            assertSearches("asked again");
            assertSame(counted, anchors.count(searched), "the total kept while nothing is written");
            assertSame(notFavorites, anchors.count(others), "the favorite=false total kept");
            writer.update(other, writer.createAll(other, List.of(new ContactDraft("Núñez", "Other", null, null,
                    null, null))).getFirst().id(), c -> { }, d -> d);
            assertSearches("after another owner's writes");
            assertSame(counted, anchors.count(searched), "the total kept through another owner's writes");
        }

        long plain = idOf("Ada");
        long match = idOf("Núñez");
        writes("a match created", () -> writer.create(owner, new ContactDraft("Olga", "Núñez", null, null, null,
                null)));
        writes("a word put into the notes", () -> edit(plain, d -> notes(d, "met Nunez at work")));
        writes("the notes' word taken out", () -> edit(plain, d -> notes(d, "met at work")));
        writes("a match marked favourite", () -> edit(match, d -> favorite(d, true)));
        writes("a match trashed", () -> writer.trash(owner, match, c -> { }));
        writes("a match restored", () -> writer.restore(owner, match));
        writes("the folded text changed by SQL alone", () -> sql.execute(
                "update contacts set search_text = search_text || ' nunez' where id = ?", idOf("Bo")));
        writes("a match's text cleared by SQL alone", () -> sql.execute(
                "update contacts set search_text = 'x' where id = ?", match));
        writes("half the book marked by SQL", () -> sql.update(CONTACTS).set(CONTACTS.FAVORITE, true)
                .where(CONTACTS.USER_ID.eq(owner).and(CONTACTS.ID.mod(2L).eq(0L))).execute());
        writes("a match given to another owner by SQL", () -> sql.update(CONTACTS).set(CONTACTS.USER_ID, other)
                .where(CONTACTS.ID.eq(matches(QUERY, null).getFirst())).execute());
        writes("a match deleted by SQL", () -> sql.execute("delete from contacts where id = ?",
                matches(QUERY, null).getLast()));
    }

    @Test
    void searchesOfManyWordsLeaveTheBirthdayRunsCountsRemembered() {
        List<BirthdayCalendar.MonthDays> year = BirthdayCalendar.window(LocalDate.parse("2027-03-01"), 366);
        ListAnchors.BirthdayRun run = new ListAnchors.BirthdayRun(owner, year.getFirst().from(), year.getFirst().to());
        reader.countBirthdays(owner, year);
        ListAnchors.Counted counted = anchors.count(run);
        assertNotNull(counted);
        for (int i = 0; i < 2 * ListAnchors.MOST_LISTS; i++) { // a user typing: a new search at every key
            reader.search(owner, SearchCriteria.of("nunez" + i, null, null, null), ListOptions.DEFAULT, 0, 7);
        }
        assertSame(counted, anchors.count(run), "a birthday run's count after many searches");
    }

    /** The write, a minute on; then every answer is the database's, and a remembered total was counted again. */
    private void writes(String what, Runnable write) {
        ListAnchors.Searched searched = new ListAnchors.Searched(owner, QUERY.words(), null);
        ListAnchors.Counted before = anchors.count(searched);
        clock.advance(Duration.ofMinutes(1));
        write.run();
        assertSearches(what);
        if (!TestDatabases.onPostgreSql()) {
            assertNotEquals(before.version(), anchors.count(searched).version(), what + ": the total counted again");
        }
    }

    /** Each search (one word, two words; every favourite mark; by id and by last name) against a plain count. */
    private void assertSearches(String what) {
        for (SearchCriteria criteria : List.of(QUERY, TWO_WORDS)) {
            for (Boolean favorite : Arrays.asList(null, true, false)) {
                for (ListOptions.Sort sort : List.of(ListOptions.Sort.ID, ListOptions.Sort.LAST_NAME)) {
                    ListOptions options = new ListOptions(sort, false, null, favorite);
                    String asked = what + ": " + criteria.words() + " favorite=" + favorite + " by " + sort;
                    List<Long> matches = matches(criteria, favorite);
                    Page<StoredContact> page = reader.search(owner, criteria, options, 0, 7);
                    assertEquals(matches.size(), page.total(), asked + ": the total");
                    if (sort == ListOptions.Sort.ID) {
                        assertEquals(matches.subList(0, Math.min(7, matches.size())),
                                page.items().stream().map(StoredContact::id).toList(), asked + ": the page");
                    } else {
                        assertEquals(Math.min(7, matches.size()), page.items().size(), asked + ": the page's size");
                    }
                    Page<StoredContact> past = reader.search(owner, criteria, options, matches.size(), 7);
                    assertEquals(matches.size(), past.total(), asked + ": the total past the end");
                    assertEquals(List.of(), past.items(), asked + ": the page past the end");
                }
            }
        }
    }

    /** The owner's live contacts whose folded text holds every word, in id order: the database read plainly. */
    private List<Long> matches(SearchCriteria criteria, Boolean favorite) {
        Condition condition = CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNull());
        for (String word : criteria.words()) {
            condition = condition.and(DSL.position(CONTACTS.SEARCH_TEXT, word).gt(0));
        }
        if (favorite != null) {
            condition = condition.and(CONTACTS.FAVORITE.eq(favorite));
        }
        return sql.select(CONTACTS.ID).from(CONTACTS).where(condition).orderBy(CONTACTS.ID).fetch(CONTACTS.ID);
    }

    /** The owner's first live contact of this first name. */
    private long idOf(String firstName) {
        return sql.select(CONTACTS.ID).from(CONTACTS).where(CONTACTS.USER_ID.eq(owner)
                        .and(CONTACTS.DELETED_AT.isNull()).and(CONTACTS.FIRST_NAME.eq(firstName)))
                .orderBy(CONTACTS.ID).limit(1).fetchOne(CONTACTS.ID);
    }

    private void edit(long id, UnaryOperator<ContactDraft> change) {
        assertEquals(id, writer.update(owner, id, current -> { }, change).orElseThrow().id());
    }

    private static ContactDraft notes(ContactDraft d, String notes) {
        return new ContactDraft(d.firstName(), d.lastName(), d.emails(), d.phones(), d.birthday(), notes,
                d.addresses(), d.organization(), d.jobTitle(), d.nickname(), d.labels(), d.favorite());
    }

    private static ContactDraft favorite(ContactDraft d, boolean favorite) {
        return new ContactDraft(d.firstName(), d.lastName(), d.emails(), d.phones(), d.birthday(),
                d.additionalData(), d.addresses(), d.organization(), d.jobTitle(), d.nickname(), d.labels(),
                favorite);
    }
}
