package dev.contacts.model;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a contact's fields, shared by the server (which answers 422 with these errors) and the
 * desktop client (which shows the same messages beside the form fields before anything is sent).
 * Lengths count Unicode code points, as the original Python service did. Rules apply to a
 * {@linkplain ContactDraft#normalized() normalised} draft.
 */
public final class ContactRules {

    public static final int NAME_MAX = 50;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MIN = 5;
    public static final int PHONE_MAX = 25;
    public static final int PHONE_MIN_DIGITS = 5;
    /** The notes; v1 allowed 500. */
    public static final int ADDITIONAL_DATA_MAX = 10_000;
    public static final int EMAILS_MAX = 10;
    public static final int PHONES_MAX = 10;
    public static final int ADDRESSES_MAX = 5;
    public static final int ADDRESS_PART_MAX = 100;
    public static final int ENTRY_LABEL_MAX = 30;
    public static final int ORGANIZATION_MAX = 100;
    public static final int JOB_TITLE_MAX = 100;
    public static final int NICKNAME_MAX = 50;
    public static final int LABELS_MAX = 20;
    public static final int LABEL_MAX = 40;
    /**
     * The year a birthday is stored with when its year is unknown (the convention of Apple's and Google's
     * exports; a leap year, so 29 February fits). Such a birthday is never shown with an age.
     */
    public static final int YEAR_UNKNOWN = 1604;

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]+");

    private ContactRules() {
    }

    /** Every problem of a (normalised) draft; empty when it can be stored. Locations are v2's. */
    public static List<FieldError> validate(ContactDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        checkName("first_name", draft.firstName(), errors);
        checkLastName(draft.lastName(), errors);
        checkEmails(draft.emails(), errors);
        checkPhones(draft.phones(), errors);
        checkBirthday(draft.birthday(), errors);
        checkAdditionalData(draft.additionalData(), errors);
        checkAddresses(draft.addresses(), errors);
        checkOptionalText("organization", draft.organization(), ORGANIZATION_MAX, errors);
        checkOptionalText("job_title", draft.jobTitle(), JOB_TITLE_MAX, errors);
        checkOptionalText("nickname", draft.nickname(), NICKNAME_MAX, errors);
        checkLabels(draft.labels(), errors);
        return errors;
    }

    /**
     * The errors as a v1 client knows them: a problem of the primary email or phone is located at
     * {@code ["body", "email"]} or {@code ["body", "phone"]}, for a body (or a form) that gave the single field.
     */
    public static List<FieldError> asV1(List<FieldError> errors, boolean email, boolean phone) {
        return errors.stream().map(e -> {
            if (email && isPrimaryEntry(e, "emails")) {
                return new FieldError(List.of("body", "email"), e.msg(), e.type());
            }
            if (phone && isPrimaryEntry(e, "phones")) {
                return new FieldError(List.of("body", "phone"), e.msg(), e.type());
            }
            return e;
        }).toList();
    }

    private static boolean isPrimaryEntry(FieldError e, String list) {
        return e.loc().size() == 4 && e.loc().get(1).equals(list) && e.loc().get(2).equals(0)
                && e.loc().get(3).equals("value");
    }

    public static void checkName(String field, String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.body(field, "Field required", "missing"));
        } else {
            Texts.checkLength(field, value, 1, NAME_MAX, errors);
        }
    }

    /** The last name must be given (never null) but may be empty. */
    public static void checkLastName(String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.body("last_name", "Field required", "missing"));
        } else {
            Texts.checkLength("last_name", value, 0, NAME_MAX, errors);
        }
    }

    public static void checkEmails(List<LabeledValue> emails, List<FieldError> errors) {
        checkCount("emails", emails.size(), EMAILS_MAX, errors);
        for (int i = 0; i < emails.size(); i++) {
            LabeledValue entry = emails.get(i);
            if (entry.value() == null) {
                errors.add(new FieldError(List.of("body", "emails", i, "value"), "Field required", "missing"));
            } else {
                EmailAddress.check(List.of("body", "emails", i, "value"), entry.value(), errors);
            }
            checkEntryLabel(List.of("body", "emails", i, "label"), entry.label(), errors);
        }
    }

    public static void checkPhones(List<LabeledValue> phones, List<FieldError> errors) {
        checkCount("phones", phones.size(), PHONES_MAX, errors);
        for (int i = 0; i < phones.size(); i++) {
            LabeledValue entry = phones.get(i);
            List<Object> loc = List.of("body", "phones", i, "value");
            if (entry.value() == null) {
                errors.add(new FieldError(loc, "Field required", "missing"));
            } else if (!isPhone(entry.value())) {
                errors.add(new FieldError(loc,
                        "Value error, phone must be 5 to 25 characters of digits, spaces and ( ) - . with an "
                                + "optional leading +, and have at least 5 digits",
                        "value_error"));
            }
            checkEntryLabel(List.of("body", "phones", i, "label"), entry.label(), errors);
        }
    }

    /** 5 to 25 characters of digits, spaces, {@code ( ) - .}, an optional leading {@code +}, and 5 digits. */
    public static boolean isPhone(String value) {
        int length = value.codePointCount(0, value.length());
        long digits = value.chars().filter(c -> c >= '0' && c <= '9').count();
        return length >= PHONE_MIN && length <= PHONE_MAX && PHONE.matcher(value).matches()
                && digits >= PHONE_MIN_DIGITS;
    }

    public static void checkBirthday(LocalDate value, List<FieldError> errors) {
        if (value != null && value.isAfter(latestToday())) {
            errors.add(FieldError.body("birthday", "Value error, birthday cannot be in the future", "value_error"));
        }
    }

    /**
     * Whether the birthday's year is known, so an age can be shown: not {@link #YEAR_UNKNOWN} nor an earlier
     * placeholder (some apps write 0001).
     */
    public static boolean hasKnownYear(LocalDate birthday) {
        return birthday.getYear() > YEAR_UNKNOWN;
    }

    public static void checkAdditionalData(String value, List<FieldError> errors) {
        if (value != null) {
            Texts.checkLength("additional_data", value, 0, ADDITIONAL_DATA_MAX, errors);
        }
    }

    public static void checkAddresses(List<PostalAddress> addresses, List<FieldError> errors) {
        checkCount("addresses", addresses.size(), ADDRESSES_MAX, errors);
        String[] names = {"street", "locality", "region", "postal_code", "country"};
        for (int i = 0; i < addresses.size(); i++) {
            PostalAddress address = addresses.get(i);
            checkEntryLabel(List.of("body", "addresses", i, "label"), address.label(), errors);
            List<String> parts = address.parts().toList();
            for (int p = 0; p < names.length; p++) {
                if (parts.get(p) != null) {
                    Texts.checkLength(List.of("body", "addresses", i, names[p]), parts.get(p), 0, ADDRESS_PART_MAX,
                            errors);
                }
            }
            if (parts.stream().allMatch(part -> part == null)) {
                errors.add(new FieldError(List.of("body", "addresses", i),
                        "Value error, an address needs at least one of street, locality, region, postal_code, "
                                + "country", "value_error"));
            }
        }
    }

    public static void checkLabels(List<String> labels, List<FieldError> errors) {
        checkCount("labels", labels.size(), LABELS_MAX, errors);
        for (int i = 0; i < labels.size(); i++) {
            checkLabel(List.of("body", "labels", i), labels.get(i), errors);
        }
    }

    /** One label, trimmed ({@link #labelName}): 1 to 40 characters, on a contact or named on its own. */
    public static void checkLabel(List<Object> loc, String label, List<FieldError> errors) {
        Texts.checkLength(loc, label, 1, LABEL_MAX, errors);
    }

    /** A label as it is stored and compared: trimmed of surrounding white space. */
    public static String labelName(String label) {
        return Texts.strip(label);
    }

    public static void checkOptionalText(String field, String value, int max, List<FieldError> errors) {
        if (value != null) {
            Texts.checkLength(field, value, 0, max, errors);
        }
    }

    /** An entry's label: {@code home}, {@code work}, ... or any text of 1 to 30 characters. */
    private static void checkEntryLabel(List<Object> loc, String label, List<FieldError> errors) {
        if (label != null) {
            Texts.checkLength(loc, label, 1, ENTRY_LABEL_MAX, errors);
        }
    }

    private static void checkCount(String field, int size, int max, List<FieldError> errors) {
        if (size > max) {
            errors.add(FieldError.body(field, "List should have at most " + max + " item" + Texts.plural(max)
                    + " after validation, not " + size, "too_long"));
        }
    }

    /**
     * The latest date it is anywhere on Earth right now: a birthday entered as "today" by someone far east of
     * the server is not in the future for them.
     */
    private static LocalDate latestToday() {
        return LocalDate.now(ZoneOffset.MAX);
    }
}
