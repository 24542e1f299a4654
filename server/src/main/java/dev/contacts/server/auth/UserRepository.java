package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.USERS;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.contacts.model.RegisteredUser;
import dev.contacts.server.db.generated.tables.records.UsersRecord;
import dev.contacts.server.Refusal;
import dev.contacts.server.db.Database;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Accounts in the database. Emails arrive here already normalised. */
public final class UserRepository {

    /** A stored account with the hash to check a password against. */
    public record StoredUser(long id, String email, String passwordHash, int tokenVersion, Instant createdAt) {
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

    /** Creates the account; {@link Refusal.EmailTaken} when the email is taken (also when another request took it first). */
    public RegisteredUser create(String email, String passwordHash) {
        try {
            return dsl.transactionResult(tx -> {
                DSLContext db = tx.dsl();
                if (db.fetchExists(USERS, USERS.EMAIL.eq(email))) {
                    throw new Refusal.EmailTaken();
                }
                long id = db.insertInto(USERS)
                        .set(USERS.EMAIL, email)
                        .set(USERS.PASSWORD_HASH, passwordHash)
                        .set(USERS.CREATED_AT, clock.instant().truncatedTo(ChronoUnit.MICROS))
                        .returning(USERS.ID)
                        .fetchSingle()
                        .getId();
                return new RegisteredUser(id, email);
            });
        } catch (DataAccessException e) {
            if (e.getCause() instanceof Refusal refusal) {
                throw refusal;
            }
            if (Database.isConstraintViolation(e)) {
                // PostgreSQL: another request registered the email between the check and the insert
                throw new Refusal.EmailTaken();
            }
            throw e;
        }
    }

    public Optional<StoredUser> findByEmail(String email) {
        return dsl.selectFrom(USERS).where(USERS.EMAIL.eq(email)).fetchOptional(UserRepository::toUser);
    }

    public Optional<StoredUser> findById(long id) {
        return dsl.selectFrom(USERS).where(USERS.ID.eq(id)).fetchOptional(UserRepository::toUser);
    }

    /** The user's current token version; empty when the user does not exist (any more). */
    public Optional<Integer> tokenVersion(long id) {
        return dsl.select(USERS.TOKEN_VERSION).from(USERS).where(USERS.ID.eq(id)).fetchOptional(USERS.TOKEN_VERSION);
    }

    /** Sets a new password hash and bumps the token version (ending every access token issued before). */
    public int changePassword(long id, String passwordHash) {
        return dsl.transactionResult(tx -> {
            tx.dsl().update(USERS)
                    .set(USERS.PASSWORD_HASH, passwordHash)
                    .set(USERS.TOKEN_VERSION, USERS.TOKEN_VERSION.plus(1))
                    .where(USERS.ID.eq(id))
                    .execute();
            return tx.dsl().select(USERS.TOKEN_VERSION).from(USERS).where(USERS.ID.eq(id)).fetchSingle(USERS.TOKEN_VERSION);
        });
    }

    /** Removes the user; their contacts and refresh tokens go with them (foreign keys cascade). */
    public void delete(long id) {
        dsl.deleteFrom(USERS).where(USERS.ID.eq(id)).execute();
    }

    private static StoredUser toUser(UsersRecord r) {
        return new StoredUser(r.getId(), r.getEmail(), r.getPasswordHash(), r.getTokenVersion(),
                r.getCreatedAt());
    }
}
