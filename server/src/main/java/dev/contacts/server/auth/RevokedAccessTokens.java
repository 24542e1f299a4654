package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.REVOKED_ACCESS_TOKENS;

import java.time.Instant;

import org.jooq.DSLContext;

/** Access tokens ended by a logout, by {@code jti}, kept until they would have expired anyway. */
public final class RevokedAccessTokens {

    private final DSLContext dsl;

    public RevokedAccessTokens(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void revoke(String jti, Instant expiresAt) {
        dsl.insertInto(REVOKED_ACCESS_TOKENS)
                .set(REVOKED_ACCESS_TOKENS.JTI, jti)
                .set(REVOKED_ACCESS_TOKENS.EXPIRES_AT, expiresAt)
                .onConflictDoNothing()
                .execute();
    }

    public int prune(Instant now) {
        return dsl.deleteFrom(REVOKED_ACCESS_TOKENS)
                .where(REVOKED_ACCESS_TOKENS.EXPIRES_AT.lt(now))
                .execute();
    }
}
