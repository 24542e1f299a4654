package dev.contacts.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The password-hashing threads run at a lower priority than the request threads (Linux: the thread's nice). */
@EnabledOnOs(OS.LINUX)
class LowerPriorityTest {

    @Test
    void theCallingThreadAloneGetsTheLowerPriority() throws Exception {
        int before = niceOfThisThread();
        assumeTrue(before < LowerPriority.NICE, "the tests already run at a lower priority");
        AtomicReference<Integer> lowered = new AtomicReference<>();
        Thread hashing = new Thread(() -> {
            assertTrue(LowerPriority.ofCurrentThread());
            lowered.set(niceOfThisThread());
        });
        hashing.start();
        hashing.join();

        assertEquals(LowerPriority.NICE, lowered.get());
        assertEquals(before, niceOfThisThread(), "the other threads keep their priority");
    }

    /** Field 19 of /proc/thread-self/stat; the name before it (in parentheses) may hold spaces. */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
