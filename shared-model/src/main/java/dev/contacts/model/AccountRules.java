package dev.contacts.model;

import java.util.ArrayList;
import java.util.List;

/** The rules of an account's email and password, shared by the server and the login screen. */
public final class AccountRules {

    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 256;

    private AccountRules() {
    }

    /** Problems of a registration; the email is checked in its normalised form. */
    public static List<FieldError> validateRegistration(String email, String password) {
        List<FieldError> errors = new ArrayList<>();
        checkEmail("email", email, errors);
        checkPassword("password", password, errors);
        return errors;
    }

    public static void checkEmail(String field, String email, List<FieldError> errors) {
        if (email == null) {
            errors.add(FieldError.body(field, "Field required", "missing"));
        } else {
            EmailAddress.check(List.of("body", field), EmailAddress.normalize(email), errors);
        }
    }

    /**
     * The password is used exactly as given: never trimmed, any Unicode, spaces allowed; 8 to 256 characters
     * and not one of the 10,000 most common passwords.
     */
    public static void checkPassword(String field, String password, List<FieldError> errors) {
        if (password == null) {
            errors.add(FieldError.body(field, "Field required", "missing"));
            return;
        }
        int before = errors.size();
        Texts.checkLength(field, password, PASSWORD_MIN, PASSWORD_MAX, errors);
        if (errors.size() == before && CommonPasswords.contains(password)) {
            errors.add(FieldError.body(field, TOO_COMMON, "value_error"));
        }
    }

    /** The message for a password on the common-passwords list. */
    public static final String TOO_COMMON =
            "Value error, this password is too common: choose one that is harder to guess";
}
