package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.CONTACTS;
import static dev.contacts.server.db.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.LabeledValue;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order version (migration V15): every write that can change a sorted list but the one by update time, or a
 * birthday run, raises it, whatever statement makes it; an edit that changes the update time alone raises the book
 * version only. So places and birthday counts a reader remembered before a notes, phone or photo edit (through another
 * instance) still serve, and give the database's own pages; a list by update time, and every list after a name edit,
 * is read anew. Fails when a trigger leaves out a write that must raise the order version, and on the code before V15
 * (every edit dropped every place). And places are read by one request at a time: another reads its page from the
 * offset meanwhile; a birthday run missed by several readers together is counted by one of them, the others taking
 * its count when its statement read their version.
 */
class OrderVersionTest {

    private static final int BOOK = 2 * ListAnchors.SPACING + 300;
    private static final String[] FIRST = {"Ada", "Ádám", "Bo", "Zoë", "Eve", "Olga", "Mia"};
    private static final String[] LAST = {"Smith", "Müller", "Lee", "Núñez", "Rossi"};
    private static final ListOptions BY_LAST_NAME = new ListOptions(ListOptions.Sort.LAST_NAME, true, null, null);
    private static final ListOptions BY_UPDATE = new ListOptions(ListOptions.Sort.UPDATED_AT, false, null, null);
    private static final int DEEP = 2 * ListAnchors.SPACING + 5;

    /** Each write a minute after the one before: its update time changes. */
    private final MutableClock clock = new MutableClock();
    private Database database;
    private DSLContext sql;
    /** The instance that writes; each reader is another, with its own remembered places. */
    private ContactRepository writer;
    private long owner;
    private long other;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        sql = database.dsl();
        writer = new ContactRepository(sql, clock, 10 * BOOK);
        UserRepository users = new UserRepository(sql, Clock.systemUTC());
        owner = users.create("owner@example.com", "hash").userId();
        other = users.create("other@example.com", "hash").userId();
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 0; i < BOOK; i++) {
            drafts.add(new ContactDraft(FIRST[i % FIRST.length], LAST[(i / 3) % LAST.length], "c" + i + "@example.com",
                    null, LocalDate.parse("1990-01-01").plusDays(i % 366), null));
        }
        writer.createAll(owner, drafts);
        writer.createAll(other, drafts.subList(0, 10));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyWriteThatCanMoveAContactRaisesTheOrderVersionAndAnEditOfNoneDoesNot() {
        long id = idAt(100);
        keepsOrder("a notes edit", () -> edit(id, d -> draft(d, d.firstName(), d.lastName(), d.birthday(), "later",
                d.favorite())));
        keepsOrder("a phone added", () -> writer.update(owner, id, current -> { }, d -> new ContactDraft(
                d.firstName(), d.lastName(), d.emails(), List.of(new LabeledValue("+44 20 7946 0000", "mobile")),
                d.birthday(), d.additionalData(), d.addresses(), d.organization(), d.jobTitle(), d.nickname(),
                d.labels(), d.favorite())));
        keepsOrder("a photo", () -> writer.putPhoto(owner, id, new ContactRepository.Photo("image/png",
                new byte[] {1, 2, 3}, "tag")));
        keepsOrder("the notes and update time by SQL", () -> sql.update(CONTACTS).set(CONTACTS.ADDITIONAL_DATA, "sql")
                .set(CONTACTS.UPDATED_AT, Instant.parse("2030-01-01T00:00:00Z")).where(CONTACTS.ID.eq(id)).execute());

        movesOrder("a last name edit", () -> edit(id, d -> draft(d, d.firstName(), "Zzz", d.birthday(),
                d.additionalData(), d.favorite())));
        movesOrder("a first name edit", () -> edit(id, d -> draft(d, "Zz", d.lastName(), d.birthday(),
                d.additionalData(), d.favorite())));
        movesOrder("a favourite mark", () -> edit(id, d -> draft(d, d.firstName(), d.lastName(), d.birthday(),
                d.additionalData(), true)));
        movesOrder("a birthday edit", () -> edit(id, d -> draft(d, d.firstName(), d.lastName(),
                LocalDate.parse("1970-07-07"), d.additionalData(), d.favorite())));
        movesOrder("a birthday by SQL alone", () -> sql.execute(
                "update contacts set birthday_md = '08-08' where id = ?", id));
        movesOrder("a sort key by SQL alone", () -> sql.execute(
                "update contacts set first_name_key = '00' where id = ?", id));
        movesOrder("a creation time by SQL", () -> sql.update(CONTACTS)
                .set(CONTACTS.CREATED_AT, Instant.parse("2001-01-01T00:00:00Z")).where(CONTACTS.ID.eq(id)).execute());
        long[] made = new long[1];
        movesOrder("a create", () -> made[0] = writer.create(owner, new ContactDraft("Aaron", "Aaa", null, null,
                null, null)).id());
        movesOrder("a trash", () -> writer.trash(owner, made[0], current -> { }));
        movesOrder("a restore", () -> writer.restore(owner, made[0]));
        movesOrder("a delete by SQL", () -> sql.execute("delete from contacts where id = ?", made[0]));
        long moved = idAt(200);
        long[] before = {version(USERS.ORDER_VERSION, other)};
        movesOrder("a contact given to another owner by SQL", () -> sql.update(CONTACTS).set(CONTACTS.USER_ID, other)
                .where(CONTACTS.ID.eq(moved)).execute());
        assertNotEquals(before[0], version(USERS.ORDER_VERSION, other), "the new owner's order version");
    }

    @Test
    void placesAndCountsReadBeforeAnEditOfNoSortKeyServeAndGiveTheDatabasesPages() {
        ListAnchors anchors = new ListAnchors();
        ContactRepository reader = new ContactRepository(sql, Clock.systemUTC(), 10 * BOOK, anchors);
        ListAnchors.Listed byLastName = new ListAnchors.Listed(owner, ListOptions.Sort.LAST_NAME, true, null);
        ListAnchors.Listed byUpdate = new ListAnchors.Listed(owner, ListOptions.Sort.UPDATED_AT, false, null);
        List<BirthdayCalendar.MonthDays> year = BirthdayCalendar.window(LocalDate.parse("2027-03-01"), 366);
        ListAnchors.BirthdayRun run = new ListAnchors.BirthdayRun(owner, year.getFirst().from(), year.getFirst().to());
        for (int read = 0; read < 2; read++) { // the first deep page remembers the version, the second the places
            assertPage(reader, BY_LAST_NAME, "before any write");
            assertPage(reader, BY_UPDATE, "before any write");
        }
        reader.countBirthdays(owner, year);
        ListAnchors.Places placed = anchors.get(byLastName);
        ListAnchors.Counted counted = anchors.count(run);
        assertEquals(2, placed.places().size());
        assertEquals(2, anchors.get(byUpdate).places().size());

        // a contact before the places by update time (all made at once: in id order), moved to its end by the edit
        clock.advance(Duration.ofMinutes(1));
        edit(idAt(3), d -> draft(d, d.firstName(), d.lastName(), d.birthday(), "called back", d.favorite()));
        assertPage(reader, BY_LAST_NAME, "after a notes edit");
        assertSame(placed, anchors.get(byLastName), "the places read before a notes edit");
        assertPage(reader, BY_UPDATE, "after a notes edit");
        assertEquals(0, anchors.get(byUpdate).places().size(), "the update time's places after a notes edit");
        assertEquals(BOOK, reader.countBirthdays(owner, year).total());
        assertSame(counted, anchors.count(run), "a birthday run's count after a notes edit");

        // a name that moves the contact before the places: every place after it moves by one
        edit(idAt(DEEP), d -> draft(d, d.firstName(), "Zzzz", d.birthday(), d.additionalData(), d.favorite()));
        assertPage(reader, BY_LAST_NAME, "after a last name edit");
        assertNotEquals(placed.version(), anchors.get(byLastName).version(), "the places after a last name edit");
        sql.execute("update contacts set birthday_md = '12-31' where id = ?", idAt(3));
        ContactRepository.CountedBirthdays recounted = reader.countBirthdays(owner, year);
        assertNotEquals(counted.version(), anchors.count(run).version(), "a count after a birthday changed by SQL");
        assertEquals(BOOK, recounted.total());
    }

    @Test
    void aPageWhosePlacesAnotherRequestReadsIsReadFromItsOffset() {
        ListAnchors anchors = new ListAnchors();
        ContactRepository reader = new ContactRepository(sql, Clock.systemUTC(), 10 * BOOK, anchors);
        ListAnchors.Listed byLastName = new ListAnchors.Listed(owner, ListOptions.Sort.LAST_NAME, true, null);
        assertPage(reader, BY_LAST_NAME, "the first deep page"); // remembers the version
        assertEquals(true, anchors.startReading(byLastName)); // as another request reading the places
        assertPage(reader, BY_LAST_NAME, "while another request reads the places");
        assertEquals(0, anchors.get(byLastName).places().size(), "places read by a second request at once");
        anchors.doneReading(byLastName);
        assertPage(reader, BY_LAST_NAME, "once it is done");
        assertEquals(2, anchors.get(byLastName).places().size());
    }

    @Test
    void aBirthdayRunAnotherRequestCountsAtTheSameVersionIsNotCountedAgain() throws Exception {
        ListAnchors anchors = new ListAnchors();
        ContactRepository reader = new ContactRepository(sql, Clock.systemUTC(), 10 * BOOK, anchors);
        List<BirthdayCalendar.MonthDays> year = BirthdayCalendar.window(LocalDate.parse("2027-03-01"), 366);
        ListAnchors.BirthdayRun run = new ListAnchors.BirthdayRun(owner, year.getFirst().from(), year.getFirst().to());
        long version = version(USERS.ORDER_VERSION, owner);
        int counted = reader.countBirthdays(owner, year).counts().getFirst();
        // a birthday moved into the run: every reader misses the count at the new version
        edit(idAt(5), d -> draft(d, d.firstName(), d.lastName(), LocalDate.parse("1990-03-02"), d.additionalData(),
                d.favorite()));
        long moved = version(USERS.ORDER_VERSION, owner);
        assertNotEquals(version, moved);

        // another request counts the run now: its statement gives a count no statement of this reader could
        int theirs = counted + 1000;
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ListAnchors.Counted> counting = startCounting(anchors, run,
                new ListAnchors.Counted(moved, theirs), release);
        CompletableFuture<Integer> waiter = countOnAnotherThread(reader, owner, year);
        assertFalse(waiter.isDone(), "a reader of the run's count at the version being counted waits for it");
        CompletableFuture<Integer> otherUser = countOnAnotherThread(reader, other, year);
        assertEquals(count(other, run), otherUser.join(), "another user's run does not wait for this one's count");
        release.countDown();
        assertEquals(theirs, counting.join().count());
        assertEquals(theirs, waiter.join(), "the count shared by the request that counted it");

        // another request's count read at a later version than this reader's: the reader counts on its own
        edit(idAt(6), d -> draft(d, d.firstName(), d.lastName(), LocalDate.parse("1990-03-03"), d.additionalData(),
                d.favorite()));
        CountDownLatch later = new CountDownLatch(1);
        counting = startCounting(anchors, run, new ListAnchors.Counted(version(USERS.ORDER_VERSION, owner) + 1,
                theirs), later);
        waiter = countOnAnotherThread(reader, owner, year);
        later.countDown();
        counting.join();
        assertEquals(count(owner, run), waiter.join(), "the count when the shared one was read at another version");
    }

    /**
     * As another request counting {@code run} (not remembered at the version it read), which gives {@code gives}
     * once {@code release} is counted down.
     */
    private static CompletableFuture<ListAnchors.Counted> startCounting(ListAnchors anchors,
            ListAnchors.BirthdayRun run, ListAnchors.Counted gives, CountDownLatch release) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<ListAnchors.Counted> counting = CompletableFuture.supplyAsync(
                () -> anchors.count(run, gives.version(), () -> {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return gives;
                }), runnable -> Thread.ofPlatform().start(runnable));
        started.await();
        return counting;
    }

    /**
     * The first run's count of {@code user}'s window, read by {@code reader} on a thread of its own; returned once
     * it is read, or once that thread waits.
     */
    private static CompletableFuture<Integer> countOnAnotherThread(ContactRepository reader, long user,
                                                                   List<BirthdayCalendar.MonthDays> window) {
        CompletableFuture<Integer> count = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                count.complete(reader.countBirthdays(user, window).counts().getFirst());
            } catch (RuntimeException | Error e) {
                count.completeExceptionally(e);
            }
        });
        while (!count.isDone() && thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        return count;
    }

    /** How many of {@code user}'s live contacts the database holds in {@code run}. */
    private int count(long user, ListAnchors.BirthdayRun run) {
        return sql.fetchCount(CONTACTS, CONTACTS.USER_ID.eq(user).and(CONTACTS.DELETED_AT.isNull())
                .and(CONTACTS.BIRTHDAY_MD.between(run.from(), run.to())));
    }

    /** The reader's page deep in a list, against the database's own order and offset. */
    private void assertPage(ContactRepository reader, ListOptions options, String after) {
        Field<?> key = options.sort() == ListOptions.Sort.LAST_NAME ? CONTACTS.LAST_NAME_KEY : CONTACTS.UPDATED_AT;
        List<Long> plain = sql.select(CONTACTS.ID).from(CONTACTS)
                .where(CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNull()))
                .orderBy(options.descending() ? key.desc() : key.asc(),
                        options.descending() ? CONTACTS.ID.desc() : CONTACTS.ID.asc())
                .limit(7).offset(DEEP).fetch(CONTACTS.ID);
        assertEquals(plain, reader.list(owner, options, DEEP, 7).items().stream().map(StoredContact::id).toList(),
                after + ", by " + options.sort());
    }

    private void keepsOrder(String what, Runnable write) {
        raisesVersions(what, write, false);
    }

    private void movesOrder(String what, Runnable write) {
        raisesVersions(what, write, true);
    }

    /** The write, a minute on: it always raises the book version, and the order version only if it {@code moves}. */
    private void raisesVersions(String what, Runnable write, boolean moves) {
        Record2<Integer, Integer> before = versions();
        clock.advance(Duration.ofMinutes(1));
        write.run();
        Record2<Integer, Integer> after = versions();
        assertNotEquals(before.value1(), after.value1(), what + ": the book version");
        assertEquals(moves, !before.value2().equals(after.value2()), what + ": the order version raised");
    }

    private Record2<Integer, Integer> versions() {
        return sql.select(USERS.BOOK_VERSION, USERS.ORDER_VERSION).from(USERS).where(USERS.ID.eq(owner)).fetchOne();
    }

    private int version(Field<Integer> column, long user) {
        return sql.select(column).from(USERS).where(USERS.ID.eq(user)).fetchOne(column);
    }

    private void edit(long id, UnaryOperator<ContactDraft> change) {
        assertEquals(id, writer.update(owner, id, current -> { }, change).orElseThrow().id());
    }

    private static ContactDraft draft(ContactDraft d, String first, String last, LocalDate birthday, String notes,
                                      boolean favorite) {
        return new ContactDraft(first, last, d.emails(), d.phones(), birthday, notes, d.addresses(),
                d.organization(), d.jobTitle(), d.nickname(), d.labels(), favorite);
    }

    /** The id of the owner's live contact at {@code position} in id order. */
    private long idAt(int position) {
        return sql.select(CONTACTS.ID).from(CONTACTS)
                .where(CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNull())).orderBy(CONTACTS.ID)
                .limit(1).offset(position).fetchOne(CONTACTS.ID);
    }
}
