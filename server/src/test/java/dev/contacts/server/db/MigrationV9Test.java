package dev.contacts.server.db;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerSettings;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The login failures a database of the release before V9 holds (where every attempt was counted before its check)
 * keep their meaning after the upgrade: a lock in force stays in force, and a run of four failures locks at the next.
 */
@Tag(TestDatabases.SQLITE_ONLY) // about SQLite files of earlier versions
class MigrationV9Test {

    @TempDir
    Path dir;

    @Test
    void loginFailuresOfAV8DatabaseStillLock() throws SQLException {
        Path file = dir.resolve("contacts.db");
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(source).locations(Database.MIGRATIONS + "sqlite").target("8").load().migrate();
        Instant now = Instant.now();
        try (Connection c = source.getConnection()) {
            exec(c, "INSERT INTO login_failures (email, failures, locked_until, updated_at) VALUES (?, ?, ?, ?)",
                    "locked@example.com", 5, SqlTimes.text(now.plus(Duration.ofMinutes(10))), SqlTimes.text(now));
            exec(c, "INSERT INTO login_failures (email, failures, locked_until, updated_at) VALUES (?, ?, ?, ?)",
                    "four@example.com", 4, null, SqlTimes.text(now));
        }

        try (ContactsServer server = ContactsServer.start(ServerSettings.embedded(file).withRateLimit(0))) {
            TestApi api = new TestApi(server.uri("127.0.0.1"));
            for (String email : new String[] {"locked@example.com", "four@example.com"}) {
                assertEquals(201, api.register(email, PASSWORD).status());
            }
            assertEquals(429, api.login("locked@example.com", PASSWORD).status(), "the lock is still in force");
            assertEquals(401, api.login("four@example.com", "wrong password").status(), "the fifth failure");
            assertEquals(429, api.login("four@example.com", PASSWORD).status(), "locked by it");
        }
    }

    private static void exec(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
