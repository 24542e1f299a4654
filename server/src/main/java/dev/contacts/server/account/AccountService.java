package dev.contacts.server.account;

import java.util.List;

import dev.contacts.model.AccountInfo;
import dev.contacts.model.AccountRules;
import dev.contacts.model.FieldError;
import dev.contacts.server.auth.BearerAuthentication;
import dev.contacts.server.auth.LoginThrottle;
import dev.contacts.server.auth.PasswordHasher;
import dev.contacts.server.auth.SessionTokens;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.http.ApiException;
import dev.contacts.server.http.ApiRules;
import dev.contacts.server.http.BodyFields;
import dev.contacts.server.http.Json;
import dev.contacts.server.http.RequestBodies;
import dev.contacts.server.http.ValidationException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The caller's own account: {@code GET /users/me/}, {@code PUT /users/me/password/}, {@code DELETE /users/me/}. */
public final class AccountService implements ApiRules.Service {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionTokens sessions;
    private final BearerAuthentication auth;
    private final LoginThrottle throttle;

    public AccountService(UserRepository users, PasswordHasher hasher, SessionTokens sessions,
                          BearerAuthentication auth, LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.auth = auth;
        this.throttle = throttle;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/users/me", auth.protect(this::me))
                .delete("/users/me", auth.protect(this::deleteAccount))
                .put("/users/me/password", auth.protect(this::changePassword));
    }

    private void me(long userId, ServerRequest req, ServerResponse res) {
        UserRepository.StoredUser user = users.findById(userId).orElseThrow(AccountService::gone);
        Json.ok(res, new AccountInfo(user.id(), user.email(), user.createdAt()));
    }

    /** 204, and every access and refresh token of the user stops working, the one used for the call included. */
    private void changePassword(long userId, ServerRequest req, ServerResponse res) {
        BodyFields body = BodyFields.of(RequestBodies.jsonObject(req));
        String current = body.requiredString("current_password");
        String next = body.requiredString("new_password");
        List<FieldError> errors = body.errors();
        if (next != null) {
            AccountRules.checkPassword("new_password", next, errors);
        }
        ValidationException.throwIfAny(errors);

        checkPassword(userId, current);
        users.changePassword(userId, hasher.hash(next));
        sessions.endAllSessions(userId);
        res.status(Status.NO_CONTENT_204).send();
    }

    /** 204: the user and all their contacts are gone, their tokens stop working, the email is free again. */
    private void deleteAccount(long userId, ServerRequest req, ServerResponse res) {
        BodyFields body = BodyFields.of(RequestBodies.jsonObject(req));
        String password = body.requiredString("password");
        ValidationException.throwIfAny(body.errors());
        checkPassword(userId, password);
        users.delete(userId);
        res.status(Status.NO_CONTENT_204).send();
    }

    /**
     * 401 unless {@code password} is the user's. Each check counts toward the lockout of the account's email,
     * as a login does: a stolen access token is no way around the limit on guessing the password.
     */
    private void checkPassword(long userId, String password) {
        UserRepository.StoredUser user = users.findById(userId).orElseThrow(AccountService::gone);
        throttle.countAttempt(user.email());
        if (!hasher.verify(user.passwordHash(), password)) {
            throw ApiException.unauthorized("Invalid credentials");
        }
        throttle.recordSuccess(user.email());
    }

    /** The user was deleted between authentication and now (a concurrent request). */
    private static ApiException gone() {
        return ApiException.invalidToken("Could not validate credentials");
    }
}
