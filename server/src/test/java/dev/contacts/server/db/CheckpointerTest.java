package dev.contacts.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite's log is copied into the database file by the checkpoints' own thread, not by the writers' commits; it
 * restarts, so its file stays bounded under writes that never stop; what was acknowledged is on disk whatever the
 * checkpoints did; and closing the database stops that thread. Each waits for the checkpoint that follows its
 * commits ({@link Checkpointer#awaitCopied}), never for a time.
 */
@Tag(TestDatabases.SQLITE_ONLY) // about SQLite's write-ahead log
class CheckpointerTest {

    /** A frame of the log: a page and its 24-byte header. */
    private static final int FRAME = 4096 + 24;

    @TempDir
    Path folder;

    @Test
    void theCheckpointerNotTheCommitsCopiesTheLogIntoTheDatabaseFile() throws Exception {
        Path file = folder.resolve("contacts.db");
        try (Database database = Database.open(file)) {
            DSLContext dsl = database.dsl();
            assertEquals(0, dsl.fetchValue("pragma wal_autocheckpoint"), "a commit runs no checkpoint of its own");
            Checkpointer checkpointer = database.checkpointer().orElseThrow();
            dsl.execute("create table filler (b blob)");
            for (int i = 0; i < Checkpointer.COMMITS; i++) {
                dsl.execute("insert into filler values (randomblob(10000))");
            }
            assertTrue(checkpointer.awaitCopied(checkpointer.commits()));

            // the database file alone, as a copy of only it would have it: the rows are in it, not only in the log
            Path copy = Files.createDirectory(folder.resolve("copy")).resolve("contacts.db");
            Files.copy(file, copy);
            assertEquals(Checkpointer.COMMITS, count(copy));
        }
    }

    @Test
    void theLogRestartsSoItsFileStaysBoundedUnderWritesThatNeverPause() throws Exception {
        Path file = folder.resolve("contacts.db");
        try (Database database = Database.open(file)) {
            DSLContext dsl = database.dsl();
            Checkpointer checkpointer = database.checkpointer().orElseThrow();
            dsl.execute("create table filler (id integer primary key, b blob)");
            // each commit rewrites 200 kB (about 50 pages): 200 of them write ten times the log's restart point
            int commits = 200;
            for (int i = 0; i < commits; i++) {
                dsl.execute("insert or replace into filler values (" + i % 4 + ", randomblob(200000))");
                if (i % Checkpointer.COMMITS == Checkpointer.COMMITS - 1) {
                    // the checkpoint these commits asked for, as when it keeps up with the writers
                    assertTrue(checkpointer.awaitCopied(checkpointer.commits()));
                }
            }
            long log = Files.size(Path.of(file + "-wal"));
            assertTrue(log < 2L * Checkpointer.RESTART_PAGES * FRAME,
                    "the log restarted near " + Checkpointer.RESTART_PAGES + " pages, its file has " + log + " bytes");
            assertEquals(4, dsl.fetchValue("select count(*) from filler"));
        }
    }

    @Test
    void anAcknowledgedWriteIsOnDiskBeforeAnyCheckpointCopiedIt() throws Exception {
        Path file = folder.resolve("contacts.db");
        try (Database database = Database.open(file)) {
            database.dsl().execute("create table filler (b blob)");
            database.dsl().execute("insert into filler values (x'01')");

            // what a crash leaves: the database file and its log as they are now (the shared memory is rebuilt)
            Path crashed = Files.createDirectory(folder.resolve("crashed")).resolve("contacts.db");
            Files.copy(file, crashed);
            Files.copy(Path.of(file + "-wal"), Path.of(crashed + "-wal"));
            assertEquals(1, count(crashed));
        }
    }

    @Test
    void closingTheDatabaseStopsTheCheckpointsAndKeepsEveryWrite() throws Exception {
        Path file = folder.resolve("contacts.db");
        Checkpointer checkpointer;
        try (Database database = Database.open(file)) {
            checkpointer = database.checkpointer().orElseThrow();
            database.dsl().execute("create table filler (b blob)");
            for (int i = 0; i < 3; i++) {
                database.dsl().execute("insert into filler values (x'01')");
            }
            assertTrue(checkpointer.running());
        }
        assertFalse(checkpointer.running(), "the checkpoints' thread ended with the database");
        assertFalse(checkpointer.awaitCopied(Long.MAX_VALUE), "a closed checkpointer waits for nothing");
        assertEquals(3, count(file));
    }

    /** The rows of filler in the SQLite file {@code file}, read by a plain connection of its own. */
    private static int count(Path file) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        try (Connection connection = source.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from filler")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
