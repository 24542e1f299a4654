package dev.contacts.server.auth;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.contacts.server.Refusal;

/**
 * argon2id password hashing (m=19 MiB, t=2, p=1, OWASP's baseline) on a pool with one thread per core: a
 * flood of logins waits its turn instead of taking every core and 19 MiB per request. A full queue is
 * refused ({@link Refusal.Busy}) rather than letting waiters pile up without bound.
 */
public final class PasswordHasher implements AutoCloseable {

    /**
     * OWASP's 19 MiB. Only the test suites ask for less (surefire sets this property, see pom.xml): their hundreds
     * of registrations and logins then cost a millisecond each. A hash records its own parameters, so verifying
     * works whatever the cost was.
     */
    static final int MEMORY_KIB = Integer.getInteger("contacts.test.argon2-memory-kib", 19_456);
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int QUEUE_CAPACITY = 512;
    /**
     * How long an idle hashing thread lives: it holds its 19 MiB block ({@link Argon2idBlocks}) until it ends, so a
     * flood of logins reuses the blocks and a quiet server gives them back (with 10 s, the blocks were still held
     * during the writes that followed a flood in bench/load.sh: the peak RSS 350 MB instead of 311-316).
     */
    private static final long IDLE_SECONDS = 1;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    private final ExecutorService pool;

    /**
     * What a login of an unknown email verifies against, so that it costs the same work as a known one's (no account
     * enumeration by timing): a hash of this server's parameters over random bytes ({@link Argon2idBlocks#decoy}),
     * made at the first such login. It was a real hash made at start: ~22 ms of CPU, and its thread then held a
     * 19 MiB block for a second, as the desktop's window showed (docs/benchmarks.md, "The desktop's memory").
     */
    private static final class Decoy {
        static final String HASH = Argon2idBlocks.decoy(ITERATIONS, MEMORY_KIB, PARALLELISM);
    }

    public PasswordHasher() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public PasswordHasher(int threads) {
        this(boundedPool(threads));
    }

    /** Hashes on {@code pool}, which bounds the work (tests give one that can hold a hash back). */
    public PasswordHasher(ExecutorService pool) {
        this.pool = pool;
    }

    private static ExecutorService boundedPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), r -> {
                    Thread t = new Thread(() -> {
                        try {
                            r.run();
                        } finally {
                            Argon2idBlocks.releaseBlock();
                        }
                    }, "argon2-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The encoded argon2id hash (salt and parameters included) of {@code password}. */
    public String hash(String password) {
        return run(() -> hashNow(password.toCharArray()));
    }

    /** Whether {@code password} matches {@code encodedHash}. */
    public boolean verify(String encodedHash, String password) {
        return run(() -> {
            char[] chars = password.toCharArray();
            try {
                Boolean matches = Argon2idBlocks.verify(encodedHash, chars);
                return matches != null ? matches : argon2.verify(encodedHash, chars);
            } finally {
                argon2.wipeArray(chars);
            }
        });
    }

    /** Spends the same work as a real {@link #verify} and always fails: for logins of unknown emails. */
    public boolean verifyDecoy(String password) {
        verify(Decoy.HASH, password);
        return false;
    }

    private String hashNow(char[] password) {
        try {
            return Argon2idBlocks.hash(password, ITERATIONS, MEMORY_KIB, PARALLELISM);
        } finally {
            argon2.wipeArray(password);
        }
    }

    private <T> T run(Callable<T> work) {
        try {
            return pool.submit(work).get();
        } catch (RejectedExecutionException e) {
            throw new Refusal.Busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("password hashing failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
