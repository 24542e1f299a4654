package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.REFRESH_TOKENS;
import static dev.contacts.server.db.generated.Tables.REVOKED_ACCESS_TOKENS;
import static dev.contacts.server.db.generated.Tables.USERS;

import java.util.HashMap;
import java.util.Map;

import dev.contacts.server.db.RenderedQuery;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Whether the server still honours a verified access token: its user exists at the token's version (no password
 * change or account deletion since), it was not logged out, and its session (refresh-token family) was not ended.
 * One statement, rendered once: every protected request asks, and three separate queries (each taking a pooled
 * connection) were a quarter of a read's CPU, rendering the one statement again a tenth (docs/benchmarks.md, "Load").
 */
public final class AccessTokenState {

    /** For a token without a session (issued before sessions were): its user, version and logout. */
    private static final RenderedQuery<Boolean> HONOURED = new RenderedQuery<>(
            dsl -> dsl.selectOne().from(USERS).where(userAtVersionNotLoggedOut()),
            (rows, dialect) -> rows.next());
    /** For a token of a session: also that session not ended. */
    private static final RenderedQuery<Boolean> HONOURED_IN_SESSION = new RenderedQuery<>(
            dsl -> dsl.selectOne().from(USERS).where(userAtVersionNotLoggedOut().and(DSL.notExists(
                    DSL.selectOne().from(REFRESH_TOKENS).where(REFRESH_TOKENS.FAMILY_ID.eq(DSL.param("session",
                            String.class)).and(REFRESH_TOKENS.REVOKED_AT.isNotNull()))))),
            (rows, dialect) -> rows.next());

    private final DSLContext dsl;

    public AccessTokenState(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean isHonoured(TokenService.AccessClaims claims) {
        Map<String, Object> values = new HashMap<>();
        values.put("user", claims.userId());
        values.put("version", claims.version());
        values.put("jti", claims.tokenId());
        claims.sessionId().ifPresent(session -> values.put("session", session));
        return (claims.sessionId().isPresent() ? HONOURED_IN_SESSION : HONOURED).fetch(dsl, values);
    }

    private static Condition userAtVersionNotLoggedOut() {
        return USERS.ID.eq(DSL.param("user", Long.class))
                .and(USERS.TOKEN_VERSION.eq(DSL.param("version", Integer.class)))
                .and(DSL.notExists(DSL.selectOne().from(REVOKED_ACCESS_TOKENS)
                        .where(REVOKED_ACCESS_TOKENS.JTI.eq(DSL.param("jti", String.class)))));
    }
}
