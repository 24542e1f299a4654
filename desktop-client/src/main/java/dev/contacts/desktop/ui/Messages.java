package dev.contacts.desktop.ui;

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
                return "Too many attempts. Wait a moment, then try again.";
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
}
