package dev.contacts.server.auth;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contacts.model.AccountRules;
import dev.contacts.model.EmailAddress;
import dev.contacts.model.FieldError;
import dev.contacts.model.RegisteredUser;
import dev.contacts.model.TokenResponse;
import dev.contacts.server.http.ApiException;
import dev.contacts.server.Refusal;
import dev.contacts.server.db.Database;
import dev.contacts.server.http.ApiRules;
import dev.contacts.server.http.ClientAddresses;
import dev.contacts.server.http.BodyFields;
import dev.contacts.server.http.Json;
import dev.contacts.server.http.RequestBodies;
import dev.contacts.server.http.ValidationException;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Registration and sessions: {@code POST /register/}, {@code /token/}, {@code /token/refresh/} and
 * {@code /logout/}. The first three are limited per client address; logins are also locked per email after
 * repeated failures.
 */
public final class AuthService implements ApiRules.Service {

    private final Database database;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionTokens sessions;
    private final BearerAuthentication auth;
    private final PasswordAttempts attempts;
    private final RateLimiter rateLimiter;
    private final ClientAddresses clients;

    public AuthService(Database database, UserRepository users, PasswordHasher hasher, SessionTokens sessions,
                       BearerAuthentication auth, PasswordAttempts attempts, RateLimiter rateLimiter,
                       ClientAddresses clients) {
        this.database = database;
        this.clients = clients;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.auth = auth;
        this.attempts = attempts;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.hashing(Method.POST, "/register", this::register)
                .hashing(Method.POST, "/token", this::token)
                .post("/token/refresh", this::refresh)
                .post("/logout", auth.protectSession(this::logout));
    }

    /** A registration between its checks and its hash; the password is never printed. */
    private record Registration(String email, String password) {
        @Override
        public String toString() {
            return "Registration[email=" + email + "]";
        }
    }

    /**
     * A login with the account of its email (if any), between the database and the hash: admitted (its turn), or
     * to wait for its turn when the email's attempts in flight leave no room.
     */
    private record Attempt(String email, String password, Optional<UserRepository.StoredUser> user,
                           Optional<LoginThrottle.Turn> admitted) {
        @Override
        public String toString() {
            return "Attempt[email=" + email + "]";
        }
    }

    private void register(ServerRequest req, ServerResponse res) throws Exception {
        Registration registration = database.call(() -> {
            rateLimiter.hit(clients.of(req));
            BodyFields body = BodyFields.of(RequestBodies.jsonObject(req));
            String email = body.requiredString("email");
            String password = body.requiredString("password");
            List<FieldError> errors = body.errors();
            if (email != null) {
                AccountRules.checkEmail("email", email, errors);
            }
            if (password != null) {
                AccountRules.checkPassword("password", password, errors);
            }
            ValidationException.throwIfAny(errors);

            String normalized = EmailAddress.normalize(email);
            // before the costly hash; the insert itself refuses a race's second registration too
            if (users.emailExists(normalized)) {
                throw new Refusal.EmailTaken();
            }
            return new Registration(normalized, password);
        });
        String hash = hasher.hash(registration.password());
        RegisteredUser user = database.call(() -> users.create(registration.email(), hash));
        Json.send(res, Status.CREATED_201, user);
    }

    private void token(ServerRequest req, ServerResponse res) throws Exception {
        Attempt attempt = database.call(() -> {
            rateLimiter.hit(clients.of(req));
            ObjectNode node = RequestBodies.jsonOrForm(req);
            BodyFields body = BodyFields.of(node);
            // The OAuth2 password form names the email "username".
            boolean form = !node.has("email") && node.has("username");
            String email = body.requiredString(form ? "username" : "email");
            String password = body.requiredString("password");
            String grantType = body.optionalString("grant_type");
            if (grantType != null && !grantType.equals("password")) {
                body.errors().add(FieldError.body("grant_type", "String should match pattern '^password$'",
                        "string_pattern_mismatch"));
            }
            ValidationException.throwIfAny(body.errors());

            String normalized = EmailAddress.normalize(email);
            Optional<UserRepository.StoredUser> user = users.findByEmail(normalized);
            // last: nothing after it may fail and leave the attempt admitted but never answered
            return new Attempt(normalized, password, user, attempts.tryAdmit(normalized));
        });
        try (PasswordAttempts.Turn turn = attempts.turn(attempt.email(), attempt.admitted())) {
            Optional<UserRepository.StoredUser> user = attempt.user();
            // An unknown email costs the same hash work as a wrong password, and is answered the same way.
            boolean valid = user.isPresent()
                    ? hasher.verify(user.get().passwordHash(), attempt.password())
                    : hasher.verifyDecoy(attempt.password());
            if (!valid) {
                turn.failed();
                throw invalidCredentials();
            }
            // refused as well when the password was changed (or the account deleted) while it was being checked
            TokenResponse tokens = database.call(() -> sessions.login(user.get(), turn::recordSuccessIn))
                    .orElseThrow(AuthService::invalidCredentials);
            turn.succeeded();
            Json.ok(res, tokens);
        }
    }

    private static ApiException invalidCredentials() {
        return ApiException.unauthorized("Invalid credentials");
    }

    private void refresh(ServerRequest req, ServerResponse res) {
        rateLimiter.hit(clients.of(req));
        BodyFields body = BodyFields.of(RequestBodies.jsonObject(req));
        String refreshToken = body.requiredString("refresh_token");
        ValidationException.throwIfAny(body.errors());
        Json.ok(res, sessions.refresh(refreshToken));
    }

    private void logout(TokenService.AccessClaims token, ServerRequest req, ServerResponse res) {
        Optional<ObjectNode> node = RequestBodies.optionalJsonObject(req);
        String refreshToken = null;
        if (node.isPresent()) {
            BodyFields body = BodyFields.of(node.get());
            refreshToken = body.optionalString("refresh_token");
            ValidationException.throwIfAny(body.errors());
        }
        sessions.logout(token, refreshToken);
        res.status(Status.NO_CONTENT_204).send();
    }
}
