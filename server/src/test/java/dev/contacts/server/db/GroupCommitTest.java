package dev.contacts.server.db;

import static dev.contacts.server.db.generated.Tables.REVOKED_ACCESS_TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import dev.contacts.server.auth.RevokedAccessTokens;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writes committed together, on the suite's database: a group forms behind a write that is made to wait, each
 * write is answered with its own result after the commit, and one that fails after it wrote (by throwing, or by a
 * statement the database refuses, which on PostgreSQL spoils the whole transaction unless rolled back to a
 * savepoint) leaves nothing of itself while the others of its group are stored.
 */
class GroupCommitTest {

    private static final Instant LATER = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    private Database database;
    private GroupCommit group;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        group = new GroupCommit(database.dsl());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aWriteThatFailsInAGroupLeavesNothingAndTheOthersAreStored() throws Exception {
        new RevokedAccessTokens(database.dsl()).revoke("taken", LATER);
        CountDownLatch leading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            answers.add(threads.submit(() -> group.run(t -> {
                revoke(t, "first");
                leading.countDown();
                await(release);
                return "first";
            })));
            leading.await();
            // these queue while the first group is still open
            answers.add(threads.submit(() -> group.run(write("a"))));
            answers.add(threads.submit(() -> group.run(t -> {
                revoke(t, "thrown");
                throw new IllegalStateException("the work failed after it wrote");
            })));
            answers.add(threads.submit(() -> group.run(t -> {
                revoke(t, "refused-after");
                t.insertInto(REVOKED_ACCESS_TOKENS).set(REVOKED_ACCESS_TOKENS.JTI, "taken") // the key refuses it
                        .set(REVOKED_ACCESS_TOKENS.EXPIRES_AT, LATER).execute();
                return "refused";
            })));
            answers.add(threads.submit(() -> group.run(write("b"))));
            while (group.waiting() < 4) {
                assertFalse(answers.stream().anyMatch(Future::isDone), "nothing answered before its commit");
                LockSupport.parkNanos(1_000_000);
            }
            release.countDown();

            assertEquals("first", answers.get(0).get());
            assertEquals("a", answers.get(1).get());
            assertInstanceOf(IllegalStateException.class, failure(answers.get(2)));
            assertInstanceOf(DataAccessException.class, failure(answers.get(3)));
            assertEquals("b", answers.get(4).get());
        }
        for (String stored : List.of("first", "a", "b", "taken")) {
            assertTrue(isRevoked(stored), stored);
        }
        assertFalse(isRevoked("thrown"), "nothing of the write that threw");
        assertFalse(isRevoked("refused-after"), "nothing of the write the database refused");
        assertFalse(group.committing());
        assertEquals(0, group.waiting());
    }

    @Tag(TestDatabases.SQLITE_ONLY) // PostgreSQL's creates commit one by one, on the pool's connections
    @Test
    void onSqliteGroupsRunOnAConnectionOfTheirOwnWithTheirJournalInMemory() {
        // SQLite's temp_store: 2 keeps a savepoint's journal in memory; the default (0) writes it to a file past 64 KiB
        int tempStore = group.run(GroupCommitTest::tempStore);
        assertEquals(2, tempStore);
        Connection first = group.run(GroupCommitTest::connection);
        assertSame(first, group.run(GroupCommitTest::connection), "the next group on the same connection");
        // the pool's connections keep theirs in files: a large sort there spills to a file, not to memory
        assertEquals(0, tempStore(database.dsl()));
        assertNotSame(first, database.dsl().connectionResult(c -> c.unwrap(Connection.class)));
    }

    @Test
    void aWriteThatChangedManyPagesAndFailsLeavesNothingAndTheOthersAreStored() throws Exception {
        CountDownLatch leading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            answers.add(threads.submit(() -> group.run(t -> {
                revoke(t, "before");
                leading.countDown();
                await(release);
                return "before";
            })));
            leading.await();
            // about 50 pages changed in its savepoint: past the 64 KiB that SQLite keeps of a journal by default
            answers.add(threads.submit(() -> group.run(t -> {
                for (int i = 0; i < 50; i++) {
                    revoke(t, i + "-" + "x".repeat(2000));
                }
                throw new IllegalStateException("the work failed after it wrote");
            })));
            answers.add(threads.submit(() -> group.run(write("after"))));
            while (group.waiting() < 2) {
                LockSupport.parkNanos(1_000_000);
            }
            release.countDown();
            assertEquals("before", answers.get(0).get());
            assertInstanceOf(IllegalStateException.class, failure(answers.get(1)));
            assertEquals("after", answers.get(2).get());
        }
        assertEquals(List.of("after", "before"), database.dsl().select(REVOKED_ACCESS_TOKENS.JTI)
                .from(REVOKED_ACCESS_TOKENS).orderBy(REVOKED_ACCESS_TOKENS.JTI).fetch(REVOKED_ACCESS_TOKENS.JTI));
    }

    private static int tempStore(DSLContext t) {
        return t.fetchSingle("pragma temp_store").get(0, Integer.class);
    }

    private static Connection connection(DSLContext t) {
        return t.connectionResult(c -> c.unwrap(Connection.class));
    }

    private static Function<DSLContext, String> write(String jti) {
        return t -> {
            revoke(t, jti);
            return jti;
        };
    }

    private static void revoke(DSLContext t, String jti) {
        new RevokedAccessTokens(t).revoke(jti, LATER);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable failure(Future<String> answer) throws InterruptedException {
        try {
            throw new AssertionError("answered: " + answer.get());
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private boolean isRevoked(String jti) {
        return database.dsl().fetchExists(REVOKED_ACCESS_TOKENS, REVOKED_ACCESS_TOKENS.JTI.eq(jti));
    }
}
