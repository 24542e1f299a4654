package dev.contacts.server.account;

import dev.contacts.server.auth.BearerAuthentication;
import dev.contacts.server.auth.SessionTokens;
import dev.contacts.server.auth.TokenService;
import dev.contacts.server.http.ApiRules;
import dev.contacts.server.http.Json;
import dev.contacts.server.http.RequestParams;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The caller's sessions (the devices logged in to the account), beyond the contract: {@code GET /users/me/sessions/},
 * {@code DELETE /users/me/sessions/{session_id}/} and {@code POST /users/me/sessions/end-others/}. A session is one
 * login and the refreshes descended from it (a refresh-token family).
 */
public final class SessionsService implements ApiRules.Service {

    private final SessionTokens sessions;
    private final BearerAuthentication auth;

    public SessionsService(SessionTokens sessions, BearerAuthentication auth) {
        this.sessions = sessions;
        this.auth = auth;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/users/me/sessions", auth.protectSession(this::list))
                .post("/users/me/sessions/end-others", auth.protectSession(this::endOthers))
                .delete("/users/me/sessions/{session_id}", auth.protect(this::end));
    }

    private void list(TokenService.AccessClaims caller, ServerRequest req, ServerResponse res) {
        Json.ok(res, sessions.sessionsOf(caller));
    }

    /** 204; another user's session, or one already ended, is answered as an unknown one: 404. */
    private void end(long userId, ServerRequest req, ServerResponse res) {
        sessions.endSession(userId, RequestParams.pathUuid(req, "session_id"));
        res.status(Status.NO_CONTENT_204).send();
    }

    private void endOthers(TokenService.AccessClaims caller, ServerRequest req, ServerResponse res) {
        sessions.endOtherSessions(caller);
        res.status(Status.NO_CONTENT_204).send();
    }
}
