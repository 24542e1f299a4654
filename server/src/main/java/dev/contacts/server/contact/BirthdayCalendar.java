package dev.contacts.server.contact;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.contacts.model.Contact;
import dev.contacts.model.UpcomingBirthday;

/** Date arithmetic of upcoming birthdays. Pure: "today" is always given. */
public final class BirthdayCalendar {

    /** Nearest first; on the same day by last name, first name, then id. */
    static final Comparator<UpcomingBirthday> ORDER = Comparator
            .comparingInt(UpcomingBirthday::daysUntil)
            .thenComparing(b -> b.contact().lastName())
            .thenComparing(b -> b.contact().firstName())
            .thenComparingLong(b -> b.contact().id());

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

    /** The contacts whose next birthday is within {@code days} of {@code today} (both ends included), ordered. */
    public static List<UpcomingBirthday> upcoming(List<Contact> contacts, LocalDate today, int days) {
        return contacts.stream()
                .filter(c -> c.birthday() != null)
                .map(c -> {
                    LocalDate next = nextBirthday(c.birthday(), today);
                    return new UpcomingBirthday(c, next, (int) ChronoUnit.DAYS.between(today, next));
                })
                .filter(b -> b.daysUntil() <= days)
                .sorted(ORDER)
                .toList();
    }

    /**
     * The month-days ({@code "MM-DD"}) a stored birthday can have to fall in the window: one range, or two
     * when the window crosses the new year; empty when every birthday can. A superset (one day wider, for
     * 29 February), narrowed exactly by {@link #upcoming}.
     */
    static List<MonthDayRange> candidateRanges(LocalDate today, int days) {
        if (days >= 364) {
            return List.of();
        }
        String from = monthDay(today);
        String to = monthDay(today.plusDays(days + 1L));
        if (from.compareTo(to) <= 0) {
            return List.of(new MonthDayRange(from, to));
        }
        return List.of(new MonthDayRange(from, "12-31"), new MonthDayRange("01-01", to));
    }

    static String monthDay(LocalDate date) {
        return Objects.requireNonNull(date).toString().substring(5);
    }

    /** Month-days from {@code from} to {@code to}, both included, as {@code "MM-DD"} text. */
    record MonthDayRange(String from, String to) {
    }
}
