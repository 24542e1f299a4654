package dev.contacts.server.auth;

import static dev.contacts.server.support.ForgedTokens.claims;
import static dev.contacts.server.support.ForgedTokens.make;
import static dev.contacts.server.support.TestServers.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import dev.contacts.server.ServerSettings;
import dev.contacts.server.support.MutableClock;
import io.helidon.security.Security;
import io.helidon.security.providers.jwt.JwtProvider;
import org.junit.jupiter.api.Test;

/**
 * What the guard takes from Helidon Security: a token the JWT provider verified, remembered only until it expires;
 * a refused token is asked about again every time, however often it is tried. (The claims, the database's session
 * state and the 401s are the guard's: TokenSecurityTest, TokenClaimsHardeningTest, SessionsApiTest.)
 */
class AccessTokenSecurityTest {

    private static final String HS256 = "{\"alg\":\"HS256\",\"kid\":\"contacts\",\"typ\":\"JWT\"}";

    private final MutableClock clock = new MutableClock();
    /** How many times the JWT provider was asked. */
    private final AtomicInteger asked = new AtomicInteger();
    private final AccessTokenSecurity security;

    AccessTokenSecurityTest() {
        JwtProvider provider = AccessTokenSecurity.provider(
                ServerSettings.embedded(Path.of("unused.db")).jwtProvider(), SECRET);
        this.security = new AccessTokenSecurity(Security.builder()
                .addAuthenticationProvider(request -> {
                    asked.incrementAndGet();
                    return provider.authenticate(request);
                }, "jwt")
                .build(), clock);
    }

    private static String issued(Clock at) {
        return new TokenService(SECRET, Duration.ofMinutes(30), "contacts", "contacts-api", at).issue(7, 0, "s");
    }

    private static long inTenMinutes() {
        return Instant.now().plusSeconds(600).getEpochSecond();
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItsExpiry() {
        String token = issued(Clock.systemUTC());
        assertEquals("7", security.verified("Bearer " + token, token).orElseThrow().subject().orElseThrow());
        assertTrue(security.verified("bearer   " + token, token).isPresent());
        assertEquals(1, asked.get(), "the second request is answered from what the provider said");

        clock.advance(Duration.ofMinutes(31));
        // past its exp by this clock, so the provider is asked again (it accepts: its own clock is the wall's)
        assertTrue(security.verified("Bearer " + token, token).isPresent());
        assertEquals(2, asked.get());
    }

    @Test
    void refusedTokensAreAskedAboutEveryTime() {
        String sub = "7";
        String claims = claims(sub, "contacts", "contacts-api", inTenMinutes());
        String jwks = TokenService.verificationKeys(SECRET);
        String[] refused = {
            make("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims, SECRET, null),
            make("{\"alg\":\"none\",\"kid\":\"contacts\"}", claims, SECRET, null),
            // algorithm confusion: an asymmetric algorithm's name over an HMAC, keyed with the secret or the key set
            make("{\"alg\":\"RS256\",\"kid\":\"contacts\"}", claims, SECRET, "HmacSHA256"),
            make(HS256, claims, jwks.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
            make(HS256, claims, "another secret of thirty-two byt".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"),
            make(HS256, claims(sub, "contacts", "another-api", inTenMinutes()), SECRET, "HmacSHA256"),
            issued(Clock.fixed(Instant.now().minus(Duration.ofMinutes(31)), ZoneOffset.UTC)),
            "abc", "a.b.c",
        };
        for (String token : refused) {
            for (int attempt = 1; attempt <= 2; attempt++) {
                int before = asked.get();
                assertTrue(security.verified("Bearer " + token, token).isEmpty(), token);
                assertEquals(before + 1, asked.get(), "attempt " + attempt + " of " + token + " asked the provider");
            }
        }
    }

    @Test
    void aTokenWithAClaimOfTheWrongTypeIsRefusedNotThrown() {
        long now = Instant.now().getEpochSecond();
        String token = make(HS256, "{\"sub\":\"7\",\"iss\":\"contacts\",\"aud\":\"contacts-api\",\"jti\":\"j\",\"ver\":0,"
                + "\"iat\":" + now + ",\"exp\":\"soon\"}", SECRET, "HmacSHA256");
        assertTrue(security.verified("Bearer " + token, token).isEmpty());
        assertTrue(security.verified("Bearer " + token, token).isEmpty());
    }

    @Test
    void onlyTheTokenTheHeaderCarriesCounts() {
        String token = issued(Clock.systemUTC());
        String other = issued(Clock.systemUTC());
        assertTrue(security.verified("Bearer " + other, token).isEmpty(), "the provider verified another token");
        assertTrue(security.verified("Bearer " + token + " " + token, token + " " + token).isEmpty(),
                "two tokens in one header");
        int before = asked.get();
        assertTrue(security.verified("Bearer " + token, token).isPresent());
        assertEquals(before + 1, asked.get(), "nothing was remembered for the token from the refusals");
    }
}
