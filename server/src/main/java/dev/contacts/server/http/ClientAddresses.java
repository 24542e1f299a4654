package dev.contacts.server.http;

import java.util.List;
import java.util.Set;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * Who sent a request: the connection's peer, or, behind a reverse proxy listed as trusted, the client its
 * {@code X-Forwarded-For} names. From anyone else that header is ignored, as a client could write anything in it.
 */
public final class ClientAddresses {

    private final Set<String> trustedProxies;

    public ClientAddresses(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(ServerRequest req) {
        return clientAddress(req.remotePeer().host(),
                String.join(",", req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of)), trustedProxies);
    }

    /**
     * The client behind {@code peer}: {@code peer} itself, unless it is a trusted proxy; then the nearest
     * address in {@code X-Forwarded-For} (read from the right) that is not a trusted proxy too.
     */
    public static String clientAddress(String peer, String forwardedFor, Set<String> trusted) {
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
}
