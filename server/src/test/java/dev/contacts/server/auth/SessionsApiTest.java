package dev.contacts.server.auth;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static dev.contacts.server.support.TestApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** Refresh tokens, logout, the caller's account, password change and account deletion. */
@ServerTest
class SessionsApiTest {

    private static final MutableClock CLOCK = new MutableClock();
    private final TestApi api;

    SessionsApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, CLOCK);
    }

    private static String email() {
        return "s" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String registered() {
        String email = email();
        assertEquals(201, api.register(email, PASSWORD).status());
        return email;
    }

    private static void assertInvalidRefresh(Response r) {
        assertEquals(401, r.status(), r.toString());
        assertEquals("Invalid refresh token", r.detail());
    }

    private void assertTokenRefused(String accessToken) {
        Response r = api.get("/contacts/", accessToken);
        assertEquals(401, r.status(), r.toString());
        assertEquals("Could not validate credentials", r.detail());
        // RFC 6750: what tells a client its session ended (revoked, expired, or its user gone)
        assertEquals(TestApi.INVALID_TOKEN_CHALLENGE, r.header("WWW-Authenticate"));
    }

    @Test
    void loginAlsoGivesAnOpaqueRefreshTokenOf256Bits() {
        JsonNode login = api.loginJson(registered(), PASSWORD);
        String refresh = login.get("refresh_token").asText();
        assertTrue(refresh.length() >= 43, "at least 256 bits, base64url: " + refresh.length());
        assertEquals(1, refresh.split("\\.").length, "opaque, not a JWT");
        assertNotEquals(login.get("access_token").asText(), refresh);
        assertEquals("bearer", login.get("token_type").asText());
    }

    @Test
    void refreshRotatesAndTheUsedTokenStopsWorking() {
        JsonNode login = api.loginJson(registered(), PASSWORD);
        Response refreshed = api.refresh(login.get("refresh_token").asText());
        assertEquals(200, refreshed.status(), refreshed.toString());
        assertEquals("no-store", refreshed.header("Cache-Control"));
        JsonNode pair = refreshed.json();
        assertEquals("bearer", pair.get("token_type").asText());
        assertEquals(1800, pair.get("expires_in").asLong());
        assertNotEquals(login.get("refresh_token").asText(), pair.get("refresh_token").asText());
        assertEquals(200, api.get("/contacts/", pair.get("access_token").asText()).status());

        Response next = api.refresh(pair.get("refresh_token").asText());
        assertEquals(200, next.status(), "the new one works once");
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeFamily() {
        String email = registered();
        JsonNode login = api.loginJson(email, PASSWORD);
        String first = login.get("refresh_token").asText();
        String second = api.refresh(first).json().get("refresh_token").asText();
        String third = api.refresh(second).json().get("refresh_token").asText();

        assertInvalidRefresh(api.refresh(first)); // theft: the first one comes back
        assertInvalidRefresh(api.refresh(third)); // so its whole family is revoked, the newest included
        assertTokenRefused(login.get("access_token").asText()); // and the access tokens of that session

        // another login (another family) is not affected
        JsonNode otherLogin = api.loginJson(email, PASSWORD);
        assertEquals(200, api.get("/contacts/", otherLogin.get("access_token").asText()).status());
        assertEquals(200, api.refresh(otherLogin.get("refresh_token").asText()).status());
    }

    @Test
    void unknownExpiredAndMalformedRefreshTokensAreRefused() {
        JsonNode login = api.loginJson(registered(), PASSWORD);
        assertInvalidRefresh(api.refresh("not-a-token"));
        assertInvalidRefresh(api.refresh(""));
        Response missing = api.post("/token/refresh/", null, "{}");
        assertEquals(422, missing.status());
        assertEquals("[\"body\",\"refresh_token\"]", missing.json().get("detail").get(0).get("loc").toString());

        CLOCK.advance(Duration.ofDays(15));
        try {
            assertInvalidRefresh(api.refresh(login.get("refresh_token").asText()));
        } finally {
            CLOCK.advance(Duration.ofDays(-15));
        }
    }

    @Test
    void accessAndRefreshTokensAreNeverInterchangeable() {
        JsonNode login = api.loginJson(registered(), PASSWORD);
        assertInvalidRefresh(api.refresh(login.get("access_token").asText()));
        assertTokenRefused(login.get("refresh_token").asText());
    }

    @Test
    void logoutEndsTheAccessTokenAndTheGivenRefreshFamilyOnly() {
        String email = registered();
        JsonNode session = api.loginJson(email, PASSWORD);
        JsonNode otherSession = api.loginJson(email, PASSWORD);
        String access = session.get("access_token").asText();

        Response out = api.post("/logout/", access, json("refresh_token", session.get("refresh_token").asText()));
        assertEquals(204, out.status(), out.toString());
        assertEquals("", out.body());
        assertTokenRefused(access);
        assertInvalidRefresh(api.refresh(session.get("refresh_token").asText()));

        assertEquals(200, api.get("/contacts/", otherSession.get("access_token").asText()).status());
        assertEquals(200, api.refresh(otherSession.get("refresh_token").asText()).status());
    }

    @Test
    void logoutWithoutABodyEndsTheAccessToken() {
        String access = api.loginJson(registered(), PASSWORD).get("access_token").asText();
        assertEquals(204, api.send("POST", "/logout", access, null, null).status());
        assertTokenRefused(access);
        Response noToken = api.send("POST", "/logout/", null, null, null);
        assertEquals(401, noToken.status(), "logout needs a token");
        assertEquals("Bearer", noToken.header("WWW-Authenticate"), "no token is no invalid token");
    }

    @Test
    void anotherUsersRefreshTokenCannotBeLoggedOut() {
        JsonNode alice = api.loginJson(registered(), PASSWORD);
        JsonNode bob = api.loginJson(registered(), PASSWORD);
        api.post("/logout/", bob.get("access_token").asText(), json("refresh_token",
                alice.get("refresh_token").asText()));
        assertEquals(200, api.refresh(alice.get("refresh_token").asText()).status());
    }

    @Test
    void usersMeDescribesTheCaller() {
        String email = registered();
        String access = api.token(email, PASSWORD);
        Response me = api.get("/users/me/", access);
        assertEquals(200, me.status());
        assertEquals(email, me.json().get("email").asText());
        assertTrue(me.json().get("user_id").isIntegralNumber());
        Instant.parse(me.json().get("created_at").asText());
        assertEquals(3, me.json().size(), me.body());
        assertEquals("no-store", me.header("Cache-Control"));
        assertEquals(200, api.get("/users/me", access).status());
        assertEquals(401, api.get("/users/me/", null).status());
    }

    @Test
    void changingThePasswordEndsEverySessionAndTheOldPassword() {
        String email = registered();
        JsonNode one = api.loginJson(email, PASSWORD);
        JsonNode two = api.loginJson(email, PASSWORD);
        String access = one.get("access_token").asText();

        Response wrong = api.put("/users/me/password/", access,
                json("current_password", "not it at all", "new_password", "a brand new secret"));
        assertEquals(401, wrong.status());
        assertEquals("Invalid credentials", wrong.detail());
        Response tooCommon = api.put("/users/me/password/", access,
                json("current_password", PASSWORD, "new_password", "Password1"));
        assertEquals(422, tooCommon.status());
        assertTrue(tooCommon.body().contains("too common"), tooCommon.body());
        assertEquals(422, api.put("/users/me/password/", access,
                json("current_password", PASSWORD, "new_password", "short")).status());
        assertEquals(200, api.get("/contacts/", access).status(), "refused changes changed nothing");

        Response changed = api.put("/users/me/password", access,
                json("current_password", PASSWORD, "new_password", "a brand new secret"));
        assertEquals(204, changed.status(), changed.toString());
        assertTokenRefused(access);
        assertTokenRefused(two.get("access_token").asText());
        assertInvalidRefresh(api.refresh(one.get("refresh_token").asText()));
        assertInvalidRefresh(api.refresh(two.get("refresh_token").asText()));
        assertEquals(401, api.login(email, PASSWORD).status());
        assertEquals(200, api.login(email, "a brand new secret").status());
    }

    @Test
    void deletingTheAccountRemovesItsContactsAndTokensAndFreesTheEmail() {
        String email = registered();
        JsonNode session = api.loginJson(email, PASSWORD);
        String access = session.get("access_token").asText();
        long contact = api.createContact(access, "Gone", "WithMe");

        Response wrong = api.send("DELETE", "/users/me/", access, "application/json", json("password", "nope nope"));
        assertEquals(401, wrong.status());
        assertEquals("Invalid credentials", wrong.detail());
        assertEquals(422, api.send("DELETE", "/users/me/", access, "application/json", "{}").status());
        assertEquals(200, api.get("/contacts/" + contact, access).status(), "still there after refusals");

        Response deleted = api.send("DELETE", "/users/me", access, "application/json", json("password", PASSWORD));
        assertEquals(204, deleted.status(), deleted.toString());
        assertTokenRefused(access);
        assertInvalidRefresh(api.refresh(session.get("refresh_token").asText()));
        assertEquals(401, api.login(email, PASSWORD).status());

        assertEquals(201, api.register(email, PASSWORD).status(), "the email can register again");
        String fresh = api.token(email, PASSWORD);
        assertEquals("0", api.get("/contacts/", fresh).header("X-Total-Count"), "the old contacts are gone");
        assertEquals(404, api.get("/contacts/" + contact, fresh).status());
    }

    @Test
    void commonPasswordsAreRefusedAtRegistrationCaseInsensitively() {
        for (String common : new String[] {"password1", "PASSWORD1", "Qwerty123", "iloveyou"}) {
            Response r = api.register(email(), common);
            assertEquals(422, r.status(), common);
            assertTrue(r.json().get("detail").get(0).get("msg").asText().contains("too common"), r.body());
        }
    }
}
