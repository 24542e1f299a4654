package dev.contacts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ContactRulesTest {

    private static ContactDraft draft(String first, String last, String email, String phone, LocalDate birthday,
                                      String data) {
        return new ContactDraft(first, last, email, phone, birthday, data).normalized();
    }

    private static List<String> fields(ContactDraft d) {
        return ContactRules.asV1(ContactRules.validate(d), true, true).stream().map(FieldError::field).toList();
    }

    @Test
    void aMinimalContactIsValid() {
        assertEquals(List.of(), fields(draft("A", "B", null, null, null, null)));
    }

    @Test
    void namesAreRequiredTrimmedAndAtMost50CodePoints() {
        assertEquals(List.of("first_name", "last_name"), fields(draft(null, null, null, null, null, null)));
        assertEquals(List.of(), fields(draft("A", "  ", null, null, null, null)), "v2: the last name may be empty");
        assertEquals(List.of("first_name"), fields(draft("   ", "B", null, null, null, null)));
        assertEquals("Ann", draft("  Ann\t", "B", null, null, null, null).firstName());
        assertEquals("Ann", draft("\u00a0Ann\u202f\u0085", "B", null, null, null, null).firstName(),
                "no-break spaces and NEL trim too, as in Python");
        assertEquals(List.of("first_name"), fields(draft("\u00a0\u2007", "B", null, null, null, null)));
        assertEquals(List.of(), fields(draft("x".repeat(50), "B", null, null, null, null)));
        assertEquals(List.of("last_name"), fields(draft("A", "x".repeat(51), null, null, null, null)));
        assertEquals(List.of(), fields(draft("𝒜".repeat(50), "B", null, null, null, null)), "code points, not chars");
    }

    @Test
    void phoneNeedsFiveDigitsAndOnlyPhoneCharacters() {
        assertEquals(List.of(), fields(draft("A", "B", null, "+1 (555) 123-4567", null, null)));
        assertEquals(List.of(), fields(draft("A", "B", null, "12.34.5", null, null)));
        assertEquals(List.of("phone"), fields(draft("A", "B", null, "+1-2-3", null, null)), "only 3 digits");
        assertEquals(List.of("phone"), fields(draft("A", "B", null, "12345x", null, null)));
        assertEquals(List.of("phone"), fields(draft("A", "B", null, "1".repeat(26), null, null)));
        assertEquals(List.of("phone"), fields(draft("A", "B", null, "123+45", null, null)));
    }

    @Test
    void birthdayMayBeTodayButNotLater() {
        assertEquals(List.of(), fields(draft("A", "B", null, null, LocalDate.now(), null)));
        assertEquals(List.of("birthday"), fields(draft("A", "B", null, null, LocalDate.now().plusDays(2), null)));
    }

    @Test
    void additionalDataIsKeptExactlyAndLimitedTo10000() {
        assertEquals("  note  ", draft("A", "B", null, null, null, "  note  ").additionalData());
        assertEquals(List.of(), fields(draft("A", "B", null, null, null, "n".repeat(10_000))));
        assertEquals(List.of("additional_data"), fields(draft("A", "B", null, null, null, "n".repeat(10_001))));
    }

    @Test
    void errorsCarryFastApiLocationsAndMessages() {
        FieldError e = ContactRules.validate(draft("A", "x".repeat(51), null, null, null, null)).get(0);
        assertEquals(List.of("body", "last_name"), e.loc());
        assertEquals("string_too_long", e.type());
        assertTrue(e.msg().contains("50"));
    }
}
