package dev.contacts.desktop.contacts;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;

import dev.contacts.desktop.api.ContactsApi.SortBy;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactRules;
import dev.contacts.model.NameOrder;
import dev.contacts.model.PostalAddress;

/** How a contact reads on screen (the list's rows, avatars and headings, the detail pane): plain text only. */
public final class ContactText {

    /** The number of avatar colours (style classes {@code avatar-0} ...), picked by the name so they stay put. */
    public static final int AVATAR_COLORS = 8;

    private ContactText() {
    }

    /** "Ada Lovelace", "山田太郎" (family name first: {@link NameOrder}); the first name alone when the last is empty. */
    public static String name(Contact contact) {
        String last = contact.lastName() == null ? "" : contact.lastName();
        return last.isBlank() ? contact.firstName() : NameOrder.full(contact.firstName(), last);
    }

    /** The name the list is sorted by: the last name (when there is one) or the first. */
    static String sortName(Contact contact, SortBy sort) {
        return sort == SortBy.LAST_NAME ? contact.lastName() : contact.firstName();
    }

    /**
     * A name's initial: its first letter without accents, in upper case ("Émile": E, as the server's collation
     * sorts it; "Østergaard": Ø, which has no accent to drop, listed under O by {@link #indexLetter}); "#" for a
     * name that is empty or starts with no letter.
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

    /**
     * Letters compared as the server's collation orders names (ICU's root collation, as the server's sort keys):
     * case and accents aside. Not java.text's root collator, which puts "Ø" after "Z" where the server lists it
     * with "O". Frozen: safe to share between threads.
     */
    private static final com.ibm.icu.text.Collator LETTERS = letters();

    private static com.ibm.icu.text.Collator letters() {
        com.ibm.icu.text.Collator collator = com.ibm.icu.text.Collator.getInstance(com.ibm.icu.util.ULocale.ROOT);
        collator.setStrength(com.ibm.icu.text.Collator.PRIMARY);
        return collator.freeze();
    }

    /**
     * The part of the list a contact is in: the index letter of its sort name ({@link #indexLetter}), or "" when it
     * has no such name (no last name), listed before everyone as the server sorts an empty name first.
     */
    static String sectionOf(Contact contact, SortBy sort) {
        String name = sortName(contact, sort);
        return name == null || name.isBlank() ? "" : indexLetter(initialOf(name));
    }

    /**
     * The letter of the index strip (# and A to Z) that {@code initial} is listed under: itself for A to Z and "#";
     * for another Latin letter the one of A to Z whose part of the server's order it falls in, as ICU's alphabetic
     * index (Android's Contacts') does ("Ø" and "Œ" under O, "Æ" under A, "Ł" under L, "Þ", after Z, under Z).
     * The server's collation interleaves "Østergaard" with the O names (O'Brien, Østergaard, Owen), so a heading of
     * its own would split the O's; under O every heading has its entry in the strip. Letters of other scripts
     * ("Ж") keep their own heading, listed after Z.
     */
    static String indexLetter(String initial) {
        if (initial.length() != 1 || initial.charAt(0) >= 'A' && initial.charAt(0) <= 'Z'
                || Character.UnicodeScript.of(initial.codePointAt(0)) != Character.UnicodeScript.LATIN) {
            return initial;
        }
        char under = 'A';
        for (char letter = 'B'; letter <= 'Z' && LETTERS.compare(String.valueOf(letter), initial) <= 0; letter++) {
            under = letter;
        }
        return String.valueOf(under);
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
        String last = contact.lastName() == null ? "" : contact.lastName();
        return NameOrder.familyFirst(contact.firstName(), last)
                ? avatarLetter(last) + avatarLetter(contact.firstName())
                : avatarLetter(contact.firstName()) + avatarLetter(last);
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

    /**
     * The avatar's colour, 0 to {@link #AVATAR_COLORS}-1: picked by the contact's id, so it stays the same when the
     * name is edited (as Google's does) and is the same in the list, the details, the trash and a merge. A contact
     * not saved yet (id 0) takes it from the name being typed.
     */
    public static int avatarColor(Contact contact) {
        return contact.id() > 0 ? (int) Math.floorMod(contact.id(), (long) AVATAR_COLORS)
                : Math.floorMod(name(contact).hashCode(), AVATAR_COLORS);
    }

    /**
     * What the row shows under the name: the organization, else the primary email, else the primary phone. An
     * organization that is the contact's name (a business, as an import without a person's name makes it) is not
     * said twice: "Pizzeria Roma" reads its phone under it, not "Pizzeria Roma" again.
     */
    public static String subtitle(Contact contact) {
        if (organizationBesideName(contact) != null) {
            return role(contact);
        }
        return Objects.requireNonNullElse(contact.email(), Objects.requireNonNullElse(contact.phone(), ""));
    }

    /** The line under the name in the details: "“Nick” · Job title · Organization", the name not repeated. */
    public static String headline(Contact contact) {
        return joined(contact.nickname() == null ? null : "“" + contact.nickname() + "”", role(contact));
    }

    /**
     * "Engineer · Acme": the job title and the organization (not the name again), joined the one way every place
     * that shows them uses; empty when there is neither.
     */
    static String role(Contact contact) {
        return joined(contact.jobTitle(), organizationBesideName(contact));
    }

    private static String joined(String... parts) {
        return java.util.stream.Stream.of(parts).filter(s -> s != null && !s.isBlank())
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    /** The organization, or null when there is none or it only repeats the name shown above it. */
    private static String organizationBesideName(Contact contact) {
        String organization = contact.organization();
        return organization == null || organization.isBlank()
                || organization.strip().equalsIgnoreCase(name(contact).strip()) ? null : organization;
    }

    /** The age on {@code today}; empty when the year is unknown (stored as 1604) or the date is in the future. */
    public static java.util.OptionalInt age(LocalDate birthday, LocalDate today) {
        if (birthday == null || birthday.getYear() == ContactRules.YEAR_UNKNOWN || birthday.isAfter(today)) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(Period.between(birthday, today).getYears());
    }

    /**
     * The address as it is written on an envelope in its country (the user's own when it has none), a country
     * given by its code named in the user's language.
     */
    public static String address(PostalAddress address) {
        return AddressLayout.format(address, Locale.getDefault().getCountry(), Locale.getDefault(Locale.Category.DISPLAY));
    }

    /** Whether {@code text} holds right-to-left letters (Arabic, Hebrew...): the Unicode bidirectional algorithm's. */
    static boolean hasRightToLeft(String text) {
        return java.text.Bidi.requiresBidi(text.toCharArray(), 0, text.length());
    }

    /**
     * A break allowed here, drawn as a sliver (U+200A HAIR SPACE): JavaFX's wrapping breaks only at white space, and
     * ZERO WIDTH SPACE is none to it (it broke the domain all the same).
     */
    static final char BREAK = '\u200A';

    /**
     * An email or web address as shown in a narrow column: a line may break after its {@code @} or a {@code /} (as
     * GNOME's and Google's contacts do), so "maximilian.mustermann@example.de" goes to the next line whole at
     * its domain rather than wrap letter by letter inside it ("…example.\nde"). Drawn as it is: the breaks are
     * a hair space wide; what is copied or opened is the address itself, never this text.
     */
    static String breakable(String address) {
        StringBuilder shown = new StringBuilder(address.length() + 8);
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            shown.append(c);
            boolean last = i == address.length() - 1;
            if (!last && (c == '@' || c == '/' && address.charAt(i + 1) != '/')) {
                shown.append(BREAK);
            }
        }
        return shown.toString();
    }
}
