package dev.contacts.server.http;

import java.util.Map;

import io.helidon.http.Status;

/**
 * A refusal with a status and a {@code {"detail": ...}} message, answered as it is by {@link ErrorResponses}.
 * The message is written for the client: it never carries a password, hash, token or stack trace.
 */
public class ApiException extends RuntimeException {

    private final Status status;
    private final Map<String, String> headers;

    public ApiException(Status status, String detail) {
        this(status, detail, Map.of());
    }

    public ApiException(Status status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Status.NOT_FOUND_404, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Status.CONFLICT_409, detail);
    }

    /** A 401 with {@code WWW-Authenticate: Bearer}, as every authentication failure of the contract. */
    public static ApiException unauthorized(String detail) {
        return new ApiException(Status.UNAUTHORIZED_401, detail, Map.of("WWW-Authenticate", "Bearer"));
    }

    /** 503 with {@code Retry-After}: a queue of work (hashing, the database) is full. */
    public static ApiException busy() {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "Server busy, try again", Map.of("Retry-After", "1"));
    }

    public Status status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }
}
