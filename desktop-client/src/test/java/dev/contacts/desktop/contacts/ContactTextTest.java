package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import dev.contacts.desktop.api.ContactsApi.SortBy;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.PostalAddress;
import org.junit.jupiter.api.Test;

class ContactTextTest {

    private static Contact contact(String first, String last) {
        return new Contact(1, new ContactDraft(first, last, null, null, null, null), false, null, null);
    }

    @Test
    void aNameWithRightToLeftLettersIsKnownAsSuch() {
        // the details' title does not wrap such a name: wrapped, JavaFX repeated its words at the break
        assertTrue(ContactText.hasRightToLeft("محمد عبد الرحمن الفاروقي"));
        assertTrue(ContactText.hasRightToLeft("דוד כהן"));
        assertTrue(ContactText.hasRightToLeft("Omar محمد"));
        assertTrue(!ContactText.hasRightToLeft("Ada Lovelace") && !ContactText.hasRightToLeft("Taro 山田")
                && !ContactText.hasRightToLeft("Жуков") && !ContactText.hasRightToLeft(""));
    }

    @Test
    void namesInitialsAndTheLetterTheyAreListedUnder() {
        assertEquals("Ada Lovelace", ContactText.name(contact("Ada", "Lovelace")));
        assertEquals("Cher", ContactText.name(contact("Cher", "")));
        // Chinese, Japanese and Korean names: family name first, no space (were "小明 王", "太郎 山田")
        assertEquals("王小明", ContactText.name(contact("小明", "王")));
        assertEquals("山田太郎", ContactText.name(contact("太郎", "山田")));
        assertEquals("山太", ContactText.initials(contact("太郎", "山田")));
        assertEquals("AL", ContactText.initials(contact("ada", "Lovelace")));
        assertEquals("C", ContactText.initials(contact("Cher", "")));
        assertEquals("4", ContactText.initials(contact("42 Club", "")), "a digit is shown, not the list's \"#\"");
        assertEquals("", ContactText.initials(contact("", "")), "no name yet: the avatar shows a person");
        assertEquals("", ContactText.initials(contact("(", "")));
        assertEquals("E", ContactText.initialOf("Émile"), "accents are folded, as the server's collation does");
        assertEquals("Ж", ContactText.initialOf("жанна"));
        assertEquals("#", ContactText.initialOf("42 Club"));
        assertEquals("#", ContactText.initialOf(""));
        assertEquals("Lovelace", ContactText.sortName(contact("Ada", "Lovelace"), SortBy.LAST_NAME));
        assertEquals("Ada", ContactText.sortName(contact("Ada", "Lovelace"), SortBy.FIRST_NAME));
    }

    @Test
    void aLatinLetterOutsideAToZIsListedUnderTheLetterOfTheStripWhosePartOfTheOrderItIsIn() {
        assertEquals("O", ContactText.sectionOf(contact("Søren", "Østergaard"), SortBy.LAST_NAME),
                "the server's collation lists Østergaard among the O's (O'Brien, Østergaard, Owen)");
        assertEquals("SØ", ContactText.initials(contact("Søren", "Østergaard")), "the avatar keeps his letters");
        assertEquals("A", ContactText.indexLetter("Æ"));
        assertEquals("O", ContactText.indexLetter("Œ"));
        assertEquals("L", ContactText.indexLetter("Ł"));
        assertEquals("Z", ContactText.indexLetter("Þ"), "after Z in the server's order: under Z, not before T");
        assertEquals("M", ContactText.indexLetter("M"));
        assertEquals("#", ContactText.indexLetter("#"));
        assertEquals("Ж", ContactText.indexLetter("Ж"), "another script keeps its own heading");
        assertTrue(ContactText.compareInitials("O", "P") < 0 && ContactText.compareInitials("Ø", "P") < 0,
                "Ø comes before P as the server lists it, not after Z");
    }

    @Test
    void anAvatarKeepsItsColourForAName() {
        int color = ContactText.avatarColor(contact("Ada", "Lovelace"));
        assertEquals(color, ContactText.avatarColor(contact("Ada", "Lovelace")));
        assertTrue(color >= 0 && color < ContactText.AVATAR_COLORS);
    }

    @Test
    void anAvatarKeepsItsColourWhenTheNameIsEdited() {
        Contact before = new Contact(42, new ContactDraft("Ada", "Lovelace", null, null, null, null), false, null, null);
        Contact renamed = new Contact(42, new ContactDraft("Ada", "King", null, null, null, null), false, null, null);
        assertEquals(ContactText.avatarColor(before), ContactText.avatarColor(renamed),
                "the same contact, renamed, keeps its colour (Google's does)");
        Contact other = new Contact(43, new ContactDraft("Ada", "Lovelace", null, null, null, null), false, null, null);
        assertTrue(ContactText.avatarColor(other) != ContactText.avatarColor(before),
                "another contact of the same name need not share it: the colour is the contact's, not the name's");
    }

    @Test
    void theAgeOnADayAndNoneForAnUnknownYear() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertEquals(OptionalInt.of(40), ContactText.age(LocalDate.of(1986, 11, 26), today), "birthday today");
        assertEquals(OptionalInt.of(39), ContactText.age(LocalDate.of(1986, 11, 27), today), "tomorrow");
        assertEquals(OptionalInt.empty(), ContactText.age(LocalDate.of(1604, 3, 1), today), "year unknown");
        assertEquals(OptionalInt.empty(), ContactText.age(null, today));
    }

    @Test
    void anAddressReadsAsOnAnEnvelopeSkippingMissingParts() {
        assertEquals("12 St James's Square\nLondon\nSW1Y 4JH\nUnited Kingdom", ContactText.address(
                new PostalAddress("home", "12 St James's Square", "London", null, "SW1Y 4JH", "United Kingdom")));
        assertEquals("Kyiv", ContactText.address(new PostalAddress("work", null, "Kyiv", null, null, null)));
    }

    @Test
    void theDetailsNameACountryTypedAsItsCodeInTheUsersLanguage() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.UK);
            assertEquals("1 Infinite Loop\nCupertino, CA 95014\nUnited States", ContactText.address(
                    new PostalAddress("work", "1 Infinite Loop", "Cupertino", "CA", "95014", "US")));
            java.util.Locale.setDefault(java.util.Locale.FRANCE);
            assertEquals("Pariser Platz 1\n10117 Berlin\nAllemagne", ContactText.address(
                    new PostalAddress("work", "Pariser Platz 1", "Berlin", null, "10117", "DE")));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void theLineUnderTheNameIsTheWorkplaceElseTheEmailElseThePhone() {
        Contact working = new Contact(1, new ContactDraft("Ada", "L", List.of(), List.of(), null, null, List.of(),
                "Engines Ltd", "Analyst", null, List.of(), false), false, null, null);
        assertEquals("Analyst · Engines Ltd", ContactText.subtitle(working));
        assertEquals("a@example.com", ContactText.subtitle(new Contact(1,
                new ContactDraft("A", "B", "a@example.com", "+1 555 0100", null, null), false, null, null)));
        assertEquals("+1 555 0100", ContactText.subtitle(new Contact(1,
                new ContactDraft("A", "B", null, "+1 555 0100", null, null), false, null, null)));
        assertEquals("", ContactText.subtitle(contact("A", "B")));
    }

    @Test
    void aBusinessNamedAfterItsOrganizationIsNotNamedTwice() {
        // as a Google CSV row with only "Organization Name" is imported: the organization is the name too
        Contact pizzeria = new Contact(1, new ContactDraft("Pizzeria Roma", "", List.of(),
                List.of(new dev.contacts.model.LabeledValue("+39 06 1234 5678", "work")), null, null, List.of(),
                "Pizzeria Roma", null, null, List.of(), false), false, null, null);
        assertEquals("+39 06 1234 5678", ContactText.subtitle(pizzeria), "its phone under its name, not its name again");
        assertEquals("", ContactText.headline(pizzeria));
        Contact working = new Contact(1, new ContactDraft("Ada", "L", List.of(), List.of(), null, null, List.of(),
                "Engines Ltd", "Analyst", "Countess", List.of(), false), false, null, null);
        assertEquals("“Countess” · Analyst · Engines Ltd", ContactText.headline(working));
    }

    @Test
    void theJobTitleAndOrganizationReadTheSameInTheListAndInTheDetails() {
        Contact working = new Contact(1, new ContactDraft("Grace", "Hopper", List.of(), List.of(), null, null,
                List.of(), "Navy", "Rear admiral", null, List.of(), false), false, null, null);
        assertEquals("Rear admiral · Navy", ContactText.subtitle(working), "the list's row");
        assertEquals("Rear admiral · Navy", ContactText.headline(working), "the details' line");
        Contact noTitle = new Contact(1, new ContactDraft("Grace", "Hopper", List.of(), List.of(), null, null,
                List.of(), "Navy", " ", null, List.of(), false), false, null, null);
        assertEquals("Navy", ContactText.subtitle(noTitle), "a blank title adds no separator");
    }
}
