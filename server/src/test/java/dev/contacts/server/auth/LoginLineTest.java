package dev.contacts.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.contacts.server.Refusal;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The line of attempts waiting for one email's turn on an instance, on the suite's database: freed turns go to them
 * in the order they came, a new attempt waits behind them, and one that goes without a turn (out of patience, or its
 * request cancelled) leaves the next free to take one, also one freed on another instance. Before, every waiter was
 * woken by each answer and they raced for the turn, with new attempts racing too: under a login flood one could lose
 * for its whole patience (503). The turns are taken and freed by the test itself, and the patience is timed by a
 * ticker it moves by hand, so nothing depends on timing.
 */
class LoginLineTest {

    /** Only turns a hang into a failure. */
    private static final long PATIENCE_SECONDS = 60;
    private static final Duration PATIENCE = Duration.ofHours(1);

    private final AtomicLong ticker = new AtomicLong();
    private Database database;
    private PasswordAttempts here;
    /** Another instance on the same database. */
    private PasswordAttempts there;
    private final List<PasswordAttempts.Turn> taken = new ArrayList<>();
    private final List<Waiting> waiting = new ArrayList<>();

    /** An attempt waiting for its turn on its own thread. */
    private record Waiting(Thread thread, CompletableFuture<PasswordAttempts.Turn> turn) {
    }

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        LoginThrottle throttle = new LoginThrottle(database.dsl(), new MutableClock());
        here = new PasswordAttempts(database, throttle, PATIENCE, ticker::get);
        there = new PasswordAttempts(database, throttle, PATIENCE, ticker::get);
    }

    /** Frees every turn, so that whoever still waits gets one and is let go, then closes the database. */
    @AfterEach
    void close() throws Exception {
        try {
            taken.forEach(PasswordAttempts.Turn::close);
            for (Waiting w : waiting) {
                try {
                    w.turn().get(PATIENCE_SECONDS, TimeUnit.SECONDS).close();
                } catch (ExecutionException e) {
                    // it went without a turn
                }
            }
        } finally {
            database.close();
        }
    }

    private static String email() {
        return "line" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A turn admitted at once (there is room), kept until the test frees it. */
    private PasswordAttempts.Turn admitted(PasswordAttempts attempts, String email) throws Exception {
        Optional<LoginThrottle.Turn> admission = attempts.tryAdmit(email);
        assertTrue(admission.isPresent(), "room for " + email);
        PasswordAttempts.Turn turn = attempts.turn(email, admission);
        taken.add(turn);
        return turn;
    }

    /** An attempt that finds no room, waiting for its turn on {@code here}, counted in line before this returns. */
    private Waiting waits(String email) {
        int before = here.waiting();
        CompletableFuture<PasswordAttempts.Turn> turn = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().start(() -> {
            try {
                turn.complete(here.turn(email, here.tryAdmit(email)));
            } catch (Throwable e) {
                turn.completeExceptionally(e);
            }
        });
        Waiting w = new Waiting(thread, turn);
        waiting.add(w);
        while (here.waiting() != before + 1) {
            assertFalse(turn.isDone(), () -> "answered while no turn was free: " + turn.join());
            LockSupport.parkNanos(1_000_000);
        }
        return w;
    }

    private static PasswordAttempts.Turn turnOf(Waiting w) throws Exception {
        return w.turn().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    /** The one of {@code line} that got the turn just freed (exactly one does). */
    private static int served(List<Waiting> line) {
        CompletableFuture.anyOf(line.stream().map(Waiting::turn).toArray(CompletableFuture[]::new))
                .orTimeout(PATIENCE_SECONDS, TimeUnit.SECONDS).join();
        int served = -1;
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).turn().isDone()) {
                assertEquals(-1, served, "one turn freed, two served");
                served = i;
            }
        }
        return served;
    }

    @Test
    void freedTurnsGoToTheWaitersInTheOrderTheyCame() throws Exception {
        String email = email();
        for (int i = 0; i < 5; i++) {
            admitted(here, email);
        }
        List<Waiting> line = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            line.add(waits(email));
        }
        List<Integer> order = new ArrayList<>();
        List<Waiting> left = new ArrayList<>(line);
        while (!left.isEmpty()) {
            // one turn freed at a time, the one served keeping its own: five in flight again
            taken.removeFirst().close();
            Waiting served = left.remove(served(left));
            order.add(line.indexOf(served));
            taken.add(turnOf(served));
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), order, "served in the order they came");
    }

    @Test
    void aNewAttemptWaitsBehindThoseAlreadyWaiting() throws Exception {
        String email = email();
        for (int i = 0; i < 5; i++) {
            admitted(here, email);
        }
        Waiting first = waits(email);
        // a turn freed as a new attempt comes: it is the waiting one's, whether or not it took it yet
        taken.removeFirst().close();
        assertEquals(Optional.empty(), here.tryAdmit(email), "a new attempt passed the one waiting");
        taken.add(turnOf(first));
        Waiting next = waits(email);
        assertFalse(next.turn().isDone());
        taken.removeFirst().close();
        taken.add(turnOf(next));
    }

    @Test
    void aWaiterOutOfPatienceLeavesTheNextFreeToTakeATurnFreedOnAnotherInstance() throws Exception {
        String email = email();
        for (int i = 0; i < 4; i++) {
            admitted(here, email);
        }
        PasswordAttempts.Turn elsewhere = admitted(there, email);
        Waiting first = waits(email);
        ticker.addAndGet(PATIENCE.toNanos() / 2);
        Waiting second = waits(email);
        // the first's patience is over, not the second's
        ticker.addAndGet(PATIENCE.toNanos() / 2 + 1);
        ExecutionException busy = assertThrows(ExecutionException.class, () -> turnOf(first));
        assertInstanceOf(Refusal.Busy.class, busy.getCause());
        // no answer here signals it: the second, now first in line, finds the turn by looking
        taken.remove(elsewhere);
        elsewhere.close();
        taken.add(turnOf(second));
    }

    @Test
    void aWaiterWhoseRequestIsCancelledLeavesTheNextFreeToTakeATurnFreedOnAnotherInstance() throws Exception {
        String email = email();
        for (int i = 0; i < 4; i++) {
            admitted(here, email);
        }
        PasswordAttempts.Turn elsewhere = admitted(there, email);
        Waiting first = waits(email);
        Waiting second = waits(email);
        first.thread().interrupt();
        ExecutionException cancelled = assertThrows(ExecutionException.class, () -> turnOf(first));
        assertInstanceOf(InterruptedException.class, cancelled.getCause());
        assertEquals(1, here.waiting());
        taken.remove(elsewhere);
        elsewhere.close();
        taken.add(turnOf(second));
    }
}
