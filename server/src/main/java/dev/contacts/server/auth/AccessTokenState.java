package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.REFRESH_TOKENS;
import static dev.contacts.server.db.generated.Tables.REVOKED_ACCESS_TOKENS;
import static dev.contacts.server.db.generated.Tables.USERS;

import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Whether the server still honours a verified access token: its user exists at the token's version (no password
 * change or account deletion since), it was not logged out, and its session (refresh-token family) was not ended.
 * One statement: every protected request asks, and three separate queries (each taking a pooled connection) were
 * a quarter of a read's CPU (README, "Performance").
 */
public final class AccessTokenState {

    private final DSLContext dsl;

    public AccessTokenState(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean isHonoured(TokenService.AccessClaims claims) {
        List<Condition> conditions = new ArrayList<>(List.of(
                USERS.ID.eq(claims.userId()),
                USERS.TOKEN_VERSION.eq(claims.version()),
                DSL.notExists(DSL.selectOne().from(REVOKED_ACCESS_TOKENS)
                        .where(REVOKED_ACCESS_TOKENS.JTI.eq(claims.tokenId())))));
        claims.sessionId().ifPresent(family -> conditions.add(DSL.notExists(DSL.selectOne().from(REFRESH_TOKENS)
                .where(REFRESH_TOKENS.FAMILY_ID.eq(family).and(REFRESH_TOKENS.REVOKED_AT.isNotNull())))));
        return dsl.fetchExists(USERS, conditions);
    }
}
