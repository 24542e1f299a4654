package dev.contacts.model;

import java.time.Instant;

/** The answer of {@code GET /users/me/}. */
public record AccountInfo(long userId, String email, Instant createdAt) {
}
