package dev.contacts.server.contact.transfer;

import java.util.Objects;

import dev.contacts.model.ContactDraft;
import dev.contacts.server.contact.ContactKeys;

/**
 * When two contacts are the same person: the keys that import and the duplicates report compare. Text is
 * folded as search folds it ({@link ContactKeys#fold}), phones are compared by their digits.
 */
public final class Sameness {

    /**
     * The duplicates report compares phones by the last 9 digits of the number, its country code and trunk prefix
     * left out ({@link PhoneNumbers#nationalDigits}): "+380 44 ..." and "044 ...", "+49 30 123456" and
     * "030 123456" agree.
     */
    public static final int PHONE_TAIL = 9;

    private Sameness() {
    }

    public static String fold(String text) {
        return ContactKeys.fold(text);
    }

    public static String digits(String phone) {
        return phone == null ? "" : ContactKeys.digits(phone);
    }

    public static String phoneTail(String phone) {
        String d = PhoneNumbers.nationalDigits(phone);
        return d.length() <= PHONE_TAIL ? d : d.substring(d.length() - PHONE_TAIL);
    }

    /** The folded full name: the folded first and last names, one space between. */
    public static String fullName(ContactDraft draft) {
        return (fold(draft.firstName()) + " " + fold(draft.lastName())).strip();
    }

    /**
     * The import rule, after the UID: the same folded first and last names, and an email (folded) or a phone's
     * digits in common.
     */
    public static boolean samePerson(ContactDraft a, ContactDraft b) {
        if (!Objects.equals(fold(a.firstName()), fold(b.firstName()))
                || !Objects.equals(fold(a.lastName()), fold(b.lastName()))) {
            return false;
        }
        boolean email = a.emails().stream().anyMatch(x -> b.emails().stream()
                .anyMatch(y -> fold(x.value()).equals(fold(y.value()))));
        boolean phone = a.phones().stream().anyMatch(x -> b.phones().stream()
                .anyMatch(y -> !digits(x.value()).isEmpty() && digits(x.value()).equals(digits(y.value()))));
        return email || phone;
    }
}
