package dev.contacts.server.account;

import java.util.List;
import java.util.Optional;

import dev.contacts.model.AccountInfo;
import dev.contacts.model.AccountRules;
import dev.contacts.model.FieldError;
import dev.contacts.server.auth.BearerAuthentication;
import dev.contacts.server.auth.LoginThrottle;
import dev.contacts.server.auth.PasswordAttempts;
import dev.contacts.server.auth.PasswordHasher;
import dev.contacts.server.auth.SessionTokens;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.db.Database;
import dev.contacts.server.http.ApiException;
import dev.contacts.server.http.ApiRules;
import dev.contacts.server.http.BodyFields;
import dev.contacts.server.http.Json;
import dev.contacts.server.http.RequestBodies;
import dev.contacts.server.http.ValidationException;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The caller's own account: {@code GET /users/me/}, {@code PUT /users/me/password/}, {@code DELETE /users/me/}. */
public final class AccountService implements ApiRules.Service {

    private final Database database;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionTokens sessions;
    private final BearerAuthentication auth;
    private final PasswordAttempts attempts;

    public AccountService(Database database, UserRepository users, PasswordHasher hasher, SessionTokens sessions,
                          BearerAuthentication auth, PasswordAttempts attempts) {
        this.database = database;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.auth = auth;
        this.attempts = attempts;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/users/me", auth.protect(this::me))
                .hashing(Method.DELETE, "/users/me", this::deleteAccount)
                .hashing(Method.PUT, "/users/me/password", this::changePassword);
    }

    private void me(long userId, ServerRequest req, ServerResponse res) {
        UserRepository.StoredUser user = users.findById(userId).orElseThrow(AccountService::gone);
        Json.ok(res, new AccountInfo(user.id(), user.email(), user.createdAt()));
    }

    /** A password change between its checks and its hashes; the passwords are never printed. */
    private record PasswordChange(CountedUser counted, String current, String next) {
        @Override
        public String toString() {
            return "PasswordChange[" + counted + "]";
        }
    }

    /**
     * 204, and every access and refresh token of the user stops working, the one used for the call included. When
     * another change (or the account's deletion) is written while this one checks its passwords, this one changes
     * nothing and answers as any request with a token so ended: 401.
     */
    private void changePassword(ServerRequest req, ServerResponse res) throws Exception {
        PasswordChange change = database.call(() -> {
            long userId = auth.authenticate(req).userId();
            BodyFields body = BodyFields.of(RequestBodies.jsonObject(req));
            String current = body.requiredString("current_password");
            String next = body.requiredString("new_password");
            List<FieldError> errors = body.errors();
            if (next != null) {
                AccountRules.checkPassword("new_password", next, errors);
            }
            ValidationException.throwIfAny(errors);
            return new PasswordChange(countedAttempt(userId), current, next);
        });
        UserRepository.StoredUser user = change.counted().user();
        try (PasswordAttempts.Turn turn = attempts.turn(user.email(), change.counted().admitted())) {
            checkPassword(turn, user, change.current());
            String hash = hasher.hash(change.next());
            boolean changed = database.call(() -> users.changePassword(user, hash, db -> {
                turn.recordSuccessIn(db);
                sessions.endAllSessions(db, user.id());
            }));
            if (!changed) {
                throw gone();
            }
            turn.succeeded();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    /** A deletion between its checks and its hash; the password is never printed. */
    private record Deletion(CountedUser counted, String password) {
        @Override
        public String toString() {
            return "Deletion[" + counted + "]";
        }
    }

    /**
     * 204: the user and all their contacts are gone, their tokens stop working, the email is free again. Nothing is
     * deleted (401) when the password is changed (or the account deleted) while this one is being checked.
     */
    private void deleteAccount(ServerRequest req, ServerResponse res) throws Exception {
        Deletion deletion = database.call(() -> {
            long userId = auth.authenticate(req).userId();
            BodyFields body = BodyFields.of(RequestBodies.jsonObject(req));
            String password = body.requiredString("password");
            ValidationException.throwIfAny(body.errors());
            return new Deletion(countedAttempt(userId), password);
        });
        UserRepository.StoredUser user = deletion.counted().user();
        try (PasswordAttempts.Turn turn = attempts.turn(user.email(), deletion.counted().admitted())) {
            checkPassword(turn, user, deletion.password());
            if (!database.call(() -> users.delete(user, turn::recordSuccessIn))) {
                throw gone();
            }
            turn.succeeded();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    /** The user, and their attempt at their password: admitted, or to wait for its turn ({@link PasswordAttempts}). */
    private record CountedUser(UserRepository.StoredUser user, Optional<LoginThrottle.Turn> admitted) {
    }

    /**
     * The user, with an attempt counted toward the lockout of their email before their password is checked, as for
     * a login: a stolen access token is no way around the limit on guessing the password.
     */
    private CountedUser countedAttempt(long userId) {
        UserRepository.StoredUser user = users.findById(userId).orElseThrow(AccountService::gone);
        return new CountedUser(user, attempts.tryAdmit(user.email()));
    }

    /** 401 unless {@code password} is the user's; a wrong one counts toward the lockout ({@link #countedAttempt}). */
    private void checkPassword(PasswordAttempts.Turn turn, UserRepository.StoredUser user, String password)
            throws Exception {
        if (!hasher.verify(user.passwordHash(), password)) {
            turn.failed();
            throw ApiException.unauthorized("Invalid credentials");
        }
    }

    /** The user was deleted between authentication and now (a concurrent request). */
    private static ApiException gone() {
        return ApiException.invalidToken("Could not validate credentials");
    }
}
