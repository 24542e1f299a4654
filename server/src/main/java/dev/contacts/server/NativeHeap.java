package dev.contacts.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Fixes glibc's mmap and trim thresholds at their defaults (128 KiB) once, at start. Left dynamic, the first free
 * of a large mmapped block (argon2's 19 MiB, the JIT's scratch memory) raises both for the whole process, to that
 * size and twice it, and every malloc arena may then keep that much free: under bench/load.sh the arenas held
 * 107 MB at the peak, 57 MB of it free. argon2's block is kept per hashing thread instead (auth.Argon2idBlocks), so
 * a login does not map it afresh. Elsewhere than glibc (macOS, Windows, musl) this does nothing.
 */
final class NativeHeap {

    /** glibc's malloc.h */
    static final int M_TRIM_THRESHOLD = -1;
    static final int M_MMAP_THRESHOLD = -3;
    /** glibc's own starting value of both */
    static final int THRESHOLD = 128 * 1024;

    private static final System.Logger LOG = System.getLogger(NativeHeap.class.getName());
    static final NativeHeap PROCESS = new NativeHeap(NativeHeap::libc);

    /** glibc's {@code mallopt}: 1 when the setting was taken. */
    interface Mallopt {
        int mallopt(int param, int value);
    }

    private interface CLibrary extends Library, Mallopt {
    }

    private final Supplier<Mallopt> libc;
    private final AtomicBoolean fixed = new AtomicBoolean();

    NativeHeap(Supplier<Mallopt> libc) {
        this.libc = libc;
    }

    /** Fixes the thresholds the first time it is called; whether they are fixed. Never throws. */
    boolean fixThresholds() {
        if (!fixed.compareAndSet(false, true)) {
            return false;
        }
        try {
            Mallopt c = libc.get();
            if (c == null) {
                return false;
            }
            boolean done = c.mallopt(M_MMAP_THRESHOLD, THRESHOLD) == 1 & c.mallopt(M_TRIM_THRESHOLD, THRESHOLD) == 1;
            if (!done) {
                LOG.log(System.Logger.Level.DEBUG, "malloc thresholds not fixed: mallopt refused them");
            }
            return done;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "malloc thresholds not fixed: " + e);
            return false;
        }
    }

    /** The C library's mallopt on Linux (glibc, or musl's stub that refuses), else null. */
    static Mallopt libc() {
        return Platform.isLinux() ? Native.load(Platform.C_LIBRARY_NAME, CLibrary.class) : null;
    }
}
