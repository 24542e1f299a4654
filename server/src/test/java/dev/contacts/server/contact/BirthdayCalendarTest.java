package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import dev.contacts.model.Contact;
import dev.contacts.model.UpcomingBirthday;
import org.junit.jupiter.api.Test;

class BirthdayCalendarTest {

    private static LocalDate next(String birthday, String today) {
        return BirthdayCalendar.nextBirthday(LocalDate.parse(birthday), LocalDate.parse(today));
    }

    private static BirthdayCalendar.Window window(String today, int days) {
        return BirthdayCalendar.window(LocalDate.parse(today), days);
    }

    @Test
    void laterThisYearTodayOrNextYear() {
        assertEquals(LocalDate.parse("2026-12-01"), next("1990-12-01", "2026-11-25"));
        assertEquals(LocalDate.parse("2026-11-25"), next("1990-11-25", "2026-11-25"), "today counts");
        assertEquals(LocalDate.parse("2027-11-24"), next("1990-11-24", "2026-11-25"), "yesterday: next year");
    }

    @Test
    void the29thOfFebruaryFallsOnThe28thInCommonYears() {
        assertEquals(LocalDate.parse("2027-02-28"), next("2000-02-29", "2027-01-10"));
        assertEquals(LocalDate.parse("2028-02-29"), next("2000-02-29", "2027-03-01"));
    }

    @Test
    void theWindowIsExactAndWrapsAtTheNewYear() {
        assertEquals(new BirthdayCalendar.Window("06-10", "06-17", "02-28", false), window("2026-06-10", 7));
        assertEquals(new BirthdayCalendar.Window("12-30", "01-06", "02-28", false), window("2026-12-30", 7));
        assertEquals(new BirthdayCalendar.Window("11-25", "11-25", "02-28", false), window("2026-11-25", 0));
    }

    @Test
    void theLeapDayIsReadAsTheDayItIsCelebratedOn() {
        assertEquals("02-28", window("2027-02-28", 0).leapDayFallsOn(), "a common year: on the 28th");
        assertEquals("02-29", window("2027-12-01", 100).leapDayFallsOn(), "the window reaches Feb 2028");
        assertEquals("02-29", window("2028-02-29", 0).leapDayFallsOn());
    }

    @Test
    void aWindowContainsItsEndsAndWraps() {
        assertEquals(true, window("2026-12-30", 7).contains("12-30"));
        assertEquals(true, window("2026-12-30", 7).contains("01-06"));
        assertEquals(false, window("2026-12-30", 7).contains("01-07"));
        assertEquals(false, window("2026-06-10", 7).contains("06-09"));
        assertEquals(true, window("2027-02-20", 8).contains(window("2027-02-20", 8).leapDayFallsOn()),
                "a common year's 28 February holds the leap-day birthdays");
    }

    @Test
    void a365DayWindowHoldsEveryDay() {
        assertEquals(false, window("2026-01-01", 364).everyDay());
        assertEquals(true, window("2026-01-01", 365).everyDay());
        assertEquals(true, window("2026-01-01", 366).everyDay());
    }

    @Test
    void daysUntilAndAgeTurningOnTheNextBirthday() {
        Contact c = new Contact(1, "A", "a", null, null, LocalDate.parse("1990-01-05"), null, Instant.EPOCH,
                Instant.EPOCH);
        UpcomingBirthday b = BirthdayCalendar.upcoming(c, LocalDate.parse("2026-12-30"));
        assertEquals(LocalDate.parse("2027-01-05"), b.nextBirthday());
        assertEquals(6, b.daysUntil());
        assertEquals(37, b.ageTurning());
    }
}
