package dev.contacts.model;

import java.util.List;

/**
 * One validation problem, in FastAPI's shape: {@code loc} names where it is (e.g. {@code ["body", "email"]}),
 * {@code msg} says what is wrong in words, {@code type} is a stable machine-readable kind.
 */
public record FieldError(List<Object> loc, String msg, String type) {

    public FieldError {
        loc = List.copyOf(loc);
    }

    public static FieldError body(String field, String msg, String type) {
        return new FieldError(List.of("body", field), msg, type);
    }

    public static FieldError query(String param, String msg, String type) {
        return new FieldError(List.of("query", param), msg, type);
    }

    public static FieldError path(String param, String msg, String type) {
        return new FieldError(List.of("path", param), msg, type);
    }

    /** The field name this error is about (the last element of {@code loc}), e.g. {@code "email"}. */
    public String field() {
        return String.valueOf(loc.get(loc.size() - 1));
    }
}
