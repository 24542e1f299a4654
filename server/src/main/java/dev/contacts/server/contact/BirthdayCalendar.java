package dev.contacts.server.contact;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.contacts.model.Contact;
import dev.contacts.model.UpcomingBirthday;

/** Date arithmetic of upcoming birthdays. Pure: "today" is always given. */
public final class BirthdayCalendar {

    private static final LocalDate LEAP_DAY = LocalDate.of(2000, 2, 29);
    /** A leap year: its days are every month-day a birthday can be stored with. */
    private static final int LEAP_YEAR = 2000;
    private static final String FEB_27 = "02-27";
    private static final String FEB_28 = "02-28";
    private static final String FEB_29 = "02-29";
    private static final String MAR_01 = "03-01";

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
     * Stored month-days ({@code "MM-DD"}) from {@code from} to {@code to}, both included, whose birthdays come in
     * this order: by month-day, then name; or, when {@code sameDay}, all on one day (28 February in a common year,
     * which holds the 29 February birthdays too), by name alone.
     */
    record MonthDays(String from, String to, boolean sameDay) {
    }

    /**
     * The stored month-days whose next birthday falls from {@code today} to {@code today + days} (both ends
     * included), as runs in the order the birthdays come, so the database can count, order and page each run from
     * its index: at most four runs (the new year splits the window in two; in a common year 28 and 29 February
     * make a run of their own). Exact: a stored month-day is in a run exactly when its next birthday is in the
     * window.
     */
    static List<MonthDays> window(LocalDate today, int days) {
        String from = monthDay(today);
        // a window of 365 days or more holds every day of the year: it ends the day before today's month-day
        String to = days >= 365 ? monthDay(MonthDay.from(today).atYear(LEAP_YEAR).minusDays(1))
                : monthDay(today.plusDays(days));
        List<String[]> ranges = from.compareTo(to) <= 0 ? List.<String[]>of(new String[] {from, to})
                : List.of(new String[] {from, "12-31"}, new String[] {"01-01", to});
        // where the next 29 February birthday is celebrated: on a 29th, where the month-days' order has it already
        boolean leapDayOnThe28th = monthDay(nextBirthday(LEAP_DAY, today)).equals(FEB_28);
        List<MonthDays> runs = new ArrayList<>();
        for (String[] range : ranges) {
            String first = range[0];
            String last = range[1];
            // a range that starts at 02-29 starts on a leap day, so the leap day is not on the 28th
            if (!leapDayOnThe28th || last.compareTo(FEB_28) < 0 || first.compareTo(FEB_28) > 0) {
                runs.add(new MonthDays(first, last, false));
                continue;
            }
            if (first.compareTo(FEB_27) <= 0) {
                runs.add(new MonthDays(first, FEB_27, false));
            }
            runs.add(new MonthDays(FEB_28, FEB_29, true));
            if (last.compareTo(MAR_01) >= 0) {
                runs.add(new MonthDays(MAR_01, last, false));
            }
        }
        return List.copyOf(runs);
    }

    static String monthDay(LocalDate date) {
        return Objects.requireNonNull(date).toString().substring(5);
    }
}
