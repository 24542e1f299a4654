package dev.contacts.server.http;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.contacts.model.FieldError;
import io.helidon.webserver.http.ServerRequest;

/** Query and path parameters, parsed the way FastAPI does (422 with the parameter's place and the bound broken). */
public final class RequestParams {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern UUID = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

    private RequestParams() {
    }

    /** A query parameter's value; the last one wins when it is repeated, as in FastAPI. Given empty, it is "". */
    public static Optional<String> query(ServerRequest req, String name) {
        List<String> values = req.query().all(name, List::of);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.get(values.size() - 1));
    }

    /** A bounded integer query parameter with a default; problems are added to {@code errors}. */
    public static int queryInt(ServerRequest req, String name, int defaultValue, int min, int max,
                               List<FieldError> errors) {
        Optional<String> raw = query(req, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String text = raw.get().strip();
        if (!INTEGER.matcher(text).matches()) {
            errors.add(FieldError.query(name, "Input should be a valid integer, unable to parse string as an integer",
                    "int_parsing"));
            return defaultValue;
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            errors.add(FieldError.query(name, "Input should be greater than or equal to " + min, "greater_than_equal"));
            return defaultValue;
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            errors.add(FieldError.query(name, "Input should be less than or equal to " + max, "less_than_equal"));
            return defaultValue;
        }
        return value.intValue();
    }

    /**
     * An id from the path. Not an integer: 422. An integer too large for any stored id: empty, which the caller
     * answers like any id that does not exist.
     */
    public static Optional<Long> pathId(ServerRequest req, String name) {
        String text = req.path().pathParameters().get(name);
        if (!INTEGER.matcher(text).matches()) {
            throw new ValidationException(FieldError.path(name,
                    "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A UUID from the path, in its canonical (lower-case) form. Not a UUID: 422. */
    public static String pathUuid(ServerRequest req, String name) {
        String text = req.path().pathParameters().get(name);
        if (!UUID.matcher(text).matches()) {
            throw new ValidationException(FieldError.path(name, "Input should be a valid UUID", "uuid_parsing"));
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
