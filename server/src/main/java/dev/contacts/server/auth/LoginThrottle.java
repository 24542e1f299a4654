package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.LOGIN_FAILURES;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.contacts.server.db.generated.tables.records.LoginFailuresRecord;
import dev.contacts.server.Refusal;
import dev.contacts.server.db.Database;
import org.jooq.DSLContext;

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
     * ({@link Refusal.LockedOut}, with how long is left) while the email is locked. Counting first, in one write transaction, is what makes
     * the limit hold under concurrency: however many attempts arrive at once, each takes the next number, and
     * the one that reaches the 5th sets the lock (lifted again by {@link #recordSuccess}) before its password
     * is even checked, so at most 5 failures are ever evaluated. A failure needs no second write: it was
     * counted here.
     */
    public void countAttempt(String email) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            Instant now = clock.instant();
            // the email's row made if missing, then read and locked (PostgreSQL; SQLite's write transaction holds
            // the whole database): concurrent attempts, on any instance, count one after another
            db.insertInto(LOGIN_FAILURES, LOGIN_FAILURES.EMAIL, LOGIN_FAILURES.FAILURES, LOGIN_FAILURES.UPDATED_AT)
                    .values(email, 0, now)
                    .onConflictDoNothing()
                    .execute();
            LoginFailuresRecord row = Database.lockingRows(db.selectFrom(LOGIN_FAILURES)
                    .where(LOGIN_FAILURES.EMAIL.eq(email))).fetchSingle();
            if (row.getLockedUntil() != null && row.getLockedUntil().isAfter(now)) {
                throw new Refusal.LockedOut(Duration.between(now, row.getLockedUntil()));
            } else if (row.getUpdatedAt().plus(MEMORY).isBefore(now)) {
                row.setFailures(0);
            }
            int attempts = row.getFailures() + 1;
            row.setFailures(attempts);
            row.setUpdatedAt(now);
            row.setLockedUntil(attempts >= FREE_FAILURES ? now.plus(lockFor(attempts)) : null);
            row.store();
        });
    }

    public void recordSuccess(String email) {
        dsl.deleteFrom(LOGIN_FAILURES).where(LOGIN_FAILURES.EMAIL.eq(email)).execute();
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
