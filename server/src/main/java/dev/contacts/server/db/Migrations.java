package dev.contacts.server.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings a database's schema to the newest version this jar ships, with Flyway and each database's own scripts
 * (db/migration/sqlite, db/migration/postgresql). Flyway itself is skipped when the history table already
 * records exactly the versions 1 to {@link #NEWEST_VERSION}, each applied once and successfully: it would find
 * nothing to do, and loading it and scanning the class path for scripts was a quarter of the start-up's own
 * work (JFR, README "Start-up"). Any other history (a new database, an older one, a failed or a newer
 * migration) goes to Flyway as before: it migrates under its lock (instances starting together migrate once),
 * refuses a failed migration, and only warns about a newer one. What a skipped start gives up is Flyway's check
 * that the applied scripts' checksums still match the jar's: released scripts are never edited (a change is a
 * new version), and every new database, in the tests too, still goes through that check.
 */
final class Migrations {

    /** The newest script in both folders; MigrationsTest holds these to the scripts Flyway finds. */
    static final int NEWEST_VERSION = 8;
    static final String NEWEST_SCRIPT = "V8__contact_row_version.sql";
    /** Flyway's default name for its history table. */
    private static final String HISTORY = "flyway_schema_history";

    private Migrations() {
    }

    /** Migrates the database of {@code dataSource} with the scripts of db/migration/{@code scripts}. */
    static void apply(DataSource dataSource, String scripts) {
        if (!isNewest(dataSource)) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(Database.MIGRATIONS + scripts)
                    .load()
                    .migrate();
        }
    }

    /** Whether Flyway's history shows versions 1 to {@link #NEWEST_VERSION} applied, once each, and nothing else. */
    static boolean isNewest(DataSource dataSource) {
        Set<String> applied = new HashSet<>();
        boolean newestScript = false;
        try (Connection connection = dataSource.getConnection()) {
            // asked first, so that a new database's first start leaves no failed query in PostgreSQL's log
            try (ResultSet table = connection.getMetaData().getTables(null, null, HISTORY, null)) {
                if (!table.next()) {
                    return false;
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select version, script, success from " + HISTORY)) {
                while (rows.next()) {
                    String version = rows.getString(1);
                    if (!rows.getBoolean(3) || version == null || !applied.add(version)) {
                        return false;
                    }
                    newestScript |= version.equals(String.valueOf(NEWEST_VERSION))
                            && NEWEST_SCRIPT.equals(rows.getString(2));
                }
            }
        } catch (SQLException e) {
            return false; // Flyway then reads the history itself, and says what is wrong with it
        }
        Set<String> expected = new HashSet<>();
        for (int v = 1; v <= NEWEST_VERSION; v++) {
            expected.add(String.valueOf(v));
        }
        return newestScript && applied.equals(expected);
    }
}
