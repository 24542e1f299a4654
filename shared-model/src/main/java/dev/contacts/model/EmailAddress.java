package dev.contacts.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email address syntax: a dot-atom local part (at most 64 characters), an {@code @}, and a domain of at
 * least two labels. Unicode letters are allowed (internationalised addresses); quoted local parts and IP
 * literals are not, as no one types those into a contacts app.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL = Pattern.compile(ATOM + "(\\." + ATOM + ")*");
    private static final String LABEL = "[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
    private static final Pattern DOMAIN = Pattern.compile("(" + LABEL + "\\.)+" + "[\\p{L}][\\p{L}\\p{N}-]*[\\p{L}\\p{N}]");

    private EmailAddress() {
    }

    /**
     * Unicode NFKC, then trimmed and lowercased: the form in which account emails are stored and compared, so a
     * fullwidth or otherwise compatibility-encoded copy of an address is the same account as its plain form.
     */
    public static String normalize(String email) {
        return Normalizer.normalize(email, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String email) {
        if (email.length() > MAX_LENGTH) {
            return false;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return false;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        return local.length() <= 64 && domain.length() <= 253
                && LOCAL.matcher(local).matches() && DOMAIN.matcher(domain).matches();
    }

    static void check(List<Object> loc, String value, List<FieldError> errors) {
        if (Texts.length(value) > MAX_LENGTH) {
            errors.add(new FieldError(loc, "String should have at most " + MAX_LENGTH + " characters",
                    "string_too_long"));
        } else if (!isValid(value)) {
            errors.add(new FieldError(loc,
                    "value is not a valid email address: it must look like name@example.com", "value_error"));
        }
    }
}
