package dev.contacts.desktop.contacts;

import dev.contacts.desktop.api.ContactsApi.Filter;

/**
 * What the list shows the contacts of: the search typed ({@code query}, blank for none) within the part of the
 * book picked in the sidebar ({@code filter}). Counts, "select all", delete, export and the empty list's words
 * are all this listing's.
 */
public record Listing(String query, Filter filter) {

    public static final Listing WHOLE_BOOK = new Listing("", Filter.ALL);

    public Listing {
        query = query == null ? "" : query;
        filter = filter == null ? Filter.ALL : filter;
    }

    /** Whether it is the whole address book: no search, no filter. */
    public boolean wholeBook() {
        return query.isBlank() && filter.isAll();
    }

    /** " in “Family”", " among the favourites", or "" for the whole book: said after "contacts". */
    String within() {
        if (filter.favoritesOnly()) {
            return " among the favourites";
        }
        return filter.label().isEmpty() ? "" : " in “" + filter.label() + "”";
    }

    /** " matching “smith”" while searching, else "". */
    String matching() {
        return query.isBlank() ? "" : " matching “" + query + "”";
    }
}
