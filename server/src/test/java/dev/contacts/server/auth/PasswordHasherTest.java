package dev.contacts.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A login of an unknown email costs a hash as a known one does, without a hash made at start: that one cost ~22 ms
 * of CPU and left its thread holding argon2's 19 MiB block as the desktop's window showed.
 */
class PasswordHasherTest {

    /** A one-thread pool that counts the hashes given to it. */
    private static final class CountingPool extends ThreadPoolExecutor {
        final AtomicInteger hashes = new AtomicInteger();

        CountingPool() {
            super(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        }

        @Override
        public void execute(Runnable hash) {
            hashes.incrementAndGet();
            super.execute(hash);
        }
    }

    @Test
    void noHashIsMadeAtStartAndAnUnknownEmailStillCostsOne() {
        CountingPool pool = new CountingPool();
        try (PasswordHasher hasher = new PasswordHasher(pool)) {
            assertEquals(0, pool.hashes.get(), "nothing hashed while the server starts");

            assertFalse(hasher.verifyDecoy("correct horse battery staple"));
            assertEquals(1, pool.hashes.get(), "the unknown email's login ran a hash like a known one's");

            String stored = hasher.hash("correct horse battery staple");
            assertTrue(hasher.verify(stored, "correct horse battery staple"));
            assertFalse(hasher.verifyDecoy("correct horse battery staple"));
            assertEquals(4, pool.hashes.get());
        }
    }
}
