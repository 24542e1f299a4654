package dev.contacts.server.auth;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.contacts.server.support.HashGate;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * The room for one email's attempts, with its password checks held back: a login that finds no room (5 attempts in
 * flight) waits at most its patience, then the server is busy (503); a success lets the attempts still in flight
 * count in the new run of failures; an attempt whose request died is no longer counted after a while. The patience is
 * short here, and every check the test holds stays held until the login it waits behind has been answered, so
 * nothing depends on timing.
 */
@ServerTest
class LoginRoomTest {

    /** More threads than checks held at once, so that a check not held runs beside them. */
    private static final HashGate HASHES = new HashGate(8);
    private static final MutableClock CLOCK = new MutableClock();
    private final TestApi api;

    LoginRoomTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, HASHES, CLOCK, Duration.ofMillis(50));
    }

    private String registered() {
        String email = "room" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertEquals(201, api.register(email, PASSWORD).status());
        return email;
    }

    private List<CompletableFuture<Response>> logins(String email, String password, int count) {
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(api.sendAsync("POST", "/token/", null, TestApi.credentials(email, password)));
        }
        return answers;
    }

    private static void assertBusy(Response r) {
        assertEquals(503, r.status(), r.toString());
        assertEquals("Server busy, try again", r.detail());
        assertEquals("1", r.header("Retry-After"));
    }

    private static void assertAll(int status, List<CompletableFuture<Response>> answers) {
        for (CompletableFuture<Response> answer : answers) {
            assertEquals(status, answer.join().status(), answer.join().toString());
        }
    }

    @Test
    void aLoginThatGetsNoTurnWithinItsPatienceIsBusyNotLocked() throws Exception {
        String email = registered();
        List<CompletableFuture<Response>> first;
        try (HashGate.Hold hold = HASHES.holdAll()) {
            first = logins(email, PASSWORD, 5);
            hold.awaitHeld(5);
            assertBusy(api.login(email, PASSWORD));
        }
        assertAll(200, first);
        assertEquals(200, api.login(email, PASSWORD).status());
    }

    @Test
    void aSuccessLeavesTheAttemptsStillInFlightCounted() throws Exception {
        String email = registered();
        List<CompletableFuture<Response>> wrong;
        try (HashGate.Hold hold = HASHES.holdNext(4)) {
            wrong = logins(email, "wrong password", 4);
            hold.awaitHeld(4);
            // the hold took its four: the next checks run at once
            assertEquals(200, api.login(email, PASSWORD).status());
            // a new run of failures: the four in flight and this one are five, so no sixth is checked
            assertEquals(401, api.login(email, "wrong again").status());
            assertBusy(api.login(email, "wrong once more"));
        }
        assertAll(401, wrong);
        Response locked = api.login(email, PASSWORD);
        assertEquals(429, locked.status(), "five failures in a row since the success: " + locked);
    }

    @Test
    void anAttemptWhoseRequestDiedIsNoLongerCountedAfterAWhile() throws Exception {
        String email = registered();
        List<CompletableFuture<Response>> stuck;
        CompletableFuture<Response> later;
        try (HashGate.Hold hold = HASHES.holdAll()) {
            // five checks that do not end, as if their instance had died in the middle of them
            stuck = logins(email, PASSWORD, 5);
            hold.awaitHeld(5);
            assertBusy(api.login(email, PASSWORD));

            CLOCK.advance(LoginThrottle.STALE.plusSeconds(1));
            later = api.sendAsync("POST", "/token/", null, TestApi.credentials(email, PASSWORD));
            hold.awaitHeld(6);
        }
        assertAll(200, stuck);
        assertEquals(200, later.join().status(), "admitted beside five stale attempts");
    }
}
