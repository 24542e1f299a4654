package dev.contacts.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.contacts.server.support.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The database's threads are started as work needs them: one request after another keeps one thread (each holds
 * about 100 kB of memory once it has run), work at once gets a thread each. Before, each of the first 64 tasks
 * started a thread of its own, busy ones or not. That more work than threads waits and is done is
 * {@link ReadThreadsTest}'s.
 */
class DatabaseThreadsTest {

    @Test
    void workOneAfterAnotherKeepsOneThread() throws Exception {
        try (Database database = Database.open(TestDatabases.fresh())) {
            for (int i = 0; i < 20; i++) {
                assertEquals(1, database.call(() -> database.dsl().selectOne().fetchOne(0, Integer.class)));
            }
            assertEquals(1, database.threadsStarted());
        }
    }

    @Test
    void workAtOnceGetsAThreadEach() throws Exception {
        int atOnce = 12;
        try (Database database = Database.open(TestDatabases.fresh());
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch release = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < atOnce; i++) {
                calls.add(callers.submit(() -> database.call(() -> {
                    release.await();
                    return database.dsl().selectOne().fetchOne(0, Integer.class);
                })));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (database.threadsAtWork() < atOnce) {
                assertTrue(System.nanoTime() < deadline, "each waiting call got a thread of its own");
                Thread.sleep(5);
            }
            release.countDown();
            for (Future<Integer> call : calls) {
                assertEquals(1, call.get());
            }
            assertEquals(atOnce, database.threadsStarted());
        }
    }
}
