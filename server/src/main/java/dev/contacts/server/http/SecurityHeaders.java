package dev.contacts.server.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRouting;

/** Headers every response carries: browsers must not sniff a JSON answer into something executable. */
public final class SecurityHeaders {

    static final Header NOSNIFF = HeaderValues.create("X-Content-Type-Options", "nosniff");
    /** Token and account answers are personal: no cache may keep them. */
    public static final Header NO_STORE = HeaderValues.create("Cache-Control", "no-store");

    private SecurityHeaders() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.addFilter((chain, req, res) -> {
            res.header(NOSNIFF);
            chain.proceed();
        });
    }
}
