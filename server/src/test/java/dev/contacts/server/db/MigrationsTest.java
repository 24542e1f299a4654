package dev.contacts.server.db;

import static dev.contacts.server.db.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.contacts.server.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * A start skips Flyway only when the schema is already at the newest version this jar ships; every other
 * database still goes through Flyway: a new one, an older one, one with a failed migration, a newer one. (Three
 * instances starting together on a new database migrate it once: SeveralInstancesTest.) A new SQLite database
 * is made without Flyway, in one transaction, into the schema and history Flyway would have made.
 */
class MigrationsTest {

    @Test
    void theNewestScriptIsTheOneTheStartChecksFor() {
        DatabaseSettings settings = TestDatabases.empty();
        MigrationInfo newest = Arrays.stream(flyway(settings, null).info().all())
                .max(Comparator.comparing(MigrationInfo::getVersion)).orElseThrow();
        assertEquals(String.valueOf(Migrations.NEWEST_VERSION), newest.getVersion().getVersion());
        assertEquals(Migrations.NEWEST_SCRIPT, newest.getScript());
        assertEquals(Migrations.SQLITE_SCRIPTS, Arrays.stream(flyway(settings, null).info().all())
                .sorted(Comparator.comparing(MigrationInfo::getVersion)).map(MigrationInfo::getScript).toList());
    }

    @Test
    @Tag(TestDatabases.SQLITE_ONLY)
    void aNewSqliteDatabaseIsMadeInOneCommit() {
        AtomicInteger commits = new AtomicInteger();
        SQLiteDataSource counting = new SQLiteDataSource() {
            @Override
            public SQLiteConnection getConnection(String user, String password) throws SQLException {
                SQLiteConnection connection = super.getConnection(user, password);
                connection.addCommitListener(new org.sqlite.SQLiteCommitListener() {
                    @Override
                    public void onCommit() {
                        commits.incrementAndGet();
                    }

                    @Override
                    public void onRollback() {
                    }
                });
                return connection;
            }
        };
        counting.setUrl("jdbc:sqlite:" + TestDatabases.empty().file().toAbsolutePath());
        Migrations.apply(counting, "sqlite");
        assertTrue(Migrations.isNewest(counting));
        // Flyway committed its history table and each script apart: nine fsyncs, and a first start stopped between
        // two of them left a half-made schema
        assertEquals(1, commits.get());
    }

    @Test
    @Tag(TestDatabases.SQLITE_ONLY)
    void aNewSqliteDatabaseHasTheSchemaAndHistoryFlywayMakes() throws SQLException {
        DatabaseSettings created = TestDatabases.empty();
        Migrations.apply(source(created), "sqlite");
        DatabaseSettings byFlyway = TestDatabases.empty();
        flyway(byFlyway, null).migrate();

        String schema = "select type, name, tbl_name, sql from sqlite_master order by type, name";
        assertEquals(rows(byFlyway, schema), rows(created, schema));
        String history = "select installed_rank, version, description, type, script, checksum, installed_by, success"
                + " from flyway_schema_history order by installed_rank";
        assertEquals(rows(byFlyway, history), rows(created, history));
        // so a later release's scripts go through Flyway over it: the checksums are the ones Flyway computes
        assertTrue(flyway(created, null).validateWithResult().validationSuccessful);
        assertEquals(0, flyway(created, null).info().pending().length);
    }

    @Test
    @Tag(TestDatabases.SQLITE_ONLY)
    void aFirstStartThatFailsHalfWayLeavesAnEmptyFileThatTheNextStartMakes() throws SQLException {
        DatabaseSettings settings = TestDatabases.empty();
        String schema = "select type, name from sqlite_master order by type, name";
        // the third script fails after two have run (its first table exists): nothing of the three is kept
        List<String> failing = List.of(Migrations.SQLITE_SCRIPTS.get(0), Migrations.SQLITE_SCRIPTS.get(1),
                Migrations.SQLITE_SCRIPTS.get(0));
        assertThrows(IllegalStateException.class, () -> Migrations.createdNew(source(settings), "sqlite", failing));
        assertEquals(List.of(), rows(settings, schema));

        Database.open(settings).close();
        assertTrue(Migrations.isNewest(source(settings)));
        DatabaseSettings byFlyway = TestDatabases.empty();
        flyway(byFlyway, null).migrate();
        assertEquals(rows(byFlyway, schema), rows(settings, schema));
    }

    @Test
    @Tag(TestDatabases.SQLITE_ONLY)
    void aSqliteDatabaseWithTablesButNoHistoryIsLeftToFlyway() throws SQLException {
        DatabaseSettings settings = TestDatabases.empty();
        execute(settings, "create table someone_elses (id integer)");
        assertFalse(Migrations.createdNew(source(settings), "sqlite", Migrations.SQLITE_SCRIPTS));
        assertEquals(List.of(List.of("someone_elses")), rows(settings, "select name from sqlite_master"));
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

    /** Every row {@code sql} gives, each as the list of its columns' text. */
    private static List<List<String>> rows(DatabaseSettings settings, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = source(settings).getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static DataSource source(DatabaseSettings settings) {
        return TestDatabases.dataSource(settings);
    }
}
