package dev.contacts.server.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.contacts.model.Contact;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import dev.contacts.model.Wire;

/**
 * A contact's row as the database holds it: its lists (emails, phones, addresses, labels) still the stored JSON
 * text. The contact it holds ({@link #contact()}) is a function of these fields alone, so two equal rows are sent
 * as the same JSON ({@link ContactJson}). {@code version} is the row's, raised by the database on every change of
 * it (migration V8): an id and a version name one content of a row.
 */
public record StoredContact(long id,
                            String firstName,
                            String lastName,
                            LocalDate birthday,
                            String additionalData,
                            String emails,
                            String phones,
                            String addresses,
                            String organization,
                            String jobTitle,
                            String nickname,
                            String labels,
                            boolean favorite,
                            boolean hasPhoto,
                            Instant createdAt,
                            Instant updatedAt,
                            long version) {

    private static final ObjectMapper JSON = Wire.mapper();
    // readers made once: a reader per call resolved its type again for every list of every contact read
    private static final ObjectReader VALUES = JSON.readerFor(new TypeReference<List<LabeledValue>>() { });
    private static final ObjectReader ADDRESSES = JSON.readerFor(new TypeReference<List<PostalAddress>>() { });
    private static final ObjectReader STRINGS = JSON.readerFor(new TypeReference<List<String>>() { });
    /** How an empty list is stored (what the repository writes for one). */
    static final String EMPTY_LIST = "[]";

    /** The contact this row holds, its lists read. */
    public Contact contact() {
        return new Contact(id, firstName, lastName, birthday, additionalData,
                read(emails, VALUES), read(phones, VALUES), read(addresses, ADDRESSES),
                organization, jobTitle, nickname, read(labels, STRINGS),
                favorite, hasPhoto, createdAt, updatedAt);
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(String json, ObjectReader reader) {
        if (EMPTY_LIST.equals(json)) {
            // most stored lists are empty (addresses, labels): a Jackson parser's set-up for each was a third of a
            // list page's JSON reading
            return (T) List.of();
        }
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored contact's list is not the JSON it should be", e);
        }
    }
}
