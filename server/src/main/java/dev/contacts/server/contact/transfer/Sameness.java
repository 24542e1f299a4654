package dev.contacts.server.contact.transfer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.contacts.model.ContactDraft;

/**
 * When two contacts are the same person: the keys that import and the duplicates report compare. Text is
 * folded as search folds it (NFKD without combining marks, case-folded), phones by their digits.
 */
public final class Sameness {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{Mn}+");
    private static final Pattern NON_DIGITS = Pattern.compile("[^0-9]");
    /** Phones are compared by their last 9 digits in the duplicates report: "+380 44 ..." and "044 ..." agree. */
    public static final int PHONE_TAIL = 9;

    private Sameness() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return decomposed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    public static String digits(String phone) {
        return phone == null ? "" : NON_DIGITS.matcher(phone).replaceAll("");
    }

    public static String phoneTail(String phone) {
        String d = digits(phone);
        return d.length() <= PHONE_TAIL ? d : d.substring(d.length() - PHONE_TAIL);
    }

    /** The folded full name: first and last name with one space. */
    public static String fullName(ContactDraft draft) {
        return fold((draft.firstName() + " " + draft.lastName()).strip());
    }

    /**
     * The import rule, after the UID: an email (folded) or a phone's digits in common, and the same folded full
     * name.
     */
    public static boolean samePerson(ContactDraft a, ContactDraft b) {
        if (!fullName(a).equals(fullName(b))) {
            return false;
        }
        boolean email = a.emails().stream().anyMatch(x -> b.emails().stream()
                .anyMatch(y -> fold(x.value()).equals(fold(y.value()))));
        boolean phone = a.phones().stream().anyMatch(x -> b.phones().stream()
                .anyMatch(y -> !digits(x.value()).isEmpty() && digits(x.value()).equals(digits(y.value()))));
        return email || phone;
    }
}
