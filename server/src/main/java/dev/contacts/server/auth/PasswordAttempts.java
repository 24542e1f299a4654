package dev.contacts.server.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.contacts.server.Refusal;
import dev.contacts.server.db.Database;
import org.jooq.DSLContext;

/**
 * Attempts at an email's password (logins, and the account endpoints' current-password checks) taking their turns
 * as {@link LoginThrottle} allows: at most 5 failures in a row and attempts in flight at once per email. An attempt
 * beyond them waits until one of them is answered, on its request's own thread between two {@link Database#call}s
 * (it holds no database thread or connection while it waits), woken at once when the attempt it waits for is answered
 * on this instance, and looking again every so often for those answered on others. It waits at most
 * {@link #PATIENCE}; beyond that the server is busy ({@link Refusal.Busy}: 503, as for a full hashing queue).
 */
public final class PasswordAttempts {

    /**
     * How long an attempt waits for its turn: the 5 ahead of it are answered in well under a second, unless the
     * server is overloaded.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(5);
    /**
     * How soon a waiting attempt looks again (for turns freed on other instances; a read, no write turn), doubling
     * up to {@link #LONGEST_LOOK_MILLIS}.
     */
    private static final long FIRST_LOOK_MILLIS = 10;
    private static final long LONGEST_LOOK_MILLIS = 200;

    private final Database database;
    private final LoginThrottle throttle;
    private final long patienceNanos;
    /** The attempts waiting on this instance, per email: the next answer for that email wakes them all. */
    private final ConcurrentHashMap<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger waiters = new AtomicInteger();

    /** The attempts waiting for one email's turn, until the next of its attempts is answered here. */
    private static final class Waiting {
        final CountDownLatch answered = new CountDownLatch(1);
        /** Guarded by the map's lock of the email (compute). */
        int waiters;
    }

    public PasswordAttempts(Database database, LoginThrottle throttle, Duration patience) {
        this.database = database;
        this.throttle = throttle;
        this.patienceNanos = patience.toNanos();
    }

    /**
     * An attempt for {@code email}, admitted now if there is room (see {@link LoginThrottle#admit}), for a request's
     * first {@link Database#call}: empty when it must wait ({@link #turn}). {@link Refusal.LockedOut} when the email
     * is locked.
     */
    public Optional<LoginThrottle.Turn> tryAdmit(String email) {
        return throttle.admit(email);
    }

    /**
     * The turn of the attempt for {@code email}: {@code admitted} when {@link #tryAdmit} gave one, else waited for
     * outside any database call. {@link Refusal.LockedOut} when the email is locked meanwhile (the attempts ahead
     * failed), {@link Refusal.Busy} when no turn came within the patience.
     */
    public Turn turn(String email, Optional<LoginThrottle.Turn> admitted) throws Exception {
        if (admitted.isPresent()) {
            return new Turn(admitted.get());
        }
        waiters.incrementAndGet();
        try {
            return awaitTurn(email);
        } finally {
            waiters.decrementAndGet();
        }
    }

    private Turn awaitTurn(String email) throws Exception {
        long deadline = System.nanoTime() + patienceNanos;
        long look = FIRST_LOOK_MILLIS;
        while (true) {
            // joined before looking, so that an answer given after the look wakes this wait
            Waiting wait = join(email);
            try {
                Optional<LoginThrottle.Turn> turn = database.call(
                        () -> throttle.mayAdmit(email) ? throttle.admit(email) : Optional.empty());
                if (turn.isPresent()) {
                    return new Turn(turn.get());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new Refusal.Busy();
                }
                wait.answered.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(look)), TimeUnit.NANOSECONDS);
                look = Math.min(2 * look, LONGEST_LOOK_MILLIS);
            } finally {
                leave(email, wait);
            }
        }
    }

    /** How many attempts wait for their turn on this instance now (for tests). */
    public int waiting() {
        return waiters.get();
    }

    private Waiting join(String email) {
        return waiting.compute(email, (e, w) -> {
            Waiting joined = w != null ? w : new Waiting();
            joined.waiters++;
            return joined;
        });
    }

    private void leave(String email, Waiting wait) {
        // a wait an answer already woke has left the map; the last to leave one that was not removes it
        waiting.computeIfPresent(email, (e, w) -> w == wait && --w.waiters == 0 ? null : w);
    }

    /** Wakes the attempts waiting for {@code email}'s turn: one of its attempts was answered. */
    private void answered(String email) {
        Waiting wait = waiting.remove(email);
        if (wait != null) {
            wait.answered.countDown();
        }
    }

    /**
     * An attempt's turn, in flight until it is resolved: {@link #failed}, {@link #succeeded} (after its caller
     * committed {@link #recordSuccessIn}) or, when neither (an error, a busy server, a race lost), released by
     * {@link #close}. Use it in a try-with-resources block.
     */
    public final class Turn implements AutoCloseable {

        private final LoginThrottle.Turn turn;
        private boolean resolved;

        private Turn(LoginThrottle.Turn turn) {
            this.turn = turn;
        }

        /** The password was wrong: one more failure in a row (at the 5th, a lock). */
        public void failed() throws Exception {
            database.call(() -> {
                throttle.failed(turn);
                return null;
            });
            resolved = true;
        }

        /**
         * Writes the success in {@code db}, the transaction of what it leads to; call {@link #succeeded} once that
         * committed.
         */
        public void recordSuccessIn(DSLContext db) {
            throttle.recordSuccess(db, turn);
        }

        /** The transaction that {@link #recordSuccessIn recorded the success} committed. */
        public void succeeded() {
            resolved = true;
        }

        @Override
        public void close() {
            try {
                if (!resolved) {
                    database.call(() -> {
                        throttle.release(turn);
                        return null;
                    });
                }
            } catch (Exception e) {
                // not logged: only a database gone or busy fails it, which the request meets and answers too; the
                // attempt stays counted until it is stale (LoginThrottle.STALE), a while, never for good
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                answered(turn.email());
            }
        }
    }
}
