package dev.contacts.server.auth;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** Per-email lockout after failed logins, timed with the server's clock (moved by the test, never slept). */
@ServerTest
class ThrottlingApiTest {

    private static final MutableClock CLOCK = new MutableClock();
    private final TestApi api;

    ThrottlingApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, CLOCK);
    }

    private static String email() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** The email of a new account. */
    private String registered() {
        String email = email();
        api.register(email, PASSWORD);
        return email;
    }

    private void fail(String email, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(401, api.login(email, "wrong password " + i).status());
        }
    }

    private static void assertLocked(Response r, long retryAfterSeconds) {
        assertEquals(429, r.status(), r.toString());
        assertEquals("Too many attempts, try again later", r.detail());
        assertEquals(Long.toString(retryAfterSeconds), r.header("Retry-After"));
    }

    @Test
    void fiveFailuresLockTheEmailEvenForTheRightPassword() {
        String email = registered();
        fail(email, 5);
        assertLocked(api.login(email, PASSWORD), 30);
        assertLocked(api.login(email.toUpperCase(), PASSWORD), 30);

        CLOCK.advance(Duration.ofSeconds(10));
        assertLocked(api.login(email, PASSWORD), 20);
        CLOCK.advance(Duration.ofSeconds(21));
        assertEquals(200, api.login(email, PASSWORD).status(), "the lock has passed");
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
        String email = registered();
        fail(email, 5);
        long lock = 30;
        for (long next : new long[] {60, 120, 240, 480, 900, 900}) {
            CLOCK.advance(Duration.ofSeconds(lock + 1));
            fail(email, 1);
            assertLocked(api.login(email, PASSWORD), next);
            lock = next;
        }
        CLOCK.advance(Duration.ofSeconds(lock + 1));
        assertEquals(200, api.login(email, PASSWORD).status(), "the lock has passed");
    }

    @Test
    void aRunOfFailuresOlderThanADayIsForgotten() {
        String email = registered();
        fail(email, 4);
        CLOCK.advance(Duration.ofDays(1).plusSeconds(1));
        fail(email, 4);
        assertEquals(200, api.login(email, PASSWORD).status(), "4 failures, then 4 a day later: never 5 in a row");
    }

    @Test
    void aSuccessResetsTheCount() {
        String email = registered();
        fail(email, 4);
        assertEquals(200, api.login(email, PASSWORD).status());
        fail(email, 4);
        assertEquals(200, api.login(email, PASSWORD).status(), "4 + 4 failures, not 8 in a row");
    }

    @Test
    void anEmailWithNoAccountIsLockedTheSameWay() {
        String nobody = email();
        fail(nobody, 5);
        assertLocked(api.login(nobody, PASSWORD), 30);
    }

    @Test
    void theLockNeverExceedsFifteenMinutes() {
        assertEquals(Duration.ofSeconds(30), LoginThrottle.lockFor(5));
        assertEquals(Duration.ofSeconds(60), LoginThrottle.lockFor(6));
        assertEquals(Duration.ofSeconds(480), LoginThrottle.lockFor(9));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.lockFor(10));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.lockFor(1000));
    }
}
