package dev.contacts.server.auth;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.helidon.common.Errors;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.JwtValidator;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.Jwk;
import io.helidon.security.jwt.jwk.JwkKeys;
import io.helidon.security.jwt.jwk.JwkOctet;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Issues and checks access tokens: JWT, HS256 only, with {@code sub} (the user id), {@code iat}, {@code exp},
 * {@code iss}, {@code aud}, {@code jti} and {@code ver} (the user's token version). Checking pins the algorithm and requires a valid signature, an
 * unexpired {@code exp}, and the expected issuer and audience.
 */
public final class TokenService {

    private static final String KEY_ID = "contacts";

    /**
     * What a valid token says: who it is for, its id, when it expires, the user's token version then, and the
     * session (refresh-token family) it was issued in; tokens from before sessions were named have none.
     */
    public record AccessClaims(long userId, String tokenId, Instant expiresAt, int version,
                               Optional<String> sessionId) {
    }

    /** The claim naming the session (the refresh-token family): ending the family ends its access tokens. */
    static final String SESSION_CLAIM = "sid";
    /** The longest lifetime a token may claim, and how far in the future its {@code iat} may lie (clock skew). */
    private static final Duration LONGEST_LIFETIME = Duration.ofMinutes(60);
    private static final Duration FUTURE_SKEW = Duration.ofSeconds(60);
    /** 9999-12-31T23:59:59Z: a time claim beyond it (or before 1970) is malformed. */
    private static final long LAST_SECOND = 253_402_300_799L;

    /** The claim with the user's token version: a password change bumps it, ending every older token. */
    static final String VERSION_CLAIM = "ver";

    private final JwkOctet key;
    private final JwkKeys keys;
    private final Duration lifetime;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public TokenService(byte[] secret, Duration lifetime, String issuer, String audience, Clock clock) {
        this.key = JwkOctet.create(Json.createObjectBuilder()
                .add("kty", "oct")
                .add("kid", KEY_ID)
                .add("alg", JwkOctet.ALG_HS256)
                .add("use", Jwk.USE_SIGNATURE)
                .add("k", Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
                .build());
        this.keys = JwkKeys.builder().addKey(key).build();
        this.lifetime = lifetime;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** A signed access token for the user at their current token version, in the session {@code sessionId}. */
    public String issue(long userId, int version, String sessionId) {
        Instant now = clock.instant();
        Jwt jwt = Jwt.builder()
                .algorithm(JwkOctet.ALG_HS256)
                .keyId(KEY_ID)
                .type("JWT")
                .subject(Long.toString(userId))
                .issuer(issuer)
                .addAudience(audience)
                .issueTime(now)
                .expirationTime(now.plus(lifetime))
                .jwtId(UUID.randomUUID().toString())
                .addPayloadClaim(VERSION_CLAIM, version)
                .addPayloadClaim(SESSION_CLAIM, sessionId)
                .build();
        return SignedJwt.sign(jwt, key).tokenContent();
    }

    /**
     * The claims of a valid token; empty for anything else (malformed, forged, expired, foreign, not yet valid,
     * too long-lived). Whatever the token holds, the answer is empty rather than an exception: a claim of the
     * wrong type must be a 401, never a 500.
     */
    public Optional<AccessClaims> verify(String token) {
        try {
            return check(token);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private Optional<AccessClaims> check(String token) {
        SignedJwt signed = SignedJwt.parseToken(token);
        Jwt jwt = signed.getJwt();
        // Pinned: only HS256 is ever accepted, whatever the token's header claims ("none" included).
        if (!jwt.algorithm().map(JwkOctet.ALG_HS256::equals).orElse(false)) {
            return Optional.empty();
        }
        // An extension the token says must be understood: this server understands none.
        if (jwt.headerClaim("crit").isPresent()) {
            return Optional.empty();
        }
        if (!signed.verifySignature(keys).isValid()) {
            return Optional.empty();
        }
        Optional<Long> issuedAt = epochSeconds(jwt, "iat");
        Optional<Long> expires = epochSeconds(jwt, "exp");
        Optional<Long> notBefore = jwt.payloadClaim("nbf").isPresent() ? epochSeconds(jwt, "nbf") : Optional.of(0L);
        if (issuedAt.isEmpty() || expires.isEmpty() || notBefore.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (notBefore.get() > now.getEpochSecond()
                || issuedAt.get() > now.plus(FUTURE_SKEW).getEpochSecond()
                || expires.get() - issuedAt.get() > LONGEST_LIFETIME.toSeconds()) {
            return Optional.empty();
        }
        Errors errors = JwtValidator.builder()
                .addExpirationValidator(b -> b.now(now).allowedTimeSkew(Duration.ZERO).mandatory(true))
                .addIssuerValidator(issuer, true)
                .addAudienceValidator(b -> b.addExpectedAudience(audience).mandatory(true))
                .build()
                .validate(jwt);
        if (!errors.isValid()) {
            return Optional.empty();
        }
        Optional<String> subject = jwt.subject();
        Optional<String> tokenId = jwt.jwtId();
        Optional<JsonValue> version = jwt.payloadClaim(VERSION_CLAIM);
        Optional<JsonValue> session = jwt.payloadClaim(SESSION_CLAIM);
        if (subject.isEmpty() || tokenId.isEmpty() || version.isEmpty()
                || !(version.get() instanceof JsonNumber number) || !number.isIntegral()
                || session.isPresent() && !(session.get() instanceof JsonString)) {
            return Optional.empty();
        }
        // A non-numeric sub, or a version out of range, throws here: malformed, so empty (see verify).
        return Optional.of(new AccessClaims(Long.parseLong(subject.get()), tokenId.get(),
                Instant.ofEpochSecond(expires.get()), number.intValueExact(),
                session.map(value -> ((JsonString) value).getString())));
    }

    /** A time claim as whole seconds since 1970, or empty when it is missing, not an integer, or out of range. */
    private static Optional<Long> epochSeconds(Jwt jwt, String claim) {
        return jwt.payloadClaim(claim)
                .filter(value -> value instanceof JsonNumber number && number.isIntegral())
                .map(value -> ((JsonNumber) value).bigIntegerValue())
                .filter(seconds -> seconds.signum() >= 0 && seconds.compareTo(BigInteger.valueOf(LAST_SECOND)) <= 0)
                .map(BigInteger::longValueExact);
    }

    public Duration lifetime() {
        return lifetime;
    }
}
