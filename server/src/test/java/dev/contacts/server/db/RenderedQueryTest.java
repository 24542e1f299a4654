package dev.contacts.server.db;

import static dev.contacts.server.db.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.support.TestDatabases;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A query rendered once and run through JDBC answers what jOOQ itself reads, on the suite's database. */
class RenderedQueryTest {

    /** A user's email and creation time, by id and token version. */
    private static final RenderedQuery<Optional<String>> USER = new RenderedQuery<>(
            dsl -> dsl.select(USERS.EMAIL, USERS.CREATED_AT).from(USERS)
                    .where(USERS.ID.eq(DSL.param("id", Long.class))
                            .and(USERS.TOKEN_VERSION.eq(DSL.param("version", Integer.class)))),
            (rows, dialect) -> rows.next()
                    ? Optional.of(rows.getString(1) + " " + SqlTimes.instant(rows, 2, dialect))
                    : Optional.empty());

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void valuesAreBoundByNameAndRowsReadAsJooqReadsThem() {
        new UserRepository(database.dsl(), Clock.systemUTC()).create("first@example.com", "hash");
        long id = new UserRepository(database.dsl(), Clock.systemUTC()).create("second@example.com", "hash").userId();
        Instant created = database.dsl().select(USERS.CREATED_AT).from(USERS).where(USERS.ID.eq(id))
                .fetchOne(USERS.CREATED_AT);

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", 0);
        values.put("id", id);
        assertEquals(Optional.of("second@example.com " + created), USER.fetch(database.dsl(), values));
        assertEquals(Optional.of("second@example.com " + created),
                USER.fetch(database.dsl(), Map.of("id", id, "version", 0)), "again, from the rendered text");
        assertEquals(Optional.empty(), USER.fetch(database.dsl(), Map.of("id", id, "version", 1)));
    }

    @Test
    void aMissingOrUnknownValueOrAnUnnamedOneIsRefusedBeforeAnythingRuns() {
        assertThrows(IllegalArgumentException.class, () -> USER.fetch(database.dsl(), Map.of("id", 1L)));
        assertThrows(IllegalArgumentException.class,
                () -> USER.fetch(database.dsl(), Map.of("id", 1L, "version", 0, "email", "x")));
        RenderedQuery<Boolean> unnamed = new RenderedQuery<>(
                dsl -> dsl.selectOne().from(USERS).where(USERS.ID.eq(1L)), (rows, dialect) -> rows.next());
        assertThrows(IllegalStateException.class, () -> unnamed.fetch(database.dsl(), Map.of()));
    }
}
