package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.USERS;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

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

    /**
     * Whether {@code user} is still stored as it was read (the same password hash and token version), its row then
     * locked until {@code db}'s transaction ends: a password proven against that read holds only while this is true.
     * A password change or a deletion since the read makes it false.
     */
    public boolean stillAsRead(DSLContext db, StoredUser user) {
        return Database.lockingRows(db.selectOne().from(USERS)
                        .where(USERS.ID.eq(user.id())
                                .and(USERS.PASSWORD_HASH.eq(user.passwordHash()))
                                .and(USERS.TOKEN_VERSION.eq(user.tokenVersion()))))
                .fetchOptional().isPresent();
    }

    /**
     * Sets a new password hash and bumps the token version (ending every access token issued before), with
     * {@code alsoThen} in the same transaction; false, changing nothing, when the account is no longer as
     * {@code asRead} (another change or a deletion came first).
     */
    public boolean changePassword(StoredUser asRead, String passwordHash, Consumer<DSLContext> alsoThen) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            if (!stillAsRead(db, asRead)) {
                return false;
            }
            db.update(USERS)
                    .set(USERS.PASSWORD_HASH, passwordHash)
                    .set(USERS.TOKEN_VERSION, USERS.TOKEN_VERSION.plus(1))
                    .where(USERS.ID.eq(asRead.id()))
                    .execute();
            alsoThen.accept(db);
            return true;
        });
    }

    /**
     * Removes the user (their contacts and refresh tokens go with them: foreign keys cascade), after {@code first}
     * in the same transaction; false, changing nothing, when the account is no longer as {@code asRead}.
     */
    public boolean delete(StoredUser asRead, Consumer<DSLContext> first) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            if (!stillAsRead(db, asRead)) {
                return false;
            }
            first.accept(db);
            db.deleteFrom(USERS).where(USERS.ID.eq(asRead.id())).execute();
            return true;
        });
    }

    private static StoredUser toUser(UsersRecord r) {
        return new StoredUser(r.getId(), r.getEmail(), r.getPasswordHash(), r.getTokenVersion(),
                r.getCreatedAt());
    }
}
