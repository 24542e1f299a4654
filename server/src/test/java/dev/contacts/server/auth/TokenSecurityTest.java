package dev.contacts.server.auth;

import static dev.contacts.server.support.ForgedTokens.claims;
import static dev.contacts.server.support.ForgedTokens.make;
import static dev.contacts.server.support.TestServers.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

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

/** Access tokens: what is accepted, and every way a forged, stale or misplaced token is refused. */
@ServerTest
class TokenSecurityTest {

    private static final String HS256_HEADER = "{\"alg\":\"HS256\",\"kid\":\"contacts\",\"typ\":\"JWT\"}";
    private final TestApi api;

    TokenSecurityTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configureWithKnownSecret(server);
    }

    private static long inTenMinutes() {
        return Instant.now().plusSeconds(600).getEpochSecond();
    }

    private void assertRefused(String authorization, String expectedDetail) {
        Response r = api.get("/contacts/", authorization);
        assertEquals(401, r.status(), authorization + " -> " + r);
        assertEquals(expectedDetail, r.detail());
        // no usable bearer token at all is a plain challenge; a token that was given but is no good says so
        assertEquals(expectedDetail.equals("Not authenticated") ? "Bearer" : TestApi.INVALID_TOKEN_CHALLENGE,
                r.header("WWW-Authenticate"), authorization);
    }

    private String userIdOf(String token) throws Exception {
        return new ObjectMapper().readTree(ForgedTokens.payload(token)).get("sub").asText();
    }

    @Test
    void aValidTokenCarriesTheContractsClaims() throws Exception {
        String token = api.newUser();
        JsonNode claims = new ObjectMapper().readTree(ForgedTokens.payload(token));
        for (String claim : new String[] {"sub", "iat", "exp", "iss", "aud", "jti", "ver"}) {
            assertTrue(claims.has(claim), "missing " + claim + " in " + claims);
        }
        assertEquals(1800, claims.get("exp").asLong() - claims.get("iat").asLong());
        assertTrue(claims.get("sub").isTextual(), "sub is the user id as a string");
        assertEquals(200, api.get("/contacts/", token).status());
    }

    @Test
    void theSchemeWordIsCaseInsensitive() {
        String token = api.newUser();
        assertEquals(200, api.get("/contacts/", "bearer " + token).status());
        assertEquals(200, api.get("/contacts/", "BEARER " + token).status());
    }

    @Test
    void aMissingOrNonBearerHeaderIsNotAuthenticated() {
        String token = api.newUser();
        assertRefused(null, "Not authenticated");
        assertRefused("Basic dXNlcjpwYXNz", "Not authenticated");
        assertRefused("Token " + token, "Not authenticated");
        assertRefused("Bearer ", "Not authenticated");
    }

    @Test
    void aTokenIsNeverReadFromTheQueryOrACookie() {
        String token = api.newUser();
        assertEquals(401, api.get("/contacts/?access_token=" + token, null).status());
        assertEquals(401, api.get("/contacts/?token=" + token, null).status());
        Response withCookie = api.getWithHeader("/contacts/", "Cookie", "access_token=" + token);
        assertEquals(401, withCookie.status());
        assertEquals("Not authenticated", withCookie.detail());
    }

    @Test
    void malformedTokensCannotBeValidated() {
        assertRefused("Bearer abc", "Could not validate credentials");
        assertRefused("Bearer a.b.c", "Could not validate credentials");
        assertRefused("Bearer " + "x".repeat(5000), "Could not validate credentials");
    }

    @Test
    void anEditedPayloadBreaksTheSignature() throws Exception {
        String token = api.newUser();
        String[] parts = token.split("\\.");
        String payload = ForgedTokens.payload(token).replace("\"sub\":\"" + userIdOf(token) + "\"", "\"sub\":\"1\"");
        assertRefused("Bearer " + parts[0] + "." + ForgedTokens.encode(payload) + "." + parts[2],
                "Could not validate credentials");
    }

    @Test
    void algorithmNoneAndOtherAlgorithmsAreRejected() throws Exception {
        String sub = userIdOf(api.newUser());
        String claims = claims(sub, "contacts", "contacts-api", inTenMinutes());
        // sanity: the same claims, properly signed, are accepted
        assertEquals(200, api.get("/contacts/", make(HS256_HEADER, claims, SECRET, "HmacSHA256")).status());

        assertRefused("Bearer " + make("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims, SECRET, null),
                "Could not validate credentials");
        assertRefused("Bearer " + make("{\"alg\":\"none\",\"kid\":\"contacts\"}", claims, SECRET, null),
                "Could not validate credentials");
        assertRefused("Bearer " + make("{\"alg\":\"HS512\",\"kid\":\"contacts\"}", claims, SECRET, "HmacSHA512"),
                "Could not validate credentials");
        assertRefused("Bearer " + make("{\"typ\":\"JWT\"}", claims, SECRET, "HmacSHA256"),
                "Could not validate credentials");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() throws Exception {
        String sub = userIdOf(api.newUser());
        byte[] other = "another secret of thirty-two byt".getBytes();
        assertRefused("Bearer " + make(HS256_HEADER, claims(sub, "contacts", "contacts-api", inTenMinutes()), other,
                "HmacSHA256"), "Could not validate credentials");
    }

    @Test
    void expiredTokensAreRejected() throws Exception {
        String sub = userIdOf(api.newUser());
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(61)), ZoneOffset.UTC);
        String expired = new TokenService(SECRET, Duration.ofMinutes(60), "contacts", "contacts-api", anHourAgo)
                .issue(Long.parseLong(sub), 0, "a session");
        assertRefused("Bearer " + expired, "Could not validate credentials");

        String noExp = "{\"sub\":\"" + sub + "\",\"iss\":\"contacts\",\"aud\":\"contacts-api\",\"jti\":\"x\",\"ver\":0}";
        assertRefused("Bearer " + make(HS256_HEADER, noExp, SECRET, "HmacSHA256"), "Could not validate credentials");
    }

    @Test
    void anotherIssuerOrAudienceIsRejected() throws Exception {
        String sub = userIdOf(api.newUser());
        assertRefused("Bearer " + make(HS256_HEADER, claims(sub, "someone-else", "contacts-api", inTenMinutes()),
                SECRET, "HmacSHA256"), "Could not validate credentials");
        assertRefused("Bearer " + make(HS256_HEADER, claims(sub, "contacts", "another-api", inTenMinutes()),
                SECRET, "HmacSHA256"), "Could not validate credentials");
    }

    @Test
    void aTokenOfAUserThatDoesNotExistIsRejected() {
        assertRefused("Bearer " + make(HS256_HEADER, claims("987654321", "contacts", "contacts-api", inTenMinutes()),
                SECRET, "HmacSHA256"), "Could not validate credentials");
        assertRefused("Bearer " + make(HS256_HEADER, claims("not-a-number", "contacts", "contacts-api",
                inTenMinutes()), SECRET, "HmacSHA256"), "Could not validate credentials");
    }

    @Test
    void everyContactsPathAndMethodNeedsAToken() {
        String[][] routes = {
                {"GET", "/contacts"}, {"GET", "/contacts/"}, {"POST", "/contacts/"}, {"GET", "/contacts/1/"},
                {"PUT", "/contacts/1"}, {"PATCH", "/contacts/1/"}, {"DELETE", "/contacts/1"},
                {"GET", "/contacts/search/?query=a"}, {"GET", "/contacts/birthdays/"}, {"GET", "/contacts/abc"},
                // v2's routes, some of which authenticate in their own handlers (ApiRules.ownCalls)
                {"GET", "/contacts/duplicates/"}, {"GET", "/contacts/export/"}, {"POST", "/contacts/merge/"},
                {"GET", "/contacts/labels/"}, {"GET", "/contacts/trash/"}, {"POST", "/contacts/delete/"},
        };
        for (String[] route : routes) {
            Response r = api.send(route[0], route[1], null, "application/json", route[0].equals("GET")
                    || route[0].equals("DELETE") ? null : "{}");
            assertEquals(401, r.status(), route[0] + " " + route[1] + " -> " + r);
            assertEquals("Not authenticated", r.detail());
            assertEquals("Bearer", r.header("WWW-Authenticate"));
        }
    }
}
