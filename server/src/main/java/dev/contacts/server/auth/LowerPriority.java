package dev.contacts.server.auth;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Lowers the scheduling priority of the calling thread (Linux: its nice value, which the kernel keeps per thread).
 * For the password-hashing threads: argon2 takes a whole core per login, and at equal priority a flood of logins
 * took the CPU from every other request (a read's p99 went from tens to hundreds of ms; bench/load.sh, README).
 * At nice 10 a hash yields to requests that are ready to run and still uses every idle cycle, so logins keep
 * their full speed when nothing else runs. Java's own thread priorities do nothing on Linux. Elsewhere, or when
 * the call fails, the thread keeps its priority: only the latency of other requests during a login flood suffers.
 */
final class LowerPriority {

    /** 0 is the default, 19 the lowest; 10 gives a busy thread about a tenth of the weight of a default one. */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;

    private interface CLibrary extends Library {
        int gettid();

        int setpriority(int which, int who, int prio);
    }

    private LowerPriority() {
    }

    /** True when the calling thread now runs at {@link #NICE}. */
    static boolean ofCurrentThread() {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            CLibrary c = Holder.C;
            return c.setpriority(PRIO_PROCESS, c.gettid(), NICE) == 0;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    private static final class Holder {
        static final CLibrary C = Native.load("c", CLibrary.class);
    }
}
