package dev.contacts.server.contact.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import org.junit.jupiter.api.Test;

class ContactMergeTest {

    private static ContactDraft draft(String first, String last, List<LabeledValue> emails, List<LabeledValue> phones,
                                      String notes, String organization, List<String> labels) {
        return new ContactDraft(first, last, emails, phones, null, notes, List.of(), organization, null, null, labels,
                false);
    }

    @Test
    void keptValuesWinEmptyFieldsAreFilledAndListsUnitedWithoutDuplicates() {
        ContactDraft keep = draft("Ann", "", List.of(new LabeledValue("ann@example.com", "home")),
                List.of(new LabeledValue("+1 555 010 2000", "mobile")), null, "Globex", List.of("Family"));
        ContactDraft other = new ContactDraft("Annie", "Lee",
                List.of(new LabeledValue("ANN@example.com", "work"), new LabeledValue("ann@work.example", "work")),
                List.of(new LabeledValue("+1 (555) 010-2000", "home"), new LabeledValue("+1 555 010 3000", "home")),
                LocalDate.of(1980, 1, 2), "From the phone", List.of(new PostalAddress("home", "1 Main St", null, null,
                        null, null)), "Initech", "Engineer", "Annie", List.of("family", "Chess"), true);
        ContactDraft merged = ContactMerge.merge(keep, other, ContactMerge.Notes.FILL);
        assertEquals("Ann", merged.firstName());
        assertEquals("Lee", merged.lastName(), "an empty last name is filled");
        assertEquals(List.of(new LabeledValue("ann@example.com", "home"), new LabeledValue("ann@work.example", "work")),
                merged.emails(), "an email differing in case only is the same email");
        assertEquals(List.of(new LabeledValue("+1 555 010 2000", "mobile"), new LabeledValue("+1 555 010 3000", "home")),
                merged.phones(), "phones are the same by their digits");
        assertEquals("Globex", merged.organization());
        assertEquals("Engineer", merged.jobTitle());
        assertEquals(LocalDate.of(1980, 1, 2), merged.birthday());
        assertEquals(List.of("Family", "Chess"), merged.labels());
        assertEquals(1, merged.addresses().size());
        assertEquals("From the phone", merged.additionalData(), "empty notes are filled");
        assertTrue(merged.favorite());
    }

    private static ContactDraft at(PostalAddress... addresses) {
        return new ContactDraft("Ann", "Lee", List.of(), List.of(), null, null, List.of(addresses), null, null, null,
                List.of(), false);
    }

    private static List<String> streets(ContactDraft draft) {
        return draft.addresses().stream().map(a -> a.label() + ": " + a.street()).toList();
    }

    @Test
    void anAddressWrittenWithMoreOfItsStreetIsTheSameAddressAndTheFullerOneIsKept() {
        PostalAddress outlook = new PostalAddress("home", "Kastanienallee 7", "Berlin", null, "10435", "Germany");
        PostalAddress thunderbird = new PostalAddress("home", "Kastanienallee 7, Hinterhaus, 3. OG", "berlin", null,
                "10435", "Germany");
        PostalAddress google = new PostalAddress("other", "Hinterhaus, Kastanienallee 7", "Berlin", null, "10435",
                "Germany");
        for (ContactMerge.Notes notes : ContactMerge.Notes.values()) {
            assertEquals(List.of("home: Kastanienallee 7, Hinterhaus, 3. OG"),
                    streets(ContactMerge.merge(at(outlook), at(thunderbird), notes)), "the kept one takes the street");
            assertEquals(List.of("home: Kastanienallee 7, Hinterhaus, 3. OG"),
                    streets(ContactMerge.merge(at(thunderbird), at(outlook), notes)), "the kept one holds it all");
            assertEquals(List.of("home: Hinterhaus, Kastanienallee 7"),
                    streets(ContactMerge.merge(at(outlook), at(google), notes)), "an extension before the street");
        }
        // another house, another place, a street that only begins the same: other addresses
        PostalAddress seventy = new PostalAddress("home", "Kastanienallee 70, Hinterhaus", "Berlin", null, "10435",
                "Germany");
        PostalAddress hamburg = new PostalAddress("home", "Kastanienallee 7, Hinterhaus", "Hamburg", null, "10435",
                "Germany");
        PostalAddress noCode = new PostalAddress("home", "Kastanienallee 7, Hinterhaus", "Berlin", null, null,
                "Germany");
        assertEquals(List.of("home: Kastanienallee 7", "home: Kastanienallee 70, Hinterhaus",
                "home: Kastanienallee 7, Hinterhaus", "home: Kastanienallee 7, Hinterhaus"),
                streets(ContactMerge.merge(at(outlook), new ContactDraft("Ann", "Lee", List.of(), List.of(), null,
                        null, List.of(seventy, hamburg, noCode), null, null, null, List.of(), false),
                        ContactMerge.Notes.FILL)));
    }

    @Test
    void importKeepsExistingNotesAndMergeJoinsThem() {
        ContactDraft keep = draft("Ann", "Lee", List.of(), List.of(), "Mine", null, List.of());
        ContactDraft other = draft("Ann", "Lee", List.of(), List.of(), "Theirs", null, List.of());
        assertEquals("Mine", ContactMerge.merge(keep, other, ContactMerge.Notes.FILL).additionalData());
        assertEquals("Mine\n\nTheirs", ContactMerge.merge(keep, other, ContactMerge.Notes.JOIN).additionalData());
        ContactDraft twice = ContactMerge.merge(ContactMerge.merge(keep, other, ContactMerge.Notes.JOIN), other,
                ContactMerge.Notes.JOIN);
        assertEquals("Mine\n\nTheirs", twice.additionalData(), "merging the same notes again adds nothing");
    }

    @Test
    void entriesAFullListHasNoRoomForGoToTheNotes() {
        List<LabeledValue> ten = IntStream.range(0, 10).mapToObj(i -> new LabeledValue("a" + i + "@example.com", "other"))
                .toList();
        ContactDraft keep = draft("Ann", "Lee", ten, List.of(), null, null, List.of());
        ContactDraft other = draft("Ann", "Lee", List.of(new LabeledValue("z@example.com", "work")), List.of(), null,
                null, List.of());
        ContactDraft merged = ContactMerge.merge(keep, other, ContactMerge.Notes.FILL);
        assertEquals(ten, merged.emails());
        assertEquals("Email (work): z@example.com", merged.additionalData());
        assertEquals(merged, ContactMerge.merge(merged, other, ContactMerge.Notes.FILL), "and only once");
    }

    private static List<LabeledValue> phones(String... values) {
        return java.util.Arrays.stream(values).map(v -> new LabeledValue(v, "mobile")).toList();
    }

    private static List<String> mergedPhones(List<LabeledValue> keep, List<LabeledValue> other) {
        return ContactMerge.merge(draft("Ann", "Lee", List.of(), keep, null, null, List.of()),
                draft("Ann", "Lee", List.of(), other, null, null, List.of()), ContactMerge.Notes.JOIN)
                .phones().stream().map(LabeledValue::value).toList();
    }

    @Test
    void oneNumberWrittenNationallyAndInternationallyIsOnePhoneInTheKeptWriting() {
        assertEquals(List.of("0170 1234567", "(030) 12-34-56"),
                mergedPhones(phones("0170 1234567"), phones("+49 170 1234567", "(030) 12-34-56", "0049 30 123456")),
                "the +49 on the cards says where the numbers without a country code are");
        assertEquals(List.of("+49 170 1234567"), mergedPhones(phones("+49 170 1234567"), phones("0170/123 45 67")));
        assertEquals(List.of("+49 30 123456 ext. 12", "030 123456"),
                mergedPhones(phones("+49 30 123456 ext. 12"), phones("030 123456")), "an extension is another line");
    }

    @Test
    void aNumberThatIsMerelySimilarIsNeverDropped() {
        assertEquals(List.of("0170 1234567", "170 1234567"), mergedPhones(phones("0170 1234567"),
                phones("170 1234567")), "no number with a country code: no region, only the same digits are one");
        assertEquals(List.of("0170 1234567", "+49 171 1234567"),
                mergedPhones(phones("0170 1234567"), phones("+49 171 1234567")));
        assertEquals(List.of("0170 1234567", "+49 30 1111", "+44 170 1234567"),
                mergedPhones(phones("0170 1234567", "+49 30 1111"), phones("+44 170 1234567")),
                "numbers of two countries on the cards: the national one is of neither for sure");
    }

    @Test
    void aMergeKeepsTheKeptValuesAndJoinsOnlyTheNotes() {
        ContactDraft keep = new ContactDraft("Robert", "Stone", List.of(), List.of(), LocalDate.of(1980, 1, 2),
                "Met at work", List.of(), "Globex", "CTO", "Bob", List.of(), false);
        ContactDraft other = new ContactDraft("Bobby", "Stone", List.of(), List.of(), LocalDate.of(1604, 3, 4),
                "Chess club", List.of(), "Initech", "cto", "Bobby", List.of(), false);
        ContactDraft merged = ContactMerge.merge(keep, other, ContactMerge.Notes.JOIN);
        assertEquals("Robert", merged.firstName());
        assertEquals(LocalDate.of(1980, 1, 2), merged.birthday());
        assertEquals("Globex", merged.organization());
        assertEquals("Met at work\n\nChess club", merged.additionalData(),
                "the contract: keep's values win, notes are joined (the other card keeps its own, in the trash)");
        assertEquals(merged, ContactMerge.merge(merged, other, ContactMerge.Notes.JOIN), "and only once");
        assertEquals("Met at work", ContactMerge.merge(keep, other, ContactMerge.Notes.FILL).additionalData(),
                "an import changes nothing the contact has");
    }

    @Test
    void theKeptContactsOwnEntriesThatLookAlikeAllStay() {
        // Apple writes one address as "other" and as "work"; one number may be "mobile" and "WhatsApp": an import
        // merging into such a card dropped the second of each (seen importing an Apple card's CSV export again)
        List<LabeledValue> emails = List.of(new LabeledValue("aiko@pixel.example", "other"),
                new LabeledValue("aiko@pixel.example", "work"));
        List<LabeledValue> phones = List.of(new LabeledValue("+81 90 1234 5678", "mobile"),
                new LabeledValue("+81 90 1234 5678", "WhatsApp"));
        ContactDraft keep = draft("Aiko", "Sato", emails, phones, null, null, List.of());
        ContactDraft other = draft("Aiko", "Sato", List.of(new LabeledValue("AIKO@pixel.example", "home")),
                List.of(new LabeledValue("090-1234-5678", "home")), null, null, List.of());
        for (ContactMerge.Notes notes : ContactMerge.Notes.values()) {
            ContactDraft merged = ContactMerge.merge(keep, other, notes);
            assertEquals(emails, merged.emails(), notes.name());
            assertEquals(phones, merged.phones(), notes.name());
        }
    }
}
