package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.LOGIN_FAILURES;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.contacts.server.Refusal;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Per-email lockout: after 5 failed logins in a row, that email is refused ({@link Refusal.LockedOut}) for 30 s, doubling with each
 * further failure up to 15 minutes, even with the right password and whether or not it has an account. A
 * success resets the count. Kept in the database: a restart lifts no lockout. Failed current-password checks
 * on the account endpoints count toward the same lockout.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** A run of failures older than this is forgotten. */
    static final Duration MEMORY = Duration.ofDays(1);

    private final DSLContext dsl;
    private final Clock clock;

    public LoginThrottle(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Counts an attempt for {@code email} before its password is checked, or refuses it
     * ({@link Refusal.LockedOut}, with how long is left) while the email is locked. Counting first, in one atomic
     * statement, is what makes the limit hold under concurrency: however many attempts arrive at once, on any
     * instance, each takes the next number, and the one that reaches the 5th sets the lock (lifted again by
     * {@link #recordSuccess}) in that same statement, before its password is even checked, so at most 5 failures
     * are ever evaluated. A failure needs no second write: it was counted here.
     */
    public void countAttempt(String email) {
        while (true) {
            Instant now = clock.instant();
            // the row made, or counted unless a lock is in force: one upsert, atomic on both databases
            Field<Integer> attempts = DSL.when(LOGIN_FAILURES.UPDATED_AT.lt(now.minus(MEMORY)), DSL.inline(1))
                    .otherwise(LOGIN_FAILURES.FAILURES.plus(1));
            int counted = dsl.insertInto(LOGIN_FAILURES, LOGIN_FAILURES.EMAIL, LOGIN_FAILURES.FAILURES,
                            LOGIN_FAILURES.UPDATED_AT)
                    .values(email, 1, now)
                    .onConflict(LOGIN_FAILURES.EMAIL)
                    .doUpdate()
                    .set(LOGIN_FAILURES.FAILURES, attempts)
                    .set(LOGIN_FAILURES.UPDATED_AT, now)
                    .set(LOGIN_FAILURES.LOCKED_UNTIL, lockedUntil(attempts, now))
                    .where(LOGIN_FAILURES.LOCKED_UNTIL.isNull().or(LOGIN_FAILURES.LOCKED_UNTIL.le(now)))
                    .execute();
            if (counted > 0) {
                return;
            }
            // not counted: locked. Unless the lock ended just now (it ran out, or a success lifted it): then count.
            Instant lockedUntil = dsl.select(LOGIN_FAILURES.LOCKED_UNTIL).from(LOGIN_FAILURES)
                    .where(LOGIN_FAILURES.EMAIL.eq(email))
                    .fetchOptional(LOGIN_FAILURES.LOCKED_UNTIL).orElse(null);
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                throw new Refusal.LockedOut(Duration.between(now, lockedUntil));
            }
        }
    }

    /** The lock an email gets at its {@code attempts}-th failure in a row: {@link #lockFor} as SQL, none below 5. */
    private static Field<Instant> lockedUntil(Field<Integer> attempts, Instant now) {
        CaseConditionStep<Instant> lock = null;
        for (int n = FREE_FAILURES; ; n++) {
            boolean longest = lockFor(n).equals(LONGEST_LOCK);
            Condition reached = longest ? attempts.ge(n) : attempts.eq(n);
            Field<Instant> until = DSL.val(now.plus(lockFor(n)), LOGIN_FAILURES.LOCKED_UNTIL);
            lock = lock == null ? DSL.when(reached, until) : lock.when(reached, until);
            if (longest) {
                return lock.otherwise(DSL.val((Instant) null, LOGIN_FAILURES.LOCKED_UNTIL));
            }
        }
    }

    /**
     * A success: the email's count starts again (its lock, if any, is lifted), written in {@code db}, the transaction
     * of what the success leads to (a login's new session, a password change): one commit, not two.
     */
    public void recordSuccess(DSLContext db, String email) {
        db.deleteFrom(LOGIN_FAILURES).where(LOGIN_FAILURES.EMAIL.eq(email)).execute();
    }

    /** 30 s at the 5th failure in a row, doubling with each one after, at most 15 minutes. */
    static Duration lockFor(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    public int prune(Instant now) {
        return dsl.deleteFrom(LOGIN_FAILURES)
                .where(LOGIN_FAILURES.UPDATED_AT.lt(now.minus(MEMORY))
                        .and(LOGIN_FAILURES.LOCKED_UNTIL.isNull().or(LOGIN_FAILURES.LOCKED_UNTIL.lt(now))))
                .execute();
    }
}
