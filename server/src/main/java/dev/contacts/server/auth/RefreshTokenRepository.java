package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.REFRESH_TOKENS;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.Optional;
import java.util.function.Predicate;

import dev.contacts.server.db.generated.tables.RefreshTokens;
import dev.contacts.server.db.generated.tables.records.RefreshTokensRecord;
import dev.contacts.server.db.Database;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Refresh tokens: opaque, 256 random bits, stored only as their SHA-256. Each use rotates the token; using a
 * spent one again revokes its whole family (every token descended from the same login), as a thief and the
 * rightful owner can no longer be told apart.
 */
public final class RefreshTokenRepository {

    /** What a presented refresh token turned out to be. */
    public sealed interface Rotation {
        /** Valid: it is now spent, and {@code next} replaces it. */
        record Rotated(long userId, String next, String familyId) implements Rotation {
        }

        /** Unknown, expired, revoked, or reused (and then its family is revoked now). */
        record Refused() implements Rotation {
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final Clock clock;
    private final Duration lifetime;

    public RefreshTokenRepository(DSLContext dsl, Clock clock, Duration lifetime) {
        this.dsl = dsl;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A refresh token just issued, and its family (the login it descends from). */
    public record Issued(String token, String familyId) {
    }

    /**
     * A new token starting a new family (a login), written in one transaction after {@code first}; none, and nothing
     * written, when {@code first} answers false.
     */
    public Optional<Issued> issue(long userId, Predicate<DSLContext> first) {
        String familyId = UUID.randomUUID().toString();
        return dsl.transactionResult(tx -> first.test(tx.dsl())
                ? Optional.of(new Issued(insert(tx.dsl(), userId, familyId), familyId))
                : Optional.empty());
    }

    /** Spends {@code presented} and gives its successor, in one transaction. */
    public Rotation rotate(String presented) {
        String hash = hash(presented);
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            // locked: two rotations of one token at once must not both succeed (the second is a reuse)
            RefreshTokensRecord token = Database.lockingRows(db.selectFrom(REFRESH_TOKENS)
                    .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash))).fetchOne();
            Instant now = clock.instant();
            if (token == null || token.getRevokedAt() != null || !token.getExpiresAt().isAfter(now)) {
                return new Rotation.Refused();
            }
            if (token.getUsedAt() != null) {
                revokeFamily(db, token.getFamilyId(), now);
                return new Rotation.Refused();
            }
            token.setUsedAt(now);
            token.store();
            return new Rotation.Rotated(token.getUserId(), insert(db, token.getUserId(), token.getFamilyId()),
                    token.getFamilyId());
        });
    }

    /** Revokes the family of {@code presented}, if it is one of {@code userId}'s tokens. */
    public void revokeFamilyOf(String presented, long userId) {
        dsl.transaction(tx -> {
            String family = tx.dsl().select(REFRESH_TOKENS.FAMILY_ID).from(REFRESH_TOKENS)
                    .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash(presented)).and(REFRESH_TOKENS.USER_ID.eq(userId)))
                    .fetchOne(REFRESH_TOKENS.FAMILY_ID);
            if (family != null) {
                revokeFamily(tx.dsl(), family, clock.instant());
            }
        });
    }

    /**
     * A session as the server still knows it: a family with a token that can still be used, when its first token
     * on record was issued (the login, unless pruned: see {@link #prune}) and its newest (the last login or refresh).
     */
    public record LiveSession(String familyId, Instant startedAt, Instant lastActiveAt) {
    }

    /** The user's live sessions, the most recently active first. */
    public List<LiveSession> liveSessionsOf(long userId) {
        RefreshTokens live = REFRESH_TOKENS.as("live");
        Field<Instant> started = DSL.min(REFRESH_TOKENS.CREATED_AT);
        Field<Instant> lastActive = DSL.max(REFRESH_TOKENS.CREATED_AT);
        return dsl.select(REFRESH_TOKENS.FAMILY_ID, started, lastActive)
                .from(REFRESH_TOKENS)
                .where(REFRESH_TOKENS.USER_ID.eq(userId).and(REFRESH_TOKENS.FAMILY_ID.in(
                        DSL.select(live.FAMILY_ID).from(live).where(usable(live, userId, clock.instant())))))
                .groupBy(REFRESH_TOKENS.FAMILY_ID)
                .orderBy(lastActive.desc(), REFRESH_TOKENS.FAMILY_ID)
                .fetch(row -> new LiveSession(row.value1(), row.value2(), row.value3()));
    }

    /**
     * Revokes the family {@code familyId} if it is a live session of {@code userId}; false, changing nothing, when it
     * is not (another user's, already ended, expired, or unknown).
     */
    public boolean endSession(long userId, String familyId) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Instant now = clock.instant();
            if (!db.fetchExists(REFRESH_TOKENS, usable(REFRESH_TOKENS, userId, now)
                    .and(REFRESH_TOKENS.FAMILY_ID.eq(familyId)))) {
                return false;
            }
            revokeFamily(db, familyId, now);
            return true;
        });
    }

    /** Revokes every family of the user but {@code kept} (none kept when empty). */
    public void endSessionsBut(long userId, Optional<String> kept) {
        dsl.update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED_AT, clock.instant())
                .where(REFRESH_TOKENS.USER_ID.eq(userId).and(REFRESH_TOKENS.REVOKED_AT.isNull())
                        .and(kept.map(REFRESH_TOKENS.FAMILY_ID::ne).orElse(DSL.trueCondition())))
                .execute();
    }

    /** A token of {@code userId} that {@link #rotate} would still accept at {@code now}. */
    private static Condition usable(RefreshTokens tokens, long userId, Instant now) {
        return tokens.USER_ID.eq(userId).and(tokens.USED_AT.isNull()).and(tokens.REVOKED_AT.isNull())
                .and(tokens.EXPIRES_AT.gt(now));
    }

    /** Revokes every refresh token of the user (a password change), in the caller's transaction {@code db}. */
    public void revokeAllOf(DSLContext db, long userId) {
        db.update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED_AT, clock.instant())
                .where(REFRESH_TOKENS.USER_ID.eq(userId).and(REFRESH_TOKENS.REVOKED_AT.isNull()))
                .execute();
    }

    /** Forgets tokens past their expiry: they can no longer be used, reused or revoked. */
    public int prune(Instant now) {
        return dsl.deleteFrom(REFRESH_TOKENS).where(REFRESH_TOKENS.EXPIRES_AT.lt(now)).execute();
    }

    private String insert(DSLContext db, long userId, String familyId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        db.insertInto(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.USER_ID, userId)
                .set(REFRESH_TOKENS.FAMILY_ID, familyId)
                .set(REFRESH_TOKENS.TOKEN_HASH, hash(token))
                .set(REFRESH_TOKENS.CREATED_AT, now)
                .set(REFRESH_TOKENS.EXPIRES_AT, now.plus(lifetime))
                .execute();
        return token;
    }

    private static void revokeFamily(DSLContext db, String familyId, Instant now) {
        db.update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED_AT, now)
                .where(REFRESH_TOKENS.FAMILY_ID.eq(familyId).and(REFRESH_TOKENS.REVOKED_AT.isNull()))
                .execute();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
