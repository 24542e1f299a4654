package dev.contacts.model;

/**
 * The answer to {@code GET /contacts/version/}: an opaque tag that changes whenever the caller's address book does
 * (the same as the answer's ETag, which {@code If-None-Match} sends back for a 304 while nothing changed).
 */
public record BookVersion(String version) {
}
