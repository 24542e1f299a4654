package dev.contacts.server.db;

import java.util.concurrent.locks.ReentrantLock;

import org.jooq.ConnectionProvider;
import org.jooq.DMLQuery;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.impl.DefaultTransactionProvider;

/**
 * SQLite's writers of this process, one after another in the order they came. SQLite lets one connection write at
 * a time, and a writer that finds the lock taken sleeps in SQLite's busy handler (1 ms, 2, 5 ... up to 100 ms a
 * round) and tries again: whoever asks at the moment the lock is free wins, so under 16 concurrent creates most
 * writers got the lock at once while a few lost round after round for seconds (README, "Performance"). Here every
 * write transaction first waits for its turn on a fair (first come, first served) lock, and holds it until it
 * commits or rolls back; its BEGIN IMMEDIATE then finds the database free. The busy timeout still covers other
 * processes on the same file. A write outside a transaction (one auto-committed statement) takes its turn the same
 * way; a read outside a transaction never waits here. A writer waits before it takes a pooled connection, so
 * writers in the queue leave the connections to reads.
 */
final class SqliteWriteQueue implements TransactionProvider, ExecuteListener {

    /** Marks an auto-committed statement that took a turn, so that its end gives it back. */
    private static final String TURN_TAKEN = SqliteWriteQueue.class.getName() + ".turn";

    private final ReentrantLock turn = new ReentrantLock(true);
    private final TransactionProvider transactions;

    SqliteWriteQueue(ConnectionProvider connections) {
        this.transactions = new DefaultTransactionProvider(connections);
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
