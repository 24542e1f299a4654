package dev.contacts.server.contact;

/**
 * What {@code GET /contacts/search/} looks for, each part already folded with {@link SearchText}; {@code null}
 * where not given. {@code query} matches any of the names and the email; the others their own field.
 */
record SearchCriteria(String query, String firstName, String lastName, String email) {

    static SearchCriteria of(String query, String firstName, String lastName, String email) {
        return new SearchCriteria(SearchText.fold(query), SearchText.fold(firstName), SearchText.fold(lastName),
                SearchText.fold(email));
    }

    boolean isEmpty() {
        return query == null && firstName == null && lastName == null && email == null;
    }
}
