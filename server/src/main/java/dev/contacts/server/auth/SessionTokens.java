package dev.contacts.server.auth;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.contacts.model.SessionInfo;
import dev.contacts.model.TokenResponse;
import dev.contacts.server.Refusal;
import org.jooq.DSLContext;

/**
 * Issues the pair a login or a refresh answers with (a short JWT access token and an opaque refresh token) and
 * ends them: the one place that knows how the two kinds relate.
 */
public final class SessionTokens {

    private final TokenService access;
    private final RefreshTokenRepository refresh;
    private final RevokedAccessTokens revoked;
    private final UserRepository users;

    public SessionTokens(TokenService access, RefreshTokenRepository refresh, RevokedAccessTokens revoked,
                         UserRepository users) {
        this.access = access;
        this.refresh = refresh;
        this.revoked = revoked;
        this.users = users;
    }

    /**
     * A new session (a new refresh-token family) for a user who just proved their password against {@code user} as
     * read; empty, writing nothing, when the account changed since that read (a password change or a deletion came
     * in between, so the proof no longer holds). {@code first} runs in the same write transaction (a login clears
     * its email's failed attempts there: one commit, not two).
     */
    public Optional<TokenResponse> login(UserRepository.StoredUser user, Consumer<DSLContext> first) {
        return refresh.issue(user.id(), db -> {
                    if (!users.stillAsRead(db, user)) {
                        return false;
                    }
                    first.accept(db);
                    return true;
                })
                .map(issued -> pair(user.id(), user.tokenVersion(), issued.token(), issued.familyId()));
    }

    /** Spends a refresh token for a new pair; anything but a live, unspent refresh token is refused. */
    public TokenResponse refresh(String presented) {
        if (refresh.rotate(presented) instanceof RefreshTokenRepository.Rotation.Rotated rotated) {
            int version = users.tokenVersion(rotated.userId()).orElseThrow(SessionTokens::invalid);
            return pair(rotated.userId(), version, rotated.next(), rotated.familyId());
        }
        throw invalid();
    }

    /** Ends the access token used for the call and, when given, the refresh token's whole family. */
    public void logout(TokenService.AccessClaims token, String refreshToken) {
        revoked.revoke(token.tokenId(), token.expiresAt());
        if (refreshToken != null) {
            refresh.revokeFamilyOf(refreshToken, token.userId());
        }
    }

    /**
     * Ends every session of the user, in the caller's transaction {@code db}: their refresh tokens now, their access
     * tokens by the new token version that transaction writes.
     */
    public void endAllSessions(DSLContext db, long userId) {
        refresh.revokeAllOf(db, userId);
    }

    /**
     * The caller's live sessions, theirs marked. A session's id is its family's id: the {@code sid} claim its access
     * tokens already carry, readable by their holder, and a key to nothing (ending a session takes its user's
     * access token); never a token or a hash.
     */
    public List<SessionInfo> sessionsOf(TokenService.AccessClaims caller) {
        return refresh.liveSessionsOf(caller.userId()).stream()
                .map(session -> new SessionInfo(session.familyId(), session.startedAt(), session.lastActiveAt(),
                        caller.sessionId().map(session.familyId()::equals).orElse(false)))
                .toList();
    }

    /**
     * Ends one of the user's live sessions: its refresh tokens now, its access tokens at their next request (the
     * check of every request already asks whether their session was ended: {@link AccessTokenState}).
     *
     * @throws Refusal.UnknownSession when the user has no live session {@code sessionId}
     */
    public void endSession(long userId, String sessionId) {
        if (!refresh.endSession(userId, sessionId)) {
            throw new Refusal.UnknownSession();
        }
    }

    /**
     * Ends every session of the caller but their own. A token from before sessions were named cannot tell which is
     * its own: every session ends then (the token itself still works until it expires).
     */
    public void endOtherSessions(TokenService.AccessClaims caller) {
        refresh.endSessionsBut(caller.userId(), caller.sessionId());
    }

    private TokenResponse pair(long userId, int version, String refreshToken, String familyId) {
        return TokenResponse.bearer(access.issue(userId, version, familyId), access.lifetime().toSeconds(),
                refreshToken);
    }

    private static Refusal invalid() {
        return new Refusal.InvalidRefreshToken();
    }
}
