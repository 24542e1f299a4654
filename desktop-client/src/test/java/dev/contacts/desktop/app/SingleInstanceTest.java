package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start on the same data folder brings the first window forward instead of opening another. */
class SingleInstanceTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondStartAsksTheFirstToShowAndGetsNothing() throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        Optional<SingleInstance> first = SingleInstance.claim(dataDir, shown::countDown);
        assertTrue(first.isPresent());

        Optional<SingleInstance> second = SingleInstance.claim(dataDir, () -> { });
        assertTrue(second.isEmpty(), "no second window over the same data");
        assertTrue(shown.await(10, TimeUnit.SECONDS), "the first window was asked to come forward");

        first.get().close();
        Optional<SingleInstance> afterwards = SingleInstance.claim(dataDir, () -> { });
        assertTrue(afterwards.isPresent(), "once the first has closed, the folder is free again");
        afterwards.get().close();
    }

    @Test
    void anotherDataFolderIsAnotherWindow(@TempDir Path otherDir) throws Exception {
        try (SingleInstance first = SingleInstance.claim(dataDir, () -> { }).orElseThrow();
             SingleInstance other = SingleInstance.claim(otherDir, () -> { }).orElseThrow()) {
            assertTrue(first != other);
        }
    }
}
