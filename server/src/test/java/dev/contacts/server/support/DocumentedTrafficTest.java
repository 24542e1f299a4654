package dev.contacts.server.support;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The check every test's traffic goes through can fail: answers the document does not allow are caught. */
class DocumentedTrafficTest {

    private static final String ERROR = "{\"detail\":\"Not authenticated\"}";
    private static final String CREDENTIALS = "{\"email\":\"a@example.com\",\"password\":\"correct horse\"}";

    @Test
    void anUndeclaredStatusFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> check(get("/contacts/"), 418, json(), ERROR));
        assertTrue(e.getMessage().contains("validation.response.status.unknown"), e.getMessage());
    }

    @Test
    void aBodyMissingARequiredFieldFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> check(
                post("/token/"), 200, json(),
                "{\"access_token\":\"x\",\"token_type\":\"bearer\"}"));
        assertTrue(e.getMessage().contains("refresh_token"), e.getMessage());
    }

    @Test
    void a401WithoutItsChallengeFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> check(get("/contacts"), 401, json(), ERROR));
        assertTrue(e.getMessage().contains("WWW-Authenticate"), e.getMessage());
    }

    @Test
    void aPathTheDocumentDoesNotKnowFailsWhenTheServerAnswersIt() {
        AssertionError e = assertThrows(AssertionError.class, () -> check(get("/contacts/everything/"), 200,
                json(), "[]"));
        assertTrue(e.getMessage().contains("validation.request.path.missing")
                || e.getMessage().contains("validation.request"), e.getMessage());
    }

    @Test
    void aDeclaredAnswerPasses() {
        assertDoesNotThrow(() -> check(get("/contacts"), 401,
                Map.of("Content-Type", List.of("application/json"), "WWW-Authenticate", List.of("Bearer")), ERROR));
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:9" + path)).GET().build();
    }

    private static HttpRequest post(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:9" + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CREDENTIALS)).build();
    }

    private static Map<String, List<String>> json() {
        return Map.of("Content-Type", List.of("application/json"));
    }

    private static void check(HttpRequest request, int status, Map<String, List<String>> headers, String body) {
        byte[] sent = request.method().equals("POST") ? CREDENTIALS.getBytes(StandardCharsets.UTF_8) : new byte[0];
        DocumentedTraffic.check(request, sent, status, HttpHeaders.of(headers, (a, b) -> true),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
