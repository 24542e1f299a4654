package dev.contacts.desktop.embedded;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The embedded server's process fixes glibc's thresholds: the C library's mallopt is found and takes both. */
class MallocThresholdsTest {

    @Test
    void glibcTakesTheFixedThresholds() {
        Assumptions.assumeTrue(Platform.isLinux() && !Platform.isAndroid(), "glibc's mallopt is on Linux");
        assertTrue(MallocThresholds.fix());
    }
}
