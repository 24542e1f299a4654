package dev.contacts.desktop.ui;

import java.time.Duration;
import java.util.Locale;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.model.AccountRules;
import dev.contacts.model.FieldError;

/** What to tell a person about a failure, in their words rather than the server's status codes. */
public final class Messages {

    private Messages() {
    }

    /** "1 contact", "1,250 contacts": a count with its noun, grouped by thousands as the window's English is. */
    public static String count(int n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** "1 match", "300 matches": for a noun whose plural is not its singular and an "s". */
    public static String count(int n, String one, String many) {
        return number(n) + " " + (n == 1 ? one : many);
    }

    /** "1,250": a number grouped by thousands. */
    public static String number(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String of(Throwable failure) {
        if (failure instanceof ApiFailure.Unreachable u) {
            return u.getMessage() + " " + u.advice();
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

    /**
     * A field error in plain words, the same whether this app or the server found it: never the validator's
     * "Value error, " prefix or a type name.
     */
    public static String of(FieldError error) {
        String msg = error.msg();
        if (msg.startsWith(VALUE_ERROR)) {
            msg = msg.substring(VALUE_ERROR.length());
        }
        boolean password = error.field().endsWith("password");
        String words = switch (error.type()) {
            case "missing" -> "Required";
            case "string_too_short" -> password
                    ? "At least " + AccountRules.PASSWORD_MIN + " characters, please" : "Required";
            case "string_too_long" -> password
                    ? "At most " + AccountRules.PASSWORD_MAX + " characters, please"
                    : "Too long: " + msg.replace("String should have at most", "at most");
            default -> msg.isEmpty() ? "Not valid" : Character.toUpperCase(msg.charAt(0)) + msg.substring(1);
        };
        return words.endsWith(".") ? words : words + ".";
    }

    private static final String VALUE_ERROR = "Value error, ";

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
