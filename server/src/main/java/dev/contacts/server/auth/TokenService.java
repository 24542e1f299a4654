package dev.contacts.server.auth;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.Jwk;
import io.helidon.security.jwt.jwk.JwkOctet;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Issues access tokens and reads the claims of those Helidon Security's JWT provider verified: JWT, HS256 only,
 * with {@code sub} (the user id), {@code iat}, {@code exp}, {@code iss}, {@code aud}, {@code jti}, {@code ver}
 * (the user's token version) and {@code sid} (the session). The provider checks the signature (with the key of
 * {@link #verificationKeys}), the audience, {@code crit} names it understands, and {@code exp}/{@code iat}/{@code nbf}
 * when present, against the wall clock with 5 s of skew; {@link #claims} then holds each token to the rules the
 * provider cannot be configured for (see there).
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
    private final Duration lifetime;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public TokenService(byte[] secret, Duration lifetime, String issuer, String audience, Clock clock) {
        this.key = JwkOctet.create(jwk(secret));
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

    /** The signing key as a JWK. */
    private static JsonObject jwk(byte[] secret) {
        return Json.createObjectBuilder()
                .add("kty", "oct")
                .add("kid", KEY_ID)
                .add("alg", JwkOctet.ALG_HS256)
                .add("use", Jwk.USE_SIGNATURE)
                .add("k", Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
                .build();
    }

    /** The JWK set the JWT provider verifies signatures with: the one key tokens are signed with. */
    public static String verificationKeys(byte[] secret) {
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(jwk(secret))).build().toString();
    }

    /**
     * The claims of a token whose signature and audience the JWT provider verified; empty unless every claim
     * is right. Whatever the token holds, the answer is empty rather than an exception: a claim of the wrong type
     * must be a 401, never a 500.
     */
    public Optional<AccessClaims> claims(Jwt jwt) {
        try {
            return check(jwt);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /*
     * What the provider cannot be configured for, checked here: an algorithm named in the header (the provider
     * takes the key's when the header names none); no "crit" at all (the provider accepts extensions its
     * validators claim); exp, iat and nbf present, whole seconds, exp with no skew, iat at most 60 s ahead and
     * at most 60 minutes before exp (the provider's times are optional, with a fixed 5 s skew); the issuer (the
     * provider checks none on tokens it receives); and the shape of sub, jti, ver and sid.
     */
    private Optional<AccessClaims> check(Jwt jwt) {
        // Pinned: only HS256 is ever accepted, whatever the token's header claims ("none" included).
        if (!jwt.algorithm().map(JwkOctet.ALG_HS256::equals).orElse(false)) {
            return Optional.empty();
        }
        // An extension the token says must be understood: this server understands none.
        if (jwt.headerClaim("crit").isPresent()) {
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
                || expires.get() - issuedAt.get() > LONGEST_LIFETIME.toSeconds()
                || Instant.ofEpochSecond(expires.get()).isBefore(now)
                || !jwt.issuer().map(issuer::equals).orElse(false)) {
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
        // A non-numeric sub, or a version out of range, throws here: malformed, so empty (see claims).
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
