package dev.contacts.server.http;

import java.time.Duration;
import java.util.Map;

import io.helidon.http.Status;

/** 429 with {@code Retry-After} in whole seconds (at least 1). */
public final class TooManyRequests extends ApiException {

    public TooManyRequests(Duration retryAfter) {
        super(Status.TOO_MANY_REQUESTS_429, "Too many attempts, try again later",
                Map.of("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000))));
    }
}
