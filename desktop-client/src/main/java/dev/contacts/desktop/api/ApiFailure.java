package dev.contacts.desktop.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.contacts.model.FieldError;

/**
 * Why a call to the server did not succeed, in terms the app can act on. Each kind carries a message a person
 * can read; none carries a token or a password.
 */
public sealed class ApiFailure extends RuntimeException {

    private ApiFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The server refused with a status and its {@code detail} (409, 401 on login, 404, 429, ...). */
    public static final class Refused extends ApiFailure {
        private final int status;
        private final Duration retryAfter;
        private final boolean invalidToken;

        public Refused(int status, String detail) {
            this(status, detail, null);
        }

        public Refused(int status, String detail, Duration retryAfter) {
            this(status, detail, retryAfter, false);
        }

        public Refused(int status, String detail, Duration retryAfter, boolean invalidToken) {
            super(detail, null);
            this.status = status;
            this.retryAfter = retryAfter;
            this.invalidToken = invalidToken;
        }

        public int status() {
            return status;
        }

        /** The server refused the access token itself (RFC 6750 {@code error="invalid_token"}). */
        public boolean invalidToken() {
            return invalidToken;
        }

        /** For 429: how long to wait before trying again, when the server said. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** 422: the server's field errors, to show beside the fields. */
    public static final class Invalid extends ApiFailure {
        private final List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super(errors.isEmpty() ? "Invalid input" : errors.get(0).msg(), null);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** A protected call answered 401: the token expired or was revoked; the person must log in again. */
    public static final class SessionEnded extends ApiFailure {
        public SessionEnded() {
            super("Your session has ended. Please log in again.", null);
        }
    }

    /** The server could not be reached, or did not answer in time. */
    public static final class Unreachable extends ApiFailure {
        private final String advice;

        public Unreachable(String message, Throwable cause) {
            this(message, cause, "Check that it is running, then try again.");
        }

        /** {@code advice}: what the person can do ("Wait a moment, then try again."), said after the message. */
        public Unreachable(String message, Throwable cause, String advice) {
            super(message, cause);
            this.advice = advice;
        }

        public String advice() {
            return advice;
        }
    }
}
