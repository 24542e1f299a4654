package dev.contacts.desktop.ui;

import java.time.Duration;

import dev.contacts.desktop.api.ApiFailure;

/** What to tell a person about a failure, in their words rather than the server's status codes. */
public final class Messages {

    private Messages() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof ApiFailure.Unreachable u) {
            return u.getMessage() + " Check that it is running, then try again.";
        }
        if (failure instanceof ApiFailure.Refused r) {
            if (r.status() == 429) {
                return r.retryAfter().map(wait -> "Too many attempts. Try again in " + inWords(wait) + ".")
                        .orElse("Too many attempts. Wait a moment, then try again.");
            }
            if (r.status() >= 500) {
                return "The server had a problem. Try again in a moment.";
            }
            return r.getMessage();
        }
        if (failure instanceof ApiFailure f) {
            return f.getMessage();
        }
        return "Something went wrong: " + failure.getClass().getSimpleName();
    }

    /** "45 seconds", "1 minute", "3 minutes" (rounded up). */
    public static String inWords(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
