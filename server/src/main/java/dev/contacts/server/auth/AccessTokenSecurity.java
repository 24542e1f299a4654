package dev.contacts.server.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.common.configurable.Resource;
import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.ProviderRequest;
import io.helidon.security.Security;
import io.helidon.security.SecurityContext;
import io.helidon.security.SecurityResponse;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.providers.common.TokenCredential;
import io.helidon.security.util.TokenHandler;
import io.helidon.security.spi.AuthenticationProvider;
import io.helidon.security.providers.jwt.JwtProvider;

/**
 * Helidon Security for the API: the JWT provider, configured from application.yaml ({@code security.providers}'
 * jwt), which the guard asks about the one {@code Authorization} header of a protected request. Only the
 * provider's key comes from code: it is the auth secret, which is never written in a configuration file.
 * <p>
 * The guard calls Security itself rather than through Helidon's webserver {@code SecurityFeature}: that filter ran
 * on every route (login and health included) and built each request's security environment from a copy of every
 * header, the URI, the peer's address and the query, then a handler with tracing and query-parameter extraction,
 * all to give the provider one header (a fifth of a {@code GET /contacts/{id}/}'s CPU; README, "Load").
 */
public final class AccessTokenSecurity {

    private final Security security;

    private AccessTokenSecurity(Security security) {
        this.security = security;
    }

    public static AccessTokenSecurity create(Config jwtProvider, byte[] secret) {
        JwtProvider provider = JwtProvider.builder()
                .config(jwtProvider)
                .verifyJwk(Resource.create("the auth secret", TokenService.verificationKeys(secret)))
                .build();
        return new AccessTokenSecurity(Security.builder()
                .addAuthenticationProvider(new Remembered(new NeverThrowing(provider),
                        TokenHandler.create(jwtProvider.get("atn-token.handler"))), "jwt")
                .build());
    }

    /**
     * The token of this {@code Authorization} header value as Helidon Security's JWT provider authenticated it;
     * empty if it did not, or if what it authenticated is not {@code token} (the guard's reading of the header).
     */
    public Optional<Jwt> verified(String authorization, String token) {
        SecurityContext context = security.contextBuilder("guard")
                .env(security.environmentBuilder().header(HeaderNames.AUTHORIZATION.defaultCase(), authorization)
                        .build())
                .build();
        AuthenticationResponse response = context.atnClientBuilder().submit();
        if (response.status() != SecurityResponse.SecurityStatus.SUCCESS) {
            return Optional.empty();
        }
        return response.user()
                .flatMap(user -> user.publicCredential(TokenCredential.class))
                .filter(credential -> credential.token().equals(token))
                .flatMap(credential -> credential.getTokenInstance(Jwt.class));
    }

    /**
     * The provider, except that a token it cannot read is no authentication rather than a fault. Helidon 4.3.0's
     * JwtProvider reads the claims of a correctly signed token outside its own error handling, so a time claim of
     * the wrong type (e.g. {@code "exp": "soon"}) throws a ClassCastException, which Helidon's SecurityHandler
     * answers 500 with an empty body. Abstaining lets the guard answer the contract's 401.
     */
    private record NeverThrowing(JwtProvider provider) implements AuthenticationProvider {

        @Override
        public AuthenticationResponse authenticate(ProviderRequest request) {
            try {
                return provider.authenticate(request);
            } catch (RuntimeException unreadable) {
                return AuthenticationResponse.abstain();
            }
        }
    }

    /**
     * The provider's successful verifications, remembered by token until the token expires, so that a client's
     * every request does not verify the same token again: parsing, the HMAC and the provider's subject were a fifth
     * of the CPU of a {@code GET /contacts/{id}/} (README, "Load"). Only what cannot change for a given token is
     * remembered (its signature with the one key, its audience); the guard still checks its times against the clock
     * and the server's state (user, version, logout, ended session: {@link AccessTokenState}) in the database on
     * every request, so a logout or password change on any instance ends the token at once. A token the provider
     * did not accept is never remembered. At most {@link #MOST} tokens: past that, it starts again empty.
     */
    private static final class Remembered implements AuthenticationProvider {

        private static final int MOST = 1024;

        private record Verified(AuthenticationResponse response, Instant expires) {
        }

        private final AuthenticationProvider provider;
        /** How the provider finds the token (application.yaml's atn-token.handler). */
        private final TokenHandler tokens;
        private final Map<String, Verified> verified = new ConcurrentHashMap<>();

        Remembered(AuthenticationProvider provider, TokenHandler tokens) {
            this.provider = provider;
            this.tokens = tokens;
        }

        @Override
        public AuthenticationResponse authenticate(ProviderRequest request) {
            Optional<String> token = token(request);
            Verified known = token.map(verified::get).orElse(null);
            if (known != null && Instant.now().isBefore(known.expires())) {
                return known.response();
            }
            AuthenticationResponse response = provider.authenticate(request);
            if (token.isPresent() && response.status() == SecurityResponse.SecurityStatus.SUCCESS) {
                // the token the provider verified is the one remembered: its credential names it
                response.user().flatMap(user -> user.publicCredential(TokenCredential.class))
                        .filter(credential -> credential.token().equals(token.get()))
                        .flatMap(credential -> credential.getTokenInstance(Jwt.class))
                        .flatMap(Jwt::expirationTime)
                        .ifPresent(expires -> remember(token.get(), new Verified(response, expires)));
            }
            return response;
        }

        private Optional<String> token(ProviderRequest request) {
            try {
                return tokens.extractToken(request.env().headers());
            } catch (RuntimeException notOurs) {
                return Optional.empty();
            }
        }

        private void remember(String token, Verified verification) {
            if (verified.size() >= MOST) {
                verified.clear();
            }
            verified.put(token, verification);
        }
    }
}
