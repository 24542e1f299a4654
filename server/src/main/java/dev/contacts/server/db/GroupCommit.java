package dev.contacts.server.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.jooq.DSLContext;

/**
 * Small writes of many threads committed together: one transaction, so one fsync, for all that queued while the
 * previous group committed. On SQLite every commit waits for its own fsync in turn (synchronous=FULL), so 16
 * queued creates waited for 16 fsyncs one after another; in a group they wait for one. Each write runs in a
 * savepoint of its own: one that fails is rolled back alone and fails alone, the others go on. Each thread gets
 * its own write's answer only after the group's commit, or the failure that kept the group from committing (then
 * nothing of it is stored).
 *
 * <p>The first thread that finds no group committing commits the queue, its own write included; the others wait
 * until their write was committed by it, or until it is done and one of them commits the next group.
 */
public final class GroupCommit {

    private final DSLContext dsl;
    /** Where the groups run: on SQLite a connection kept for them, taken at the first; guarded by {@link #committing}. */
    private DSLContext writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition groupDone = lock.newCondition();
    /** Writes waiting for the next group; guarded by {@link #lock}. */
    private List<Write<?>> queued = new ArrayList<>();
    /** Whether a thread commits a group now; guarded by {@link #lock}. */
    private boolean committing;

    public GroupCommit(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Runs {@code work} in the next group's transaction (in a savepoint) and answers what it returned once that
     * group committed; throws what {@code work} threw (then nothing of it is stored), or what kept the group's
     * transaction from committing. Never call it inside a transaction: the group commits on its own.
     */
    public <T> T run(Function<DSLContext, T> work) {
        Write<T> mine = new Write<>(work);
        List<Write<?>> group;
        lock.lock();
        try {
            queued.add(mine);
            // uninterruptibly: once queued, the write may be committed by another thread, and is answered then
            while (committing && !mine.done) {
                groupDone.awaitUninterruptibly();
            }
            if (mine.done) {
                return mine.answer();
            }
            committing = true;
            group = queued;
            queued = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        try {
            commit(group);
        } finally {
            lock.lock();
            try {
                group.forEach(write -> write.done = true);
                committing = false;
                groupDone.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return mine.answer();
    }

    /** Writes waiting for the next group now. */
    public int waiting() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a thread is committing a group now. */
    public boolean committing() {
        lock.lock();
        try {
            return committing;
        } finally {
            lock.unlock();
        }
    }

    private void commit(List<Write<?>> group) {
        try {
            writer().transaction(tx -> group.forEach(write -> write.runIn(tx.dsl())));
        } catch (RuntimeException | Error e) {
            // rolled back whole: no write of the group is stored, each says why (its own failure, if it had one)
            group.forEach(write -> write.groupFailed(e));
        }
    }

    private DSLContext writer() {
        if (writer == null) {
            writer = dsl.configuration().transactionProvider() instanceof SqliteWriteQueue queue
                    ? queue.keptWriter(dsl.configuration()) : dsl;
        }
        return writer;
    }

    /** One thread's write and, once its group is done, its answer. Guarded by {@link #lock} across threads. */
    private static final class Write<T> {
        private final Function<DSLContext, T> work;
        private T value;
        private Throwable failure;
        private boolean done;

        Write(Function<DSLContext, T> work) {
            this.work = work;
        }

        void runIn(DSLContext tx) {
            try {
                value = tx.transactionResult(savepoint -> work.apply(savepoint.dsl()));
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        void groupFailed(Throwable e) {
            value = null;
            if (failure == null) {
                failure = e;
            }
        }

        T answer() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return value;
        }
    }
}
