package dev.contacts.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
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
 * missing body, malformed JSON, or JSON that is not an object. A body is {@link #readAhead read ahead} on the
 * request's own (virtual) thread, before its database work, so that a client that sends its body slowly never
 * holds a database thread; the handler then reads it from there, with the same answers as from the stream.
 */
public final class RequestBodies {

    /** The largest body the API accepts. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /**
     * KiB that bodies read ahead may hold at once in this process; a request whose share is not free waits for it
     * before reading. Bodies no longer wait for a database thread, which bounded them before: without this,
     * clients sending 64 KiB (or 1 MiB photos) on thousands of connections would fill the 128 MiB heap. 16 MiB
     * holds about 250 JSON bodies of the largest size, or one full 10 MiB import beside smaller ones, so two full
     * imports take turns (one holds its body's bytes and a batch or two of items: docs/benchmarks.md, "A lean import").
     */
    private static final int BUFFERED_KIB = 16 * 1024;
    private static final Semaphore BUFFERED = new Semaphore(BUFFERED_KIB, true);

    /**
     * A body read ahead: its first bytes (at most {@code limit} and one more), or why it could not be read. Taken
     * once, as from the stream, so that the request keeps no second reference to it (an import's 10 MiB).
     */
    private static final class ReadAhead {
        final int limit;
        final RuntimeException failure;
        private byte[] bytes;

        ReadAhead(int limit, byte[] bytes, RuntimeException failure) {
            this.limit = limit;
            this.bytes = bytes;
            this.failure = failure;
        }

        byte[] take(int maxBytes, Supplier<ApiException> tooLarge) {
            if (failure != null) {
                throw failure;
            }
            if (bytes == null) {
                throw new IllegalStateException("the body was read already");
            }
            byte[] body = bytes;
            bytes = null;
            if (body.length > maxBytes) {
                throw tooLarge.get();
            }
            return body;
        }
    }

    /** The share of {@link #BUFFERED_KIB} a body read ahead holds until its request is done with it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private static final Held NOTHING_HELD = () -> {
    };

    private RequestBodies() {
    }

    /**
     * Reads the body, up to {@code maxBytes} and one byte more, on the calling thread, for {@link #readAtMost} to
     * answer from later (that is where a body too large, bad chunked framing or invalid UTF-8 is refused, as
     * before, so a handler's earlier answers (401, 415, 422 on the query) come first as they did). A client that
     * stops sending is cut off by {@link Http1Edge} here, so nothing is answered. Close the result when the
     * request is done with its body.
     */
    public static Held readAhead(ServerRequest req, int maxBytes) throws InterruptedException {
        if (!req.content().hasEntity()) {
            return NOTHING_HELD;
        }
        long declared = req.headers().contentLength().orElse(Long.MAX_VALUE);
        int kib = (int) ((Math.min(declared, maxBytes) + 1 + 1023) / 1024);
        BUFFERED.acquire(kib);
        try {
            req.context().register(readBody(req, maxBytes));
        } catch (RuntimeException | Error e) {
            BUFFERED.release(kib);
            throw e;
        }
        return () -> BUFFERED.release(kib);
    }

    private static ReadAhead readBody(ServerRequest req, int maxBytes) {
        long declared = req.headers().contentLength().orElse(-1);
        try (InputStream in = req.content().inputStream()) {
            if (declared >= 0 && declared <= maxBytes) {
                // read into an array of its size: readNBytes(n) holds the body twice at its end (its pieces and their
                // copy), which four imports of a camera's card read at once could not afford in a 48 MiB heap
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length); // no more: the transport ends the body there
                return new ReadAhead(maxBytes, read == body.length ? body : Arrays.copyOf(body, read), null);
            }
            return new ReadAhead(maxBytes, in.readNBytes(maxBytes + 1), null);
        } catch (IOException e) {
            return new ReadAhead(maxBytes, null, new UncheckedIOException(e));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CloseConnectionException timedOut) {
                    throw timedOut; // the client kept the server waiting (Http1Edge): just close, nothing to answer
                }
            }
            // The transport could not frame the body (a chunk size that is not hex, for one): the client's
            // fault, so 400, and the connection cannot be trusted any further.
            return new ReadAhead(maxBytes, null, new ApiException(Status.BAD_REQUEST_400, "Bad Request",
                    Map.of("Connection", "close")));
        }
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
     * The body (empty when there is none), up to {@code maxBytes}, in well-formed UTF-8 (else 422); a longer one
     * is refused with {@code tooLarge} (a 413) whatever the Content-Length said, so the client reads its answer.
     */
    public static byte[] readAtMost(ServerRequest req, int maxBytes, Supplier<ApiException> tooLarge) {
        byte[] body = bytesAtMost(req, maxBytes, tooLarge);
        requireUtf8(body);
        return body;
    }

    /**
     * The body's bytes (empty when there is none), up to {@code maxBytes}; a longer one is refused with
     * {@code tooLarge}. From what {@link #readAhead} read, with a limit no larger than it was given.
     */
    public static byte[] bytesAtMost(ServerRequest req, int maxBytes, Supplier<ApiException> tooLarge) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        return req.context().get(ReadAhead.class)
                .filter(read -> read.limit >= maxBytes)
                .orElseThrow(() -> new IllegalStateException("the body was not read ahead up to " + maxBytes))
                .take(maxBytes, tooLarge);
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
