package dev.contacts.server.contact.transfer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * One export at a time for each account; its next export waits for its turn. An export keeps its whole file in the
 * server's temporary folder until it is sent ({@link Spool}), so an account's exports at once would each take that
 * room again: a script asking for fifty at once of a large book with photos could fill the folder (RAM, where
 * {@code /tmp} is a tmpfs). Other accounts' exports do not wait for it.
 */
final class ExportTurns {

    /** An account's turn, and how many of its exports hold it or wait for it (guarded by the map's lock). */
    private static final class Turn {
        final Semaphore semaphore = new Semaphore(1, true);
        int exports;
    }

    private final Map<Long, Turn> turns = new HashMap<>();

    /** Waits for the owner's turn (in the order asked); closing the result ends it. */
    AutoCloseable take(long owner) throws InterruptedException {
        Turn turn;
        synchronized (turns) {
            turn = turns.computeIfAbsent(owner, o -> new Turn());
            turn.exports++;
        }
        try {
            turn.semaphore.acquire();
        } catch (InterruptedException e) {
            leave(owner, turn);
            throw e;
        }
        return () -> {
            turn.semaphore.release();
            leave(owner, turn);
        };
    }

    private void leave(long owner, Turn turn) {
        synchronized (turns) {
            if (--turn.exports == 0) {
                turns.remove(owner); // no turn kept for an account that is not exporting
            }
        }
    }

    /** Whether one of the owner's exports waits for its turn (for tests). */
    boolean waiting(long owner) {
        synchronized (turns) {
            Turn turn = turns.get(owner);
            return turn != null && turn.semaphore.hasQueuedThreads();
        }
    }

    /** How many of the owner's exports hold its turn or wait for it (for tests). */
    int exports(long owner) {
        synchronized (turns) {
            Turn turn = turns.get(owner);
            return turn == null ? 0 : turn.exports;
        }
    }
}
