package dev.contacts.server.db;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import dev.contacts.server.support.TempFolders;
import dev.contacts.server.Refusal;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work that fails because the pool could get no connection (the database server is down or cut off) is refused
 * as "database unavailable" (503, try again), not reported as a fault of the request (500); other failures pass
 * through unchanged.
 */
class DatabaseUnavailableTest {

    private Database database;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(TempFolders.create().resolve("contacts.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void assertUnavailable(Throwable cause) {
        DataAccessException failure = new DataAccessException("SQL [select 1]", cause);
        assertThrows(Refusal.DatabaseUnavailable.class, () -> database.call(() -> {
            throw failure;
        }), cause.getMessage());
    }

    @Test
    void noConnectionWithinThePoolsWaitIsDatabaseUnavailable() {
        // what jOOQ wraps when HikariCP gives up waiting for a connection
        assertUnavailable(new SQLTransientConnectionException("contacts-db - Connection is not available, request timed out"));
    }

    @Test
    void aConnectionThatBrokeIsDatabaseUnavailable() {
        // what the PostgreSQL driver reports on a pooled connection whose server is gone
        assertUnavailable(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
    }

    @Test
    void aDatabaseServerShuttingDownIsDatabaseUnavailable() {
        // what PostgreSQL sends its pooled connections when it is stopped
        assertUnavailable(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
    }

    @Test
    void otherDatabaseErrorsPassThroughUnchanged() {
        DataAccessException constraint = new DataAccessException("constraint", new SQLException("UNIQUE failed", "23505"));
        assertSame(constraint, assertThrows(DataAccessException.class, () -> database.call(() -> {
            throw constraint;
        })));
    }
}
