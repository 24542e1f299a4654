package dev.contacts.desktop.ui;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.ibm.icu.text.DateTimePatternGenerator;
import com.ibm.icu.util.ULocale;
import dev.contacts.model.ContactRules;

/**
 * The one way dates are shown (table, birthdays, form): the locale's short date with the year in full
 * ({@code 12/10/1815}, {@code 10.12.1815}). Typed dates are read in that format, the locale's medium one
 * ({@code Dec 10, 1815}) and ISO ({@code 1815-12-10}). A birthday whose year is unknown (stored with
 * {@link ContactRules#YEAR_UNKNOWN}, as other address books export it) is shown and typed without a year
 * ({@code 12/24}, {@code 24.12}), never with the placeholder year.
 */
public final class Dates {

    private final DateTimeFormatter shown;
    private final List<DateTimeFormatter> accepted;
    /** The short date without its year: "M/d", "dd.MM", "MM-dd". */
    private final DateTimeFormatter monthDay;
    /** The date with its month's name: "December 10, 1815", "10. Dezember 1815"; and without the year. */
    private final DateTimeFormatter spelled;
    private final DateTimeFormatter spelledMonthDay;
    /** The day of the week: "Saturday". */
    private final DateTimeFormatter weekday;
    /** The day of the week and the date without its year: "Saturday, January 2", "Samstag, 2. Januar". */
    private final DateTimeFormatter weekdayMonthDay;

    public Dates(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
        // the year in full (a two-digit year cannot say 1815), as a proleptic year so that STRICT needs no era
        pattern = pattern.replaceAll("[yu]+", "uuuu");
        shown = DateTimeFormatter.ofPattern(pattern, locale).withResolverStyle(ResolverStyle.STRICT);
        accepted = List.of(shown,
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale),
                DateTimeFormatter.ISO_LOCAL_DATE);
        // the year and the separators beside it taken out of the short date
        monthDay = DateTimeFormatter.ofPattern(pattern.replaceAll("[^dM]*u+[^dM]*", ""), locale)
                .withResolverStyle(ResolverStyle.STRICT);
        // the month spelled, with and without the year, from CLDR's patterns for what is shown (ICU's generator),
        // not from the long date's pattern with its year cut out
        DateTimePatternGenerator patterns = DateTimePatternGenerator.getInstance(ULocale.forLocale(locale));
        spelled = DateTimeFormatter.ofPattern(patterns.getBestPattern("yMMMMd"), locale);
        spelledMonthDay = DateTimeFormatter.ofPattern(patterns.getBestPattern("MMMMd"), locale);
        weekday = DateTimeFormatter.ofPattern("EEEE", locale);
        weekdayMonthDay = DateTimeFormatter.ofPattern(patterns.getBestPattern("MMMMEEEEd"), locale);
    }

    /** In the person's locale. */
    public static Dates local() {
        return new Dates(Locale.getDefault(Locale.Category.FORMAT));
    }

    public String format(LocalDate date) {
        if (date == null) {
            return "";
        }
        return date.getYear() == ContactRules.YEAR_UNKNOWN ? monthDay.format(date) : shown.format(date);
    }

    /**
     * A birthday with its month's name ("December 10, 1815", "10. Dezember 1815"), without the year when it is
     * unknown ("December 10"): the day itself, not one of its anniversaries.
     */
    public String spelled(LocalDate date) {
        if (date == null) {
            return "";
        }
        return date.getYear() == ContactRules.YEAR_UNKNOWN ? spelledMonthDay.format(date) : spelled.format(date);
    }

    /** The day of the week of {@code date}: "Saturday". */
    public String weekday(LocalDate date) {
        return weekday.format(date);
    }

    /** The day of the week and the date without the year: "Saturday, January 2". */
    public String weekdayAndDate(LocalDate date) {
        return weekdayMonthDay.format(date);
    }

    /**
     * The typed date, if it is one in an accepted format; a day and month without a year ({@code 12/24}, or
     * vCard's {@code --12-24}) is a birthday whose year is unknown. Empty text is no date.
     */
    public Optional<LocalDate> parse(String text) {
        String typed = text == null ? "" : text.strip();
        for (DateTimeFormatter format : accepted) {
            try {
                return Optional.of(LocalDate.parse(typed, format));
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        for (DateTimeFormatter format : List.of(monthDay, DateTimeFormatter.ofPattern("--MM-dd"))) {
            try {
                return Optional.of(MonthDay.parse(typed, format).atYear(ContactRules.YEAR_UNKNOWN));
            } catch (DateTimeParseException e) {
                // try the next one
            }
        }
        return Optional.empty();
    }

    /** What to tell someone whose date could not be read. */
    public String hint() {
        LocalDate example = LocalDate.of(1990, 4, 23);
        return "Use a date like " + format(example) + " (or " + example + "), or " + monthDay.format(example)
                + " when the year is unknown.";
    }
}
