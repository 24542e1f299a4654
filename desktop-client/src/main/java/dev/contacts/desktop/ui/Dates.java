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
