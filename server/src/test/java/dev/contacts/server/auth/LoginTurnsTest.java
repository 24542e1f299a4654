package dev.contacts.server.auth;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static dev.contacts.server.support.TestApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.contacts.server.ServerComponents;
import dev.contacts.server.support.HashGate;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import dev.contacts.server.support.WaitingLogins;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * Attempts at one email's password in flight together: with its password checks held back (so that they are all in
 * flight at once), at most 5 are checked at a time and the others wait for their turn, so correct logins beyond the
 * fifth all succeed, while at most 5 failures are ever evaluated before the lock. Before, every attempt was counted
 * as a failure until its success cleared the count, so 8 correct logins at once got three 429s.
 */
@ServerTest
class LoginTurnsTest {

    private static final HashGate HASHES = new HashGate();
    private static final MutableClock CLOCK = new MutableClock();
    private static ServerComponents components;
    private final TestApi api;

    LoginTurnsTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        components = ServerComponents.open(TestServers.settings(), CLOCK, HASHES::hasher,
                TestServers.LOGIN_PATIENCE);
        TestServers.configure(server, components);
    }

    private static String email() {
        return "turn" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String registered() {
        String email = email();
        assertEquals(201, api.register(email, PASSWORD).status());
        return email;
    }

    private CompletableFuture<Response> login(String email, String password) {
        return api.sendAsync("POST", "/token/", null, TestApi.credentials(email, password));
    }

    @Test
    void eightAndSixteenCorrectLoginsAtOnceAllSucceed() throws Exception {
        for (int logins : new int[] {8, 16}) {
            String email = registered();
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            try (HashGate.Hold hold = HASHES.holdAll()) {
                for (int i = 0; i < logins; i++) {
                    answers.add(login(email, PASSWORD));
                }
                // five are checked at once; the others wait for their turn, and none is answered meanwhile
                hold.awaitHeld(5);
                awaitWaiting(logins - 5, answers);
            }
            assertEquals(Map.of(200, logins), tally(answers), logins + " correct logins at once");
        }
    }

    @Test
    void fiveWrongPasswordsAtOnceAreEvaluatedAndTheRestLockedWithTheLockStillDoubling() throws Exception {
        String email = registered();
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        try (HashGate.Hold hold = HASHES.holdAll()) {
            for (int i = 0; i < 8; i++) {
                answers.add(login(email, "wrong password " + i));
            }
            hold.awaitHeld(5);
            awaitWaiting(3, answers);
        }
        assertEquals(Map.of(401, 5, 429, 3), tally(answers));
        assertRetryAfter(answers, 1, 30);

        // the lock has passed: one attempt at a time, and its failure doubles the lock before another is checked
        CLOCK.advance(LoginThrottle.FIRST_LOCK.plusSeconds(1));
        answers.clear();
        try (HashGate.Hold hold = HASHES.holdAll()) {
            for (int i = 0; i < 6; i++) {
                answers.add(login(email, "wrong again " + i));
            }
            hold.awaitHeld(1);
            awaitWaiting(5, answers);
        }
        assertEquals(Map.of(401, 1, 429, 5), tally(answers), "the other five find the email locked again");
        assertRetryAfter(answers, 31, 60);
    }

    @Test
    void checksOfTheAccountEndpointsTakeTurnsWithTheLogins() throws Exception {
        String email = registered();
        String token = api.token(email, PASSWORD);
        List<CompletableFuture<Response>> wrong = new ArrayList<>();
        List<CompletableFuture<Response>> logins = new ArrayList<>();
        try (HashGate.Hold hold = HASHES.holdAll()) {
            for (int i = 0; i < 2; i++) {
                wrong.add(api.sendAsync("PUT", "/users/me/password/", token,
                        json("current_password", "wrong " + i, "new_password", "another good passphrase")));
                wrong.add(api.sendAsync("DELETE", "/users/me/", token, json("password", "wrong " + i)));
            }
            hold.awaitHeld(4);
            logins.add(login(email, PASSWORD));
            hold.awaitHeld(5);
            for (int i = 0; i < 3; i++) {
                logins.add(login(email, PASSWORD));
            }
            awaitWaiting(3, logins);
        }
        assertEquals(Map.of(401, 4), tally(wrong), "each wrong current password answered as such");
        assertEquals(Map.of(200, 4), tally(logins), "four failures and a success: never five failures in a row");
        assertEquals(200, api.get("/users/me/", token).status(), "nothing was deleted");
    }

    private static void awaitWaiting(int count, List<CompletableFuture<Response>> answers) {
        WaitingLogins.await(components.passwordAttempts(), count, answers);
    }

    private static Map<Integer, Integer> tally(List<CompletableFuture<Response>> answers) {
        Map<Integer, Integer> tally = new TreeMap<>();
        for (CompletableFuture<Response> answer : answers) {
            tally.merge(answer.join().status(), 1, Integer::sum);
        }
        return tally;
    }

    /** Each 429 among {@code answers} says "Too many attempts" and to come back in {@code least} to {@code most} s. */
    private static void assertRetryAfter(List<CompletableFuture<Response>> answers, long least, long most) {
        for (CompletableFuture<Response> answer : answers) {
            Response r = answer.join();
            if (r.status() == 429) {
                assertEquals("Too many attempts, try again later", r.detail());
                long retryAfter = Long.parseLong(r.header("Retry-After"));
                assertTrue(retryAfter >= least && retryAfter <= most, r + " Retry-After " + retryAfter);
            }
        }
    }
}
