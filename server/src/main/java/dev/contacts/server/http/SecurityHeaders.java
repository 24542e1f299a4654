package dev.contacts.server.http;

import java.util.List;

import io.helidon.http.Header;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRouting;

/**
 * Headers set in one place for every response: browsers must not sniff a JSON answer into something
 * executable, and answers about tokens, accounts and contacts (errors included) are personal, so no cache may
 * keep them.
 */
public final class SecurityHeaders {

    static final Header NOSNIFF = HeaderValues.create("X-Content-Type-Options", "nosniff");
    static final Header NO_STORE = HeaderValues.create("Cache-Control", "no-store");
    private static final List<String> PERSONAL = List.of("/register", "/token", "/logout", "/users/", "/contacts");

    private SecurityHeaders() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.addFilter((chain, req, res) -> {
            res.header(NOSNIFF);
            String path = req.path().path();
            if (PERSONAL.stream().anyMatch(path::startsWith) || path.equals("/users")) {
                res.header(NO_STORE);
            }
            chain.proceed();
        });
    }
}
