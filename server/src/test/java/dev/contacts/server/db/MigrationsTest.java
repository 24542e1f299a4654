package dev.contacts.server.db;

import static dev.contacts.server.db.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.contacts.server.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * A start skips Flyway only when the schema is already at the newest version this jar ships; every other
 * database still goes through Flyway: a new one, an older one, one with a failed migration, a newer one. (Three
 * instances starting together on a new database migrate it once: SeveralInstancesTest.)
 */
class MigrationsTest {

    @Test
    void theNewestScriptIsTheOneTheStartChecksFor() {
        DatabaseSettings settings = TestDatabases.empty();
        MigrationInfo newest = Arrays.stream(flyway(settings, null).info().all())
                .max(Comparator.comparing(MigrationInfo::getVersion)).orElseThrow();
        assertEquals(String.valueOf(Migrations.NEWEST_VERSION), newest.getVersion().getVersion());
        assertEquals(Migrations.NEWEST_SCRIPT, newest.getScript());
    }

    @Test
    void aNewDatabaseIsMigratedAndThenCountsAsNewest() {
        DatabaseSettings settings = TestDatabases.empty();
        assertFalse(Migrations.isNewest(source(settings)));
        Database.open(settings).close();
        assertTrue(Migrations.isNewest(source(settings)));
    }

    @Test
    void anOlderDatabaseIsStillMigrated() throws SQLException {
        DatabaseSettings settings = TestDatabases.empty();
        flyway(settings, "3").migrate();
        assertFalse(Migrations.isNewest(source(settings)));
        try (Database database = Database.open(settings)) {
            assertEquals(Migrations.NEWEST_VERSION, database.dsl()
                    .fetchCount(DSL.table("flyway_schema_history"), DSL.condition("success")));
        }
        assertTrue(Migrations.isNewest(source(settings)));
    }

    @Test
    void anOlderDatabaseGetsEachUsersCountOfLiveContacts() throws SQLException {
        DatabaseSettings settings = TestDatabases.empty();
        flyway(settings, "4").migrate();
        for (String user : List.of("two-live", "only-trash", "none")) {
            execute(settings, "insert into users (email, password_hash, created_at) values ('" + user
                    + "@example.com', 'hash', '2026-01-01T00:00:00Z')");
        }
        for (String[] contact : List.of(new String[] {"two-live", null}, new String[] {"two-live", null},
                new String[] {"two-live", "'2026-01-02T00:00:00Z'"}, new String[] {"only-trash", "'2026-01-02T00:00:00Z'"})) {
            execute(settings, "insert into contacts (user_id, first_name, last_name, first_name_folded, "
                    + "last_name_folded, created_at, updated_at, deleted_at) values ((select id from users where "
                    + "email = '" + contact[0] + "@example.com'), 'A', 'B', 'a', 'b', '2026-01-01T00:00:00Z', "
                    + "'2026-01-01T00:00:00Z', " + contact[1] + ")");
        }
        try (Database database = Database.open(settings)) {
            assertEquals(Map.of("two-live@example.com", 2, "only-trash@example.com", 0, "none@example.com", 0),
                    database.dsl().select(USERS.EMAIL, USERS.LIVE_CONTACTS).from(USERS).fetchMap(USERS.EMAIL,
                            USERS.LIVE_CONTACTS));
        }
    }

    @Test
    void aFailedOrNewerMigrationInTheHistoryIsLeftToFlyway() throws SQLException {
        DatabaseSettings failed = TestDatabases.empty();
        Database.open(failed).close();
        execute(failed, "update flyway_schema_history set success = false where version = '"
                + Migrations.NEWEST_VERSION + "'");
        assertFalse(Migrations.isNewest(source(failed)));

        DatabaseSettings newer = TestDatabases.empty();
        Database.open(newer).close();
        execute(newer, "insert into flyway_schema_history (installed_rank, version, description, type, script, "
                + "checksum, installed_by, installed_on, execution_time, success) select installed_rank + 1, '"
                + (Migrations.NEWEST_VERSION + 1) + "', 'from a newer release', type, 'V" + (Migrations.NEWEST_VERSION + 1)
                + "__newer.sql', checksum, installed_by, installed_on, execution_time, success "
                + "from flyway_schema_history where version = '" + Migrations.NEWEST_VERSION + "'");
        assertFalse(Migrations.isNewest(source(newer)));
        // as before: Flyway warns that the schema is newer than this release's scripts, and the database opens
        Database.open(newer).close();
    }

    private static Flyway flyway(DatabaseSettings settings, String target) {
        var config = Flyway.configure().dataSource(source(settings))
                .locations(Database.MIGRATIONS + (settings.isPostgreSql() ? "postgresql" : "sqlite"));
        return (target == null ? config : config.target(target)).load();
    }

    private static void execute(DatabaseSettings settings, String sql) throws SQLException {
        try (Connection c = source(settings).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static DataSource source(DatabaseSettings settings) {
        return TestDatabases.dataSource(settings);
    }
}
