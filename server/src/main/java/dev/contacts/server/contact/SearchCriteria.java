package dev.contacts.server.contact;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

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
                        .filter(w -> !w.isEmpty()).distinct().toList();
        return new SearchCriteria(withoutContainedWords(words), ContactKeys.fold(firstName), ContactKeys.fold(lastName),
                ContactKeys.fold(email));
    }

    /**
     * The words that are not part of another word: a field holding "anna" holds "ann" too, so "ann anna" finds what
     * "anna" finds. Each word costs the databases a condition (SQLite refuses a query nested over 1,000 deep), and
     * a pasted text repeats its short words.
     */
    private static List<String> withoutContainedWords(List<String> distinct) {
        return distinct.stream()
                .filter(word -> distinct.stream().noneMatch(other -> other.length() > word.length() && other.contains(word)))
                .toList();
    }

    boolean isEmpty() {
        return words.isEmpty() && firstName == null && lastName == null && email == null;
    }

    /**
     * Whether some criterion holds U+0000, which no stored text does (neither database stores it): nothing matches,
     * and the databases are not asked (SQLite's FTS5 query syntax ends a phrase at it, PostgreSQL refuses it).
     */
    boolean matchesNothing() {
        return Stream.concat(words.stream(), Stream.of(firstName, lastName, email))
                .anyMatch(text -> text != null && text.indexOf('\0') >= 0);
    }
}
