package dev.contacts.server;

import java.time.Duration;

/**
 * What the server's parts refuse with, in the domain's own words: repositories, password hashing, the login
 * throttle and the rate limiter throw these, and know nothing of HTTP. {@code http.ErrorResponses} is the one
 * place that turns each into its answer (status, {@code detail}, headers).
 */
public abstract sealed class Refusal extends RuntimeException {

    private Refusal(String what) {
        super(what, null, false, false);
    }

    /** Another account already has this email. */
    public static final class EmailTaken extends Refusal {
        public EmailTaken() {
            super("email taken");
        }
    }

    /** A refusal that lifts after a while. */
    public abstract static sealed class TryLater extends Refusal {
        private final Duration retryAfter;

        private TryLater(String what, Duration retryAfter) {
            super(what);
            this.retryAfter = retryAfter;
        }

        /** How long until the same request may succeed. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Too many failed logins in a row for this email: it is locked for a while, whatever the password. */
    public static final class LockedOut extends TryLater {
        public LockedOut(Duration retryAfter) {
            super("locked out", retryAfter);
        }
    }

    /** This client address sent too many requests in the current minute. */
    public static final class RateLimited extends TryLater {
        public RateLimited(Duration retryAfter) {
            super("rate limited", retryAfter);
        }
    }

    /** A bounded queue of work (password hashing, the database) is full. */
    public static final class Busy extends Refusal {
        public Busy() {
            super("busy");
        }
    }

    /** The database cannot be reached (no connection within the pool's wait): a server or network outage. */
    public static final class DatabaseUnavailable extends Refusal {
        public DatabaseUnavailable() {
            super("database unavailable");
        }
    }

    /** The owner already holds the most contacts allowed. */
    public static final class ContactLimitReached extends Refusal {
        public ContactLimitReached() {
            super("contact limit reached");
        }
    }

    /**
     * The caller's account was deleted after its token was checked, while the request ran (an import racing the
     * account's deletion): answered as a token of a user that no longer exists.
     */
    public static final class AccountGone extends Refusal {
        public AccountGone() {
            super("account gone");
        }
    }

    /** A refresh token that is unknown, spent, expired, or of an ended session or a deleted user. */
    public static final class InvalidRefreshToken extends Refusal {
        public InvalidRefreshToken() {
            super("invalid refresh token");
        }
    }

    /**
     * No live session of the caller has this id: unknown, ended, expired, or another user's (which is answered the
     * same way, so that no one learns that another user's session exists).
     */
    public static final class UnknownSession extends Refusal {
        public UnknownSession() {
            super("unknown session");
        }
    }
}
