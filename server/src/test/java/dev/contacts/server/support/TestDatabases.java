package dev.contacts.server.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.contacts.server.db.Database;
import dev.contacts.server.db.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A fresh, empty database for each test server, on the database the suite runs against: SQLite (a file in a new
 * temporary folder) unless the system property {@value #PROPERTY} is {@code postgresql} (server/pom.xml's second
 * surefire run). Then every database is made on ONE embedded PostgreSQL process (zonky: a real PostgreSQL from
 * Maven Central jars, nothing to install), as a copy of a template migrated once: a CREATE DATABASE per server,
 * no migration per server.
 */
public final class TestDatabases {

    public static final String PROPERTY = "contacts.test.database";
    /** JUnit tag of the tests that are about SQLite itself (its files, its locks, its old schemas). */
    public static final String SQLITE_ONLY = "sqlite-only";

    private static final String TEMPLATE = "contacts_template";
    private static final AtomicInteger MADE = new AtomicInteger();

    private TestDatabases() {
    }

    public static boolean onPostgreSql() {
        return "postgresql".equals(System.getProperty(PROPERTY));
    }

    /** A new empty database; its file is the SQLite database, or on PostgreSQL where the key file goes. */
    public static DatabaseSettings fresh() {
        Path file = newFolder().resolve("contacts.db");
        if (!onPostgreSql()) {
            return DatabaseSettings.sqlite(file);
        }
        String name = "contacts_" + MADE.incrementAndGet();
        Postgres.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return Postgres.settings(file, name);
    }

    /** A new database without even the schema (not copied from the migrated template): for tests of migrating. */
    public static DatabaseSettings empty() {
        Path file = newFolder().resolve("contacts.db");
        if (!onPostgreSql()) {
            return DatabaseSettings.sqlite(file);
        }
        String name = "contacts_" + MADE.incrementAndGet();
        Postgres.execute("CREATE DATABASE " + name);
        return Postgres.settings(file, name);
    }

    /** A plain data source of {@code settings}' database: no pool, no migration (for tests of migrating). */
    public static DataSource dataSource(DatabaseSettings settings) {
        if (settings.isPostgreSql()) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL(settings.url().orElseThrow());
            return source;
        }
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + settings.file().toAbsolutePath());
        return source;
    }

    private static Path newFolder() {
        return TempFolders.create();
    }

    /** The one PostgreSQL process of this test JVM, started on first use and stopped when the JVM ends. */
    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        // the tests' data is thrown away: no need to wait for the disk
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // the process goes with the JVM's temporary folder anyway
                    }
                }));
                try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + TEMPLATE);
                }
                Database.open(settings(server, Path.of("unused.db"), TEMPLATE)).close();
                return server;
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("cannot start the embedded PostgreSQL", e);
            }
        }

        static DatabaseSettings settings(Path keyFolderFile, String name) {
            return settings(SERVER, keyFolderFile, name);
        }

        private static DatabaseSettings settings(EmbeddedPostgres server, Path keyFolderFile, String name) {
            // a small pool per test server: a test JVM holds many servers at once on one PostgreSQL
            return new DatabaseSettings(keyFolderFile, Optional.of(server.getJdbcUrl("postgres", name)),
                    Optional.empty(), Optional.empty(), 4);
        }

        static void execute(String sql) {
            try (Connection c = SERVER.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }
    }
}
