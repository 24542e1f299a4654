package dev.contacts.server.db;

import static dev.contacts.server.db.generated.Tables.LOGIN_FAILURES;
import static dev.contacts.server.db.generated.Tables.REVOKED_ACCESS_TOKENS;
import static dev.contacts.server.db.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import dev.contacts.model.RegisteredUser;
import dev.contacts.server.Refusal;
import dev.contacts.server.auth.LoginThrottle;
import dev.contacts.server.auth.RevokedAccessTokens;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.support.Concurrently;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writes from many threads at once, on the suite's database: every acknowledged one is stored and still there when
 * the database is opened again, none fails because another writer held the lock, and a write that failed leaves
 * the next ones free to go. On SQLite also how its writers take turns: in the order they came, auto-committed
 * writes included, while reads never wait.
 */
class WriteQueueTest {

    private static final int WRITERS = 24;
    private static final Instant LATER = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    private DatabaseSettings settings;
    private Database database;

    @BeforeEach
    void open() {
        settings = TestDatabases.fresh();
        database = Database.open(settings);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void parallelWritesOfEveryKindAreAllStoredAndSurviveAReopen() throws Exception {
        Clock clock = Clock.systemUTC();
        UserRepository users = new UserRepository(database.dsl(), clock);
        LoginThrottle throttle = new LoginThrottle(database.dsl(), clock);
        RevokedAccessTokens revoked = new RevokedAccessTokens(database.dsl());

        Map<Integer, Integer> done = Concurrently.tally(WRITERS, n -> {
            String email = "writer" + n + "@example.com";
            users.create(email, "hash-" + n); // a transaction
            LoginThrottle.Turn first = throttle.admit(email).orElseThrow(); // two more
            LoginThrottle.Turn second = throttle.admit(email).orElseThrow();
            throttle.failed(first); // and two more
            if (n % 2 == 0) {
                throttle.recordSuccess(database.dsl(), second); // auto-committed deletes
            } else {
                throttle.failed(second);
            }
            revoked.revoke("jti-" + n, LATER); // an auto-committed insert
            return 1;
        });
        assertEquals(Map.of(1, WRITERS), done, "every writer finished without an error");

        database.close();
        database = Database.open(settings);
        DSLContext dsl = database.dsl();
        for (int n = 0; n < WRITERS; n++) {
            String email = "writer" + n + "@example.com";
            assertTrue(dsl.fetchExists(USERS, USERS.EMAIL.eq(email)), email);
            var failures = dsl.select(LOGIN_FAILURES.FAILURES).from(LOGIN_FAILURES).where(LOGIN_FAILURES.EMAIL.eq(email))
                    .fetchOptional(LOGIN_FAILURES.FAILURES);
            assertEquals(n % 2 == 0 ? null : 2, failures.orElse(null), email + ": both attempts counted, then cleared or not");
            assertTrue(dsl.fetchExists(REVOKED_ACCESS_TOKENS, REVOKED_ACCESS_TOKENS.JTI.eq("jti-" + n)));
        }
    }

    @Test
    void writesThatFailLeaveTheNextWritersFree() throws Exception {
        DSLContext dsl = database.dsl();
        UserRepository users = new UserRepository(dsl, Clock.systemUTC());
        RevokedAccessTokens revoked = new RevokedAccessTokens(dsl);
        users.create("taken@example.com", "hash");

        // the work of a transaction fails half-way
        assertThrows(IllegalStateException.class, () -> dsl.transaction(tx -> {
            new RevokedAccessTokens(tx.dsl()).revoke("rolled-back", LATER);
            throw new IllegalStateException("the work failed");
        }));
        // a refusal inside a transaction, and an auto-committed insert the database refuses
        assertThrows(Refusal.EmailTaken.class, () -> users.create("taken@example.com", "hash"));
        assertThrows(DataAccessException.class, () -> dsl.insertInto(USERS).set(USERS.EMAIL, "taken@example.com")
                .set(USERS.PASSWORD_HASH, "hash").set(USERS.CREATED_AT, Instant.now()).execute());
        // a nested transaction that fails inside one that commits
        dsl.transaction(outer -> {
            new RevokedAccessTokens(outer.dsl()).revoke("outer", LATER);
            assertThrows(IllegalStateException.class, () -> outer.dsl().transaction(inner -> {
                new RevokedAccessTokens(inner.dsl()).revoke("inner", LATER);
                throw new IllegalStateException("the inner work failed");
            }));
        });

        database.writeQueue().ifPresent(queue -> assertFalse(queue.busy(), "every turn was given back"));
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            other.submit(() -> revoked.revoke("after", LATER)).get();
        }
        assertFalse(isRevoked("rolled-back"));
        assertFalse(isRevoked("inner"));
        assertTrue(isRevoked("outer"));
        assertTrue(isRevoked("after"));
    }

    @Tag(TestDatabases.SQLITE_ONLY) // PostgreSQL has no such queue: its writers of different rows go on at once
    @Test
    void writersTakeTurnsInTheOrderTheyCameWhileReadsGoOn() throws Exception {
        SqliteWriteQueue queue = database.writeQueue().orElseThrow();
        DSLContext dsl = database.dsl();
        UserRepository users = new UserRepository(dsl, Clock.systemUTC());
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            Future<?> first = threads.submit(() -> dsl.transaction(tx -> {
                new RevokedAccessTokens(tx.dsl()).revoke("first", LATER);
                holding.countDown();
                release.await();
            }));
            holding.await();
            Future<RegisteredUser> second = threads.submit(() -> users.create("second@example.com", "hash"));
            awaitWaiting(queue, 1, second);
            // an auto-committed insert (one that returns the new id) queues behind it
            Future<Long> third = threads.submit(() -> dsl.insertInto(USERS).set(USERS.EMAIL, "third@example.com")
                    .set(USERS.PASSWORD_HASH, "hash").set(USERS.CREATED_AT, Instant.now())
                    .returning(USERS.ID).fetchSingle(USERS.ID));
            awaitWaiting(queue, 2, third);

            // reads outside a transaction go on while the first writer holds the database and two wait
            assertFalse(isRevoked("first"), "not committed yet");
            assertFalse(users.findByEmail("second@example.com").isPresent());
            assertEquals(2, queue.waiting());

            release.countDown();
            first.get();
            long secondId = second.get().userId();
            long thirdId = third.get();
            assertTrue(secondId < thirdId, "the second writer wrote before the third");
        }
        assertTrue(isRevoked("first"));
        assertFalse(queue.busy());
    }

    /** Whether a logout of {@code jti} is stored, read outside any transaction. */
    private boolean isRevoked(String jti) {
        return database.dsl().fetchExists(REVOKED_ACCESS_TOKENS, REVOKED_ACCESS_TOKENS.JTI.eq(jti));
    }

    /**
     * Until {@code count} writers wait for their turn (parked on the queue's lock: there is no event to wait for);
     * fails if {@code writer} ends first, as it would after SQLite's busy timeout were it not queued.
     */
    private static void awaitWaiting(SqliteWriteQueue queue, int count, Future<?> writer) throws Exception {
        while (queue.waiting() < count) {
            if (writer.isDone()) {
                writer.get();
                throw new AssertionError("the writer did not wait for its turn");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
