package dev.contacts.model;

import java.util.List;

/**
 * The answer to renaming, removing or adding a label across contacts ({@code POST /contacts/labels/rename/},
 * {@code .../remove/}, {@code .../add/}, {@code .../take-off/}): the ids of the contacts whose labels changed, in id order.
 */
public record RelabelledContacts(List<Long> changed) {

    public RelabelledContacts {
        changed = List.copyOf(changed);
    }
}
