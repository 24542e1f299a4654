package dev.contacts.server.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.contacts.model.ContactRules;

/**
 * What renaming, removing or adding a label does to one contact's labels (applied by
 * {@link ContactRepository#relabel} to each contact concerned, in one transaction). A label is matched as
 * {@code label=} and the counts match it: case and accents folded.
 */
final class LabelChanges {

    private LabelChanges() {
    }

    /** {@code name} becomes {@code newName}; a contact that carries {@code newName} already keeps that one (they merge). */
    static UnaryOperator<List<String>> renamed(String name, String newName) {
        String folded = ContactKeys.fold(name);
        String newFolded = ContactKeys.fold(newName);
        return labels -> {
            boolean placed = !newFolded.equals(folded) && labels.stream().anyMatch(l -> is(l, newFolded));
            List<String> renamed = new ArrayList<>();
            for (String label : labels) {
                if (!is(label, folded)) {
                    renamed.add(label);
                } else if (!placed) {
                    renamed.add(newName);
                    placed = true;
                }
            }
            return renamed;
        };
    }

    /** {@code name} taken off (the contact stays). */
    static UnaryOperator<List<String>> removed(String name) {
        String folded = ContactKeys.fold(name);
        return labels -> labels.stream().filter(l -> !is(l, folded)).toList();
    }

    /**
     * {@code name} added where it is not there yet, at {@code place} among the contact's labels (the end when past
     * it: the undo of a removal puts the label back where it stood); {@code tooMany} is thrown for a contact that
     * has no room left.
     */
    static UnaryOperator<List<String>> added(String name, int place, Supplier<? extends RuntimeException> tooMany) {
        String folded = ContactKeys.fold(name);
        return labels -> {
            if (labels.stream().anyMatch(l -> is(l, folded))) {
                return labels;
            }
            if (labels.size() >= ContactRules.LABELS_MAX) {
                throw tooMany.get();
            }
            List<String> added = new ArrayList<>(labels);
            added.add(Math.min(Math.max(place, 0), labels.size()), name);
            return added;
        };
    }

    /** Where {@code name} stands among {@code labels} (matched as {@code label=} matches); -1: not there. */
    static int place(List<String> labels, String name) {
        String folded = ContactKeys.fold(name);
        for (int i = 0; i < labels.size(); i++) {
            if (is(labels.get(i), folded)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean is(String label, String folded) {
        return ContactKeys.fold(label).equals(folded);
    }
}
