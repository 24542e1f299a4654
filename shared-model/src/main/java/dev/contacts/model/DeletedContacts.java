package dev.contacts.model;

import java.util.List;

/** The answer to a bulk delete ({@code POST /contacts/delete/}): the ids that went to the trash. */
public record DeletedContacts(List<Long> deleted) {

    public DeletedContacts {
        deleted = List.copyOf(deleted);
    }
}
