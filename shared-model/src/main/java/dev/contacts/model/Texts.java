package dev.contacts.model;

import java.util.List;

/** Length checks in Unicode code points, with Pydantic's messages. */
final class Texts {

    private Texts() {
    }

    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    static void checkLength(String field, String value, int min, int max, List<FieldError> errors) {
        checkLength(List.of("body", field), value, min, max, errors);
    }

    static void checkLength(List<Object> loc, String value, int min, int max, List<FieldError> errors) {
        int length = length(value);
        if (length < min) {
            errors.add(new FieldError(loc, "String should have at least " + min + " character" + plural(min),
                    "string_too_short"));
        } else if (length > max) {
            errors.add(new FieldError(loc, "String should have at most " + max + " character" + plural(max),
                    "string_too_long"));
        }
    }

    static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
