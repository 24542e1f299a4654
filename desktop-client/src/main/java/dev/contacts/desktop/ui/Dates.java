package dev.contacts.desktop.ui;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way dates are shown (table, birthdays, form): the locale's short date with the year in full
 * ({@code 12/10/1815}, {@code 10.12.1815}). Typed dates are read in that format, the locale's medium one
 * ({@code Dec 10, 1815}) and ISO ({@code 1815-12-10}).
 */
public final class Dates {

    private final DateTimeFormatter shown;
    private final List<DateTimeFormatter> accepted;

    public Dates(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
        // the year in full (a two-digit year cannot say 1815), as a proleptic year so that STRICT needs no era
        pattern = pattern.replaceAll("[yu]+", "uuuu");
        shown = DateTimeFormatter.ofPattern(pattern, locale).withResolverStyle(ResolverStyle.STRICT);
        accepted = List.of(shown,
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale),
                DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** In the person's locale. */
    public static Dates local() {
        return new Dates(Locale.getDefault(Locale.Category.FORMAT));
    }

    public String format(LocalDate date) {
        return date == null ? "" : shown.format(date);
    }

    /** The typed date, if it is one in an accepted format; empty text is no date. */
    public Optional<LocalDate> parse(String text) {
        String typed = text == null ? "" : text.strip();
        for (DateTimeFormatter format : accepted) {
            try {
                return Optional.of(LocalDate.parse(typed, format));
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        return Optional.empty();
    }

    /** What to tell someone whose date could not be read. */
    public String hint() {
        LocalDate example = LocalDate.of(1990, 4, 23);
        return "Use a date like " + format(example) + " (or " + example + ").";
    }
}
