package dev.contacts.server.http;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place where server faults are logged, so that client input can neither forge a log line nor land in
 * the log, and a fault a client can repeat at will cannot fill the disk:
 * <ul>
 * <li>the request line is logged with control characters escaped ({@code \n} as {@code \\n});</li>
 * <li>exceptions are logged by class and stack frames only, without their messages, which may quote what a
 * client sent (Helidon's chunk parser once put a whole login body, password included, in one);</li>
 * <li>each kind of fault (its exception class) is logged at most once a second; the ones left out are counted
 * in the next line of that kind.</li>
 * </ul>
 */
final class FaultLog {

    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private record Kind(AtomicLong lastLogged, AtomicLong suppressed) {
    }

    private static final Map<Class<?>, Kind> KINDS = new ConcurrentHashMap<>();

    private FaultLog() {
    }

    static void serverFault(String where, Throwable fault) {
        Kind kind = KINDS.computeIfAbsent(fault == null ? Void.class : fault.getClass(),
                k -> new Kind(new AtomicLong(System.nanoTime() - INTERVAL_NANOS), new AtomicLong()));
        long now = System.nanoTime();
        long last = kind.lastLogged().get();
        if (now - last < INTERVAL_NANOS || !kind.lastLogged().compareAndSet(last, now)) {
            kind.suppressed().incrementAndGet();
            return;
        }
        long suppressed = kind.suppressed().getAndSet(0);
        String line = escape(where) + (suppressed > 0 ? " (and " + suppressed + " more like it in the last second)" : "");
        LOG.log(Level.ERROR, line, withoutMessages(fault));
    }

    /** Control characters (CR, LF, tabs, escapes, DEL and the C1 range) as visible escapes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.CONTROL) {
                out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The same chain of exceptions (classes and stack frames), none of their messages. */
    private static Throwable withoutMessages(Throwable fault) {
        if (fault == null) {
            return null;
        }
        Throwable copy = new Throwable(fault.getClass().getName(), withoutMessages(fault.getCause() == fault ? null
                : fault.getCause()), false, true) {
            @Override
            public String toString() {
                return getMessage();
            }
        };
        copy.setStackTrace(fault.getStackTrace());
        return copy;
    }
}
