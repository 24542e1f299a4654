package dev.contacts.server.db;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Platform threads that take work in the order it came, started only when a task finds none of them idle, up to
 * {@code most}; beyond that, tasks wait (at most {@code waiting} of them, else {@link RejectedExecutionException}).
 * A thread idle for a minute ends. A {@link ThreadPoolExecutor} with {@code most} core threads starts a new one for
 * each task until it has them all, idle ones there or not: one request after another started all 64 database
 * threads, each then holding about 100 kB of touched stack (docs/benchmarks.md, "Database threads as needed").
 */
final class ThreadsAsNeeded extends ThreadPoolExecutor {

    private static final long IDLE_SECONDS = 60;

    /** Tasks taken and not yet finished: a thread is idle when there are no more of them than threads. */
    private final AtomicInteger unfinished = new AtomicInteger();

    ThreadsAsNeeded(int most, int waiting, String name) {
        this(most, new Tasks(waiting), name);
    }

    private ThreadsAsNeeded(int most, Tasks tasks, String name) {
        super(0, most, IDLE_SECONDS, TimeUnit.SECONDS, tasks, daemonThreads(name), (task, pool) -> {
            // another task took the last thread to be started since the queue turned this one down: it waits
            if (pool.isShutdown() || !tasks.queue(task)) {
                throw new RejectedExecutionException(pool.isShutdown() ? "shut down" : "too many tasks waiting");
            }
        });
        tasks.pool = this;
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void execute(Runnable task) {
        unfinished.incrementAndGet();
        try {
            super.execute(task);
        } catch (RejectedExecutionException e) {
            unfinished.decrementAndGet();
            throw e;
        }
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> work) {
        return new Counted<>(work);
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        if (task instanceof Counted<?> counted) {
            counted.finished();
        } else {
            unfinished.decrementAndGet();
        }
    }

    /**
     * A task that counts as finished before its caller learns its result: the caller's next task then finds this
     * thread idle (counted after it, one request after another started a thread each).
     */
    private final class Counted<T> extends FutureTask<T> {

        private final AtomicBoolean counted = new AtomicBoolean();

        Counted(Callable<T> work) {
            super(work);
        }

        @Override
        protected void set(T result) {
            finished();
            super.set(result);
        }

        @Override
        protected void setException(Throwable failure) {
            finished();
            super.setException(failure);
        }

        /** Once, whether it ran to its end or was cancelled. */
        void finished() {
            if (counted.compareAndSet(false, true)) {
                unfinished.decrementAndGet();
            }
        }
    }

    /**
     * The waiting tasks. Turns a task down while every thread is busy and more may start, so that the executor
     * starts one for it instead of queueing it.
     */
    private static final class Tasks extends LinkedBlockingQueue<Runnable> {

        private ThreadsAsNeeded pool;

        Tasks(int capacity) {
            super(capacity);
        }

        @Override
        public boolean offer(Runnable task) {
            int threads = pool.getPoolSize();
            if (pool.unfinished.get() > threads && threads < pool.getMaximumPoolSize()) {
                return false;
            }
            return super.offer(task);
        }

        boolean queue(Runnable task) {
            return super.offer(task);
        }
    }
}
