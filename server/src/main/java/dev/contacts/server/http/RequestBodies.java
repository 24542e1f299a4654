package dev.contacts.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contacts.model.FieldError;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;

/**
 * Reading request bodies: the 64 KiB limit (413), the media type (415), and the FastAPI answer (422) to a
 * missing body, malformed JSON, or JSON that is not an object.
 */
public final class RequestBodies {

    /** The largest body the API accepts. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private RequestBodies() {
    }

    /** The body as a JSON object. */
    public static ObjectNode jsonObject(ServerRequest req) {
        requireJson(req);
        return asObject(Json.parse(requireBody(req)));
    }

    /** The body as a JSON object, or empty when there is no body at all (for endpoints whose body is optional). */
    public static Optional<ObjectNode> optionalJsonObject(ServerRequest req) {
        byte[] body = read(req);
        if (body.length == 0) {
            return Optional.empty();
        }
        requireJson(req);
        return Optional.of(asObject(Json.parse(body)));
    }

    /**
     * The body as a JSON object, or an {@code application/x-www-form-urlencoded} or {@code multipart/form-data}
     * form turned into one (the OAuth2 password form that Swagger-style clients and a browser's FormData send to
     * {@code /token/}).
     */
    public static ObjectNode jsonOrForm(ServerRequest req) {
        Optional<HttpMediaType> type = req.headers().contentType();
        Map<String, String> fields;
        if (type.isPresent() && isForm(type.get())) {
            fields = parseForm(new String(requireBody(req), StandardCharsets.UTF_8)); // checked UTF-8
        } else if (type.isPresent() && isMultipartForm(type.get())) {
            fields = MultipartForm.fields(requireBody(req), req.headers().get(HeaderNames.CONTENT_TYPE).get());
        } else {
            return jsonObject(req);
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        fields.forEach(node::put);
        return node;
    }

    private static ObjectNode asObject(JsonNode node) {
        if (node.isNull()) {
            throw new ValidationException(new FieldError(List.of("body"), "Field required", "missing"));
        }
        if (!node.isObject()) {
            throw new ValidationException(new FieldError(List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
        }
        return (ObjectNode) node;
    }

    private static byte[] requireBody(ServerRequest req) {
        byte[] body = read(req);
        if (body.length == 0) {
            throw new ValidationException(new FieldError(List.of("body"), "Field required", "missing"));
        }
        return body;
    }

    /** Reads at most {@link #MAX_BODY_BYTES}; more is refused whatever the Content-Length said. */
    private static byte[] read(ServerRequest req) {
        return readAtMost(req, MAX_BODY_BYTES, RequestBodies::tooLarge);
    }

    /**
     * The body (empty when there is none), read up to {@code maxBytes}; a longer one is refused with
     * {@code tooLarge} (a 413) whatever the Content-Length said, so the client reads its answer.
     */
    public static byte[] readAtMost(ServerRequest req, int maxBytes, Supplier<ApiException> tooLarge) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge.get();
            }
            requireUtf8(body);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ApiException | ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CloseConnectionException timedOut) {
                    throw timedOut; // the client kept the server waiting (Http1Edge): just close, nothing to answer
                }
            }
            // The transport could not frame the body (a chunk size that is not hex, for one): the client's
            // fault, so 400, and the connection cannot be trusted any further.
            throw new ApiException(Status.BAD_REQUEST_400, "Bad Request", Map.of("Connection", "close"));
        }
    }

    /**
     * 422 unless {@code body} is well-formed UTF-8: an overlong form ({@code C0 AF} for "/"), an encoded
     * surrogate or a stray byte would otherwise be decoded leniently into characters the client never sent.
     */
    private static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new ValidationException(new FieldError(List.of("body"), "The body is not valid UTF-8",
                    "json_invalid"));
        }
    }

    public static ApiException tooLarge() {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413,
                "Request body too large: at most " + MAX_BODY_BYTES + " bytes are accepted");
    }

    /** No Content-Type is read as JSON, as FastAPI does; any other type than JSON is refused. */
    private static void requireJson(ServerRequest req) {
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isPresent() && !isJson(type.get())) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "Unsupported media type " + type.get().mediaType().text() + ": send application/json");
        }
    }

    private static boolean isJson(HttpMediaType type) {
        String subtype = type.mediaType().subtype().toLowerCase();
        return type.mediaType().type().equalsIgnoreCase("application")
                && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    private static boolean isForm(HttpMediaType type) {
        return type.mediaType().type().equalsIgnoreCase("application")
                && type.mediaType().subtype().equalsIgnoreCase("x-www-form-urlencoded");
    }

    private static boolean isMultipartForm(HttpMediaType type) {
        return type.mediaType().type().equalsIgnoreCase("multipart")
                && type.mediaType().subtype().equalsIgnoreCase("form-data");
    }

    private static Map<String, String> parseForm(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(new FieldError(List.of("body"), "Malformed form body", "value_error"));
            }
        }
        return fields;
    }
}
