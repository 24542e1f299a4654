package dev.contacts.desktop.api;

import java.time.Instant;

import dev.contacts.model.Contact;

/** A contact in the trash and when it was deleted (it is purged 30 days later). */
public record TrashedContact(Contact contact, Instant deletedAt) {
}
