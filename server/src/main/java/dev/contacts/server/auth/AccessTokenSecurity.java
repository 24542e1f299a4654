package dev.contacts.server.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.common.configurable.Resource;
import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Security;
import io.helidon.security.SecurityContext;
import io.helidon.security.SecurityResponse;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.providers.common.TokenCredential;
import io.helidon.security.providers.jwt.JwtProvider;

/**
 * Helidon Security for the API: the JWT provider, configured from application.yaml ({@code security.providers}'
 * jwt), which the guard asks about the one {@code Authorization} header of a protected request. Only the
 * provider's key comes from code: it is the auth secret, which is never written in a configuration file.
 * <p>
 * The guard calls Security itself rather than through Helidon's webserver {@code SecurityFeature}: that filter ran
 * on every route (login and health included) and built each request's security environment from a copy of every
 * header, the URI, the peer's address and the query, then a handler with tracing and query-parameter extraction,
 * all to give the provider one header (a fifth of a {@code GET /contacts/{id}/}'s CPU; docs/benchmarks.md, "Load").
 * <p>
 * Security's successful verifications are remembered by token until the token expires, so that a client's every
 * request does not build a security context, audit (a stack walk) and verify the same token again (half of what
 * was left of Security's CPU). Only what cannot change for a given token is remembered (its signature with the one
 * key, its audience); the guard still checks its times against the clock and the server's state (user, version,
 * logout, ended session: {@link AccessTokenState}) in the database on every request, so a logout or password change
 * on any instance ends the token at once. A token Security did not accept is never remembered. At most
 * {@link #MOST} tokens: past that, it starts again empty.
 */
public final class AccessTokenSecurity {

    static final int MOST = 1024;

    private record Verified(Jwt jwt, Instant expires) {
    }

    private final Security security;
    /** The wall clock: the provider checks times against it too. */
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    AccessTokenSecurity(Security security, Clock clock) {
        this.security = security;
        this.clock = clock;
    }

    public static AccessTokenSecurity create(Config jwtProvider, byte[] secret) {
        return new AccessTokenSecurity(Security.builder()
                .addAuthenticationProvider(provider(jwtProvider, secret), "jwt")
                .build(), Clock.systemUTC());
    }

    /** The JWT provider as application.yaml configures it, verifying with the auth secret. */
    static JwtProvider provider(Config jwtProvider, byte[] secret) {
        return JwtProvider.builder()
                .config(jwtProvider)
                .verifyJwk(Resource.create("the auth secret", TokenService.verificationKeys(secret)))
                .build();
    }

    /**
     * The token of this {@code Authorization} header value as Helidon Security's JWT provider authenticated it
     * (now, or earlier and not yet expired); empty if it did not, or if what it authenticated is not {@code token}
     * (the guard's reading of the header).
     */
    public Optional<Jwt> verified(String authorization, String token) {
        Verified known = verified.get(token);
        if (known != null && clock.instant().isBefore(known.expires())) {
            return Optional.of(known.jwt());
        }
        Optional<Jwt> jwt = authenticate(authorization, token);
        jwt.flatMap(Jwt::expirationTime).ifPresent(expires -> remember(token, new Verified(jwt.get(), expires)));
        return jwt;
    }

    private Optional<Jwt> authenticate(String authorization, String token) {
        SecurityContext context = security.contextBuilder("guard")
                .env(security.environmentBuilder().header(HeaderNames.AUTHORIZATION.defaultCase(), authorization)
                        .build())
                .build();
        AuthenticationResponse response;
        try {
            response = context.atnClientBuilder().submit();
        } catch (RuntimeException unreadable) {
            // Helidon 4.3.0's provider reads the claims of a correctly signed token outside its own error handling:
            // a time claim of the wrong type (e.g. "exp": "soon") throws a ClassCastException. Not authenticated.
            return Optional.empty();
        }
        if (response.status() != SecurityResponse.SecurityStatus.SUCCESS) {
            return Optional.empty();
        }
        return response.user()
                .flatMap(user -> user.publicCredential(TokenCredential.class))
                .filter(credential -> credential.token().equals(token))
                .flatMap(credential -> credential.getTokenInstance(Jwt.class));
    }

    private void remember(String token, Verified verification) {
        if (verified.size() >= MOST) {
            verified.clear();
        }
        verified.put(token, verification);
    }
}
