package dev.contacts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * glibc's malloc thresholds are fixed once, both at 128 KiB, and a C library without mallopt (or one that refuses
 * it) does not stop the server from starting.
 */
class NativeHeapTest {

    @Test
    void bothThresholdsAreFixedOnceAt128KiB() {
        List<String> calls = new ArrayList<>();
        NativeHeap heap = new NativeHeap(() -> (param, value) -> {
            calls.add(param + "=" + value);
            return 1;
        });

        assertTrue(heap.fixThresholds());
        assertFalse(heap.fixThresholds());

        assertEquals(List.of(NativeHeap.M_MMAP_THRESHOLD + "=131072", NativeHeap.M_TRIM_THRESHOLD + "=131072"), calls);
    }

    @Test
    void aCLibraryWithoutMalloptIsNoError() {
        NativeHeap heap = new NativeHeap(() -> {
            throw new UnsatisfiedLinkError("Error looking up function 'mallopt'");
        });

        assertFalse(heap.fixThresholds());
    }

    @Test
    void aRefusedSettingOrNoCLibraryIsNoError() {
        assertFalse(new NativeHeap(() -> (param, value) -> 0).fixThresholds());
        assertFalse(new NativeHeap(() -> null).fixThresholds());
    }

    @Test
    void thisMachinesCLibraryTakesThemOnGlibcAndIsNoErrorElsewhere() {
        boolean fixed = new NativeHeap(NativeHeap::libc).fixThresholds();
        if (isGlibc()) {
            assertTrue(fixed);
        }
    }

    private static boolean isGlibc() {
        if (!com.sun.jna.Platform.isLinux()) {
            return false;
        }
        try {
            com.sun.jna.NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME).getFunction("gnu_get_libc_version");
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
