package dev.contacts.server.contact.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.contacts.model.ContactDraft;

/**
 * How the labels of emails, phones and addresses ({@code home}, {@code work}, {@code mobile}, or a person's own
 * text) are written in files: vCard TYPE parameters, Apple's {@code X-ABLabel}, and the CSV label columns.
 */
final class EntryLabels {

    enum Kind { EMAIL, PHONE, ADDRESS }

    /** TYPE values that say nothing about which entry it is. */
    private static final Set<String> NEUTRAL = Set.of("pref", "internet", "voice", "x400", "x-internet", "msg",
            "postal", "parcel", "dom", "intl");
    private static final Map<String, String> APPLE = Map.of("home", "home", "work", "work", "other", "other",
            "mobile", "mobile", "main", "main", "homefax", "home fax", "workfax", "work fax", "pager", "pager",
            "iphone", "iPhone", "otherfax", "other fax");

    private EntryLabels() {
    }

    /**
     * The label of a vCard entry: Apple's own label when the entry has one, else its TYPE values (cell is
     * "mobile"; "work fax" for two), else null (the list's default).
     */
    static String fromVCard(List<String> types, String appleLabel, Kind kind) {
        if (appleLabel != null && !appleLabel.isBlank()) {
            return fromApple(appleLabel.strip());
        }
        List<String> words = new ArrayList<>();
        for (String type : types) {
            String t = type.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty() || NEUTRAL.contains(t)) {
                continue;
            }
            if (t.equals("cell") || t.equals("mobile")) {
                if (kind == Kind.PHONE) {
                    return ContactDraft.DEFAULT_PHONE_LABEL;
                }
            }
            words.add(t.equals("home") || t.equals("work") || t.equals("other") || t.equals("fax") ? t : own(type.strip()));
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /**
     * A TYPE of the person's own: Android writes a custom label as {@code TEL;X-Work mobile:} (vCard 2.1's way of
     * naming a type no standard has), so its "X-" is how the label is written, not part of it.
     */
    private static String own(String type) {
        return type.length() > 2 && type.regionMatches(true, 0, "X-", 0, 2) ? type.substring(2).strip() : type;
    }

    /** {@code _$!<HomeFAX>!$_} is Apple's way of writing its built-in labels; anything else is the person's own. */
    private static String fromApple(String label) {
        if (label.startsWith("_$!<") && label.endsWith(">!$_")) {
            String inner = label.substring(4, label.length() - 4);
            return APPLE.getOrDefault(inner.toLowerCase(Locale.ROOT), inner);
        }
        return label;
    }

    /** The words a TYPE parameter has for what an entry is (RFC 6350's, and "other", "main" and "car"). */
    private static final Set<String> TYPE_WORDS = Set.of("home", "work", "other", "cell", "fax", "voice", "pager",
            "text", "video", "textphone", "main", "car");

    /**
     * Whether a label is the person's own words ("Fax at home", "Best friend") rather than TYPE values: such a label
     * is written as Apple's {@code X-ABLabel} beside its entry, which Apple, Google and this server read as it is.
     * As TYPE values it was split into words that other address books took for types ("home") or dropped.
     */
    static boolean isOwn(String label, Kind kind) {
        return toVCardTypes(label, kind).stream().anyMatch(word -> !TYPE_WORDS.contains(word.toLowerCase(Locale.ROOT)));
    }

    /** The TYPE values a label is written as in a vCard 4.0 file; read back by {@link #fromVCard} as the same label. */
    static List<String> toVCardTypes(String label, Kind kind) {
        if (label == null) {
            return List.of();
        }
        if (kind == Kind.PHONE && label.equals(ContactDraft.DEFAULT_PHONE_LABEL)) {
            return List.of("cell");
        }
        if (kind != Kind.PHONE && label.equals("other")) {
            return List.of();
        }
        return List.of(label.split(" "));
    }

    /** A label read from a CSV label column: Google writes "* " before the primary entry's label, "Mobile", "Work". */
    static String fromCsv(String label, Kind kind) {
        if (label == null) {
            return null;
        }
        String l = label.strip();
        if (l.startsWith("* ")) {
            l = l.substring(2).strip();
        }
        if (l.isEmpty()) {
            return null;
        }
        String lower = l.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "home", "work", "other", "main" -> lower;
            case "mobile", "cell" -> kind == Kind.PHONE ? "mobile" : lower;
            default -> l;
        };
    }

    /** A label as Google's CSV writes it: "Home", "Mobile", or the person's own text. */
    static String toCsv(String label) {
        return switch (label) {
            case "home", "work", "other", "mobile", "main" -> Character.toUpperCase(label.charAt(0)) + label.substring(1);
            default -> label;
        };
    }

    /** Apple's own labels of a related name and of a date, which it writes as {@code _$!<Spouse>!$_}. */
    private static final Set<String> APPLE_RELATIONS = Set.of("father", "mother", "parent", "brother", "sister",
            "child", "friend", "spouse", "partner", "assistant", "manager", "other");
    private static final Set<String> APPLE_DATES = Set.of("anniversary", "other");

    /**
     * A relation's label ("Spouse") as Apple's {@code X-ABLabel} beside an {@code X-ABRELATEDNAMES}: one of
     * Apple's own in its form (shown in the reader's language), any other as it is. Read back by
     * {@link #fromVCard}.
     */
    static String toAppleRelation(String label) {
        return toApple(label, APPLE_RELATIONS);
    }

    /** A date's label ("Anniversary") as Apple's {@code X-ABLabel} beside an {@code X-ABDATE}. */
    static String toAppleDate(String label) {
        return toApple(label, APPLE_DATES);
    }

    private static String toApple(String label, Set<String> apples) {
        String l = label.strip();
        return apples.contains(l.toLowerCase(Locale.ROOT))
                ? "_$!<" + Character.toUpperCase(l.charAt(0)) + l.substring(1).toLowerCase(Locale.ROOT) + ">!$_" : l;
    }
}
