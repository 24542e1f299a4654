package dev.contacts.server.http;

import java.time.Duration;
import java.util.Map;

import dev.contacts.model.ErrorDetail;
import dev.contacts.server.Refusal;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Method;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The one place where exceptions become responses. Every error is JSON: {@code {"detail": "..."}}, or
 * FastAPI's list of field errors for 422. An unexpected fault is logged here and answered 500 with no detail
 * of its cause.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** Error handlers for everything thrown while routing a request. */
    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, ErrorResponses::send)
                .error(Refusal.class, (req, res, e) -> {
                    ApiException answer = answer(e);
                    send(req, res, answer.status(), answer.detail(), answer.headers());
                })
                .error(ValidationException.class, (req, res, e) ->
                        Json.send(res, Status.UNPROCESSABLE_CONTENT_422, Map.of("detail", e.errors())))
                .error(HttpException.class, (req, res, e) -> send(req, res, e.status(), describe(e.status()), Map.of()))
                .error(Throwable.class, (req, res, e) -> {
                    FaultLog.serverFault("Unexpected fault on " + req.prologue().method().text() + " "
                            + req.path().path(), e);
                    send(req, res, Status.INTERNAL_SERVER_ERROR_500, "Internal Server Error", Map.of());
                });
    }

    /** The answer to each refusal of the server's parts. */
    static ApiException answer(Refusal refusal) {
        return switch (refusal) {
            case Refusal.EmailTaken taken -> ApiException.conflict("User with this email already exists");
            // a locked-out email and a rate-limited address are answered alike
            case Refusal.TryLater later -> tooManyAttempts(later.retryAfter());
            case Refusal.Busy busy -> new ApiException(Status.SERVICE_UNAVAILABLE_503, "Server busy, try again",
                    Map.of("Retry-After", "1"));
            // the load balancer's health check sees the same outage (DOWN) and stops sending requests here
            case Refusal.DatabaseUnavailable down -> new ApiException(Status.SERVICE_UNAVAILABLE_503,
                    "Database unavailable, try again", Map.of("Retry-After", "5"));
            case Refusal.ContactLimitReached full -> ApiException.conflict("Contact limit reached");
            case Refusal.InvalidRefreshToken invalid -> ApiException.unauthorized("Invalid refresh token");
            case Refusal.AccountGone gone -> ApiException.invalidToken("Could not validate credentials");
            case Refusal.UnknownSession unknown -> ApiException.notFound("Session not found");
        };
    }

    /** 429 with {@code Retry-After} in whole seconds (at least 1). */
    private static ApiException tooManyAttempts(Duration retryAfter) {
        return new ApiException(Status.TOO_MANY_REQUESTS_429, "Too many attempts, try again later",
                Map.of("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000))));
    }

    /**
     * Answers for what fails before routing: an unreadable request line or headers (400), a declared body over
     * the limit (413). Same JSON shape as the rest, never the exception's text.
     */
    public static DirectHandler directHandler() {
        return new DirectHandler() {
            @Override
            public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                            ServerResponseHeaders headers, Throwable thrown, System.Logger logger) {
                if (eventType == EventType.INTERNAL_ERROR || eventType == EventType.OTHER) {
                    FaultLog.serverFault("Fault outside routing on " + request.method() + " " + request.path(), thrown);
                }
                return handle(request, eventType, status, headers, describe(status));
            }

            @Override
            public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                            ServerResponseHeaders headers, String message) {
                // Before routing, Helidon reports its parser failing on a request it cannot read (an illegal
                // method token such as "G:T") as an internal error, with no cause to tell it from another
                // fault: a request that cannot be parsed is the client's fault, so 400.
                Status answered = eventType == EventType.INTERNAL_ERROR ? Status.BAD_REQUEST_400 : status;
                headers.set(HeaderNames.CONTENT_TYPE, "application/json");
                headers.set(SecurityHeaders.NOSNIFF);
                return TransportResponse.builder()
                        .status(answered)
                        .headers(headers)
                        .entity(Json.bytes(new ErrorDetail(describe(answered))))
                        .build();
            }
        };
    }

    /**
     * {@code e}'s answer, for a filter that answers instead of passing the request on (what a filter throws skips
     * the filters around it, such as the one that closes a connection asked to close).
     */
    static void send(ServerRequest req, ServerResponse res, ApiException e) {
        send(req, res, e.status(), e.detail(), e.headers());
    }

    /** The error as JSON; an answer to HEAD never carries a body (the next response would be misread). */
    private static void send(ServerRequest req, ServerResponse res, Status status, String detail,
                             Map<String, String> headers) {
        headers.forEach((name, value) -> res.header(HeaderNames.create(name), value));
        if (req.prologue().method() == Method.HEAD) {
            res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send();
        } else {
            Json.send(res, status, new ErrorDetail(detail));
        }
    }

    /** Client-safe words for a status that Helidon raised itself. */
    static String describe(Status status) {
        if (status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
            return RequestBodies.tooLarge().detail();
        }
        if (status.code() >= 500) {
            return "Internal Server Error";
        }
        return status.reasonPhrase();
    }
}
