package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import dev.contacts.model.Contact;
import dev.contacts.model.Wire;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;

/** The contract's search rule applied in the test, to check the server's searches against (never its index). */
final class SearchRule {

    private SearchRule() {
    }

    /** The rule itself, in ascending id: every word of the folded query a substring of the contact's folded fields. */
    static List<Long> matching(List<Contact> book, String query) {
        List<String> words = SearchCriteria.of(query, null, null, null).words();
        return book.stream().filter(c -> {
            String text = ContactKeys.searchText(c.toDraft());
            return words.stream().allMatch(text::contains);
        }).map(Contact::id).sorted().toList();
    }

    /** The owner's live contacts as the list (which never reads the search index) gives them, by id. */
    static List<Contact> listed(TestApi api, String token) {
        Response list = api.get("/contacts/?limit=1000", token);
        assertEquals(200, list.status(), list.toString());
        try {
            return Arrays.stream(Wire.mapper().readValue(list.body(), Contact[].class))
                    .sorted(Comparator.comparingLong(Contact::id)).toList();
        } catch (Exception e) {
            throw new AssertionError("the list is not contacts: " + list, e);
        }
    }
}
