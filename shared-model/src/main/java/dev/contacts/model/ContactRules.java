package dev.contacts.model;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a contact's fields, shared by the server (which answers 422 with these errors) and the
 * desktop client (which shows the same messages beside the form fields before anything is sent).
 * Lengths count Unicode code points, as the original Python service did.
 */
public final class ContactRules {

    public static final int NAME_MAX = 50;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MIN = 5;
    public static final int PHONE_MAX = 25;
    public static final int PHONE_MIN_DIGITS = 5;
    public static final int ADDITIONAL_DATA_MAX = 500;

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]+");

    private ContactRules() {
    }

    /** Every problem of a (normalised) draft; empty when it can be stored. */
    public static List<FieldError> validate(ContactDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        checkName("first_name", draft.firstName(), errors);
        checkName("last_name", draft.lastName(), errors);
        checkEmail(draft.email(), errors);
        checkPhone(draft.phone(), errors);
        checkBirthday(draft.birthday(), errors);
        checkAdditionalData(draft.additionalData(), errors);
        return errors;
    }

    public static void checkName(String field, String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.body(field, "Field required", "missing"));
        } else {
            Texts.checkLength(field, value, 1, NAME_MAX, errors);
        }
    }

    public static void checkEmail(String value, List<FieldError> errors) {
        if (value != null) {
            EmailAddress.check("email", value, errors);
        }
    }

    public static void checkPhone(String value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        int length = value.codePointCount(0, value.length());
        long digits = value.chars().filter(c -> c >= '0' && c <= '9').count();
        if (length < PHONE_MIN || length > PHONE_MAX || !PHONE.matcher(value).matches() || digits < PHONE_MIN_DIGITS) {
            errors.add(FieldError.body("phone",
                    "Value error, phone must be 5 to 25 characters of digits, spaces and ( ) - . with an optional "
                            + "leading +, and have at least 5 digits",
                    "value_error"));
        }
    }

    public static void checkBirthday(LocalDate value, List<FieldError> errors) {
        if (value != null && value.isAfter(latestToday())) {
            errors.add(FieldError.body("birthday", "Value error, birthday cannot be in the future", "value_error"));
        }
    }

    public static void checkAdditionalData(String value, List<FieldError> errors) {
        if (value != null) {
            Texts.checkLength("additional_data", value, 0, ADDITIONAL_DATA_MAX, errors);
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
