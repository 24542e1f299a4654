package dev.contacts.server.auth;

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
import jakarta.json.JsonValue;

/**
 * Issues and checks access tokens: JWT, HS256 only, with {@code sub} (the user id), {@code iat}, {@code exp},
 * {@code iss}, {@code aud}, {@code jti} and {@code ver} (the user's token version). Checking pins the algorithm and requires a valid signature, an
 * unexpired {@code exp}, and the expected issuer and audience.
 */
public final class TokenService {

    private static final String KEY_ID = "contacts";

    /** What a valid token says: who it is for, its id, when it expires, and the user's token version then. */
    public record AccessClaims(long userId, String tokenId, Instant expiresAt, int version) {
    }

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

    /** A signed access token for the user at their current token version. */
    public String issue(long userId, int version) {
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
                .build();
        return SignedJwt.sign(jwt, key).tokenContent();
    }

    /** The claims of a valid token; empty for anything else (malformed, forged, expired, foreign). */
    public Optional<AccessClaims> verify(String token) {
        SignedJwt signed;
        try {
            signed = SignedJwt.parseToken(token);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Jwt jwt = signed.getJwt();
        // Pinned: only HS256 is ever accepted, whatever the token's header claims ("none" included).
        if (!jwt.algorithm().map(JwkOctet.ALG_HS256::equals).orElse(false)) {
            return Optional.empty();
        }
        if (!signed.verifySignature(keys).isValid()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
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
        Optional<Instant> expiresAt = jwt.expirationTime();
        Optional<JsonValue> version = jwt.payloadClaim(VERSION_CLAIM);
        if (subject.isEmpty() || tokenId.isEmpty() || expiresAt.isEmpty() || version.isEmpty()
                || !(version.get() instanceof JsonNumber number) || !number.isIntegral()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AccessClaims(Long.parseLong(subject.get()), tokenId.get(), expiresAt.get(),
                    number.intValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    public Duration lifetime() {
        return lifetime;
    }
}
