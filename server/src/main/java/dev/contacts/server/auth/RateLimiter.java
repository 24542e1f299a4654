package dev.contacts.server.auth;

import static dev.contacts.server.db.generated.Tables.RATE_LIMIT_WINDOWS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import dev.contacts.server.db.generated.tables.records.RateLimitWindowsRecord;
import dev.contacts.server.http.TooManyRequests;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.jooq.DSLContext;

/**
 * Requests per client address and minute on the endpoints that take passwords or refresh tokens, counted in
 * the database so that instances sharing it share the limit. {@code 0} turns it off. Behind a reverse proxy
 * listed as trusted, the client is the one its {@code X-Forwarded-For} names; from anyone else that header is
 * ignored, as a client could write anything in it.
 */
public final class RateLimiter {

    private final DSLContext dsl;
    private final Clock clock;
    private final int perMinute;
    private final Set<String> trustedProxies;

    public RateLimiter(DSLContext dsl, Clock clock, int perMinute, Set<String> trustedProxies) {
        this.dsl = dsl;
        this.clock = clock;
        this.perMinute = perMinute;
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** Counts this request of its client; refuses with 429 and {@code Retry-After} beyond the limit. */
    public void hit(ServerRequest req) {
        if (perMinute <= 0) {
            return;
        }
        String client = clientAddress(req.remotePeer().host(),
                String.join(",", req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of)), trustedProxies);
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        int requests = dsl.transactionResult(tx -> {
            RateLimitWindowsRecord row = tx.dsl().selectFrom(RATE_LIMIT_WINDOWS)
                    .where(RATE_LIMIT_WINDOWS.CLIENT.eq(client).and(RATE_LIMIT_WINDOWS.WINDOW_START.eq(window.toString())))
                    .fetchOne();
            if (row == null) {
                row = tx.dsl().newRecord(RATE_LIMIT_WINDOWS);
                row.setClient(client);
                row.setWindowStart(window.toString());
                row.setRequests(0);
            }
            row.setRequests(row.getRequests() + 1);
            row.store();
            return row.getRequests();
        });
        if (requests > perMinute) {
            throw new TooManyRequests(Duration.between(now, window.plus(Duration.ofMinutes(1))));
        }
    }

    /**
     * The client behind {@code peer}: {@code peer} itself, unless it is a trusted proxy; then the nearest
     * address in {@code X-Forwarded-For} (read from the right) that is not a trusted proxy too.
     */
    static String clientAddress(String peer, String forwardedFor, Set<String> trusted) {
        if (!trusted.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    public int prune(Instant now) {
        return dsl.deleteFrom(RATE_LIMIT_WINDOWS)
                .where(RATE_LIMIT_WINDOWS.WINDOW_START.lt(now.minus(Duration.ofMinutes(2)).toString()))
                .execute();
    }
}
