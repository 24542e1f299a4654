package dev.contacts.model;

import java.util.List;

/** Contacts that look like the same person, and why: {@code "email"}, {@code "phone"} or {@code "name"}. */
public record DuplicateGroup(String reason, List<Contact> contacts) {

    public DuplicateGroup {
        contacts = List.copyOf(contacts);
    }
}
