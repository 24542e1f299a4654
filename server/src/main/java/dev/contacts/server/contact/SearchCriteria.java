package dev.contacts.server.contact;

import java.util.Arrays;
import java.util.List;

/**
 * What {@code GET /contacts/search/} looks for, folded with {@link ContactKeys#fold}: the words of
 * {@code query} (each must be in some field), and v1's per-field criteria ({@code null} where not given).
 */
record SearchCriteria(List<String> words, String firstName, String lastName, String email) {

    SearchCriteria {
        words = List.copyOf(words);
    }

    static SearchCriteria of(String query, String firstName, String lastName, String email) {
        List<String> words = query == null ? List.of()
                : Arrays.stream(query.split("(?U)\\s+")).filter(w -> !w.isEmpty()).map(ContactKeys::fold)
                        .filter(w -> !w.isEmpty()).toList();
        return new SearchCriteria(words, ContactKeys.fold(firstName), ContactKeys.fold(lastName),
                ContactKeys.fold(email));
    }

    boolean isEmpty() {
        return words.isEmpty() && firstName == null && lastName == null && email == null;
    }
}
