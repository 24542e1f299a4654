package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.RATE_LIMIT_WINDOWS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.contacts.server.Refusal;
import dev.contacts.server.db.generated.tables.records.RateLimitWindowsRecord;
import org.jooq.DSLContext;

/**
 * Requests per client address and minute on the endpoints that take passwords or refresh tokens, counted in
 * the database so that instances sharing it share the limit. {@code 0} turns it off.
 */
public final class RateLimiter {

    private final DSLContext dsl;
    private final Clock clock;
    private final int perMinute;

    public RateLimiter(DSLContext dsl, Clock clock, int perMinute) {
        this.dsl = dsl;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Counts a request of {@code client} (an address); {@link Refusal.RateLimited} beyond the limit. */
    public void hit(String client) {
        if (perMinute <= 0) {
            return;
        }
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        int requests = dsl.transactionResult(tx -> {
            RateLimitWindowsRecord row = tx.dsl().selectFrom(RATE_LIMIT_WINDOWS)
                    .where(RATE_LIMIT_WINDOWS.CLIENT.eq(client).and(RATE_LIMIT_WINDOWS.WINDOW_START.eq(window)))
                    .fetchOne();
            if (row == null) {
                row = tx.dsl().newRecord(RATE_LIMIT_WINDOWS);
                row.setClient(client);
                row.setWindowStart(window);
                row.setRequests(0);
            }
            row.setRequests(row.getRequests() + 1);
            row.store();
            return row.getRequests();
        });
        if (requests > perMinute) {
            throw new Refusal.RateLimited(Duration.between(now, window.plus(Duration.ofMinutes(1))));
        }
    }

    public int prune(Instant now) {
        return dsl.deleteFrom(RATE_LIMIT_WINDOWS)
                .where(RATE_LIMIT_WINDOWS.WINDOW_START.lt(now.minus(Duration.ofMinutes(2))))
                .execute();
    }
}
