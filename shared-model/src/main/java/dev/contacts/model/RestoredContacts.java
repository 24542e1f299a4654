package dev.contacts.model;

import java.util.List;

/** The answer to a bulk restore ({@code POST /contacts/trash/restore/}): the ids brought back from the trash. */
public record RestoredContacts(List<Long> restored) {

    public RestoredContacts {
        restored = List.copyOf(restored);
    }
}
