package dev.contacts.server.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.contacts.server.Refusal;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectForUpdateStep;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database, SQLite (a file) or PostgreSQL (a server): a connection pool, the schema migrated to the newest
 * version on open (Flyway, with each database's own scripts in db/migration/sqlite or db/migration/postgresql),
 * the jOOQ context of the database's dialect that the repositories use, and the platform threads that database
 * work runs on: reads on a few of their own ({@link #read}), anything that may write on many ({@link #call}).
 */
public final class Database implements AutoCloseable {

    /**
     * The PostgreSQL driver logs every bound value (emails, password hashes) at FINEST: kept at INFO, so turning the
     * server's log level up never writes them. Held here, since java.util.logging keeps loggers only weakly.
     */
    private static final Logger POSTGRESQL_DRIVER_LOG = Logger.getLogger("org.postgresql");

    static {
        // jOOQ prints a banner and tips on first use; a server log is no place for them.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        POSTGRESQL_DRIVER_LOG.setLevel(Level.INFO);
    }

    /**
     * Threads for database work that may write (a request's handler, but not the waits for password hashes nor for a
     * client's body or an import's parsing: those run between {@link #call}s). More than {@link #SQLITE_CONNECTIONS}:
     * a writer waiting for SQLite's write turn (or for its group's commit) holds its thread, and with 16 threads the
     * reads during a login flood waited behind the logins' writes (docs/benchmarks.md, "16, 32 and 64 database threads
     * again"). At most: each is started when work finds none idle ({@link ThreadsAsNeeded}).
     */
    public static final int WORKERS = 64;
    /**
     * Threads for reads ({@link #read}): few, since a read never waits for a writer (WAL; PostgreSQL's reads take no
     * row locks), so a few threads keep the cores busy, and requests take them in turn (first come, first served)
     * instead of 64 threads sharing two cores at once, which put the reads' p99 at six times their mean
     * (docs/benchmarks.md, "Reads on a pool of their own").
     */
    public static final int READERS = 2 * Runtime.getRuntime().availableProcessors();
    /**
     * Connections: more than writers usually wait for the write lock at once, so that reads (which WAL lets run
     * beside a writer) still find one. An idle SQLite connection costs little.
     */
    public static final int SQLITE_CONNECTIONS = 16;
    /** Requests waiting for a worker; beyond it the server is busy (503). */
    private static final int WAITING = 2048;

    /** Each database's Flyway scripts are in a folder of their own under this one. */
    public static final String MIGRATIONS = "classpath:db/migration/";

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor readers;
    /** SQLite's writers in the order they came; null on PostgreSQL. */
    private final SqliteWriteQueue writeQueue;

    private Database(HikariDataSource dataSource, SQLDialect dialect, int threads, int readThreads) {
        this.dataSource = dataSource;
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(dataSource).set(dialect).set(new Settings().withExecuteLogging(false));
        if (dialect.family() == SQLDialect.SQLITE) {
            writeQueue = new SqliteWriteQueue(configuration.connectionProvider(), dataSource.getDataSource());
            configuration.set(writeQueue).set(new DefaultExecuteListenerProvider(writeQueue));
        } else {
            // PostgreSQL locks rows: writers of different rows go on at once
            writeQueue = null;
        }
        this.dsl = DSL.using(configuration);
        this.workers = threads(threads, "db-work-");
        this.readers = threads(readThreads, "db-read-");
    }

    /**
     * At most {@code threads} platform threads taking work in the order it came (at most {@link #WAITING} waiting),
     * each started when work finds no idle one (so a quiet server keeps few).
     */
    private static ThreadPoolExecutor threads(int threads, String name) {
        return new ThreadsAsNeeded(threads, WAITING, name);
    }

    /** Opens and migrates the database {@code settings} name: a PostgreSQL database, else the SQLite file. */
    public static Database open(DatabaseSettings settings) {
        return open(settings, WORKERS, READERS, SQLITE_CONNECTIONS);
    }

    /**
     * As {@link #open(DatabaseSettings)}, with {@code threads} threads for database work that may write,
     * {@code readThreads} for reads and, on SQLite, {@code sqliteConnections} pooled connections (the desktop's
     * embedded server needs fewer than a server).
     */
    public static Database open(DatabaseSettings settings, int threads, int readThreads, int sqliteConnections) {
        return settings.isPostgreSql() ? openPostgreSql(settings, threads, readThreads)
                : open(settings.file(), threads, readThreads, sqliteConnections);
    }

    /**
     * Opens a PostgreSQL database: a pool of at most {@code poolSize} connections (each instance of the server
     * holds its own pool; PostgreSQL's max_connections must cover them all). The database must exist; its
     * tables are created by the migrations, which Flyway runs under an advisory lock, so instances starting
     * together migrate it once.
     */
    private static Database openPostgreSql(DatabaseSettings settings, int threads, int readThreads) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(settings.url().orElseThrow());
        settings.user().ifPresent(pool::setUsername);
        settings.password().ifPresent(pool::setPassword);
        pool.setPoolName("contacts-db");
        pool.setMaximumPoolSize(settings.poolSize());
        // opened as needed, idle ones closed after 10 minutes: instances share PostgreSQL's max_connections
        pool.setMinimumIdle(1);
        // a database server that is gone gets a 503 after 10 s (Database.call), not a client left waiting 30 s
        pool.setConnectionTimeout(10_000);
        return migrated(new HikariDataSource(pool), SQLDialect.POSTGRES, "postgresql", threads, readThreads);
    }

    /** Opens (creating it and its folders when missing) and migrates the SQLite database in {@code file}. */
    public static Database open(Path file) {
        return open(file, WORKERS, READERS, SQLITE_CONNECTIONS);
    }

    private static Database open(Path file, int threads, int readThreads, int connections) {
        Path absolute = file.toAbsolutePath();
        try {
            createPrivately(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database " + absolute, e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        // FULL: a committed write survives a power cut, not only a crash of the process.
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        // This process's writers take turns (SqliteWriteQueue); writers of other processes on the same file are
        // waited for instead of failing with SQLITE_BUSY...
        sqlite.setBusyTimeout(30_000);
        // ...and a transaction takes the write lock when it begins, so it can never fail half-way when it
        // upgrades from reading to writing (the one case the busy timeout cannot wait out).
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqliteSource = new SQLiteDataSource(sqlite);
        sqliteSource.setUrl("jdbc:sqlite:" + absolute);
        useWriteAheadLog(sqliteSource, absolute);

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqliteSource);
        pool.setPoolName("contacts-db");
        pool.setMaximumPoolSize(connections);
        pool.setConnectionTimeout(30_000);
        return migrated(new HikariDataSource(pool), SQLDialect.SQLITE, "sqlite", threads, readThreads);
    }

    /**
     * Switches the file to write-ahead logging (readers never wait for the writer), once: the mode is kept in the
     * file, so the pool's connections find it there. Not a pragma of every connection: when instances start
     * together on a new file, SQLite answers all but one switch with SQLITE_BUSY at once, without waiting for the
     * busy timeout (each holds the read lock another's switch needs), so the switch is retried until it is done.
     */
    private static void useWriteAheadLog(SQLiteDataSource source, Path file) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(source.getConfig().getBusyTimeout());
        while (true) {
            try (var connection = source.getConnection();
                    var statement = connection.createStatement();
                    var mode = statement.executeQuery("pragma journal_mode = wal")) {
                String now = mode.next() ? mode.getString(1) : "";
                if (!"wal".equalsIgnoreCase(now)) {
                    throw new IllegalStateException("SQLite cannot use a write-ahead log for " + file + " (journal mode " + now + ")");
                }
                return;
            } catch (SQLException e) {
                boolean busy = (e.getErrorCode() & 0xff) == SQLITE_BUSY;
                if (!busy || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cannot open the database " + file + ": " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(2, 20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while opening the database " + file, e);
            }
        }
    }

    /** SQLite's primary result code for "another connection holds the lock". */
    private static final int SQLITE_BUSY = 5;

    /** The database of {@code dataSource}, migrated with the scripts of db/migration/{@code scripts}. */
    private static Database migrated(HikariDataSource dataSource, SQLDialect dialect, String scripts, int threads,
                                     int readThreads) {
        try {
            Migrations.apply(dataSource, scripts);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect, threads, readThreads);
    }

    /**
     * Creates the folder (0700) and an empty database file (0600) before SQLite opens it, when they are missing:
     * SQLite gives its -wal and -shm files the database file's mode, so none of them is ever readable by other
     * users of the machine (with the usual umask, SQLite alone would create them 0644 in a 0755 folder).
     */
    private static void createPrivately(Path database) throws IOException {
        createPrivateFolder(database.getParent());
        if (database.getFileSystem().supportedFileAttributeViews().contains("posix") && Files.notExists(database)) {
            try {
                Files.createFile(database, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                // instances started together on a new database: the one that created it made it 0600
            }
        }
    }

    /** Creates {@code folder} when missing, readable by its owner only (0700) where the file system has modes. */
    public static void createPrivateFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder);
            return;
        }
        Files.createDirectories(folder.toAbsolutePath().getParent());
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** Closes the pool's idle connections (and the statements kept on them); new ones open as needed. For tests. */
    void replaceConnections() {
        dataSource.getHikariPoolMXBean().softEvictConnections();
    }

    /** The threads for database work that may write, those for reads, and the most pooled connections. */
    int threads() {
        return workers.getMaximumPoolSize();
    }

    int readThreads() {
        return readers.getMaximumPoolSize();
    }

    /** The threads for work that may write that are started now (for tests). */
    int threadsStarted() {
        return workers.getPoolSize();
    }

    /** The threads for work that may write that are running some now (for tests). */
    int threadsAtWork() {
        return workers.getActiveCount();
    }

    int connections() {
        return dataSource.getMaximumPoolSize();
    }

    /** SQLite's queue of writers; empty on PostgreSQL. */
    Optional<SqliteWriteQueue> writeQueue() {
        return Optional.ofNullable(writeQueue);
    }

    /**
     * {@code select}, locking the rows it reads until the transaction ends (FOR UPDATE) where the database locks
     * rows: on PostgreSQL two transactions may otherwise both read a row and then both write it, one undoing the
     * other. SQLite needs (and has) no such clause: each write transaction takes the database's write lock when it
     * begins (IMMEDIATE), so they already run one after another.
     */
    public static <R extends Record> ResultQuery<R> lockingRows(SelectForUpdateStep<R> select) {
        return select.configuration().dialect().family() == SQLDialect.SQLITE ? select : select.forUpdate();
    }

    /** Whether {@code dsl} works on SQLite (for the few statements whose best form differs, e.g. index hints). */
    public static boolean isSqlite(DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.SQLITE;
    }

    /** Whether {@code e} is a unique (or other integrity) constraint refusing a write. */
    public static boolean isConstraintViolation(DataAccessException e) {
        return e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION;
    }

    /**
     * Runs {@code work} that uses the database on one of its platform threads and waits for it. sqlite-jdbc's
     * native calls, and the busy-timeout wait for the write lock inside them, pin a virtual thread to its
     * carrier; with only as many carriers as cores, a few writers waiting for the lock left no carrier to
     * accept or parse any other request (thread dumps in the README). A virtual thread waiting here unmounts.
     * Work that waits for something else (a password hash) does so between two calls, holding no database thread.
     * Work that only reads goes to {@link #read}.
     *
     * @throws Refusal.Busy when too much work is already waiting
     */
    public <T> T call(Callable<T> work) throws Exception {
        return runOn(workers, work);
    }

    /**
     * As {@link #call}, for {@code work} that only reads (it never writes, nor waits for a lock a writer holds): it
     * runs on the readers' few threads, so writers waiting for SQLite's write turn (each holding its thread) never
     * leave reads without one.
     */
    public <T> T read(Callable<T> work) throws Exception {
        return runOn(readers, work);
    }

    /**
     * One unchanging view of the database for many {@link Snapshot#read}s (an export's pages): each sees the
     * database as it was when the snapshot was taken, whatever is committed meanwhile. It holds a pooled
     * connection (not a thread) until closed, but no lock a writer waits for: on SQLite a deferred read
     * transaction (WAL keeps its pages for it; the log cannot be checkpointed past it meanwhile), on PostgreSQL a
     * read-only REPEATABLE READ one. Close it soon: no slow client should be waited for while it is open.
     */
    public Snapshot snapshot() throws Exception {
        return read(() -> {
            Connection connection = dataSource.getConnection();
            try {
                if (isSqlite(dsl)) {
                    // BEGIN alone: the pool's connections begin IMMEDIATE (the write lock) when auto-commit is off
                    try (Statement begin = connection.createStatement()) {
                        begin.execute("begin deferred");
                        // a deferred transaction takes its snapshot at its first read: here, not at the first page
                        begin.executeQuery("select count(*) from sqlite_master").close();
                    }
                } else {
                    connection.setAutoCommit(false);
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    connection.setReadOnly(true);
                    try (Statement first = connection.createStatement()) {
                        first.executeQuery("select 1").close(); // the snapshot is taken at the first statement
                    }
                }
                return new Snapshot(connection,
                        dsl.configuration().derive(new DefaultConnectionProvider(connection)).dsl());
            } catch (SQLException | RuntimeException e) {
                end(connection);
                throw e;
            }
        });
    }

    /** See {@link #snapshot}. */
    public final class Snapshot implements AutoCloseable {
        private final Connection connection;
        private final DSLContext view;

        private Snapshot(Connection connection, DSLContext view) {
            this.connection = connection;
            this.view = view;
        }

        /** Runs {@code work} on the snapshot, on a reader's thread (as {@link Database#read}). */
        public <T> T read(Function<DSLContext, T> work) throws Exception {
            return runOn(readers, () -> work.apply(view));
        }

        /** Ends the read transaction and gives the connection back. */
        @Override
        public void close() throws Exception {
            runOn(readers, () -> {
                end(connection);
                return null;
            });
        }
    }

    /**
     * Ends a snapshot's read transaction and gives its connection back to the pool (which resets the settings
     * changed); a connection whose transaction could not be ended is closed for good instead, so that no pooled
     * connection keeps an old snapshot (on SQLite, the write-ahead log could not be checkpointed past it).
     */
    private void end(Connection connection) throws SQLException {
        try {
            if (isSqlite(dsl)) {
                try (Statement end = connection.createStatement()) {
                    end.execute("rollback");
                }
            } else {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            dataSource.evictConnection(connection);
            throw e;
        } finally {
            connection.close();
        }
    }

    private <T> T runOn(ThreadPoolExecutor threads, Callable<T> work) throws Exception {
        Future<T> result;
        try {
            result = threads.submit(work);
        } catch (RejectedExecutionException e) {
            if (threads.isShutdown()) {
                throw new IllegalStateException("the database is closed", e);
            }
            throw new Refusal.Busy();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (noConnection(e.getCause())) {
                // a database server down or cut off, not a fault of this request: 503, and DOWN in the health check
                Logger.getLogger(Database.class.getName()).log(Level.WARNING,
                        "No database connection within the pool's wait: " + e.getCause().getMessage());
                throw new Refusal.DatabaseUnavailable();
            }
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    /**
     * Whether {@code failure} comes from the pool giving up on a connection (HikariCP's timeout), from a
     * connection that broke (SQLSTATE class 08), or from a database server shutting down or starting (57P01-03:
     * what PostgreSQL tells its pooled connections when it is stopped).
     */
    static boolean noConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLException sql
                    && sql.getSQLState() != null && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the database answers a trivial query; false when it refuses or is closed. Runs on the calling
     * thread, which waits as long as the pool does for a connection: {@link DatabaseHealthCheck} bounds that.
     */
    public boolean isHealthy() {
        try {
            return dsl.selectOne().fetchOne(0, Integer.class) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        readers.shutdown();
        if (writeQueue != null) {
            writeQueue.close();
        }
        dataSource.close();
    }
}
