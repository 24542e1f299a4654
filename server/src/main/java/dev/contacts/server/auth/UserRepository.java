package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.USERS;

import java.time.Clock;
import java.util.Optional;

import dev.contacts.model.RegisteredUser;
import dev.contacts.server.http.ApiException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Accounts in the database. Emails arrive here already normalised. */
public final class UserRepository {

    /** A stored account with the hash to check a password against. */
    public record StoredUser(long id, String email, String passwordHash) {
        @Override
        public String toString() {
            return "StoredUser[id=" + id + ", email=" + email + "]";
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public UserRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public boolean emailExists(String email) {
        return dsl.fetchExists(USERS, USERS.EMAIL.eq(email));
    }

    /** Creates the account, or answers 409 when the email is taken (also when another request took it first). */
    public RegisteredUser create(String email, String passwordHash) {
        try {
            return dsl.transactionResult(tx -> {
                DSLContext db = tx.dsl();
                if (db.fetchExists(USERS, USERS.EMAIL.eq(email))) {
                    throw ApiException.conflict("User with this email already exists");
                }
                long id = db.insertInto(USERS)
                        .set(USERS.EMAIL, email)
                        .set(USERS.PASSWORD_HASH, passwordHash)
                        .set(USERS.CREATED_AT, clock.instant().toString())
                        .returning(USERS.ID)
                        .fetchSingle()
                        .getId();
                return new RegisteredUser(id, email);
            });
        } catch (DataAccessException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw e;
        }
    }

    public Optional<StoredUser> findByEmail(String email) {
        return dsl.select(USERS.ID, USERS.EMAIL, USERS.PASSWORD_HASH)
                .from(USERS)
                .where(USERS.EMAIL.eq(email))
                .fetchOptional(r -> new StoredUser(r.value1(), r.value2(), r.value3()));
    }

    public boolean exists(long id) {
        return dsl.fetchExists(USERS, USERS.ID.eq(id));
    }
}
