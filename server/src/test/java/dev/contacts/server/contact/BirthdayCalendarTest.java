package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.contacts.model.Contact;
import dev.contacts.model.UpcomingBirthday;
import org.junit.jupiter.api.Test;

class BirthdayCalendarTest {

    private static Contact born(long id, String last, String first, String birthday) {
        return new Contact(id, first, last, null, null, birthday == null ? null : LocalDate.parse(birthday), null,
                Instant.EPOCH, Instant.EPOCH);
    }

    private static LocalDate next(String birthday, String today) {
        return BirthdayCalendar.nextBirthday(LocalDate.parse(birthday), LocalDate.parse(today));
    }

    @Test
    void laterThisYearTodayOrNextYear() {
        assertEquals(LocalDate.parse("2026-12-01"), next("1990-12-01", "2026-11-25"));
        assertEquals(LocalDate.parse("2026-11-25"), next("1990-11-25", "2026-11-25"), "today counts");
        assertEquals(LocalDate.parse("2027-11-24"), next("1990-11-24", "2026-11-25"), "yesterday: next year");
    }

    @Test
    void acrossTheNewYear() {
        assertEquals(LocalDate.parse("2027-01-02"), next("1980-01-02", "2026-12-30"));
        List<UpcomingBirthday> upcoming = BirthdayCalendar.upcoming(
                List.of(born(1, "Jan", "A", "1980-01-02"), born(2, "Dec", "B", "1980-12-31")),
                LocalDate.parse("2026-12-30"), 7);
        assertEquals(List.of(2L, 1L), upcoming.stream().map(b -> b.contact().id()).toList());
        assertEquals(List.of(1, 3), upcoming.stream().map(UpcomingBirthday::daysUntil).toList());
    }

    @Test
    void the29thOfFebruaryFallsOnThe28thInCommonYears() {
        assertEquals(LocalDate.parse("2027-02-28"), next("2000-02-29", "2026-12-01"));
        assertEquals(LocalDate.parse("2028-02-29"), next("2000-02-29", "2027-03-01"), "leap year: the 29th");
        assertEquals(LocalDate.parse("2027-02-28"), next("2000-02-29", "2027-02-28"), "today in a common year");
        assertEquals(LocalDate.parse("2028-02-29"), next("2000-02-29", "2028-02-29"));
        List<UpcomingBirthday> onThe28th = BirthdayCalendar.upcoming(List.of(born(1, "Leap", "L", "2000-02-29")),
                LocalDate.parse("2027-02-28"), 0);
        assertEquals(1, onThe28th.size());
        assertEquals(0, onThe28th.get(0).daysUntil());
    }

    @Test
    void windowIncludesBothEndsAndSkipsContactsWithoutBirthday() {
        LocalDate today = LocalDate.parse("2026-06-10");
        List<UpcomingBirthday> upcoming = BirthdayCalendar.upcoming(List.of(
                born(1, "A", "a", "1990-06-10"), born(2, "B", "b", "1990-06-17"), born(3, "C", "c", "1990-06-18"),
                born(4, "D", "d", null)), today, 7);
        assertEquals(List.of(1L, 2L), upcoming.stream().map(b -> b.contact().id()).toList());
        assertEquals(List.of(0, 7), upcoming.stream().map(UpcomingBirthday::daysUntil).toList());
    }

    @Test
    void orderedByDaysThenLastNameFirstNameAndId() {
        List<UpcomingBirthday> upcoming = BirthdayCalendar.upcoming(List.of(
                born(5, "Zed", "A", "1990-06-12"), born(4, "Abel", "B", "1990-06-12"), born(3, "Abel", "A", "1990-06-12"),
                born(2, "Abel", "A", "1991-06-12"), born(1, "Zed", "Z", "1990-06-11")), LocalDate.parse("2026-06-10"), 7);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), upcoming.stream().map(b -> b.contact().id()).toList());
    }

    @Test
    void ageTurningOnTheNextBirthday() {
        UpcomingBirthday b = BirthdayCalendar.upcoming(List.of(born(1, "A", "a", "1990-01-05")),
                LocalDate.parse("2026-12-30"), 7).get(0);
        assertEquals(37, b.ageTurning());
    }

    @Test
    void candidateRangesCoverTheWindowAndWrapAtTheNewYear() {
        assertEquals(List.of(new BirthdayCalendar.MonthDayRange("06-10", "06-18")),
                BirthdayCalendar.candidateRanges(LocalDate.parse("2026-06-10"), 7));
        assertEquals(List.of(new BirthdayCalendar.MonthDayRange("12-30", "12-31"),
                        new BirthdayCalendar.MonthDayRange("01-01", "01-07")),
                BirthdayCalendar.candidateRanges(LocalDate.parse("2026-12-30"), 7));
        assertEquals(List.of(), BirthdayCalendar.candidateRanges(LocalDate.parse("2026-12-30"), 366));
        // 28 Feb in a common year: the range reaches 03-01, so 02-29 birthdays are among the candidates
        assertEquals(List.of(new BirthdayCalendar.MonthDayRange("02-28", "03-01")),
                BirthdayCalendar.candidateRanges(LocalDate.parse("2027-02-28"), 0));
    }
}
