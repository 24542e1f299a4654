package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.server.Refusal;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.db.Database;
import dev.contacts.server.db.GroupCommit;
import dev.contacts.server.support.Concurrently;
import dev.contacts.server.support.TestDatabases;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creates that arrive together, and the contact limit, on the suite's database. On SQLite creates queued behind a
 * commit are committed together (one transaction, each in a savepoint); here they are made to queue, so that a
 * group forms for sure. On PostgreSQL each is its own transaction, and the same outcomes hold. The limit holds on
 * every path that adds or removes live contacts: the room it leaves always matches the live contacts there are
 * (the database keeps their count as they change), and a path that would go past it is refused and changes nothing.
 */
class CreatesAndLimitTest {

    private static final int LIMIT = 5;

    private Database database;
    private ContactRepository contacts;
    private UserRepository users;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        contacts = new ContactRepository(database.dsl(), Clock.systemUTC(), LIMIT);
        users = new UserRepository(database.dsl(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void queuedCreatesAreAllStoredAndEachAnsweredWithItsOwnContact() throws Exception {
        long owner = users.create("owner@example.com", "hash").userId();
        List<Create> creates = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            creates.add(new Create(owner, draft("Name" + i)));
        }

        List<Future<Contact>> answers = queued(List.of(owner), creates);

        List<Contact> created = new ArrayList<>();
        for (Future<Contact> answer : answers) {
            created.add(answer.get());
        }
        assertEquals(LIMIT, new HashSet<>(created.stream().map(Contact::id).toList()).size(), "an id each");
        for (int i = 0; i < LIMIT; i++) {
            Contact answered = created.get(i);
            assertEquals("Name" + i, answered.firstName(), "each caller gets its own contact");
            assertEquals(Optional.of(answered), contacts.find(owner, answered.id()), "stored as answered");
        }
        assertEquals(LIMIT, live(owner));
    }

    @Test
    void aCreateThatFailsInAGroupStoresNothingAndTheOthersAreStored() throws Exception {
        long nearlyFull = users.create("nearly-full@example.com", "hash").userId();
        long other = users.create("other@example.com", "hash").userId();
        long gone = other + 1000; // no such user: its insert breaks the foreign key
        for (int i = 0; i < 2; i++) {
            contacts.create(nearlyFull, draft("Old" + i));
        }
        // the first create commits alone; the next ones queue behind it (in whatever order their threads come)
        // and commit as one group: five creates of the nearly full book, room for three
        List<Create> creates = List.of(new Create(other, draft("First")),
                new Create(nearlyFull, draft("Near1")), new Create(gone, draft("Orphan")),
                new Create(other, draft("Other1")), new Create(nearlyFull, draft("Near2")),
                new Create(nearlyFull, draft("Near3")), new Create(other, draft("Other2")),
                new Create(nearlyFull, draft("Near4")), new Create(nearlyFull, draft("Near5")));

        List<Future<Contact>> answers = queued(List.of(nearlyFull, other), creates);

        List<String> storedNear = new ArrayList<>(List.of("Old0", "Old1"));
        int refused = 0;
        for (int i = 0; i < creates.size(); i++) {
            Create create = creates.get(i);
            String name = create.draft().firstName();
            if (name.equals("Orphan")) {
                assertInstanceOf(DataAccessException.class, failure(answers.get(i)), name);
            } else if (create.owner() == nearlyFull && !succeeded(answers.get(i))) {
                assertInstanceOf(Refusal.ContactLimitReached.class, failure(answers.get(i)), name);
                refused++;
            } else {
                Contact created = answers.get(i).get();
                assertEquals(Optional.of(created), contacts.find(create.owner(), created.id()), name);
                if (create.owner() == nearlyFull) {
                    storedNear.add(name);
                }
            }
        }
        assertEquals(2, refused, "the limit held exactly within the group");
        assertEquals(LIMIT, live(nearlyFull));
        assertEquals(new HashSet<>(storedNear), new HashSet<>(names(nearlyFull)), "nothing of a refused one");
        assertEquals(3, live(other));
        assertEquals(0, live(gone));
    }

    @Test
    void anInsertAfterAFailedOneOnTheSameConnectionIsStoredWithItsOwnId() {
        long owner = users.create("owner@example.com", "hash").userId();
        long gone = owner + 1000; // no such user: its insert breaks the foreign key
        // one transaction, so one connection, whose insert statement is kept open between inserts: a failed
        // insert (rolled back to its savepoint) must leave it fit for the next, each answered with its own row
        List<Contact> created = database.dsl().transactionResult(tx -> {
            ContactRepository inTx = contacts.within(tx.dsl());
            List<Contact> stored = new ArrayList<>(inTx.createAll(owner, drafts("Before", 2)));
            assertThrows(DataAccessException.class,
                    () -> tx.dsl().transaction(savepoint -> contacts.within(savepoint.dsl()).createAll(gone,
                            drafts("Orphan", 1))));
            stored.addAll(inTx.createAll(owner, drafts("After", 2)));
            return stored;
        });

        assertEquals(List.of("Before0", "Before1", "After0", "After1"), created.stream().map(Contact::firstName).toList());
        for (Contact answered : created) {
            assertEquals(Optional.of(answered), contacts.find(owner, answered.id()), "stored as answered");
        }
        assertEquals(4, new HashSet<>(created.stream().map(Contact::id).toList()).size(), "an id each");
        assertEquals(List.of("Before0", "Before1", "After0", "After1"), names(owner));
        assertEquals(0, live(gone));
    }

    @Test
    void theLimitHoldsExactlyUnderConcurrentCreatesOfOneOwner() throws Exception {
        long owner = users.create("owner@example.com", "hash").userId();
        Map<Integer, Integer> outcomes = Concurrently.tally(4 * LIMIT, n -> {
            try {
                contacts.create(owner, draft("Racer" + n));
                return 201;
            } catch (Refusal.ContactLimitReached e) {
                return 409;
            }
        });
        assertEquals(Map.of(201, LIMIT, 409, 3 * LIMIT), outcomes);
        assertEquals(LIMIT, live(owner));
    }

    @Test
    void theRoomLeftMatchesTheLiveContactsAfterEveryPath() {
        long owner = users.create("owner@example.com", "hash").userId();
        long other = users.create("other@example.com", "hash").userId();
        List<Long> imported = contacts.createAll(owner, drafts("Imported", LIMIT - 1)).stream().map(Contact::id).toList();
        assertLive(owner, LIMIT - 1);
        long last = contacts.create(owner, draft("Last")).id();
        assertLive(owner, LIMIT);
        assertThrows(Refusal.ContactLimitReached.class, () -> contacts.create(owner, draft("OneMore")));
        assertThrows(Refusal.ContactLimitReached.class, () -> contacts.createAll(owner, drafts("Batch", 1)));
        assertLive(owner, LIMIT);

        contacts.trash(owner, imported.get(0), current -> { });
        assertLive(owner, LIMIT - 1);
        contacts.trashAll(owner, imported.subList(1, 3));
        assertLive(owner, LIMIT - 3);
        contacts.createAll(owner, drafts("Refill", 2));
        assertLive(owner, LIMIT - 1);
        contacts.restore(owner, imported.get(0)).orElseThrow();
        assertLive(owner, LIMIT);
        assertThrows(Refusal.ContactLimitReached.class, () -> contacts.restore(owner, imported.get(1)));
        assertThrows(Refusal.ContactLimitReached.class, () -> contacts.restoreAll(owner, imported.subList(1, 3)));
        assertLive(owner, LIMIT);

        contacts.trash(owner, last, current -> { });
        assertLive(owner, LIMIT - 1);
        assertEquals(List.of(imported.get(1)), contacts.restoreAll(owner, List.of(imported.get(1))));
        assertLive(owner, LIMIT);
        // deleting for good what is in the trash leaves the live ones as they are
        assertTrue(contacts.purge(owner, imported.get(2)));
        assertEquals(1, contacts.pruneTrash(Instant.now().plus(ContactRepository.TRASH_KEPT).plus(1, ChronoUnit.DAYS)));
        assertLive(owner, LIMIT);
        assertThrows(Refusal.ContactLimitReached.class, () -> contacts.create(owner, draft("Still full")));
        contacts.trash(owner, imported.get(0), current -> { });
        assertEquals(1, contacts.emptyTrash(owner));
        assertLive(owner, LIMIT - 1);

        assertLive(other, 0);
        contacts.createAll(other, drafts("Other", LIMIT));
        assertLive(other, LIMIT);
        assertLive(owner, LIMIT - 1);
    }

    private record Create(long owner, ContactDraft draft) {
    }

    /**
     * Runs {@code creates}, each on its own thread, while another transaction holds {@code owners} (and on SQLite
     * the write turn). On SQLite the first create's group takes only it, the others then queue for the next group;
     * all are let go once they wait. The answers, in the order of {@code creates}.
     */
    private List<Future<Contact>> queued(List<Long> owners, List<Create> creates) throws Exception {
        Optional<GroupCommit> groups = contacts.createGroups();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Contact>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(creates.size() + 1)) {
            Future<?> holder = threads.submit(() -> database.dsl().transaction(tx -> {
                owners.forEach(contacts.within(tx.dsl())::lockOwner);
                holding.countDown();
                release.await();
            }));
            holding.await();
            answers.add(threads.submit(() -> contacts.create(creates.get(0).owner(), creates.get(0).draft())));
            groups.ifPresent(g -> awaitWhileWaiting(g::committing, answers));
            for (Create create : creates.subList(1, creates.size())) {
                answers.add(threads.submit(() -> contacts.create(create.owner(), create.draft())));
            }
            groups.ifPresent(g -> awaitWhileWaiting(() -> g.waiting() == creates.size() - 1, answers));
            release.countDown();
            holder.get();
            for (Future<Contact> answer : answers) {
                try {
                    answer.get();
                } catch (ExecutionException expectedOfSome) {
                    // each test looks at its failures
                }
            }
        }
        return answers;
    }

    /**
     * Until {@code condition} holds (threads parked on a lock: there is no event to wait for); fails if a create
     * was answered meanwhile, since none may be before the holder lets go.
     */
    private static void awaitWhileWaiting(BooleanSupplier condition, List<Future<Contact>> creates) {
        while (!condition.getAsBoolean()) {
            if (creates.stream().anyMatch(Future::isDone)) {
                throw new AssertionError("a create was answered before the holder let go");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static boolean succeeded(Future<Contact> answer) {
        return answer.state() == Future.State.SUCCESS;
    }

    private static Throwable failure(Future<Contact> answer) {
        try {
            throw new AssertionError("stored: " + answer.get());
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The owner has {@code count} live contacts, and the limit leaves room for the rest. */
    private void assertLive(long owner, int count) {
        assertEquals(count, live(owner));
        assertEquals(LIMIT - count, contacts.room(owner));
    }

    private static List<ContactDraft> drafts(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> draft(prefix + i)).toList();
    }

    private int live(long owner) {
        return contacts.list(owner, ListOptions.DEFAULT, 0, 1000).total();
    }

    private List<String> names(long owner) {
        return contacts.list(owner, ListOptions.DEFAULT, 0, 1000).items().stream().map(StoredContact::firstName).toList();
    }

    private static ContactDraft draft(String firstName) {
        return new ContactDraft(firstName, "Family", firstName.toLowerCase() + "@example.com", null, null, null);
    }
}
