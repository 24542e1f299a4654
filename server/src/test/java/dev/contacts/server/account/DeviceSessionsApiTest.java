package dev.contacts.server.account;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contacts.model.Wire;
import dev.contacts.server.support.ForgedTokens;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** The devices logged in to an account: listing its sessions, logging one out, logging out all the others. */
@ServerTest
class DeviceSessionsApiTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final String SESSIONS = "/users/me/sessions/";
    private final TestApi api;

    DeviceSessionsApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        // a known secret: one test signs a token as the server did before access tokens named their session
        TestServers.configure(server, TestServers.settings().withSecret(TestServers.SECRET_BASE64), CLOCK);
    }

    /** One device's login: its access and refresh token. */
    private record Device(String access, String refresh) {
    }

    private String registered() {
        String email = "d" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertEquals(201, api.register(email, PASSWORD).status());
        return email;
    }

    private Device login(String email) {
        JsonNode pair = api.loginJson(email, PASSWORD);
        return new Device(pair.get("access_token").asText(), pair.get("refresh_token").asText());
    }

    private List<JsonNode> sessions(String access) {
        Response r = api.get(SESSIONS, access);
        assertEquals(200, r.status(), r.toString());
        List<JsonNode> listed = new ArrayList<>();
        r.json().forEach(listed::add);
        return listed;
    }

    /** The id of the session the caller's token belongs to, as the list marks it. */
    private String ownId(String access) {
        List<String> own = sessions(access).stream().filter(s -> s.get("current").asBoolean())
                .map(s -> s.get("id").asText()).toList();
        assertEquals(1, own.size(), "exactly one session is the caller's: " + own);
        return own.getFirst();
    }

    private static List<String> ids(List<JsonNode> sessions) {
        return sessions.stream().map(s -> s.get("id").asText()).toList();
    }

    private static void assertInvalidRefresh(Response r) {
        assertEquals(401, r.status(), r.toString());
        assertEquals("Invalid refresh token", r.detail());
    }

    private void assertAccessRefused(String access) {
        Response r = api.get("/contacts/", access);
        assertEquals(401, r.status(), r.toString());
        assertEquals("Could not validate credentials", r.detail());
        assertEquals(TestApi.INVALID_TOKEN_CHALLENGE, r.header("WWW-Authenticate"));
    }

    private static void assertUnknownSession(Response r) {
        assertEquals(404, r.status(), r.toString());
        assertEquals("Session not found", r.detail());
    }

    @Test
    void eachLoginIsOneSessionAndTheCallersOwnIsMarked() {
        String email = registered();
        Device laptop = login(email);
        Device phone = login(email);
        // a refresh continues its session: not a new one
        Response refreshed = api.refresh(laptop.refresh());
        assertEquals(200, refreshed.status());
        String laptopAccess = refreshed.json().get("access_token").asText();

        Response r = api.get(SESSIONS, laptopAccess);
        assertEquals(200, r.status(), r.toString());
        assertEquals(2, r.json().size(), r.body());
        for (JsonNode session : r.json()) {
            assertEquals(4, session.size(), "id, started_at, last_active_at, current only: " + session);
            Instant started = Instant.parse(session.get("started_at").asText());
            Instant lastActive = Instant.parse(session.get("last_active_at").asText());
            assertFalse(lastActive.isBefore(started), session.toString());
        }
        // never a token or its hash
        for (String secret : List.of(laptop.access(), laptop.refresh(), phone.access(), phone.refresh(),
                laptopAccess, refreshed.json().get("refresh_token").asText())) {
            assertFalse(r.body().contains(secret));
        }
        String laptopId = ownId(laptopAccess);
        assertEquals(laptopId, ownId(laptop.access()), "the same session before and after its refresh");
        String phoneId = ownId(phone.access());
        assertNotEquals(laptopId, phoneId);
        assertEquals(List.of(laptopId, phoneId).stream().sorted().toList(),
                ids(sessions(phone.access())).stream().sorted().toList());
        // the one refreshed last is the most recently active: listed first
        assertEquals(laptopId, ids(sessions(phone.access())).getFirst());
    }

    @Test
    void loggingOutAnotherDeviceEndsItsRefreshAndAccessTokensAtOnce() {
        String email = registered();
        Device laptop = login(email);
        Device phone = login(email);
        String phoneId = ownId(phone.access());

        Response ended = api.delete(SESSIONS + phoneId + "/", laptop.access());
        assertEquals(204, ended.status(), ended.toString());
        assertEquals("", ended.body());

        assertInvalidRefresh(api.refresh(phone.refresh()));
        assertAccessRefused(phone.access());
        // the caller's own session goes on
        assertEquals(200, api.get("/contacts/", laptop.access()).status());
        assertEquals(List.of(ownId(laptop.access())), ids(sessions(laptop.access())));
        assertEquals(200, api.refresh(laptop.refresh()).status());
        // ended already: unknown now
        assertUnknownSession(api.delete(SESSIONS + phoneId + "/", laptop.access()));
    }

    @Test
    void anotherUsersSessionsAreNeitherListedNorEndedNorConfirmed() {
        Device alice = login(registered());
        Device bob = login(registered());
        String aliceId = ownId(alice.access());

        assertEquals(List.of(ownId(bob.access())), ids(sessions(bob.access())));
        // answered as an id that exists nowhere: nothing tells Bob that Alice's session exists
        Response theirs = api.delete(SESSIONS + aliceId + "/", bob.access());
        assertUnknownSession(theirs);
        Response nobodys = api.delete(SESSIONS + UUID.randomUUID() + "/", bob.access());
        assertUnknownSession(nobodys);
        assertEquals(nobodys.body(), theirs.body());

        assertEquals(200, api.get("/contacts/", alice.access()).status());
        assertEquals(200, api.refresh(alice.refresh()).status(), "Alice's session was not ended");
        // and Bob's end-others ends only Bob's others
        assertEquals(204, api.post(SESSIONS + "end-others/", bob.access(), null).status());
        assertEquals(List.of(aliceId), ids(sessions(alice.access())));
    }

    @Test
    void aSessionIdThatIsNoUuidIs422AndWithoutATokenItIs401() {
        Device device = login(registered());
        Response bad = api.delete(SESSIONS + "12/", device.access());
        assertEquals(422, bad.status(), bad.toString());
        JsonNode error = bad.json().get("detail").get(0);
        assertEquals("[\"path\",\"session_id\"]", error.get("loc").toString());
        assertEquals("uuid_parsing", error.get("type").asText());

        assertEquals(401, api.get(SESSIONS, null).status());
        assertEquals(401, api.delete(SESSIONS + UUID.randomUUID() + "/", null).status());
        assertEquals(401, api.post(SESSIONS + "end-others/", null, null).status());
        assertEquals(200, api.refresh(device.refresh()).status(), "nothing was ended");
    }

    @Test
    void endingTheOthersKeepsOnlyTheCallersSession() {
        String email = registered();
        Device laptop = login(email);
        Device phone = login(email);
        Device tablet = login(email);

        Response r = api.post(SESSIONS + "end-others/", laptop.access(), null);
        assertEquals(204, r.status(), r.toString());

        for (Device other : List.of(phone, tablet)) {
            assertInvalidRefresh(api.refresh(other.refresh()));
            assertAccessRefused(other.access());
        }
        assertEquals(List.of(ownId(laptop.access())), ids(sessions(laptop.access())));
        assertEquals(200, api.refresh(laptop.refresh()).status());
    }

    @Test
    void loggingOutOnTheDeviceItselfOrExpiringTakesItOffTheList() {
        String email = registered();
        Device laptop = login(email);
        Device phone = login(email);
        assertEquals(204, api.post("/logout/", phone.access(), TestApi.json("refresh_token", phone.refresh()))
                .status());
        assertEquals(List.of(ownId(laptop.access())), ids(sessions(laptop.access())));

        CLOCK.advance(Duration.ofDays(15));
        try {
            assertEquals(List.of(), sessions(laptop.access()), "its refresh token expired: the session is over");
        } finally {
            CLOCK.advance(Duration.ofDays(-15));
        }
    }

    @Test
    void anAccessTokenFromBeforeSessionsWereNamedStillListsThemWithNoneItsOwn() throws Exception {
        String email = registered();
        Device laptop = login(email);
        Device phone = login(email);
        String old = withoutSessionClaim(laptop.access());
        assertEquals(200, api.get("/contacts/", old).status(), "it still works");

        List<JsonNode> listed = sessions(old);
        assertEquals(2, listed.size());
        assertTrue(listed.stream().noneMatch(s -> s.get("current").asBoolean()), listed.toString());
        // it can still log out a device by its id
        assertEquals(204, api.delete(SESSIONS + ownId(phone.access()) + "/", old).status());
        assertInvalidRefresh(api.refresh(phone.refresh()));
    }

    /** {@code token} as the server signed it before access tokens carried their session ({@code sid}). */
    private static String withoutSessionClaim(String token) throws Exception {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        ObjectNode payload = (ObjectNode) Wire.mapper().readTree(ForgedTokens.payload(token));
        assertTrue(payload.has("sid"), payload.toString());
        payload.remove("sid");
        return ForgedTokens.make(header, payload.toString(), TestServers.SECRET, "HmacSHA256");
    }
}
