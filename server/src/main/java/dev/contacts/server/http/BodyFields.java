package dev.contacts.server.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contacts.model.FieldError;

/**
 * Typed reading of a JSON object's fields, collecting every type error (as Pydantic does) instead of stopping
 * at the first. Strings are strict: a number is not a string.
 */
public final class BodyFields {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ObjectNode node;
    private final List<FieldError> errors = new ArrayList<>();

    private BodyFields(ObjectNode node) {
        this.node = node;
    }

    public static BodyFields of(ObjectNode node) {
        return new BodyFields(node);
    }

    /** Whether the field is in the body at all (with any value, {@code null} included). */
    public boolean has(String name) {
        return node.has(name);
    }

    public String requiredString(String name) {
        if (!node.has(name)) {
            errors.add(FieldError.body(name, "Field required", "missing"));
            return null;
        }
        return string(name);
    }

    /** The text of an optional field: {@code null} when absent or null. */
    public String optionalString(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return string(name);
    }

    /** An optional {@code YYYY-MM-DD} date: {@code null} when absent or null. */
    public LocalDate optionalDate(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(FieldError.body(name, "Input should be a valid date", "date_type"));
            return null;
        }
        String text = value.textValue();
        if (!ISO_DATE.matcher(text).matches()) {
            errors.add(FieldError.body(name, "Input should be a valid date in the format YYYY-MM-DD", "date_from_datetime_parsing"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1) {
                // year 0000 parses in ISO-8601 (1 BC), but no calendar a person uses has it
                errors.add(FieldError.body(name, "Input should be a valid date, the year must be 0001 or later",
                        "date_from_datetime_parsing"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.body(name, "Input should be a valid date, this day does not exist", "date_from_datetime_parsing"));
            return null;
        }
    }

    private String string(String name) {
        return text(node.get(name), List.of("body", name), errors);
    }

    /** The JSON value as text (any value nested in a body, at {@code loc}); a type error adds to {@code errors}. */
    public static String text(JsonNode value, List<Object> loc, List<FieldError> errors) {
        if (!value.isTextual()) {
            errors.add(new FieldError(loc, "Input should be a valid string", "string_type"));
            return null;
        }
        String text = value.textValue();
        if (hasLoneSurrogate(text)) {
            // JSON can escape half of a character ("\ud800"); it cannot be stored as text, so it is refused
            // rather than silently changed.
            errors.add(new FieldError(loc, "Input should be a valid string, unable to parse raw data as a "
                    + "unicode string", "string_unicode"));
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            // PostgreSQL's text cannot hold U+0000, so no database does: the same answer on SQLite and PostgreSQL
            errors.add(new FieldError(loc, "Input should be a valid string, the character U+0000 (NUL) cannot be "
                    + "stored", "string_unicode"));
            return null;
        }
        return text;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The type errors found so far; field rules add theirs to the same list. */
    public List<FieldError> errors() {
        return errors;
    }
}
