package dev.contacts.model;

/** The answer of {@code POST /register/}: the new user's id and normalised email. */
public record RegisteredUser(long userId, String email) {
}
