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
    void aStatementKeptOpenOnAConnectionStillAnswersAfterThePoolClosedThatConnection() {
        long id = new UserRepository(database.dsl(), Clock.systemUTC()).create("kept@example.com", "hash").userId();
        assertEquals("kept@example.com", USER.fetch(database.dsl(), Map.of("id", id, "version", 0)).orElseThrow()
                .split(" ")[0]);
        database.replaceConnections();
        assertEquals("kept@example.com", USER.fetch(database.dsl(), Map.of("id", id, "version", 0)).orElseThrow()
                .split(" ")[0], "prepared again on a new connection");
    }

    @Test
    void insideATransactionTheKeptStatementRunsOnTheTransactionsConnection() {
        UserRepository users = new UserRepository(database.dsl(), Clock.systemUTC());
        long id = users.create("before@example.com", "hash").userId();
        USER.fetch(database.dsl(), Map.of("id", id, "version", 0));
        database.dsl().transaction(tx -> {
            tx.dsl().update(USERS).set(USERS.EMAIL, "during@example.com").where(USERS.ID.eq(id)).execute();
            assertEquals("during@example.com", USER.fetch(tx.dsl(), Map.of("id", id, "version", 0)).orElseThrow()
                    .split(" ")[0], "the transaction's own write");
            // many statements on one connection: the least recently used are closed, the newest still answer
            for (int i = 0; i < RenderedQuery.KEPT_PER_CONNECTION + 5; i++) {
                int n = i;
                RenderedQuery<Integer> numbered = new RenderedQuery<>(
                        dsl -> dsl.select(DSL.inline(n)).from(USERS).where(USERS.ID.eq(DSL.param("id", Long.class))),
                        (rows, dialect) -> rows.next() ? rows.getInt(1) : -1);
                assertEquals(n, numbered.fetch(tx.dsl(), Map.of("id", id)));
            }
            assertEquals("during@example.com", USER.fetch(tx.dsl(), Map.of("id", id, "version", 0)).orElseThrow()
                    .split(" ")[0], "prepared again after it was closed as the least recently used");
        });
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
