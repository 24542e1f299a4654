package dev.contacts.server.db;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;

/** An {@link Instant} column: timestamptz on PostgreSQL, fixed-width UTC text on SQLite ({@link SqlTimes}). */
public final class InstantBinding extends TimeBinding<Instant, OffsetDateTime> {

    public InstantBinding() {
        super(Instant.class, SqlTimes::instant, SqlTimes::text, OffsetDateTime.class, OffsetDateTime::toInstant,
                Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz");
    }
}
