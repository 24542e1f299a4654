package dev.contacts.server.auth;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import dev.contacts.server.http.ClientAddresses;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** The per-address limit on /register/, /token/ and /token/refresh/ together (set to 6 a minute here). */
@ServerTest
class RateLimitApiTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final int LIMIT = 6;
    private final TestApi api;

    RateLimitApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        // 127.0.0.1 plays a trusted reverse proxy: X-Forwarded-For then names the client
        TestServers.configure(server, TestServers.settings().withRateLimit(LIMIT)
                .withTrustedProxies(Set.of("127.0.0.1", "10.0.0.1")), CLOCK);
    }

    @Test
    void theThreeEndpointsShareOneLimitPerMinute() {
        startOfAFreshWindow();
        assertEquals(201, api.register("limit@example.com", PASSWORD).status());
        String token = api.token("limit@example.com", PASSWORD);
        for (int i = 0; i < 2; i++) {
            assertEquals(401, api.login("limit@example.com", "wrong password").status());
        }
        assertEquals(422, api.post("/register/", null, "{}").status(), "refused requests count too");
        assertEquals(401, api.refresh("nope").status());

        Response limited = api.refresh("nope");
        assertEquals(429, limited.status());
        assertEquals("Too many attempts, try again later", limited.detail());
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "seconds until the window ends: " + retryAfter);
        assertEquals(429, api.login("limit@example.com", PASSWORD).status());
        assertEquals(429, api.register("other@example.com", PASSWORD).status());

        assertEquals(200, api.get("/contacts/", token).status(), "other endpoints are not limited");

        CLOCK.advance(Duration.ofMinutes(1));
        assertEquals(200, api.login("limit@example.com", PASSWORD).status(), "a new minute, a new allowance");
    }

    /**
     * The clock at the very start of the next minute: windows are whole minutes of the (moving) clock, so a test
     * that began late in a minute would see its window end halfway when the real time crossed into the next one.
     */
    private static void startOfAFreshWindow() {
        Instant now = CLOCK.instant();
        CLOCK.advance(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1))));
    }

    private Response registerVia(String forwardedFor, String email) {
        return api.sendWithHeader("POST", "/register/", "X-Forwarded-For", forwardedFor,
                TestApi.json("email", email, "password", PASSWORD));
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnAllowance() {
        startOfAFreshWindow();
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(201, registerVia("203.0.113.7", "proxied" + i + "@example.com").status());
        }
        assertEquals(429, registerVia("203.0.113.7", "one-more@example.com").status());
        assertEquals(429, registerVia("203.0.113.7, 10.0.0.1", "via-two-proxies@example.com").status(),
                "the nearest untrusted hop is the client");
        assertEquals(201, registerVia("198.51.100.9", "someone-else@example.com").status());
        assertEquals(201, registerVia("203.0.113.7, 198.51.100.20", "spoofed@example.com").status(),
                "a client cannot borrow another's address by prepending it");
    }

    @Test
    void forwardedForIsIgnoredFromPeersThatAreNotTrusted() {
        assertEquals("192.0.2.1", ClientAddresses.clientAddress("192.0.2.1", "203.0.113.7", Set.of("10.0.0.1")));
        assertEquals("203.0.113.7", ClientAddresses.clientAddress("10.0.0.1", "203.0.113.7", Set.of("10.0.0.1")));
        assertEquals("203.0.113.7", ClientAddresses.clientAddress("10.0.0.1", "198.51.100.1, 203.0.113.7, 10.0.0.2",
                Set.of("10.0.0.1", "10.0.0.2")));
        assertEquals("10.0.0.1", ClientAddresses.clientAddress("10.0.0.1", "", Set.of("10.0.0.1")));
    }
}
