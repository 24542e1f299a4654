package dev.contacts.server.auth;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import dev.contacts.server.Refusal;
import dev.contacts.server.db.Database;
import org.jooq.DSLContext;

/**
 * Attempts at an email's password (logins, and the account endpoints' current-password checks) taking their turns
 * as {@link LoginThrottle} allows: at most 5 failures in a row and attempts in flight at once per email. An attempt
 * beyond them waits until one of them is answered, on its request's own thread between two {@link Database#call}s
 * (it holds no database thread or connection while it waits). The attempts waiting for one email on this instance
 * take the turns in the order they came: only the longest waiting looks for one, woken at once when an attempt for
 * that email is answered on this instance and looking again every so often for those answered on others; when it
 * goes (with a turn or without), the next in line looks at once. A new attempt does not pass those waiting here (on
 * other instances it may: each instance keeps its own line). An attempt waits at most {@link #PATIENCE}; beyond that
 * the server is busy ({@link Refusal.Busy}: 503, as for a full hashing queue).
 */
public final class PasswordAttempts {

    /**
     * How long an attempt waits for its turn: the 5 ahead of it are answered in well under a second, unless the
     * server is overloaded.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(5);
    /**
     * How soon the first attempt in line looks again (for turns freed on other instances; a read, no write turn),
     * doubling up to {@link #LONGEST_LOOK_MILLIS}.
     */
    private static final long FIRST_LOOK_MILLIS = 10;
    private static final long LONGEST_LOOK_MILLIS = 200;

    private final Database database;
    private final LoginThrottle throttle;
    private final long patienceNanos;
    private final LongSupplier nanoTime;
    /**
     * The attempts waiting on this instance, per email, first come first: the first looks for a turn, the others wait
     * for it to go. A line is changed only under the map's lock of its email (compute) and removed once empty.
     */
    private final ConcurrentHashMap<String, ArrayDeque<Waiter>> lines = new ConcurrentHashMap<>();
    private final AtomicInteger waiters = new AtomicInteger();

    /** An attempt waiting in its email's line. */
    private static final class Waiter {
        /** A permit when it should look (again) for a turn: it is first in line and a turn may have been freed. */
        final Semaphore look = new Semaphore(0);
    }

    public PasswordAttempts(Database database, LoginThrottle throttle, Duration patience) {
        this(database, throttle, patience, System::nanoTime);
    }

    /** As the public constructor, the patience timed by {@code nanoTime} (tests move theirs by hand). */
    PasswordAttempts(Database database, LoginThrottle throttle, Duration patience, LongSupplier nanoTime) {
        this.database = database;
        this.throttle = throttle;
        this.patienceNanos = patience.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * An attempt for {@code email}, admitted now if there is room (see {@link LoginThrottle#admit}), for a request's
     * first {@link Database#call}: empty when it must wait ({@link #turn}), as it does behind attempts already
     * waiting here (a turn freed now is theirs). {@link Refusal.LockedOut} when the email is locked.
     */
    public Optional<LoginThrottle.Turn> tryAdmit(String email) {
        if (lines.containsKey(email)) {
            return Optional.empty();
        }
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
        return awaitTurn(email);
    }

    private Turn awaitTurn(String email) throws Exception {
        long deadline = nanoTime.getAsLong() + patienceNanos;
        long look = FIRST_LOOK_MILLIS;
        // in line before looking, so that an answer given after the look signals this wait
        Waiter waiter = new Waiter();
        join(email, waiter);
        try {
            while (true) {
                boolean first = isFirst(email, waiter);
                if (first) {
                    Optional<LoginThrottle.Turn> turn = database.call(
                            () -> throttle.mayAdmit(email) ? throttle.admit(email) : Optional.empty());
                    if (turn.isPresent()) {
                        return new Turn(turn.get());
                    }
                }
                long left = deadline - nanoTime.getAsLong();
                if (left <= 0) {
                    throw new Refusal.Busy();
                }
                // the first looks again every so often (for turns freed on other instances); the others wait their turn
                long wait = first ? Math.min(left, TimeUnit.MILLISECONDS.toNanos(look)) : left;
                if (waiter.look.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                    // signals given before the look below are all answered by it
                    waiter.look.drainPermits();
                } else if (first) {
                    look = Math.min(2 * look, LONGEST_LOOK_MILLIS);
                }
            }
        } finally {
            leave(email, waiter);
        }
    }

    /** How many attempts wait in line for their turn on this instance now (for tests: counted once in line). */
    public int waiting() {
        return waiters.get();
    }

    private void join(String email, Waiter waiter) {
        lines.compute(email, (e, line) -> {
            ArrayDeque<Waiter> joined = line != null ? line : new ArrayDeque<>();
            joined.addLast(waiter);
            return joined;
        });
        waiters.incrementAndGet();
    }

    private boolean isFirst(String email, Waiter waiter) {
        boolean[] first = new boolean[1];
        lines.computeIfPresent(email, (e, line) -> {
            first[0] = line.peekFirst() == waiter;
            return line;
        });
        return first[0];
    }

    /**
     * {@code waiter} goes (with its turn, out of patience, or failed): when it was first, the next in line looks at
     * once, for the turn it did not take or for one freed meanwhile (a turn is never left unused while one waits).
     */
    private void leave(String email, Waiter waiter) {
        lines.computeIfPresent(email, (e, line) -> {
            boolean first = line.peekFirst() == waiter;
            line.remove(waiter);
            if (line.isEmpty()) {
                return null;
            }
            if (first) {
                line.peekFirst().look.release();
            }
            return line;
        });
        waiters.decrementAndGet();
    }

    /** Signals the first attempt waiting for {@code email}'s turn: one of its attempts was answered. */
    private void answered(String email) {
        lines.computeIfPresent(email, (e, line) -> {
            line.peekFirst().look.release();
            return line;
        });
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
