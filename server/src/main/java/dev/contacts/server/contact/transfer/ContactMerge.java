package dev.contacts.server.contact.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;

/**
 * The one rule for bringing two versions of a person together, used by an import that merges into an existing
 * contact and by {@code POST /contacts/merge/}: the kept contact's values win, its empty fields are filled,
 * and its lists gain the entries it lacks (no duplicates). Nothing it has is overwritten. An entry a full list
 * has no room for goes to the notes, so nothing is lost; so do, in a merge, the other's name, birthday,
 * organization, job title and nickname where they differ from the kept ones. Phones are the same when they are one
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
        /**
         * The other's notes are added after the kept ones, when they are not already there, and so are the other's
         * values that lost to the kept ones (merge).
         */
        JOIN
    }

    public static ContactDraft merge(ContactDraft keep, ContactDraft other, Notes notes) {
        List<String> overflow = new ArrayList<>();
        List<LabeledValue> emails = unite(keep.emails(), other.emails(), e -> Sameness.fold(e.value()),
                ContactRules.EMAILS_MAX, e -> "Email (" + e.label() + "): " + e.value(), overflow);
        // a number written without its country code is read in the region of one written with it on these cards
        String region = PhoneNumbers.regionOf(Stream.concat(keep.phones().stream(), other.phones().stream())
                .map(LabeledValue::value).toList());
        List<LabeledValue> phones = unite(keep.phones(), other.phones(),
                e -> PhoneNumbers.sameNumberKey(e.value(), region),
                ContactRules.PHONES_MAX, e -> "Phone (" + e.label() + "): " + e.value(), overflow);
        List<PostalAddress> addresses = unite(keep.addresses(), other.addresses(),
                a -> Sameness.fold(String.join("\n", a.parts().map(p -> p == null ? "" : p).toList())),
                ContactRules.ADDRESSES_MAX, a -> "Address (" + a.label() + "): "
                        + String.join(", ", a.parts().filter(Objects::nonNull).toList()), overflow);
        List<String> labels = unite(keep.labels(), other.labels(), l -> l.toLowerCase(Locale.ROOT),
                ContactRules.LABELS_MAX, l -> "Label: " + l, overflow);
        String lastName = isEmpty(keep.lastName()) ? other.lastName() : keep.lastName();
        String text = keep.additionalData();
        if (isEmpty(text)) {
            text = other.additionalData();
        } else if (notes == Notes.JOIN && !isEmpty(other.additionalData()) && !text.contains(other.additionalData())) {
            text = text + "\n\n" + other.additionalData();
        }
        if (notes == Notes.JOIN) {
            overflow.addAll(0, replaced(keep, other, lastName));
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

    /** The other's values that the kept ones win over, as lines of the notes: "Name: Bob Lee". */
    private static List<String> replaced(ContactDraft keep, ContactDraft other, String mergedLastName) {
        List<String> lines = new ArrayList<>();
        String otherName = (nz(other.firstName()) + " " + nz(other.lastName())).strip();
        String mergedName = (Sameness.fold(keep.firstName()) + " " + Sameness.fold(mergedLastName)).strip();
        if (!otherName.isEmpty() && !mergedName.equals(Sameness.fullName(other))) {
            lines.add("Name: " + otherName);
        }
        if (keep.birthday() != null && other.birthday() != null && !keep.birthday().equals(other.birthday())) {
            LocalDate day = other.birthday();
            lines.add("Birthday: " + (ContactRules.hasKnownYear(day) ? day.toString()
                    : "--" + day.toString().substring(5)));
        }
        differing("Organization", keep.organization(), other.organization(), lines);
        differing("Job title", keep.jobTitle(), other.jobTitle(), lines);
        differing("Nickname", keep.nickname(), other.nickname(), lines);
        return lines;
    }

    private static void differing(String field, String keep, String other, List<String> lines) {
        if (!isEmpty(keep) && !isEmpty(other) && !Sameness.fold(keep).equals(Sameness.fold(other))) {
            lines.add(field + ": " + other);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> unite(List<T> keep, List<T> other, Function<T, String> key, int max,
                                     Function<T, String> asNote, List<String> overflow) {
        Map<String, T> united = new LinkedHashMap<>();
        keep.forEach(e -> united.putIfAbsent(key.apply(e), e));
        for (T e : other) {
            if (!united.containsKey(key.apply(e))) {
                if (united.size() < max) {
                    united.put(key.apply(e), e);
                } else {
                    overflow.add(asNote.apply(e));
                }
            }
        }
        return List.copyOf(united.values());
    }

    private static String first(String keep, String other) {
        return isEmpty(keep) ? other : keep;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
