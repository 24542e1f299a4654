package dev.contacts.server.auth;

import io.helidon.common.configurable.Resource;
import io.helidon.config.Config;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.ProviderRequest;
import io.helidon.security.Security;
import io.helidon.security.spi.AuthenticationProvider;
import io.helidon.security.providers.jwt.JwtProvider;
import io.helidon.webserver.security.SecurityFeature;

/**
 * Helidon Security for the API: the JWT provider and the {@code SecurityFeature}, each configured from
 * application.yaml ({@code security.providers}' jwt and {@code server.features.security}). Only the provider's
 * key comes from code: it is the auth secret, which is never written in a configuration file.
 */
public final class AccessTokenSecurity {

    private AccessTokenSecurity() {
    }

    public static SecurityFeature feature(Config jwtProvider, Config securityFeature, byte[] secret) {
        JwtProvider provider = JwtProvider.builder()
                .config(jwtProvider)
                .verifyJwk(Resource.create("the auth secret", TokenService.verificationKeys(secret)))
                .build();
        Security security = Security.builder()
                .addAuthenticationProvider(new NeverThrowing(provider), "jwt")
                .build();
        return SecurityFeature.builder()
                .config(securityFeature)
                .security(security)
                .build();
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
}
