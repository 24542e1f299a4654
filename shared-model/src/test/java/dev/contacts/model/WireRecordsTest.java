package dev.contacts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

/**
 * The listing items that add a field or two to a contact are the contact's own fields plus theirs on the wire
 * (no nested object), and read back into the same record: the server writes them and the client reads them with
 * the one JSON configuration.
 */
class WireRecordsTest {

    private static final ObjectMapper JSON = Wire.mapper();
    private static final Contact ADA = new Contact(7, "Ada", "Lovelace", "ada@example.com", null,
            LocalDate.of(1815, 12, 10), null, Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05Z"));

    @Test
    void anUpcomingBirthdayIsTheContactPlusTwoFields() throws Exception {
        UpcomingBirthday birthday = new UpcomingBirthday(ADA, LocalDate.of(2026, 12, 10), 14);
        JsonNode json = JSON.valueToTree(birthday);
        assertEquals(7, json.get("id").asLong());
        assertEquals("Ada", json.get("first_name").asText());
        assertEquals("ada@example.com", json.get("email").asText());
        assertEquals("2026-12-10", json.get("next_birthday").asText());
        assertEquals(14, json.get("days_until").asInt());
        assertEquals(JSON.valueToTree(ADA).size() + 2, json.size(), json.toString());
        assertEquals(birthday, JSON.treeToValue(json, UpcomingBirthday.class));
    }

    @Test
    void aTrashedContactIsTheContactPlusWhenItWasDeleted() throws Exception {
        TrashedContact trashed = new TrashedContact(ADA, Instant.parse("2026-02-03T04:05:06Z"));
        JsonNode json = JSON.valueToTree(trashed);
        assertEquals("Lovelace", json.get("last_name").asText());
        assertEquals("2026-02-03T04:05:06Z", json.get("deleted_at").asText());
        assertEquals(JSON.valueToTree(ADA).size() + 1, json.size(), json.toString());
        assertEquals(trashed, JSON.treeToValue(json, TrashedContact.class));
    }

    @Test
    void listsOfThemReadBackItemByItem() throws Exception {
        TrashedContact first = new TrashedContact(ADA, Instant.parse("2026-02-03T04:05:06Z"));
        TrashedContact second = new TrashedContact(new Contact(8, "Alan", "Turing", null, null, null, null,
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05Z")),
                Instant.parse("2026-02-03T04:05:07Z"));
        String trash = JSON.writeValueAsString(List.of(first, second));
        assertEquals(List.of(first, second), JSON.readValue(trash, new TypeReference<List<TrashedContact>>() { }));
        assertEquals(List.of(first, second), JSON.convertValue(JSON.readTree(trash),
                new TypeReference<List<TrashedContact>>() { }));
        UpcomingBirthday birthday = new UpcomingBirthday(ADA, LocalDate.of(2026, 12, 10), 14);
        String birthdays = JSON.writeValueAsString(List.of(birthday, birthday));
        assertEquals(List.of(birthday, birthday), JSON.readValue(birthdays,
                new TypeReference<List<UpcomingBirthday>>() { }));
    }

    @Test
    void aTrashedContactThatIsNotAnObjectIsRefused() {
        assertThrows(MismatchedInputException.class, () -> JSON.readValue("[1]",
                new TypeReference<List<TrashedContact>>() { }));
    }
}
