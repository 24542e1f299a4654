package dev.contacts.server.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.contacts.server.http.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.security.SecurityContext;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.providers.common.TokenCredential;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Guards a route with a bearer token: the handler runs only for a valid token of an existing user, and gets
 * that user's id. The token is read from the {@code Authorization} header only (never a query or a cookie).
 * <p>
 * Helidon Security's JWT provider verifies the token first (see application.yaml's {@code security} and
 * {@code server.features.security}); it is optional there, because Helidon answers a failed authentication with
 * an empty body. This guard then answers the contract's JSON 401s and checks what the provider cannot: the
 * claims it does not know (see {@link TokenService#claims}) and the server's own state (the user, their token
 * version, logout and ended sessions).
 */
public final class BearerAuthentication {

    /** A handler that knows who is calling. */
    @FunctionalInterface
    public interface AuthenticatedHandler {
        void handle(long userId, ServerRequest req, ServerResponse res) throws Exception;
    }

    /** A handler that needs the token itself too (to end it, for instance). */
    @FunctionalInterface
    public interface SessionHandler {
        void handle(TokenService.AccessClaims token, ServerRequest req, ServerResponse res) throws Exception;
    }

    private final TokenService tokens;
    private final AccessTokenState state;

    public BearerAuthentication(TokenService tokens, AccessTokenState state) {
        this.tokens = tokens;
        this.state = state;
    }

    public Handler protect(AuthenticatedHandler handler) {
        return (req, res) -> handler.handle(authenticate(req).userId(), req, res);
    }

    public Handler protectSession(SessionHandler handler) {
        return (req, res) -> handler.handle(authenticate(req), req, res);
    }

    /** The claims of the request's valid token, or a 401 as the contract words it. */
    public TokenService.AccessClaims authenticate(ServerRequest req) {
        String token = bearerToken(req).orElseThrow(() -> ApiException.unauthorized("Not authenticated"));
        // verified by the JWT provider (the very token this header carries), valid claims, a user that still
        // exists at the same token version, not logged out, and a session (refresh-token family) not ended
        return verifiedByProvider(req, token)
                .flatMap(tokens::claims)
                .filter(state::isHonoured)
                .orElseThrow(() -> ApiException.invalidToken("Could not validate credentials"));
    }

    /** The token as Helidon Security's JWT provider authenticated it for this request; empty if it did not. */
    private static Optional<Jwt> verifiedByProvider(ServerRequest req, String token) {
        return req.context().get(SecurityContext.class)
                .flatMap(SecurityContext::user)
                .flatMap(user -> user.publicCredential(TokenCredential.class))
                .filter(credential -> credential.token().equals(token))
                .flatMap(credential -> credential.getTokenInstance(Jwt.class));
    }

    /** The token of the one Bearer {@code Authorization} header; two such headers are ambiguous, so none. */
    private static Optional<String> bearerToken(ServerRequest req) {
        List<String> headers = req.headers().all(HeaderNames.AUTHORIZATION, List::of);
        if (headers.size() != 1) {
            return Optional.empty();
        }
        String value = headers.getFirst().strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return Optional.empty();
        }
        String token = value.substring(space + 1).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
