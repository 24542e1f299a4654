package dev.contacts.server.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite's write-ahead log copied into the database file on a thread of its own, not inside a writer's commit.
 * SQLite's automatic checkpoint runs in the commit that takes the log past 1,000 pages, while that writer holds the
 * write turn: about one group of creates in 16 waited for some 900 pages copied and the database file's fsync, and
 * the groups behind it waited too (README, "Creates: where a create's CPU goes"). The pool's connections run none
 * ({@code wal_autocheckpoint = 0}); this thread, on a connection of its own, runs a PASSIVE checkpoint (it copies
 * what no reader still needs, beside the writers, and waits for no lock) after every {@link #COMMITS} commits, and
 * after {@link #IDLE} with fewer.
 *
 * <p>The log starts again from its beginning only when a writer begins while every page of it has been copied and
 * no reader still reads it. Writers that never pause add pages while a checkpoint copies, so with PASSIVE ones
 * alone the log never restarted under bench/load.sh's creates (15,000 pages on average when checkpointed, and
 * growing). So once the log is past {@link #RESTART_PAGES}, a RESTART checkpoint follows holding the write turn:
 * it copies the rest (what was committed during the first) and waits up to {@link #READERS_WAIT_MS} for readers
 * still on the log; then the next writer restarts it, and the log stays near that size as under SQLite's own
 * checkpoints. A reader that keeps an older snapshot for long holds the log back as before (no checkpoint can
 * copy past it); {@code journal_size_limit} gives the file's space back at the next restart. Durability is
 * unchanged: every commit is in the log and fsynced before it is answered (synchronous=FULL), and a checkpoint
 * fsyncs the database file before the log is reused.
 */
final class Checkpointer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Checkpointer.class.getName());

    /** Commits between two checkpoints: a group of creates writes about 50 pages. */
    static final int COMMITS = 8;
    /** The log's length (pages) past which a checkpoint also copies the last pages in turn, so that it restarts. */
    static final int RESTART_PAGES = 1000;
    /**
     * How long the checkpoint that restarts the log waits for readers still on it (ms), holding the write turn: a
     * reader is done within a millisecond or two; one that is not makes this checkpoint give up, the next one tries.
     */
    static final int READERS_WAIT_MS = 5;
    /** A checkpoint of fewer than {@link #COMMITS} commits after this long without one. */
    static final long IDLE = TimeUnit.SECONDS.toNanos(1);

    private final Connection connection;
    private final SqliteWriteQueue writers;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled by a commit that brings work, and by {@link #close}. */
    private final Condition work = lock.newCondition();
    /** Signalled after each checkpoint, and by {@link #close}. */
    private final Condition done = lock.newCondition();
    /** Commits so far; guarded by {@link #lock}, as are the fields below. */
    private long commits;
    /** The commits before the last checkpoint began (all of them are in the database file once it ends). */
    private long begun;
    /** The commits before the last checkpoint that ended began. */
    private long copied;
    private boolean closed;

    /** Starts checkpointing on {@code connection} (which it closes when closed) after commits in {@code writers}' turns. */
    Checkpointer(Connection connection, SqliteWriteQueue writers) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("pragma busy_timeout = " + READERS_WAIT_MS);
        }
        this.connection = connection;
        this.writers = writers;
        this.thread = Thread.ofPlatform().name("contacts-checkpoint").daemon().unstarted(this::run);
        thread.start();
    }

    /** A writer of this process committed (called after it gave back its turn). */
    void committed() {
        lock.lock();
        try {
            long waiting = ++commits - begun;
            if (waiting == 1 || waiting == COMMITS) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Commits so far. */
    long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a checkpoint that began after the first {@code count} commits has ended (false if this closed
     * first): unless a reader held it back, their pages are then in the database file. For tests.
     */
    boolean awaitCopied(long count) throws InterruptedException {
        lock.lock();
        try {
            while (copied < count && !closed) {
                done.await();
            }
            return copied >= count;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the checkpoints' thread still runs. */
    boolean running() {
        return thread.isAlive();
    }

    private void run() {
        long upTo;
        while ((upTo = awaitCommits()) >= 0) {
            try {
                checkpoint();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "A checkpoint of the database failed; the next commits try again", e);
            }
            lock.lock();
            try {
                copied = upTo;
                done.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits for {@link #COMMITS} commits since the last checkpoint began, or for fewer and {@link #IDLE}; answers
     * the commits so far (the checkpoint about to begin copies them), or -1 once closed.
     */
    private long awaitCommits() {
        lock.lock();
        try {
            long idle = IDLE;
            while (!closed && commits - begun < COMMITS && (commits == begun || idle > 0)) {
                if (commits == begun) {
                    work.awaitUninterruptibly();
                    idle = IDLE;
                } else {
                    try {
                        idle = work.awaitNanos(idle);
                    } catch (InterruptedException e) {
                        return -1;
                    }
                }
            }
            if (closed) {
                return -1;
            }
            begun = commits;
            return begun;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Copies the log into the database file beside the writers; once the log is long, copies the rest holding the
     * write turn and waits (briefly) for the readers still reading the log, so that the next writer restarts it.
     */
    private void checkpoint() throws Exception {
        Pages pages = checkpoint("PASSIVE");
        if (pages.log() >= RESTART_PAGES) {
            writers.inTurn(() -> checkpoint("RESTART"));
        }
    }

    /** A checkpoint in {@code mode}: what SQLite answers. */
    private Pages checkpoint(String mode) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("pragma wal_checkpoint(" + mode + ")")) {
            return result.next() ? new Pages(result.getInt(1) != 0, result.getInt(2), result.getInt(3))
                    : new Pages(false, 0, 0);
        }
    }

    /**
     * What a checkpoint answers: whether it could not finish (a reader or another process's writer in the way),
     * the log's length in pages, and how much of it is copied.
     */
    record Pages(boolean busy, int log, int copied) {
    }

    /** Stops the thread once its checkpoint (if one runs) is done, and closes the connection. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signal();
            done.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Closing the checkpoint's connection failed", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
