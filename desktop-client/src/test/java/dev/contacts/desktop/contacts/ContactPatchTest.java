package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.Wire;
import org.junit.jupiter.api.Test;

class ContactPatchTest {

    private static final ContactDraft BEFORE = new ContactDraft("Ada", "Lovelace",
            List.of(new LabeledValue("ada@example.com", "home")), List.of(), LocalDate.of(1815, 12, 10), "Notes",
            List.of(), "Engines", null, null, List.of("Family"), false);

    @Test
    void onlyTheChangedFieldsByTheirWireNamesAndAClearedOneAsNull() {
        ContactDraft after = new ContactDraft("Ada", "King", BEFORE.emails(), List.of(), null, "Notes", List.of(),
                "Engines", "Analyst", null, List.of("Family"), true);
        Map<String, Object> expected = new HashMap<>();
        expected.put("last_name", "King");
        expected.put("birthday", null);
        expected.put("job_title", "Analyst");
        expected.put("favorite", true);
        assertEquals(expected, ContactPatch.between(BEFORE, after));
    }

    @Test
    void nothingChangedIsAnEmptyPatchAndAListIsSentWhole() throws Exception {
        assertTrue(ContactPatch.between(BEFORE, BEFORE).isEmpty());
        ContactDraft after = BEFORE.withEmails(List.of(new LabeledValue("ada@example.com", "work")));
        assertEquals("{\"emails\":[{\"value\":\"ada@example.com\",\"label\":\"work\"}]}",
                Wire.mapper().writeValueAsString(ContactPatch.between(BEFORE, after)));
    }
}
