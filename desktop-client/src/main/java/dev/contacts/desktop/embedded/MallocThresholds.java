package dev.contacts.desktop.embedded;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Fixes glibc's malloc thresholds for the app's process at their defaults (128 KiB), so that a freed block of
 * 128 KiB or more goes back to the system instead of staying in a malloc arena. glibc raises both thresholds for
 * the whole process the first time a large block is freed: after argon2's first 19 MiB hash (the embedded server's
 * decoy hash at start) every arena could keep up to 38 MiB free, and the last hash's block stayed resident for the
 * app's life. Fixed, each hash maps its block afresh and gives it back (one hash at start, one per login or password
 * change; the hashing thread's CPU for the first two was 70-80 ms either way); with 5,000 contacts listed the app
 * kept 311-325 MB instead of 335-349 MB, its arenas 29-30 MB instead of 58-61 MB (README, "The embedded server's
 * sizes"). Only for the embedded server, and only on Linux (glibc); elsewhere it does nothing.
 */
final class MallocThresholds {

    /** glibc's mallopt parameters (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** glibc's default for both. */
    static final int THRESHOLD = 128 * 1024;

    private MallocThresholds() {
    }

    interface C extends Library {
        int mallopt(int parameter, int value);
    }

    /** Fixes both thresholds; whether the C library took them (false off Linux, or without glibc's mallopt). */
    static boolean fix() {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            C c = Native.load("c", C.class);
            // each returns 1 on success; setting either also stops glibc from raising them
            return c.mallopt(M_MMAP_THRESHOLD, THRESHOLD) == 1 & c.mallopt(M_TRIM_THRESHOLD, THRESHOLD) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // another C library: its own behaviour, nothing lost
        }
    }
}
