package dev.contacts.server.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings a database's schema to the newest version this jar ships, with Flyway and each database's own scripts
 * (db/migration/sqlite, db/migration/postgresql). Flyway itself is skipped when the history table already
 * records exactly the versions 1 to {@link #NEWEST_VERSION}, each applied once and successfully: it would find
 * nothing to do, and loading it and scanning the class path for scripts was a quarter of the start-up's own
 * work (JFR, docs/benchmarks.md "Start-up"). Any other history (a new database, an older one, a failed or a newer
 * migration) goes to Flyway as before: it migrates under its lock (instances starting together migrate once),
 * refuses a failed migration, and only warns about a newer one. What a skipped start gives up is Flyway's check
 * that the applied scripts' checksums still match the jar's: released scripts are never edited (a change is a
 * new version), and every upgrade and new PostgreSQL database, in the tests too, still goes through that check.
 *
 * <p>Nor is a new SQLite database (no table at all) given to Flyway: its scripts run in one transaction, with
 * Flyway's history table and rows written as Flyway writes them, so one commit (one fsync) makes the whole schema,
 * and a start that stops half-way leaves an empty file that the next start creates again. Loading Flyway, its
 * class-path scan and its nine commits were the 0.3 s by which a first start was slower than a restart
 * (docs/benchmarks.md, "A new database in one transaction"). A later release's scripts still go through Flyway, which
 * takes this history for its own (MigrationsTest). PostgreSQL's new databases stay with Flyway, whose advisory lock
 * lets instances starting together migrate once.
 */
final class Migrations {

    /** The newest script in both folders; MigrationsTest holds these to the scripts Flyway finds. */
    static final int NEWEST_VERSION = 17;
    static final String NEWEST_SCRIPT = "V17__search_text_by_last_name.sql";
    /** Flyway's default name for its history table. */
    private static final String HISTORY = "flyway_schema_history";
    /**
     * SQLite's scripts in their order (MigrationsTest holds the list to the scripts Flyway finds, and the schema they
     * make here to Flyway's). They run as written: a script that needed Flyway's placeholders, or a statement that
     * cannot run inside a transaction, would need Flyway for new databases too.
     */
    static final List<String> SQLITE_SCRIPTS = List.of("V1__users_and_contacts.sql",
            "V2__sessions_and_throttling.sql", "V3__address_book_v2.sql", "V4__import_export.sql",
            "V5__live_contact_counts.sql", "V6__search_trigram_index.sql", "V7__birthday_order.sql",
            "V8__contact_row_version.sql", "V9__login_attempts_in_flight.sql", "V10__search_short_words.sql",
            "V11__birthday_row_version.sql", "V12__book_version.sql", "V13__favorite_index.sql",
            "V14__birthday_book_version.sql", "V15__order_version.sql", "V16__search_text_book_version.sql",
            NEWEST_SCRIPT);
    /** Flyway's history table on SQLite, as Flyway 11 creates it (MigrationsTest compares the two). */
    private static final List<String> SQLITE_HISTORY_TABLE = List.of("""
            CREATE TABLE "flyway_schema_history" (
                "installed_rank" INT NOT NULL PRIMARY KEY,
                "version" VARCHAR(50),
                "description" VARCHAR(200) NOT NULL,
                "type" VARCHAR(20) NOT NULL,
                "script" VARCHAR(1000) NOT NULL,
                "checksum" INT,
                "installed_by" VARCHAR(100) NOT NULL,
                "installed_on" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
                "execution_time" INT NOT NULL,
                "success" BOOLEAN NOT NULL
            )""", "CREATE INDEX \"flyway_schema_history_s_idx\" ON \"flyway_schema_history\" (\"success\")");

    private Migrations() {
    }

    /** Migrates the database of {@code dataSource} with the scripts of db/migration/{@code scripts}. */
    static void apply(DataSource dataSource, String scripts) {
        if (isNewest(dataSource) || scripts.equals("sqlite") && createdNew(dataSource, scripts, SQLITE_SCRIPTS)) {
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(Database.MIGRATIONS + scripts)
                .load()
                .migrate();
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

    /**
     * Runs {@code scripts} (of db/migration/{@code folder}) on an empty SQLite database in one transaction and
     * records them in Flyway's history as Flyway would; false, changing nothing, when the database has any table.
     * The transaction takes the write lock as it begins, so of instances starting together on a new file one
     * creates the schema and the others find it there (whoever comes second, with or without Flyway, sees tables).
     */
    static boolean createdNew(DataSource dataSource, String folder, List<String> scripts) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // begun by hand, not by setAutoCommit: immediate (the write lock at once) whatever the source's mode
            statement.executeUpdate("begin immediate");
            try {
                try (ResultSet tables = statement.executeQuery("select count(*) from sqlite_master")) {
                    if (!tables.next() || tables.getInt(1) != 0) {
                        statement.executeUpdate("rollback");
                        return false;
                    }
                }
                for (String sql : SQLITE_HISTORY_TABLE) {
                    statement.executeUpdate(sql);
                }
                try (PreparedStatement history = connection.prepareStatement("insert into " + HISTORY
                        + " (installed_rank, version, description, type, script, checksum, installed_by,"
                        + " execution_time, success) values (?, ?, ?, 'SQL', ?, ?, '', ?, 1)")) {
                    int rank = 0;
                    for (String script : scripts) {
                        String text = read(Database.MIGRATIONS.substring("classpath:".length()) + folder + "/" + script);
                        long began = System.nanoTime();
                        // sqlite-jdbc hands the whole text to sqlite3_exec, which runs its statements in turn
                        statement.executeUpdate(text);
                        String name = script.substring(0, script.length() - ".sql".length());
                        int separator = name.indexOf("__");
                        history.setInt(1, ++rank);
                        history.setString(2, name.substring(1, separator));
                        history.setString(3, name.substring(separator + 2).replace('_', ' '));
                        history.setString(4, script);
                        history.setInt(5, checksum(text));
                        history.setLong(6, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
                        history.executeUpdate();
                    }
                }
                statement.executeUpdate("commit");
                return true;
            } catch (SQLException | RuntimeException e) {
                try {
                    statement.executeUpdate("rollback");
                } catch (SQLException alreadyRolledBack) {
                    e.addSuppressed(alreadyRolledBack);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database's schema: " + e.getMessage(), e);
        }
    }

    /** Flyway's checksum of a script: the CRC-32 of its lines without their line breaks (nor a BOM). */
    static int checksum(String text) {
        CRC32 crc = new CRC32();
        text.lines().forEach(line -> crc.update(line.getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The jar has no " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
