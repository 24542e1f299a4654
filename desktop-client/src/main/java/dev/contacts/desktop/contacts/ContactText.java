package dev.contacts.desktop.contacts;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;

import dev.contacts.desktop.api.ContactsApi.SortBy;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactRules;
import dev.contacts.model.PostalAddress;

/** How a contact reads on screen (the list's rows, avatars and headings, the detail pane): plain text only. */
public final class ContactText {

    /** The number of avatar colours (style classes {@code avatar-0} ...), picked by the name so they stay put. */
    public static final int AVATAR_COLORS = 8;

    private ContactText() {
    }

    /** "Ada Lovelace"; the first name alone when the last name is empty. */
    public static String name(Contact contact) {
        String last = contact.lastName() == null ? "" : contact.lastName();
        return last.isBlank() ? contact.firstName() : contact.firstName() + " " + last;
    }

    /** The name the list is sorted by: the last name (when there is one) or the first. */
    static String sortName(Contact contact, SortBy sort) {
        return sort == SortBy.LAST_NAME ? contact.lastName() : contact.firstName();
    }

    /**
     * The letter a name is listed under: its first letter without accents, in upper case ("Émile" is under E,
     * as the server's collation sorts it); "#" for a name that is empty or starts with no letter.
     */
    static String initialOf(String name) {
        if (name == null || name.isBlank()) {
            return "#";
        }
        String folded = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        if (folded.isEmpty() || !Character.isLetter(folded.codePointAt(0))) {
            return "#";
        }
        return new String(Character.toChars(folded.codePointAt(0))).toUpperCase(Locale.ROOT);
    }

    /** Letters compared as the server's collation orders names: case and accents aside. */
    private static final java.text.Collator LETTERS = letters();

    private static java.text.Collator letters() {
        java.text.Collator collator = java.text.Collator.getInstance(Locale.ROOT);
        collator.setStrength(java.text.Collator.PRIMARY);
        return collator;
    }

    /**
     * The part of the list a contact is in: the initial of its sort name ({@link #initialOf}), or "" when it has no
     * such name (no last name), listed before everyone as the server sorts an empty name first.
     */
    static String sectionOf(Contact contact, SortBy sort) {
        String name = sortName(contact, sort);
        return name == null || name.isBlank() ? "" : initialOf(name);
    }

    /**
     * The heading of a part of the list: its letter, "#" for names that start with a digit or a sign, and for the
     * contacts without the name the list is sorted by, what they are ("#" would read as a name such as "3M").
     */
    static String heading(String section, SortBy sort) {
        return !section.isEmpty() ? section : sort == SortBy.LAST_NAME ? "No last name" : "No first name";
    }

    /**
     * Orders two of {@link #sectionOf}'s parts as they are listed: "" (no name) first, then "#" (no letter:
     * digits, signs), as the server's collation puts them before letters, then the letters in collation order.
     */
    static int compareInitials(String a, String b) {
        for (String first : new String[] {"", "#"}) {
            if (a.equals(first) || b.equals(first)) {
                return Boolean.compare(!a.equals(first), !b.equals(first));
            }
        }
        return LETTERS.compare(a, b);
    }

    /**
     * The avatar's letters when there is no photo: "AL" for Ada Lovelace, "A" for Ada alone, "4" for "42 Club";
     * empty when no name starts with a letter or a digit (a new contact before its name is typed), where the
     * avatar shows a person instead.
     */
    public static String initials(Contact contact) {
        return avatarLetter(contact.firstName()) + avatarLetter(contact.lastName());
    }

    private static String avatarLetter(String name) {
        String letter = initialOf(name);
        if (!letter.equals("#")) {
            return letter;
        }
        String stripped = name == null ? "" : name.strip();
        return !stripped.isEmpty() && Character.isDigit(stripped.codePointAt(0))
                ? new String(Character.toChars(stripped.codePointAt(0))) : "";
    }

    /** The avatar's colour, 0 to {@link #AVATAR_COLORS}-1, the same for a name every time. */
    public static int avatarColor(Contact contact) {
        return Math.floorMod(name(contact).hashCode(), AVATAR_COLORS);
    }

    /** What the row shows under the name: the organization, else the primary email, else the primary phone. */
    public static String subtitle(Contact contact) {
        if (contact.organization() != null && !contact.organization().isBlank()) {
            return contact.jobTitle() == null ? contact.organization()
                    : contact.jobTitle() + ", " + contact.organization();
        }
        return Objects.requireNonNullElse(contact.email(), Objects.requireNonNullElse(contact.phone(), ""));
    }

    /** The age on {@code today}; empty when the year is unknown (stored as 1604) or the date is in the future. */
    public static java.util.OptionalInt age(LocalDate birthday, LocalDate today) {
        if (birthday == null || birthday.getYear() == ContactRules.YEAR_UNKNOWN || birthday.isAfter(today)) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(Period.between(birthday, today).getYears());
    }

    /** The address as it is written on an envelope in its country (the user's own when it has none). */
    public static String address(PostalAddress address) {
        return AddressLayout.format(address, Locale.getDefault().getCountry());
    }
}
