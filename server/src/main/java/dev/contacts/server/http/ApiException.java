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

    /**
     * A 401 with {@code WWW-Authenticate: Bearer}, as every authentication failure of the contract: no bearer
     * token at all, or wrong credentials given in the body.
     */
    public static ApiException unauthorized(String detail) {
        return new ApiException(Status.UNAUTHORIZED_401, detail, Map.of("WWW-Authenticate", "Bearer"));
    }

    /**
     * A 401 for a bearer token that was given but is no good (malformed, expired, revoked, or of a deleted user):
     * RFC 6750's {@code error="invalid_token"}, from which a client knows that its session ended.
     */
    public static ApiException invalidToken(String detail) {
        return new ApiException(Status.UNAUTHORIZED_401, detail, Map.of("WWW-Authenticate",
                "Bearer error=\"invalid_token\", error_description=\"The access token is invalid, expired or revoked\""));
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
