package dev.contacts.model;

import java.util.List;

/**
 * The answer to taking a label off contacts ({@code POST /contacts/labels/remove/}, {@code .../take-off/}): the ids
 * of the contacts whose labels changed, in id order, and for each where the label stood among its labels (0 first),
 * which {@code .../add/} takes as {@code places} so that Undo puts it back there rather than last.
 */
public record RemovedLabel(List<Long> changed, List<Integer> places) {

    public RemovedLabel {
        changed = List.copyOf(changed);
        places = List.copyOf(places);
    }
}
