package dev.contacts.server.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.contacts.server.auth.PasswordHasher;

/**
 * A password-hashing pool whose hashes a test holds back, to see what happens while requests wait for them:
 * {@link #holdNext} holds the next hash asked for, {@link #holdAll} every one until released. Which hashes are held
 * is decided when they are asked for, never by timing.
 */
public final class HashGate extends ThreadPoolExecutor {

    /** Only turns a hang into a failure. */
    private static final long PATIENCE_SECONDS = 60;

    private final AtomicReference<Hold> hold = new AtomicReference<>();

    public HashGate() {
        this(2);
    }

    /** Hashing on {@code threads} threads: a held hash holds its thread, so a hash not held runs only on a free one. */
    public HashGate(int threads) {
        super(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "test-argon2");
            t.setDaemon(true);
            return t;
        });
    }

    /** A hasher hashing on this pool. */
    public PasswordHasher hasher() {
        return new PasswordHasher(this);
    }

    /** The next hash asked for waits until the hold is released (the hashes after it do not). */
    public Hold holdNext() {
        return arm(new Hold(1));
    }

    /** The next {@code hashes} hashes asked for wait until the hold is released (the hashes after them do not). */
    public Hold holdNext(int hashes) {
        return arm(new Hold(hashes));
    }

    /** Every hash asked for from now on waits until the hold is released. */
    public Hold holdAll() {
        return arm(new Hold(Integer.MAX_VALUE));
    }

    private Hold arm(Hold next) {
        if (!hold.compareAndSet(null, next)) {
            throw new IllegalStateException("a hold is already in force");
        }
        return next;
    }

    @Override
    public void execute(Runnable hash) {
        Hold current = hold.get();
        if (current != null && current.take()) {
            super.execute(() -> {
                current.awaitRelease();
                hash.run();
            });
        } else {
            super.execute(hash);
        }
    }

    /** Hashes held back; {@link #close} releases them (call it in a {@code finally}). */
    public final class Hold implements AutoCloseable {

        private final int limit;
        private final AtomicInteger taken = new AtomicInteger();
        private final Semaphore held = new Semaphore(0);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(int limit) {
            this.limit = limit;
        }

        private boolean take() {
            if (taken.incrementAndGet() > limit) {
                return false;
            }
            if (taken.get() >= limit) {
                hold.compareAndSet(this, null);
            }
            held.release();
            return true;
        }

        /** Waits until {@code hashes} hashes have been asked for and held (their requests now wait for them). */
        public void awaitHeld(int hashes) throws InterruptedException {
            assertTrue(held.tryAcquire(hashes, PATIENCE_SECONDS, TimeUnit.SECONDS),
                    hashes + " hashes asked for within " + PATIENCE_SECONDS + " s");
            held.release(hashes);
        }

        private void awaitRelease() {
            boolean interrupted = false;
            while (true) {
                try {
                    released.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Lets the held hashes (and any later ones) run. */
        @Override
        public void close() {
            hold.compareAndSet(this, null);
            released.countDown();
        }
    }
}
