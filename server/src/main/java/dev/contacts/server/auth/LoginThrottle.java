package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.LOGIN_ATTEMPTS;
import static dev.contacts.server.db.generated.Tables.LOGIN_FAILURES;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.contacts.server.Refusal;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Per-email lockout: after 5 failed logins in a row, that email is refused ({@link Refusal.LockedOut}) for 30 s, doubling with each
 * further failure up to 15 minutes, even with the right password and whether or not it has an account. A
 * success resets the count. Kept in the database: a restart lifts no lockout. Failed current-password checks
 * on the account endpoints count toward the same lockout.
 *
 * <p>An attempt is {@link #admit admitted} (counted in flight, one row of login_attempts) before its password is
 * checked, and only while the email's failures in a row and its attempts in flight together stay below 5 (one at
 * a time once a lock has passed): so however many attempts arrive at once, on any instance, at most 5 failures
 * are evaluated before the lock, and correct logins beyond the fifth wait for a turn ({@link PasswordAttempts})
 * instead of being refused. Each admitted attempt is then {@link #failed failed}, {@link #recordSuccess succeeded}
 * or {@link #release released}.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** A run of failures older than this is forgotten. */
    static final Duration MEMORY = Duration.ofDays(1);
    /**
     * An attempt admitted longer ago than this no longer counts in flight: its request died with its instance (a
     * check takes well under a minute even behind a full hashing queue), and its email must not stay stuck.
     */
    static final Duration STALE = Duration.ofMinutes(2);

    /** An attempt admitted to have its password checked: in flight until it is resolved. */
    public record Turn(String email, long id) {
    }

    /** What {@link #admit} found: a turn, or none because attempts in flight take the room, or a lock. */
    private record Admission(Turn turn, Instant lockedUntil) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    public LoginThrottle(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Admits an attempt for {@code email} before its password is checked (its turn, counted in flight), or empty when
     * the attempts in flight leave no room for it (it may wait for one to be resolved), or refuses it
     * ({@link Refusal.LockedOut}, with how long is left) while the email is locked. One transaction, which holds the
     * email's row (PostgreSQL's row lock, SQLite's write lock) from the first statement on, so admissions for one
     * email on any instance take their turns one after another and each sees the ones before.
     */
    public Optional<Turn> admit(String email) {
        Instant now = clock.instant();
        Admission admission = dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            // the row made, or held by a write that changes nothing; either way it is ours until the commit
            db.insertInto(LOGIN_FAILURES, LOGIN_FAILURES.EMAIL, LOGIN_FAILURES.FAILURES, LOGIN_FAILURES.UPDATED_AT)
                    .values(email, 0, now)
                    .onConflict(LOGIN_FAILURES.EMAIL)
                    .doUpdate()
                    .set(LOGIN_FAILURES.FAILURES, LOGIN_FAILURES.FAILURES)
                    .execute();
            Instant lockedUntil = lockedUntil(db, email, now);
            if (lockedUntil != null) {
                return new Admission(null, lockedUntil);
            }
            if (!hasRoom(db, email, now)) {
                return new Admission(null, null);
            }
            long id = db.insertInto(LOGIN_ATTEMPTS, LOGIN_ATTEMPTS.EMAIL, LOGIN_ATTEMPTS.CREATED_AT)
                    .values(email, now)
                    .returning(LOGIN_ATTEMPTS.ID)
                    .fetchSingle()
                    .getId();
            return new Admission(new Turn(email, id), null);
        });
        if (admission.lockedUntil() != null) {
            throw locked(admission.lockedUntil());
        }
        return Optional.ofNullable(admission.turn());
    }

    /**
     * Whether {@link #admit} may find room for an attempt now, read without writing (what an attempt waiting for its
     * turn asks before it tries again); {@link Refusal.LockedOut} while the email is locked.
     */
    public boolean mayAdmit(String email) {
        Instant now = clock.instant();
        Instant lockedUntil = lockedUntil(dsl, email, now);
        if (lockedUntil != null) {
            throw locked(lockedUntil);
        }
        return hasRoom(dsl, email, now);
    }

    /**
     * The refusal of a locked email, with the time left read now: an admission may have waited for the email's row
     * while the failure that set the lock was written, after the admission's own clock reading.
     */
    private Refusal.LockedOut locked(Instant lockedUntil) {
        return new Refusal.LockedOut(Duration.between(clock.instant(), lockedUntil));
    }

    /** When the email's lock ends, or null when none is in force. */
    private static Instant lockedUntil(DSLContext db, String email, Instant now) {
        return db.select(LOGIN_FAILURES.LOCKED_UNTIL).from(LOGIN_FAILURES)
                .where(LOGIN_FAILURES.EMAIL.eq(email).and(LOGIN_FAILURES.LOCKED_UNTIL.gt(now)))
                .fetchOptional(LOGIN_FAILURES.LOCKED_UNTIL).orElse(null);
    }

    /**
     * Whether one more attempt may be checked: its failures in a row and its attempts in flight stay below 5; once
     * there were 5 failures (a lock that has passed), one attempt at a time, so that each further failure doubles
     * the lock before another is evaluated.
     */
    private static boolean hasRoom(DSLContext db, String email, Instant now) {
        // both read as the Integer each column is (value1), not through fetchCount's int or a Class: those go
        // through jOOQ's generic conversion, whose first compilation during a login flood took 18.7 MB of the
        // JIT's scratch memory, the RSS's peak (docs/benchmarks.md, "LoginThrottle's counts typed")
        int failures = db.select(failuresInARow(now)).from(LOGIN_FAILURES)
                .where(LOGIN_FAILURES.EMAIL.eq(email))
                .fetchOptional(Record1::value1).orElse(0);
        int inFlight = db.selectCount().from(LOGIN_ATTEMPTS)
                .where(LOGIN_ATTEMPTS.EMAIL.eq(email).and(LOGIN_ATTEMPTS.CREATED_AT.gt(now.minus(STALE))))
                .fetchSingle().value1();
        return inFlight < Math.max(FREE_FAILURES - failures, 1);
    }

    /** The row's failures in a row, none when the last was longer ago than {@link #MEMORY}. */
    private static Field<Integer> failuresInARow(Instant now) {
        return DSL.when(LOGIN_FAILURES.UPDATED_AT.lt(now.minus(MEMORY)), DSL.inline(0))
                .otherwise(LOGIN_FAILURES.FAILURES);
    }

    /**
     * A failure of the attempt {@code turn}: one more failure in a row, which at the 5th and after locks the email
     * ({@link #lockFor}), and the attempt no longer in flight; in one transaction, so no admission sees the one
     * without the other.
     */
    public void failed(Turn turn) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            Instant now = clock.instant();
            Field<Integer> failures = failuresInARow(now).plus(1);
            db.insertInto(LOGIN_FAILURES, LOGIN_FAILURES.EMAIL, LOGIN_FAILURES.FAILURES, LOGIN_FAILURES.UPDATED_AT)
                    .values(turn.email(), 1, now)
                    .onConflict(LOGIN_FAILURES.EMAIL)
                    .doUpdate()
                    .set(LOGIN_FAILURES.FAILURES, failures)
                    .set(LOGIN_FAILURES.UPDATED_AT, now)
                    .set(LOGIN_FAILURES.LOCKED_UNTIL, lockedUntil(failures, now))
                    .execute();
            forget(db, turn);
        });
    }

    /** The lock an email gets at its {@code failures}-th failure in a row: {@link #lockFor} as SQL, none below 5. */
    private static Field<Instant> lockedUntil(Field<Integer> failures, Instant now) {
        CaseConditionStep<Instant> lock = null;
        for (int n = FREE_FAILURES; ; n++) {
            boolean longest = lockFor(n).equals(LONGEST_LOCK);
            Condition reached = longest ? failures.ge(n) : failures.eq(n);
            Field<Instant> until = DSL.val(now.plus(lockFor(n)), LOGIN_FAILURES.LOCKED_UNTIL);
            lock = lock == null ? DSL.when(reached, until) : lock.when(reached, until);
            if (longest) {
                return lock.otherwise(DSL.val((Instant) null, LOGIN_FAILURES.LOCKED_UNTIL));
            }
        }
    }

    /**
     * A success of the attempt {@code turn}: the email's failures start again (its lock, if any, is lifted) and the
     * attempt is no longer in flight, written in {@code db}, the transaction of what the success leads to (a login's
     * new session, a password change): one commit, not two. The email's other attempts in flight stay counted: they
     * were admitted against the room left before, and are checked all the same.
     */
    public void recordSuccess(DSLContext db, Turn turn) {
        db.deleteFrom(LOGIN_FAILURES).where(LOGIN_FAILURES.EMAIL.eq(turn.email())).execute();
        forget(db, turn);
    }

    /**
     * The attempt {@code turn} was not checked, or its outcome not written (a busy server, a race lost): no longer in
     * flight, and no failure.
     */
    public void release(Turn turn) {
        forget(dsl, turn);
    }

    private static void forget(DSLContext db, Turn turn) {
        db.deleteFrom(LOGIN_ATTEMPTS).where(LOGIN_ATTEMPTS.ID.eq(turn.id())).execute();
    }

    /** 30 s at the 5th failure in a row, doubling with each one after, at most 15 minutes. */
    static Duration lockFor(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    public int prune(Instant now) {
        int attempts = dsl.deleteFrom(LOGIN_ATTEMPTS).where(LOGIN_ATTEMPTS.CREATED_AT.lt(now.minus(STALE))).execute();
        return attempts + dsl.deleteFrom(LOGIN_FAILURES)
                .where(LOGIN_FAILURES.UPDATED_AT.lt(now.minus(MEMORY))
                        .and(LOGIN_FAILURES.LOCKED_UNTIL.isNull().or(LOGIN_FAILURES.LOCKED_UNTIL.lt(now))))
                .execute();
    }
}
