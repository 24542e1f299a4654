package dev.contacts.server.db;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Prunes expired state (spent refresh tokens, logout revocations, old login failures, past rate-limit
 * windows) on a schedule, so those tables do not grow without bound.
 */
public final class Maintenance implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Maintenance.class.getName());
    static final Duration EVERY = Duration.ofMinutes(10);

    private final List<ToIntFunction<Instant>> pruners;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "contacts-maintenance");
        t.setDaemon(true);
        return t;
    });

    public Maintenance(Clock clock, List<ToIntFunction<Instant>> pruners) {
        this.clock = clock;
        this.pruners = List.copyOf(pruners);
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::pruneQuietly, 0, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Prunes everything expired now; the number of rows removed. */
    public int prune() {
        var now = clock.instant();
        return pruners.stream().mapToInt(p -> p.applyAsInt(now)).sum();
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Pruning expired sessions failed; will try again", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
