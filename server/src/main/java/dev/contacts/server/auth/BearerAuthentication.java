package dev.contacts.server.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.contacts.server.http.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Guards a route with a bearer token: the handler runs only for a valid token of an existing user, and gets
 * that user's id. The token is read from the {@code Authorization} header only (never a query or a cookie).
 * <p>
 * The guard gives the one header to Helidon Security's JWT provider ({@link AccessTokenSecurity}, application.yaml's
 * {@code security}), which verifies the token; the guard answers the contract's JSON 401s (Helidon's own refusal
 * has an empty body) and checks what the provider cannot: the claims it does not know (see
 * {@link TokenService#claims}) and the server's own state (the user, their token version, logout and ended
 * sessions).
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

    /** The one Bearer {@code Authorization} header of a request, and the token it carries. */
    private record Bearer(String header, String token) {
    }

    private final AccessTokenSecurity security;
    private final TokenService tokens;
    private final AccessTokenState state;

    public BearerAuthentication(AccessTokenSecurity security, TokenService tokens, AccessTokenState state) {
        this.security = security;
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
        Bearer bearer = bearer(req).orElseThrow(() -> ApiException.unauthorized("Not authenticated"));
        // verified by the JWT provider (the very token this header carries), valid claims, a user that still
        // exists at the same token version, not logged out, and a session (refresh-token family) not ended
        return security.verified(bearer.header(), bearer.token())
                .flatMap(tokens::claims)
                .filter(state::isHonoured)
                .orElseThrow(() -> ApiException.invalidToken("Could not validate credentials"));
    }

    /** The one Bearer {@code Authorization} header and its token; two such headers are ambiguous, so none. */
    private static Optional<Bearer> bearer(ServerRequest req) {
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
        return token.isEmpty() ? Optional.empty() : Optional.of(new Bearer(headers.getFirst(), token));
    }
}
