package dev.contacts.server.db;

import java.sql.Types;
import java.time.LocalDate;
import java.util.function.Function;

/** A {@link LocalDate} column: date on PostgreSQL, {@code YYYY-MM-DD} text on SQLite. */
public final class LocalDateBinding extends TimeBinding<LocalDate, LocalDate> {

    public LocalDateBinding() {
        super(LocalDate.class, SqlTimes::date, LocalDate::toString, LocalDate.class, Function.identity(),
                Types.DATE, "date");
    }
}
