package dev.contacts.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import dev.contacts.server.Refusal;
import org.junit.jupiter.api.Test;

/** Each refusal of the server's parts has its one answer (the API tests see them on the wire). */
class RefusalAnswersTest {

    private static void assertAnswer(Refusal refusal, int status, String detail, Map<String, String> headers) {
        ApiException answer = ErrorResponses.answer(refusal);
        assertEquals(status, answer.status().code(), refusal.getMessage());
        assertEquals(detail, answer.detail());
        assertEquals(headers, answer.headers());
    }

    @Test
    void everyRefusalHasItsAnswer() {
        assertAnswer(new Refusal.EmailTaken(), 409, "User with this email already exists", Map.of());
        assertAnswer(new Refusal.ContactLimitReached(), 409, "Contact limit reached", Map.of());
        assertAnswer(new Refusal.InvalidRefreshToken(), 401, "Invalid refresh token",
                Map.of("WWW-Authenticate", "Bearer"));
        assertAnswer(new Refusal.Busy(), 503, "Server busy, try again", Map.of("Retry-After", "1"));
        assertAnswer(new Refusal.DatabaseUnavailable(), 503, "Database unavailable, try again",
                Map.of("Retry-After", "5"));
        assertAnswer(new Refusal.LockedOut(Duration.ofSeconds(30)), 429, "Too many attempts, try again later",
                Map.of("Retry-After", "30"));
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertEquals("2", ErrorResponses.answer(new Refusal.RateLimited(Duration.ofMillis(1001))).headers()
                .get("Retry-After"));
        assertEquals("1", ErrorResponses.answer(new Refusal.RateLimited(Duration.ZERO)).headers().get("Retry-After"));
    }
}
