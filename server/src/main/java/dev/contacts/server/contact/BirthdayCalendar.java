package dev.contacts.server.contact;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import dev.contacts.model.Contact;
import dev.contacts.model.UpcomingBirthday;

/** Date arithmetic of upcoming birthdays. Pure: "today" is always given. */
public final class BirthdayCalendar {

    private static final LocalDate LEAP_DAY = LocalDate.of(2000, 2, 29);

    private BirthdayCalendar() {
    }

    /**
     * The next day, from {@code today} on, on which someone born on {@code birthday} celebrates. A 29 February
     * birthday is celebrated on 28 February in common years.
     */
    public static LocalDate nextBirthday(LocalDate birthday, LocalDate today) {
        // withYear moves 29 February to the 28th when the year has no 29th.
        LocalDate thisYear = birthday.withYear(today.getYear());
        return thisYear.isBefore(today) ? birthday.withYear(today.getYear() + 1) : thisYear;
    }

    /** The contact with its next birthday and the days until it. */
    static UpcomingBirthday upcoming(Contact contact, LocalDate today) {
        LocalDate next = nextBirthday(contact.birthday(), today);
        return new UpcomingBirthday(contact, next, (int) ChronoUnit.DAYS.between(today, next));
    }

    /**
     * The stored month-days ({@code "MM-DD"}) whose next birthday falls from {@code today} to {@code today + days}
     * (both ends included), once a stored {@code "02-29"} is read as {@link Window#leapDayFallsOn}: from
     * {@code from} to {@code to}, wrapping at the new year when {@code to < from}; every day when
     * {@code everyDay}. Exact, so the database can count, order and page the window by itself.
     */
    record Window(String from, String to, String leapDayFallsOn, boolean everyDay) {

        /** Whether the month-day {@code md} is in the window. */
        boolean contains(String md) {
            if (everyDay) {
                return true;
            }
            return from.compareTo(to) <= 0 ? md.compareTo(from) >= 0 && md.compareTo(to) <= 0
                    : md.compareTo(from) >= 0 || md.compareTo(to) <= 0;
        }
    }

    static Window window(LocalDate today, int days) {
        String leapDay = monthDay(nextBirthday(LEAP_DAY, today));
        // a window of 365 days or more holds every day of the year at least once
        return new Window(monthDay(today), monthDay(today.plusDays(days)), leapDay, days >= 365);
    }

    static String monthDay(LocalDate date) {
        return Objects.requireNonNull(date).toString().substring(5);
    }
}
