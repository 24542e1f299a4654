package dev.contacts.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.DMLQuery;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DefaultConnectionProvider;
import org.jooq.impl.DefaultTransactionProvider;

/**
 * SQLite's writers of this process, one after another in the order they came. SQLite lets one connection write at
 * a time, and a writer that finds the lock taken sleeps in SQLite's busy handler (1 ms, 2, 5 ... up to 100 ms a
 * round) and tries again: whoever asks at the moment the lock is free wins, so under 16 concurrent creates most
 * writers got the lock at once while a few lost round after round for seconds (docs/benchmarks.md, "Creates under 16
 * writers"). Here every write transaction first waits for its turn on a fair (first come, first served) lock, and holds
 * it until it commits or rolls back; its BEGIN IMMEDIATE then finds the database free. The busy timeout still covers
 * other processes on the same file. A write outside a transaction (one auto-committed statement) takes its turn the
 * same way; a read outside a transaction never waits here. A writer waits before it takes a pooled connection, so
 * writers in the queue leave the connections to reads.
 */
final class SqliteWriteQueue implements TransactionProvider, ExecuteListener {

    /** Marks an auto-committed statement that took a turn, so that its end gives it back. */
    private static final String TURN_TAKEN = SqliteWriteQueue.class.getName() + ".turn";

    private final ReentrantLock turn;
    private final TransactionProvider transactions;
    /** Where {@link #keptWriter}'s connection comes from; null in a queue made by it. */
    private final DataSource file;
    /** The connection of {@link #keptWriter}, opened at its first use; guarded by this. */
    private Connection kept;

    /** Writers on the pool's {@code connections}; {@code file} opens the connection of {@link #keptWriter}. */
    SqliteWriteQueue(ConnectionProvider connections, DataSource file) {
        this(connections, new ReentrantLock(true), file);
    }

    private SqliteWriteQueue(ConnectionProvider connections, ReentrantLock turn, DataSource file) {
        this.turn = turn;
        this.transactions = new DefaultTransactionProvider(connections);
        this.file = file;
    }

    /**
     * {@code configuration}'s context, its transactions taking their turn here as every writer's do, but all on one
     * connection of their own beside the pool (for the creates' group commits), with its temporary files in memory.
     * Each write of a group runs in a savepoint, and SQLite journals every page a savepoint changes (about twenty for
     * a create: the row, its indexes, its trigram segment); past 64 KiB that journal went to a temporary file,
     * written page by page: two thirds of the server's writes to files under the creates (docs/benchmarks.md, "Creates:
     * the savepoints' journal in memory"). In memory it is dropped at each release. Only here: on the pool's
     * connections a large sort (ORDER BY without an index) still goes to a file rather than to memory without a bound.
     * One connection, so its page cache also stays valid from one group to the next while no other writer commits.
     */
    synchronized DSLContext keptWriter(Configuration configuration) {
        if (kept == null) {
            try {
                Connection connection = file.getConnection();
                try (Statement pragma = connection.createStatement()) {
                    pragma.execute("pragma temp_store = memory");
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
                kept = connection;
            } catch (SQLException e) {
                throw new DataAccessException("Cannot open a connection for group commits", e);
            }
        }
        ConnectionProvider one = new DefaultConnectionProvider(kept);
        return configuration.derive(one).derive(new SqliteWriteQueue(one, turn, null)).dsl();
    }

    /** Closes the connection of {@link #keptWriter}, if open. */
    synchronized void close() {
        if (kept != null) {
            try {
                kept.close();
            } catch (SQLException e) {
                // closing: nothing is left to write on it (each group committed or rolled back)
            }
            kept = null;
        }
    }

    /*
     * jOOQ calls rollback after any failure of begin, of the work or of commit, so the turn taken in begin is given
     * back exactly once: by a commit that succeeded, or by the rollback. A nested transaction (a savepoint) takes
     * the reentrant lock once more and gives it back the same way.
     */
    @Override
    public void begin(TransactionContext ctx) {
        turn.lock();
        transactions.begin(ctx);
    }

    @Override
    public void commit(TransactionContext ctx) {
        transactions.commit(ctx);
        turn.unlock();
    }

    @Override
    public void rollback(TransactionContext ctx) {
        try {
            transactions.rollback(ctx);
        } finally {
            turn.unlock();
        }
    }

    /** Before an auto-committed write takes its connection; inside a transaction the turn is already held. */
    @Override
    public void start(ExecuteContext ctx) {
        if (!turn.isHeldByCurrentThread() && writes(ctx)) {
            turn.lock();
            ctx.data(TURN_TAKEN, true);
        }
    }

    /** After the statement ended, well or not (jOOQ calls end in a finally). */
    @Override
    public void end(ExecuteContext ctx) {
        if (ctx.data().remove(TURN_TAKEN) != null) {
            turn.unlock();
        }
    }

    /** Anything but a read: a DML statement (also one that returns rows), a batch, DDL, or SQL jOOQ cannot tell. */
    private static boolean writes(ExecuteContext ctx) {
        return ctx.type() != ExecuteType.READ || ctx.query() instanceof DMLQuery;
    }

    /** Writers waiting for their turn now. */
    int waiting() {
        return turn.getQueueLength();
    }

    /** Whether some writer has the turn now. */
    boolean busy() {
        return turn.isLocked();
    }
}
