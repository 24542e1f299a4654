package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.contacts.model.Contact;
import dev.contacts.model.UpcomingBirthday;
import org.junit.jupiter.api.Test;

class BirthdayCalendarTest {

    private static LocalDate next(String birthday, String today) {
        return BirthdayCalendar.nextBirthday(LocalDate.parse(birthday), LocalDate.parse(today));
    }

    private static List<BirthdayCalendar.MonthDays> window(String today, int days) {
        return BirthdayCalendar.window(LocalDate.parse(today), days);
    }

    private static BirthdayCalendar.MonthDays run(String from, String to) {
        return new BirthdayCalendar.MonthDays(from, to, false);
    }

    private static final BirthdayCalendar.MonthDays LEAP_DAY_ON_THE_28TH =
            new BirthdayCalendar.MonthDays("02-28", "02-29", true);

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
    void theWindowIsRunsOfMonthDaysInTheOrderTheyComeAndWrapsAtTheNewYear() {
        assertEquals(List.of(run("06-10", "06-17")), window("2026-06-10", 7));
        assertEquals(List.of(run("12-30", "12-31"), run("01-01", "01-06")), window("2026-12-30", 7));
        assertEquals(List.of(run("11-25", "11-25")), window("2026-11-25", 0));
    }

    @Test
    void inACommonYearThe28thAnd29thOfFebruaryAreOneDayOrderedByName() {
        assertEquals(List.of(run("02-20", "02-27"), LEAP_DAY_ON_THE_28TH, run("03-01", "03-02")),
                window("2027-02-20", 10));
        assertEquals(List.of(LEAP_DAY_ON_THE_28TH), window("2027-02-28", 0));
        assertEquals(List.of(run("02-20", "02-27"), LEAP_DAY_ON_THE_28TH), window("2027-02-20", 8));
        assertEquals(List.of(run("02-20", "02-27")), window("2027-02-20", 7), "the 28th is not reached");
        assertEquals(List.of(run("12-01", "12-31"), run("01-01", "02-27"), LEAP_DAY_ON_THE_28TH),
                window("2026-12-01", 89), "after the new year, in a common year");
    }

    @Test
    void inALeapYearThe29thIsItsOwnDay() {
        assertEquals(List.of(run("02-20", "03-02")), window("2028-02-20", 11));
        assertEquals(List.of(run("02-20", "02-28")), window("2028-02-20", 8), "the 29th is not reached");
        assertEquals(List.of(run("12-01", "12-31"), run("01-01", "03-01")), window("2027-12-01", 91));
        assertEquals(List.of(run("02-29", "03-01")), window("2028-02-29", 1));
    }

    @Test
    void aWindowOf365DaysOrMoreHoldsEveryDayOnceFromToday() {
        List<BirthdayCalendar.MonthDays> year2026 = List.of(run("01-01", "02-27"), LEAP_DAY_ON_THE_28TH,
                run("03-01", "12-31"));
        assertEquals(year2026, window("2026-01-01", 364), "2026 has 365 days: up to the 31st of December");
        assertEquals(year2026, window("2026-01-01", 366));
        assertEquals(List.of(run("06-10", "12-31"), run("01-01", "02-27"), LEAP_DAY_ON_THE_28TH,
                run("03-01", "06-09")), window("2026-06-10", 366), "four runs at most");
        // from 1 March 2027 the next 29 February is in 2028: a day of its own
        assertEquals(List.of(run("03-01", "12-31"), run("01-01", "02-29")), window("2027-03-01", 365));
        assertEquals(List.of(run("03-01", "12-31"), run("01-01", "02-28")), window("2027-03-01", 364),
                "2028-02-29 is 365 days away");
        // from 1 March 2028 the next is 28 February 2029
        assertEquals(List.of(run("03-01", "12-31"), run("01-01", "02-27"), LEAP_DAY_ON_THE_28TH),
                window("2028-03-01", 366));
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
