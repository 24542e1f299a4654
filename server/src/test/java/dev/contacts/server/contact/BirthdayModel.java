package dev.contacts.server.contact;

import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The contract's upcoming birthdays, written as plainly as the contract says them, to hold the server's runs of
 * month-days against: the next birthday from today (a 29 February one on the 28th in common years), the contacts
 * whose next birthday is at most {@code days} away, ordered by days until it, last name, first name (collation
 * order), id.
 */
record BirthdayModel(long id, String firstName, String lastName, LocalDate birthday) {

    /** The day {@code birthday} is celebrated in {@code year}. */
    static LocalDate celebrated(LocalDate birthday, int year) {
        boolean leapDay = birthday.getMonthValue() == 2 && birthday.getDayOfMonth() == 29;
        int day = leapDay && !Year.isLeap(year) ? 28 : birthday.getDayOfMonth();
        return LocalDate.of(year, birthday.getMonthValue(), day);
    }

    LocalDate next(LocalDate today) {
        LocalDate thisYear = celebrated(birthday, today.getYear());
        return thisYear.isBefore(today) ? celebrated(birthday, today.getYear() + 1) : thisYear;
    }

    long daysUntil(LocalDate today) {
        return ChronoUnit.DAYS.between(today, next(today));
    }

    /** The live contacts' upcoming birthdays from {@code today} to {@code today + days}, in the contract's order. */
    static List<BirthdayModel> upcoming(List<BirthdayModel> live, LocalDate today, int days) {
        return live.stream().filter(c -> c.birthday() != null && c.daysUntil(today) <= days)
                .sorted(Comparator.comparingLong((BirthdayModel c) -> c.daysUntil(today))
                        .thenComparing(c -> ContactKeys.sortKey(c.lastName()))
                        .thenComparing(c -> ContactKeys.sortKey(c.firstName()))
                        .thenComparingLong(BirthdayModel::id))
                .toList();
    }
}
