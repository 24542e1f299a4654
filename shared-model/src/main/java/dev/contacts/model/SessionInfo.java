package dev.contacts.model;

import java.time.Instant;

/**
 * One of the caller's sessions (a device logged in), as {@code GET /users/me/sessions/} lists them: its id (for
 * {@code DELETE /users/me/sessions/{id}/}), when it logged in, when it last logged in or refreshed its tokens, and
 * whether it is the session of the token that asked.
 */
public record SessionInfo(String id, Instant startedAt, Instant lastActiveAt, boolean current) {
}
