package dev.contacts.server.contact.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;

/**
 * The one rule for bringing two versions of a person together, used by an import that merges into an existing
 * contact and by {@code POST /contacts/merge/}: the kept contact's values win, its empty fields are filled,
 * and its lists gain the entries it lacks (no duplicates). Nothing it has is overwritten or dropped, its own
 * entries that look alike included (one address as "home" and as "work"). An entry a full list has no room for
 * goes to the notes, so nothing is lost; the other's values that lost (a name, a birthday) stay on the other
 * card, in the trash (the contract: "keep's values win"). Phones are the same when they are one
 * number ({@link PhoneNumbers}): "0170 1234567" and "+49 170 1234567" on the same cards are one entry, the kept
 * contact's writing.
 */
public final class ContactMerge {

    private ContactMerge() {
    }

    /** How the notes of both are brought together. */
    public enum Notes {
        /** Only an empty note is filled (import: nothing existing changes). */
        FILL,
        /** The other's notes are added after the kept ones, when they are not already there (merge). */
        JOIN
    }

    public static ContactDraft merge(ContactDraft keep, ContactDraft other, Notes notes) {
        List<String> overflow = new ArrayList<>();
        List<LabeledValue> emails = unite(keep.emails(), other.emails(), e -> Sameness.fold(e.value()),
                ContactRules.EMAILS_MAX, e -> asNote(e, "Email"), overflow);
        // a number written without its country code is read in the region of one written with it on these cards
        String region = PhoneNumbers.regionOf(Stream.concat(keep.phones().stream(), other.phones().stream())
                .map(LabeledValue::value).toList());
        List<LabeledValue> phones = unite(keep.phones(), other.phones(),
                e -> PhoneNumbers.sameNumberKey(e.value(), region),
                ContactRules.PHONES_MAX, e -> asNote(e, "Phone"), overflow);
        Addresses both = Addresses.of(keep.addresses(), other.addresses());
        List<PostalAddress> addresses = unite(both.keep(), both.other(),
                a -> Sameness.fold(String.join("\n", a.parts().map(p -> p == null ? "" : p).toList())),
                ContactRules.ADDRESSES_MAX, ContactMerge::asNote, overflow);
        List<String> labels = unite(keep.labels(), other.labels(), l -> l.toLowerCase(Locale.ROOT),
                ContactRules.LABELS_MAX, l -> "Label: " + l, overflow);
        String lastName = isEmpty(keep.lastName()) ? other.lastName() : keep.lastName();
        String text = keep.additionalData();
        if (isEmpty(text) && !(notes == Notes.FILL && onlyEntriesOf(keep, other.additionalData()))) {
            text = other.additionalData();
        } else if (notes == Notes.JOIN && !isEmpty(other.additionalData()) && !text.contains(other.additionalData())) {
            text = text + "\n\n" + other.additionalData();
        }
        for (String line : overflow) {
            if (text == null || !text.contains(line)) {
                text = isEmpty(text) ? line : text + "\n" + line;
            }
        }
        return new ContactDraft(keep.firstName(), lastName,
                emails, phones, keep.birthday() != null ? keep.birthday() : other.birthday(), text, addresses,
                first(keep.organization(), other.organization()), first(keep.jobTitle(), other.jobTitle()),
                first(keep.nickname(), other.nickname()), labels, keep.favorite() || other.favorite());
    }

    /**
     * Whether every line of {@code note} is one of {@code keep}'s own entries as a note writes one ("Email (work):
     * ann@example.com"): what a file with fixed columns (Outlook's CSV) had no room for, not notes of the person.
     */
    private static boolean onlyEntriesOf(ContactDraft keep, String note) {
        if (isEmpty(note)) {
            return false;
        }
        Set<String> entries = new HashSet<>();
        keep.emails().forEach(e -> entries.add(asNote(e, "Email")));
        keep.phones().forEach(e -> entries.add(asNote(e, "Phone")));
        keep.addresses().forEach(a -> entries.add(asNote(a)));
        return entries.containsAll(List.of(note.split("\n")));
    }

    /** An entry as the notes hold one that has no room elsewhere: "Email (work): ann@example.com". */
    public static String asNote(LabeledValue entry, String kind) {
        return kind + " (" + entry.label() + "): " + entry.value();
    }

    /** An address as the notes hold one: "Address (home): 1 Main St, Springfield". */
    public static String asNote(PostalAddress a) {
        return "Address (" + a.label() + "): " + String.join(", ", a.parts().filter(Objects::nonNull).toList());
    }

    /**
     * The addresses of both once the same address written with more or less of its street is one ({@link
     * #isFullerWriting}): a kept address that one of the other's writes fuller takes that street (its label and
     * place stay; the part it had no room for is added, nothing is overwritten), and the other's addresses that
     * a kept one holds all of already are left out.
     */
    private record Addresses(List<PostalAddress> keep, List<PostalAddress> other) {
        static Addresses of(List<PostalAddress> keep, List<PostalAddress> other) {
            List<PostalAddress> kept = new ArrayList<>(keep);
            List<PostalAddress> rest = new ArrayList<>();
            for (PostalAddress theirs : other) {
                int shorter = -1;
                boolean held = false;
                for (int i = 0; i < kept.size(); i++) {
                    held |= isFullerWriting(kept.get(i), theirs);
                    if (shorter < 0 && isFullerWriting(theirs, kept.get(i))) {
                        shorter = i;
                    }
                }
                if (held) {
                    continue;
                }
                if (shorter >= 0) {
                    PostalAddress mine = kept.get(shorter);
                    kept.set(shorter, new PostalAddress(mine.label(), theirs.street(), mine.locality(),
                            mine.region(), mine.postalCode(), mine.country()));
                } else {
                    rest.add(theirs);
                }
            }
            return new Addresses(List.copyOf(kept), List.copyOf(rest));
        }
    }

    /**
     * Whether {@code fuller} is {@code shorter} with more of its street: the same place (locality, region, postal
     * code and country, folded) and a street whose comma-separated parts begin or end with all of the shorter one's
     * ("Kastanienallee 7, Hinterhaus, 3. OG" and "Kastanienallee 7"). That is how an extended address is joined
     * into the one street the contract's address has: after the street from Thunderbird's "Home Address 2", before
     * it from Google's "Address 1 - Extended Address" and a vCard's ADR, where Outlook wrote the same address with
     * its first street line only. Another house number, or another city, is another address.
     */
    static boolean isFullerWriting(PostalAddress fuller, PostalAddress shorter) {
        if (fuller.street() == null || shorter.street() == null || shorter.street().isBlank()) {
            return false;
        }
        List<String> full = streetParts(fuller.street());
        List<String> part = streetParts(shorter.street());
        return full.size() > part.size()
                && (full.subList(0, part.size()).equals(part)
                        || full.subList(full.size() - part.size(), full.size()).equals(part))
                && samePart(fuller.locality(), shorter.locality()) && samePart(fuller.region(), shorter.region())
                && samePart(fuller.postalCode(), shorter.postalCode()) && samePart(fuller.country(), shorter.country());
    }

    /** A street's comma-separated parts, folded, the blank ones left out. */
    private static List<String> streetParts(String street) {
        return Stream.of(street.split(",")).map(String::strip).filter(p -> !p.isEmpty()).map(Sameness::fold)
                .toList();
    }

    private static boolean samePart(String a, String b) {
        return Objects.equals(Sameness.fold(a == null ? "" : a.strip()), Sameness.fold(b == null ? "" : b.strip()));
    }

    private static <T> List<T> unite(List<T> keep, List<T> other, Function<T, String> key, int max,
                                     Function<T, String> asNote, List<String> overflow) {
        List<T> united = new ArrayList<>(keep); // all of them: an import changes nothing the contact has
        Set<String> known = new HashSet<>();
        keep.forEach(e -> known.add(key.apply(e)));
        for (T e : other) {
            if (known.add(key.apply(e))) {
                if (united.size() < max) {
                    united.add(e);
                } else {
                    overflow.add(asNote.apply(e));
                }
            }
        }
        return List.copyOf(united);
    }

    private static String first(String keep, String other) {
        return isEmpty(keep) ? other : keep;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
