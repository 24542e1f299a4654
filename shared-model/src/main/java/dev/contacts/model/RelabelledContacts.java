package dev.contacts.model;

import java.util.List;

/**
 * The answer to renaming or adding a label across contacts ({@code POST /contacts/labels/rename/},
 * {@code .../add/}): the ids of the contacts whose labels changed, in id order (a removal answers
 * {@link RemovedLabel}).
 */
public record RelabelledContacts(List<Long> changed) {

    public RelabelledContacts {
        changed = List.copyOf(changed);
    }
}
