package dev.contacts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The v2 fields' rules: lists and their limits, labels, addresses, the empty last name, the notes. */
class ContactRulesV2Test {

    private static final ContactDraft BASE = new ContactDraft("Ann", "", null, null, null, null);

    private static List<List<Object>> locs(ContactDraft draft) {
        return ContactRules.validate(draft.normalized()).stream().map(FieldError::loc).toList();
    }

    private static List<LabeledValue> emails(int n) {
        return IntStream.range(0, n).mapToObj(i -> new LabeledValue("a" + i + "@example.com", null)).toList();
    }

    private static List<LabeledValue> phones(int n) {
        return IntStream.range(0, n).mapToObj(i -> new LabeledValue("+1 555 000 " + (1000 + i), "work")).toList();
    }

    private static ContactDraft with(List<PostalAddress> addresses, List<String> labels) {
        return new ContactDraft("Ann", "B", List.of(), List.of(), null, null, addresses, null, null, null, labels,
                false);
    }

    @Test
    void atMostTenEmailsAndTenPhones() {
        assertEquals(List.of(), locs(BASE.withEmails(emails(10)).withPhones(phones(10))));
        assertEquals(List.of(List.of("body", "emails")), locs(BASE.withEmails(emails(11))));
        assertEquals(List.of(List.of("body", "phones")), locs(BASE.withPhones(phones(11))));
    }

    @Test
    void eachEntryIsCheckedWhereItIs() {
        ContactDraft draft = BASE.withEmails(List.of(new LabeledValue("a@example.com", "home"),
                new LabeledValue("not an address", "work")))
                .withPhones(List.of(new LabeledValue("+1 555 0100", "x".repeat(31))));
        assertEquals(List.of(List.of("body", "emails", 1, "value"), List.of("body", "phones", 0, "label")),
                locs(draft));
    }

    @Test
    void entryLabelsDefaultAndAreOneTo30Characters() {
        ContactDraft draft = BASE.withEmails(List.of(new LabeledValue("a@example.com", null)))
                .withPhones(List.of(new LabeledValue("+1 555 0100", null))).normalized();
        assertEquals("other", draft.emails().get(0).label());
        assertEquals("mobile", draft.phones().get(0).label());
        assertEquals(List.of(), locs(BASE.withPhones(List.of(new LabeledValue("12345", "x".repeat(30))))));
        assertEquals(List.of(List.of("body", "phones", 0, "label")),
                locs(BASE.withPhones(List.of(new LabeledValue("12345", "  ")))));
    }

    @Test
    void addressesAtMostFiveEachWithAPartOfAtMost100() {
        PostalAddress street = new PostalAddress(null, "1 Main St", null, null, null, null);
        assertEquals(List.of(), locs(with(Collections.nCopies(5, street), List.of())));
        assertEquals(List.of(List.of("body", "addresses")), locs(with(Collections.nCopies(6, street), List.of())));
        assertEquals(List.of(List.of("body", "addresses", 0)),
                locs(with(List.of(new PostalAddress("home", " ", null, null, null, null)), List.of())));
        assertEquals(List.of(), locs(with(List.of(new PostalAddress(null, null, null, null, null,
                "x".repeat(100))), List.of())));
        assertEquals(List.of(List.of("body", "addresses", 0, "postal_code")), locs(with(List.of(
                new PostalAddress(null, null, null, null, "x".repeat(101), null)), List.of())));
        assertEquals("other", with(List.of(street), List.of()).normalized().addresses().get(0).label());
    }

    @Test
    void labelsAreTrimmedMergedIgnoringCaseAndLimited() {
        assertEquals(List.of("Family", "Work"),
                with(List.of(), List.of(" Family ", "Work", "FAMILY", "work")).normalized().labels());
        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "L" + i).toList();
        List<String> twentyOne = IntStream.range(0, 21).mapToObj(i -> "L" + i).toList();
        assertEquals(List.of(), locs(with(List.of(), twenty)));
        assertEquals(List.of(List.of("body", "labels")), locs(with(List.of(), twentyOne)));
        assertEquals(List.of(), locs(with(List.of(), List.of("x".repeat(40)))));
        assertEquals(List.of(List.of("body", "labels", 0)), locs(with(List.of(), List.of("x".repeat(41)))));
        assertEquals(List.of(List.of("body", "labels", 0)), locs(with(List.of(), List.of("   "))));
    }

    @Test
    void organizationJobTitleAndNicknameLimits() {
        ContactDraft ok = new ContactDraft("A", "", List.of(), List.of(), null, null, List.of(), "o".repeat(100),
                "j".repeat(100), "n".repeat(50), List.of(), true);
        assertEquals(List.of(), locs(ok));
        ContactDraft tooLong = new ContactDraft("A", "", List.of(), List.of(), null, null, List.of(),
                "o".repeat(101), "j".repeat(101), "n".repeat(51), List.of(), true);
        assertEquals(List.of(List.of("body", "organization"), List.of("body", "job_title"),
                List.of("body", "nickname")), locs(tooLong));
        assertNull(new ContactDraft("A", "", List.of(), List.of(), null, null, List.of(), "  ", null, null,
                List.of(), false).normalized().organization(), "blank is no value");
    }

    @Test
    void lastNameMayBeEmptyButNotMissing() {
        assertEquals(List.of(), locs(BASE));
        assertEquals(List.of(List.of("body", "last_name")), locs(new ContactDraft("A", null, null, null, null, null)));
    }

    @Test
    void theV1EmailAndPhoneAreTheFirstEntries() {
        ContactDraft draft = BASE.withEmails(List.of(new LabeledValue("w@example.com", "work"),
                new LabeledValue("h@example.com", "home")));
        assertEquals("w@example.com", draft.email());
        ContactDraft replaced = draft.withEmail("new@example.com");
        assertEquals(List.of(new LabeledValue("new@example.com", "work"), new LabeledValue("h@example.com", "home")),
                replaced.emails(), "the first value is replaced, its label kept");
        assertEquals(List.of(new LabeledValue("h@example.com", "home")), draft.withEmail(null).emails(),
                "null removes the first entry");
        assertEquals(List.of(new LabeledValue("+1 555 0100", "mobile")), BASE.withPhone("+1 555 0100").phones(),
                "added with the default label when there is none");
    }

    @Test
    void v1LocationsForAFormThatGaveTheSingleFields() {
        ContactDraft draft = new ContactDraft("A", "B", "bad", "12", null, null).normalized();
        List<FieldError> v1 = ContactRules.asV1(ContactRules.validate(draft), true, true);
        assertEquals(List.of(List.of("body", "email"), List.of("body", "phone")),
                v1.stream().map(FieldError::loc).toList());
    }

    @Test
    void theYear1604MeansTheYearIsUnknown() {
        assertFalse(ContactRules.hasKnownYear(LocalDate.of(ContactRules.YEAR_UNKNOWN, 2, 29)));
        assertTrue(ContactRules.hasKnownYear(LocalDate.of(1990, 2, 28)));
        assertEquals(List.of(), locs(new ContactDraft("A", "B", null, null, LocalDate.of(1604, 2, 29), null)),
                "29 February fits: 1604 is a leap year");
    }

    @Test
    void theWireFormMirrorsThePrimaryEntriesAndReadsBack() throws Exception {
        ObjectMapper json = Wire.mapper();
        Contact contact = new Contact(7, BASE.withPhones(phones(2)).normalized(), true,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        JsonNode node = json.valueToTree(contact);
        assertEquals("+1 555 000 1000", node.get("phone").asText());
        assertTrue(node.get("email").isNull());
        assertEquals("work", node.at("/phones/1/label").asText());
        assertTrue(node.get("has_photo").asBoolean());
        assertEquals(List.of("id", "first_name", "last_name", "email", "phone", "birthday", "additional_data"),
                iterable(node).subList(0, 7), "v1's fields come first, in v1's order");
        assertEquals(contact, json.treeToValue(node, Contact.class));
    }

    @Test
    void aDraftSendsThePrimaryEntriesAlsoAsV1Fields() {
        JsonNode node = Wire.mapper().valueToTree(new ContactDraft("A", "B", "a@example.com", "12345", null, null));
        assertEquals("a@example.com", node.get("email").asText());
        assertEquals("12345", node.get("phone").asText());
        assertEquals("a@example.com", node.at("/emails/0/value").asText());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
