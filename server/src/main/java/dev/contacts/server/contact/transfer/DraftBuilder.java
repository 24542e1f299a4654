package dev.contacts.server.contact.transfer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.EmailAddress;
import dev.contacts.model.FieldError;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;

/**
 * Gathers what one file item says about a contact — from a vCard or a CSV row alike — and turns it into a
 * draft that passes the contact rules. A value that breaks its field's rule (a phone made of words, an email
 * that is not one, a part too long, one entry more than a list holds) is not dropped and does not fail the
 * item: it goes to the notes, with its label, so nothing is lost.
 */
final class DraftBuilder {

    /** Group names that address books add by themselves: not labels a person chose. */
    private static final List<String> SYSTEM_LABELS = List.of("mycontacts", "my contacts", "* mycontacts");
    /**
     * Google writes its own groups with "* " before their id: everyone ("* myContacts", "* all"), chat partners
     * and blocked people are no labels a person chose (and "* starred" is the favourite mark), while
     * "* friends", "* family" and "* coworkers" are the groups older Google Contacts let a person fill, shown
     * with these names.
     */
    private static final List<String> GOOGLE_SYSTEM_GROUPS = List.of("mycontacts", "all", "chatbuddies", "blocked");
    private static final Map<String, String> GOOGLE_PERSONAL_GROUPS = Map.of("friends", "Friends", "family", "Family",
            "coworkers", "Coworkers");
    /** Google's "starred" group is the favourite mark. */
    static final String STARRED = "starred";

    private String given;
    private String family;
    private String formatted;
    private String nickname;
    private String organization;
    private String jobTitle;
    private LocalDate birthday;
    private boolean favorite;
    private final List<String> notes = new ArrayList<>();
    private final List<String> moved = new ArrayList<>();
    private final List<LabeledValue> emails = new ArrayList<>();
    private final List<LabeledValue> phones = new ArrayList<>();
    private final List<PostalAddress> addresses = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    /** The structured name: given (with any additional names) and family name. */
    DraftBuilder name(String givenName, String familyName) {
        given = blankToNull(givenName);
        family = blankToNull(familyName);
        return this;
    }

    DraftBuilder formattedName(String value) {
        formatted = blankToNull(value);
        return this;
    }

    DraftBuilder nickname(String value) {
        if (nickname == null) {
            nickname = fitted("Nickname", value, ContactRules.NICKNAME_MAX);
        } else {
            note("Nickname", value);
        }
        return this;
    }

    DraftBuilder organization(String value) {
        organization = fitted("Organization", value, ContactRules.ORGANIZATION_MAX);
        return this;
    }

    DraftBuilder jobTitle(String value) {
        jobTitle = fitted("Job title", value, ContactRules.JOB_TITLE_MAX);
        return this;
    }

    DraftBuilder birthday(LocalDate date, String asWritten) {
        if (date == null || date.isAfter(LocalDate.now(ZoneOffset.MAX))) {
            note("Birthday", asWritten);
        } else {
            birthday = date;
        }
        return this;
    }

    /** The item's own notes; line breaks become {@code \n} whatever the file used (vCard writes no CR back). */
    DraftBuilder note(String text) {
        if (text != null && !text.isBlank()) {
            notes.add(text.replace("\r\n", "\n").replace('\r', '\n'));
        }
        return this;
    }

    DraftBuilder favorite() {
        favorite = true;
        return this;
    }

    DraftBuilder email(String value, String label) {
        String v = blankToNull(value);
        if (v == null) {
            return this;
        }
        if (!EmailAddress.isValid(v) || emails.size() >= ContactRules.EMAILS_MAX || !fitsEntryLabel(label)) {
            note(labelled("Email", label), v);
        } else {
            emails.add(new LabeledValue(v, label));
        }
        return this;
    }

    /**
     * The label of a number its file gives no kind (a vCard's TEL without TYPE, or with only "voice" or "pref"; a
     * blank CSV label): "other", not the API's default "mobile", which said a landline was a mobile. Google's own
     * vCard export writes its "Other" numbers as a bare TEL, and Outlook files such a TEL as an "Other Phone".
     */
    static final String UNTYPED_PHONE_LABEL = "other";

    DraftBuilder phone(String value, String label) {
        String v = blankToNull(value);
        if (v == null) {
            return this;
        }
        if (!ContactRules.isPhone(v) || phones.size() >= ContactRules.PHONES_MAX || !fitsEntryLabel(label)) {
            note(labelled("Phone", label), v);
        } else {
            phones.add(new LabeledValue(v, label == null ? UNTYPED_PHONE_LABEL : label));
        }
        return this;
    }

    DraftBuilder address(PostalAddress address) {
        PostalAddress a = new PostalAddress(address.label(), blankToNull(address.street()),
                blankToNull(address.locality()), blankToNull(address.region()), blankToNull(address.postalCode()),
                blankToNull(address.country()));
        if (a.parts().allMatch(p -> p == null)) {
            return this;
        }
        boolean fits = a.parts().allMatch(p -> p == null || length(p) <= ContactRules.ADDRESS_PART_MAX);
        if (!fits || addresses.size() >= ContactRules.ADDRESSES_MAX || !fitsEntryLabel(a.label())) {
            note(labelled("Address", a.label()), String.join(", ", a.parts().filter(p -> p != null).toList()));
        } else {
            addresses.add(a);
        }
        return this;
    }

    /**
     * A group the contact belongs to; Google's own groups ("* myContacts", a bare "*") are dropped and "starred"
     * marks a favourite.
     */
    DraftBuilder label(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return this;
        }
        if (v.equals("*")) {
            return this; // Google's mark of its own group, without the group's name
        }
        boolean google = v.startsWith("* ");
        String plain = google ? v.substring(2).strip() : v;
        String lower = plain.toLowerCase(Locale.ROOT);
        if (SYSTEM_LABELS.contains(lower) || SYSTEM_LABELS.contains(v.toLowerCase(Locale.ROOT))
                || google && GOOGLE_SYSTEM_GROUPS.contains(lower)) {
            return this;
        }
        if (google) {
            plain = GOOGLE_PERSONAL_GROUPS.getOrDefault(lower, plain);
        }
        if (lower.equals(STARRED)) {
            favorite = true;
        } else if (length(plain) > ContactRules.LABEL_MAX || labels.size() >= ContactRules.LABELS_MAX) {
            note("Label", plain);
        } else {
            labels.add(plain);
        }
        return this;
    }

    /** Whether anything at all was read: a row or card with nothing in it is skipped silently. */
    boolean isEmpty() {
        return given == null && family == null && formatted == null && nickname == null && organization == null
                && jobTitle == null && birthday == null && notes.isEmpty() && moved.isEmpty() && emails.isEmpty()
                && phones.isEmpty() && addresses.isEmpty() && labels.isEmpty();
    }

    /**
     * The draft, normalised; or the reason there can be none (no name to derive, notes over their limit).
     * Names come from the structured name, else the formatted name (whole when it is the organization's name,
     * else split at its last space), else the nickname, the organization or the first email's local part.
     */
    Result build() {
        String first;
        String last;
        if (given != null || family != null) {
            first = given != null ? given : family;
            last = given != null && family != null ? family : "";
        } else if (formatted != null && formatted.equals(organization)) {
            first = formatted; // a business named after itself ("Acme Support"): one name, not split at a space
            last = "";
        } else if (formatted != null) {
            int space = formatted.lastIndexOf(' ');
            first = space < 0 ? formatted : formatted.substring(0, space).strip();
            last = space < 0 ? "" : formatted.substring(space + 1);
        } else if (nickname != null) {
            first = nickname;
            last = "";
        } else if (organization != null) {
            first = organization;
            last = "";
        } else if (!emails.isEmpty()) {
            String email = emails.get(0).value();
            first = email.substring(0, email.lastIndexOf('@'));
            last = "";
        } else {
            return new Result(null, "No name: the item has no name, nickname, organization or email");
        }
        if (length(first) > ContactRules.NAME_MAX || length(last) > ContactRules.NAME_MAX) {
            note("Name", (first + " " + last).strip());
            first = truncate(first, ContactRules.NAME_MAX);
            last = truncate(last, ContactRules.NAME_MAX);
        }
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(moved);
        String notesText = allNotes.isEmpty() ? null : String.join("\n", allNotes);
        ContactDraft draft = new ContactDraft(first, last, emails, phones, birthday, notesText, addresses,
                organization, jobTitle, nickname, labels, favorite).normalized();
        List<FieldError> errors = ContactRules.validate(draft);
        if (!errors.isEmpty()) {
            FieldError e = errors.get(0);
            return new Result(null, String.join(".", e.loc().subList(1, e.loc().size()).stream()
                    .map(String::valueOf).toList()) + ": " + e.msg());
        }
        return new Result(draft, null);
    }

    /** A draft, or why there is none. */
    record Result(ContactDraft draft, String error) {
    }

    /** A value that fits its field, or null with the value moved to the notes. */
    private String fitted(String name, String value, int max) {
        String v = blankToNull(value);
        if (v != null && length(v) > max) {
            note(name, v);
            return null;
        }
        return v;
    }

    private void note(String name, String value) {
        if (value != null && !value.isBlank()) {
            moved.add(name + ": " + value.strip());
        }
    }

    private static String labelled(String kind, String label) {
        return label == null ? kind : kind + " (" + label + ")";
    }

    private static boolean fitsEntryLabel(String label) {
        return label == null || (!label.isBlank() && length(label.strip()) <= ContactRules.ENTRY_LABEL_MAX);
    }

    private static String truncate(String s, int max) {
        return length(s) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max)).strip();
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
