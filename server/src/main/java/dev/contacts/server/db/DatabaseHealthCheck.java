package dev.contacts.server.db;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Readiness of the database: up when it answers a query. Says nothing about its content. */
public final class DatabaseHealthCheck implements HealthCheck {

    private final Database database;

    public DatabaseHealthCheck(Database database) {
        this.database = database;
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
        return HealthCheckResponse.builder().status(database.isHealthy()).build();
    }
}
