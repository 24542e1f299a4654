package dev.contacts.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import dev.contacts.model.ContactRules;
import org.junit.jupiter.api.Test;

/** One date format everywhere, with the year in full, and what people type read back. */
class DatesTest {

    private static final LocalDate ADA = LocalDate.of(1815, 12, 10);

    @Test
    void theLocalesShortDateWithTheYearInFull() {
        assertEquals("12/10/1815", new Dates(Locale.US).format(ADA));
        assertEquals("10.12.1815", new Dates(Locale.GERMANY).format(ADA));
        assertEquals("10/12/1815", new Dates(Locale.UK).format(ADA));
    }

    @Test
    void aBirthdaySpelledOutInTheLocalesWordsAndOrderWithoutAnUnknownYear() {
        assertEquals("December 10, 1815", new Dates(Locale.US).spelled(ADA));
        assertEquals("10. Dezember 1815", new Dates(Locale.GERMANY).spelled(ADA));
        assertEquals("10 de diciembre de 1815", new Dates(Locale.forLanguageTag("es-ES")).spelled(ADA));
        LocalDate yearUnknown = LocalDate.of(ContactRules.YEAR_UNKNOWN, 12, 10);
        assertEquals("December 10", new Dates(Locale.US).spelled(yearUnknown));
        assertEquals("10 de diciembre", new Dates(Locale.forLanguageTag("es-ES")).spelled(yearUnknown));
        assertEquals("12月10日", new Dates(Locale.JAPAN).spelled(yearUnknown));
        assertEquals("Sunday, December 10", new Dates(Locale.US).weekdayAndDate(LocalDate.of(2028, 12, 10)));
        assertEquals("Sonntag", new Dates(Locale.GERMANY).weekday(LocalDate.of(2028, 12, 10)));
    }

    @Test
    void theWeekdayAndDateAreWrittenInTheLocalesOwnOrder() {
        LocalDate sunday = LocalDate.of(2028, 12, 10);
        assertEquals("Sonntag, 10. Dezember", new Dates(Locale.GERMANY).weekdayAndDate(sunday));
        assertEquals("domingo, 10 de diciembre", new Dates(Locale.forLanguageTag("es-ES")).weekdayAndDate(sunday));
        assertEquals("12月10日日曜日", new Dates(Locale.JAPAN).weekdayAndDate(sunday));
        assertEquals("1815年12月10日", new Dates(Locale.JAPAN).spelled(ADA));
    }

    @Test
    void whatIsShownIsReadBackAndIsoAlways() {
        for (Locale locale : new Locale[] {Locale.US, Locale.GERMANY, Locale.UK, Locale.JAPAN, Locale.FRANCE}) {
            Dates dates = new Dates(locale);
            assertEquals(Optional.of(ADA), dates.parse(dates.format(ADA)), locale.toString());
            assertEquals(Optional.of(ADA), dates.parse("1815-12-10"), locale.toString());
        }
        assertEquals(Optional.of(LocalDate.of(1990, 4, 3)), new Dates(Locale.US).parse("4/3/1990"));
    }

    @Test
    void nonsenseAndImpossibleDatesAreNotRead() {
        Dates dates = new Dates(Locale.US);
        assertTrue(dates.parse("next tuesday").isEmpty());
        assertTrue(dates.parse("2/30/1990").isEmpty());
        assertTrue(dates.parse("").isEmpty());
    }

    @Test
    void aBirthdayWhoseYearIsUnknownIsShownAndTypedWithoutThePlaceholderYear() {
        LocalDate christmasNoYear = LocalDate.of(ContactRules.YEAR_UNKNOWN, 12, 24);
        assertEquals("12/24", new Dates(Locale.US).format(christmasNoYear), "not 12/24/1604");
        assertEquals("24.12", new Dates(Locale.GERMANY).format(christmasNoYear));
        assertEquals("24/12", new Dates(Locale.UK).format(christmasNoYear));
        for (Locale locale : new Locale[] {Locale.US, Locale.GERMANY, Locale.UK, Locale.JAPAN, Locale.FRANCE}) {
            Dates dates = new Dates(locale);
            assertEquals(Optional.of(christmasNoYear), dates.parse(dates.format(christmasNoYear)), locale.toString());
            assertEquals(Optional.of(christmasNoYear), dates.parse("--12-24"), locale.toString());
            assertEquals(Optional.of(ADA), dates.parse(dates.format(ADA)), "a full date still reads as one");
        }
        assertEquals(Optional.of(LocalDate.of(ContactRules.YEAR_UNKNOWN, 2, 29)), new Dates(Locale.US).parse("2/29"),
                "29 February fits the placeholder year");
        assertTrue(new Dates(Locale.US).parse("2/30").isEmpty());
        assertTrue(new Dates(Locale.US).hint().contains("4/23 when the year is unknown"));
    }
}
