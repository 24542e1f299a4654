package dev.contacts.server.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
        return text == null ? null : Instant.parse(text);
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
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
