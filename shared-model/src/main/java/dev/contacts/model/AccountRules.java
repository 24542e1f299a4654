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
            EmailAddress.check(field, EmailAddress.normalize(email), errors);
        }
    }

    /** The password is used exactly as given: never trimmed, any Unicode, spaces allowed. */
    public static void checkPassword(String field, String password, List<FieldError> errors) {
        if (password == null) {
            errors.add(FieldError.body(field, "Field required", "missing"));
        } else {
            Texts.checkLength(field, password, PASSWORD_MIN, PASSWORD_MAX, errors);
        }
    }
}
