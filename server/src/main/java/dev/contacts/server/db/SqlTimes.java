package dev.contacts.server.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jooq.SQLDialect;

/**
 * How instants and dates are stored on each database, for the jOOQ bindings ({@link InstantBinding},
 * {@link LocalDateBinding}) and the statements run through plain JDBC (the contacts' batch insert,
 * {@link RenderedQuery}).
 * PostgreSQL has the types: timestamptz and date. SQLite has none: an instant is fixed-width UTC text
 * ({@code 2026-11-26T03:04:05.123456000Z}), so text order is time order and an index on it sorts by time; a date
 * is {@code YYYY-MM-DD}. Text written by older versions (ISO-8601 of any width) still reads.
 */
public final class SqlTimes {

    private static final DateTimeFormatter INSTANT_TEXT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SqlTimes() {
    }

    static boolean hasTimeTypes(SQLDialect dialect) {
        return dialect.family() == SQLDialect.POSTGRES;
    }

    /** An instant as SQLite stores it. */
    public static String text(Instant instant) {
        return INSTANT_TEXT.format(instant);
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        Instant fixedWidth = fixedWidth(text);
        return fixedWidth != null ? fixedWidth : Instant.parse(text);
    }

    /**
     * The instant of text exactly as {@link #text} writes it, read field by field; null for any other text (older
     * widths, or anything malformed), which {@link Instant#parse} then reads or refuses. Instant.parse took a tenth
     * of the CPU of a page of 100 contacts, each with two times (docs/benchmarks.md, "Load").
     */
    static Instant fixedWidth(String text) {
        if (text.length() != 30 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(19) != '.' || text.charAt(29) != 'Z') {
            return null;
        }
        LocalDate date = dateAtStart(text);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nano = digits(text, 20, 29);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nano < 0) {
            return null;
        }
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nano);
    }

    /**
     * The date of text exactly as SQLite stores one ({@code YYYY-MM-DD}), read field by field; null for any other
     * text, which {@link LocalDate#parse} then reads or refuses. LocalDate.parse took 6% of the CPU of a page of 100
     * contacts (docs/benchmarks.md, "Load").
     */
    static LocalDate fixedWidthDate(String text) {
        return text.length() == 10 ? dateAtStart(text) : null;
    }

    /** The {@code YYYY-MM-DD} date that {@code text} starts with, or null when those 10 characters are not one. */
    private static LocalDate dateAtStart(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The decimal number in {@code text} from {@code from} to {@code to}; -1 if any of it is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        LocalDate fixedWidth = fixedWidthDate(text);
        return fixedWidth != null ? fixedWidth : LocalDate.parse(text);
    }

    /** The instant in {@code column} of a row as the dialect's driver reads it (statements run through JDBC). */
    public static Instant instant(ResultSet row, int column, SQLDialect dialect) throws SQLException {
        if (hasTimeTypes(dialect)) {
            OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        return instant(row.getString(column));
    }

    /** The date in {@code column} of a row as the dialect's driver reads it (statements run through JDBC). */
    public static LocalDate date(ResultSet row, int column, SQLDialect dialect) throws SQLException {
        return hasTimeTypes(dialect) ? row.getObject(column, LocalDate.class) : date(row.getString(column));
    }

    /** {@code value} (an {@link Instant}, a {@link LocalDate} or anything else) as JDBC should bind it on {@code dialect}. */
    public static Object jdbcValue(SQLDialect dialect, Object value) {
        if (value instanceof Instant instant) {
            return hasTimeTypes(dialect) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : text(instant);
        }
        if (value instanceof LocalDate date) {
            return hasTimeTypes(dialect) ? date : date.toString();
        }
        return value;
    }
}
