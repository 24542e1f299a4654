package dev.contacts.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contacts.model.FieldError;
import dev.contacts.model.Wire;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** JSON in and out: the wire's snake_case names, ISO-8601 dates, and the parsing errors FastAPI gives. */
public final class Json {

    /** The shared wire configuration (snake_case records, ISO-8601 dates). */
    public static final ObjectMapper MAPPER = Wire.mapper();

    private static final String APPLICATION_JSON = "application/json";

    private Json() {
    }

    /** Parses a request body; a syntax error is a 422 pointing at the offending character, as in FastAPI. */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ValidationException(new FieldError(List.of("body"), "Field required", "missing"));
            }
            return node;
        } catch (JsonProcessingException e) {
            // Input is bytes, so Jackson knows the byte offset (its char offset stays -1).
            long offset = e.getLocation() == null ? 0
                    : Math.max(0, Math.max(e.getLocation().getByteOffset(), e.getLocation().getCharOffset()));
            throw new ValidationException(new FieldError(List.of("body", offset), "JSON decode error", "json_invalid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Sends {@code value} as the JSON body of a response with {@code status}. */
    public static void send(ServerResponse res, Status status, Object value) {
        sendEncoded(res, status, bytes(value));
    }

    /** Sends {@code json}, a value already written as JSON, as the body of a response with {@code status}. */
    public static void sendEncoded(ServerResponse res, Status status, byte[] json) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, APPLICATION_JSON);
        res.send(json);
    }

    public static void ok(ServerResponse res, Object value) {
        send(res, Status.OK_200, value);
    }
}
