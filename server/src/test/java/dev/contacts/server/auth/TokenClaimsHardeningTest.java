package dev.contacts.server.auth;

import static dev.contacts.server.support.ForgedTokens.make;
import static dev.contacts.server.support.TestApi.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contacts.server.support.ForgedTokens;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * Tokens signed with the right secret (as a leaked key or a buggy issuer would make them) whose claims are of
 * the wrong type, not yet valid, or too long-lived are refused with the contract's 401, never a 500; so are
 * two Authorization headers and the access tokens of a session whose refresh token was reused.
 */
@ServerTest
class TokenClaimsHardeningTest {

    private static final String HS256 = "{\"alg\":\"HS256\",\"kid\":\"contacts\",\"typ\":\"JWT\"}";
    private final URI uri;
    private final TestApi api;

    TokenClaimsHardeningTest(URI uri) {
        this.uri = uri;
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configureWithKnownSecret(server);
    }

    private String subOf(String token) throws Exception {
        return new ObjectMapper().readTree(ForgedTokens.payload(token)).get("sub").asText();
    }

    /** A payload with every claim right but {@code iat}, {@code exp} and {@code nbf} as given (raw JSON, or null to leave out). */
    private static String payload(String sub, String iat, String exp, String nbf) {
        return "{\"sub\":" + sub + ",\"iss\":\"contacts\",\"aud\":[\"contacts-api\"],\"jti\":\"j" + UUID.randomUUID()
                + "\",\"ver\":0" + (iat == null ? "" : ",\"iat\":" + iat) + (exp == null ? "" : ",\"exp\":" + exp)
                + (nbf == null ? "" : ",\"nbf\":" + nbf) + "}";
    }

    private static String signed(String header, String payload) {
        return make(header, payload, TestServers.SECRET, "HmacSHA256");
    }

    private void assertRefused(String token, String detail) {
        Response r = api.get("/contacts/", token);
        assertEquals(401, r.status(), token + " -> " + r);
        assertEquals(detail, r.detail());
        assertEquals(TestApi.INVALID_TOKEN_CHALLENGE, r.header("WWW-Authenticate"));
    }

    @Test
    void claimsOfTheWrongTypeAre401NotA500() throws Exception {
        String sub = "\"" + subOf(api.newUser()) + "\"";
        long now = Instant.now().getEpochSecond();
        String iat = Long.toString(now);
        String exp = Long.toString(now + 600);
        assertEquals(200, api.get("/contacts/", signed(HS256, payload(sub, iat, exp, null))).status(),
                "the forging itself is right");

        assertRefused("eyJhbGciOiJub25lIn0.eyJpYXQiOm51bGx9.", "Could not validate credentials");
        for (String wrong : new String[] {"\"" + now + "\"", "null", "true", "{}", "[]", "1.5e3", "-1", "1e30"}) {
            assertRefused(signed(HS256, payload(sub, iat, wrong, null)), "Could not validate credentials");
            assertRefused(signed(HS256, payload(sub, wrong, exp, null)), "Could not validate credentials");
            assertRefused(signed(HS256, payload(sub, iat, exp, wrong)), "Could not validate credentials");
        }
        assertRefused(signed(HS256, payload("\"abc\"", iat, exp, null)), "Could not validate credentials");
        assertRefused(signed(HS256, payload("12", iat, exp, null)), "Could not validate credentials");
    }

    @Test
    void notYetValidFutureOrLongLivedTokensAndUnknownCritAreRefused() throws Exception {
        String sub = "\"" + subOf(api.newUser()) + "\"";
        long now = Instant.now().getEpochSecond();
        assertRefused(signed(HS256, payload(sub, Long.toString(now), Long.toString(now + 600), Long.toString(now + 300))),
                "Could not validate credentials");
        assertRefused(signed(HS256, payload(sub, Long.toString(now + 120), Long.toString(now + 600), null)),
                "Could not validate credentials");
        assertRefused(signed(HS256, payload(sub, Long.toString(now), Long.toString(now + 61 * 60), null)),
                "Could not validate credentials");
        assertRefused(signed("{\"alg\":\"HS256\",\"kid\":\"contacts\",\"crit\":[\"x-later\"],\"x-later\":1}",
                payload(sub, Long.toString(now), Long.toString(now + 600), null)), "Could not validate credentials");
        assertEquals(200, api.get("/contacts/", signed(HS256,
                payload(sub, Long.toString(now), Long.toString(now + 600), Long.toString(now)))).status(),
                "nbf now is valid");
    }

    @Test
    void twoAuthorizationHeadersAreNotAuthenticated() throws Exception {
        String token = api.newUser();
        TestApi.Response r = api.send(HttpRequest.newBuilder(uri.resolve("/contacts/"))
                .header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer " + token));
        assertEquals(401, r.status());
        assertEquals("{\"detail\":\"Not authenticated\"}", r.body());
    }

    @Test
    void reusingARefreshTokenAlsoEndsTheAccessTokensOfItsSession() {
        String email = "r" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(email, PASSWORD);
        JsonNode first = api.loginJson(email, PASSWORD);
        JsonNode other = api.loginJson(email, PASSWORD);
        String stolen = first.get("refresh_token").asText();
        JsonNode rotated = api.refresh(stolen).json();
        String rotatedAccess = rotated.get("access_token").asText();
        assertEquals(200, api.get("/users/me/", rotatedAccess).status());

        assertEquals(401, api.refresh(stolen).status(), "reuse");
        assertEquals(401, api.get("/users/me/", first.get("access_token").asText()).status());
        assertEquals(401, api.get("/users/me/", rotatedAccess).status());
        assertEquals(200, api.get("/users/me/", other.get("access_token").asText()).status(),
                "another session of the same user goes on");
    }
}
