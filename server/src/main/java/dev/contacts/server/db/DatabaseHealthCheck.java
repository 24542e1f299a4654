package dev.contacts.server.db;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness of the database: up when it answers a query within {@link #DEADLINE}, so that a load balancer stops
 * sending requests to an instance whose database is gone (the health answer is then DOWN, status 503). Says
 * nothing about the content.
 */
public final class DatabaseHealthCheck implements HealthCheck {

    /**
     * Shorter than a load balancer's check timeout: a database that does not answer (a server stopped or cut off)
     * would otherwise hold the check as long as the pool waits for a connection, and the balancer would read a
     * timeout instead of a clear DOWN.
     */
    static final Duration DEADLINE = Duration.ofSeconds(2);

    private final BooleanSupplier probe;
    private final Duration deadline;
    private FutureTask<Boolean> running;

    public DatabaseHealthCheck(Database database) {
        this(database::isHealthy, DEADLINE);
    }

    DatabaseHealthCheck(BooleanSupplier probe, Duration deadline) {
        this.probe = probe;
        this.deadline = deadline;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder().status(answersInTime()).build();
    }

    private boolean answersInTime() {
        try {
            return currentProbe().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The probe in flight, or a new one on a thread of its own: checks that come while the database hangs wait
     * for the same probe instead of piling up threads stuck on it.
     */
    private synchronized FutureTask<Boolean> currentProbe() {
        if (running == null || running.isDone()) {
            running = new FutureTask<>(probe::getAsBoolean);
            Thread.ofPlatform().daemon().name("contacts-health").start(running);
        }
        return running;
    }
}
