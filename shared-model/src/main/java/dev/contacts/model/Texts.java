package dev.contacts.model;

import java.util.List;

/** Length checks in Unicode code points, with Pydantic's messages; trimming as Python's {@code str.strip}. */
public final class Texts {

    private Texts() {
    }

    /**
     * {@code text} without the white space around it, as Python's {@code str.strip()} (which the FastAPI original
     * trims with) sees white space: Java's {@link String#strip} keeps the no-break spaces (U+00A0, U+2007, U+202F)
     * and NEL (U+0085), so a name of one no-break space looked filled yet showed blank.
     */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Python's {@code str.isspace} for one character (every such character is in the BMP). */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
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
