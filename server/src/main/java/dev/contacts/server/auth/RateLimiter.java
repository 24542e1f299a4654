package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.RATE_LIMIT_WINDOWS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.contacts.server.Refusal;
import org.jooq.Condition;
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
        Condition thisWindow = RATE_LIMIT_WINDOWS.CLIENT.eq(client).and(RATE_LIMIT_WINDOWS.WINDOW_START.eq(window));
        int requests = dsl.transactionResult(tx -> {
            // counted in one upsert: concurrent first requests (on any instance) cannot both insert the row
            tx.dsl().insertInto(RATE_LIMIT_WINDOWS, RATE_LIMIT_WINDOWS.CLIENT, RATE_LIMIT_WINDOWS.WINDOW_START,
                            RATE_LIMIT_WINDOWS.REQUESTS)
                    .values(client, window, 1)
                    .onConflict(RATE_LIMIT_WINDOWS.CLIENT, RATE_LIMIT_WINDOWS.WINDOW_START)
                    .doUpdate().set(RATE_LIMIT_WINDOWS.REQUESTS, RATE_LIMIT_WINDOWS.REQUESTS.plus(1))
                    .execute();
            // the row stays locked until the commit (PostgreSQL; SQLite's write lock), so this is our own count
            return tx.dsl().select(RATE_LIMIT_WINDOWS.REQUESTS).from(RATE_LIMIT_WINDOWS).where(thisWindow)
                    .fetchSingle(RATE_LIMIT_WINDOWS.REQUESTS);
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
