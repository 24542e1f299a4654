package dev.contacts.server.http;

import java.util.List;

import dev.contacts.model.FieldError;

/** Invalid client input: answered 422 with FastAPI's list of field errors. */
public class ValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("validation failed", null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one problem");
        }
        this.errors = List.copyOf(errors);
    }

    public ValidationException(FieldError error) {
        this(List.of(error));
    }

    /** Throws when there is anything in {@code errors}. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public List<FieldError> errors() {
        return errors;
    }
}
