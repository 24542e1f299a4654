package dev.contacts.server;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import dev.contacts.server.db.DatabaseHealthCheck;
import dev.contacts.server.http.ApiRules;
import dev.contacts.server.http.ErrorResponses;
import dev.contacts.server.http.Http1Edge;
import dev.contacts.server.http.RequestBodies;
import dev.contacts.server.http.RequestFraming;
import dev.contacts.server.http.SecurityHeaders;
import dev.contacts.server.openapi.OpenApi;
import dev.contacts.server.openapi.SwaggerUi;
import io.helidon.http.DirectHandler;
import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

/**
 * The embeddable server: {@link #start} gives a running server and its port, {@link #stop} ends it cleanly
 * (requests in flight finish, then the database closes). {@code Main}, the desktop app and the tests all start
 * it this way.
 */
public final class ContactsServer implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final long TRANSPORT_LIMIT_BYTES = 16L * 1024 * 1024;
    /** Where Helidon's observe feature serves health (its default). */
    private static final String HEALTH_PATH = "/observe/health";

    /**
     * How long a connection may keep the server waiting, and how many it may hold open.
     *
     * @param idle a kept-open connection with no traffic this long is closed
     * @param headers a request's headers must arrive within this, from its first byte (or the connection's start)
     * @param body a request's body must arrive within this after its headers
     * @param maxConnections connections beyond this wait in the kernel's backlog (or are refused by it) until one
     *                       closes; kept below the process's file-descriptor limit, because a failed accept
     *                       (EMFILE) stops Helidon's listener for good
     */
    public record ConnectionLimits(Duration idle, Duration headers, Duration body, int maxConnections) {

        public static final ConnectionLimits DEFAULTS = new ConnectionLimits(Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofSeconds(60), maxConnectionsForThisProcess());

        /** 10,000, or fewer when the file-descriptor limit would not leave room for the database, jars and logs. */
        static int maxConnectionsForThisProcess() {
            long descriptors = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.UnixOperatingSystemMXBean unix
                    ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
            return (int) Math.max(16, Math.min(10_000, descriptors - 256));
        }
    }

    private final ServerComponents components;
    private final WebServer webServer;
    private final int port;

    private ContactsServer(ServerComponents components, WebServer webServer) {
        this.components = components;
        this.webServer = webServer;
        this.port = webServer.port();
    }

    public static ContactsServer start(ServerSettings settings) {
        return start(settings, Clock.systemDefaultZone());
    }

    public static ContactsServer start(ServerSettings settings, Clock clock) {
        return start(settings, clock, Capacity.SERVER);
    }

    /** Sized by {@code capacity} (the desktop's embedded server: {@link Capacity#ONE_USER}). */
    public static ContactsServer start(ServerSettings settings, Clock clock, Capacity capacity) {
        NativeHeap.PROCESS.fixThresholds();
        ServerComponents components = ServerComponents.open(settings, clock, capacity);
        try {
            WebServerConfig.Builder builder = WebServer.builder()
                    .host(settings.host())
                    .port(settings.port())
                    // stop() is called by whoever started us (Main's shutdown hook, the app, a test).
                    .shutdownHook(false);
            configure(builder, components);
            return new ContactsServer(components, builder.build().start());
        } catch (RuntimeException e) {
            components.close();
            throw e;
        }
    }

    /** Everything but the address: limits, error answers, health, routing. Tests configure their server with it. */
    public static void configure(WebServerConfig.Builder server, ServerComponents components) {
        configure(server, components, ConnectionLimits.DEFAULTS);
    }

    public static void configure(WebServerConfig.Builder server, ServerComponents components,
                                 ConnectionLimits limits) {
        server.idleConnectionTimeout(limits.idle())
                .idleConnectionPeriod(Duration.ofSeconds(Math.max(1, limits.idle().toSeconds() / 10)))
                .maxTcpConnections(limits.maxConnections());
        // The 64 KiB limit is enforced while reading a body (RequestBodies), which lets the rest of an oversized
        // body be drained so the client reads its 413; the listener's own limit only stops absurd uploads.
        server.maxPayloadSize(TRANSPORT_LIMIT_BYTES)
                // Every connection enters through Http1Edge, which hands it to Helidon's HTTP/1 connection.
                .protocolsDiscoverServices(false)
                .addConnectionSelector(new Http1Edge(new RequestFraming(), limits.headers(), limits.body(),
                        limits.idle()))
                .shutdownGracePeriod(GRACE)
                .directHandlers(jsonDirectHandlers())
                .addFeature(ObserveFeature.just(HealthObserver.builder()
                        .useSystemServices(false)
                        .details(true)
                        .addCheck(new DatabaseHealthCheck(components.database()))
                        .build()))
                .addFeature(OpenApi.feature())
                .routing(routing -> routing(routing, components));
    }

    /** Whatever Helidon answers by itself (before routing) is JSON too. */
    private static DirectHandlers jsonDirectHandlers() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        DirectHandler json = ErrorResponses.directHandler();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, json);
        }
        return handlers.build();
    }

    /** The API's routes, in one place. */
    public static void routing(HttpRouting.Builder routing, ServerComponents components) {
        RequestFraming.register(routing);
        SecurityHeaders.register(routing);
        ErrorResponses.register(routing);
        SwaggerUi.register(routing);
        new ApiRules(routing, components.database())
                .register(components.authService())
                .register(components.accountService())
                // before the contacts' own routes: "/contacts/export" would otherwise be read as a contact id
                .register(components.transferService())
                .register(components.contactService())
                .servedElsewhere(Method.GET, HEALTH_PATH)
                .servedElsewhere(Method.HEAD, HEALTH_PATH)
                .servedElsewhere(Method.GET, OpenApi.PATH)
                .servedElsewhere(Method.GET, OpenApi.JSON_PATH)
                .servedElsewhere(Method.GET, SwaggerUi.CONTEXT)
                .fallback();
    }

    /** The port it listens (or listened, once stopped) on. */
    public int port() {
        return port;
    }

    /** Where clients reach this server, e.g. {@code http://127.0.0.1:8000}. */
    public URI uri(String host) {
        return URI.create("http://" + host + ":" + port());
    }

    /** Stops taking requests, lets those in flight finish, then closes the database. Safe to call twice. */
    public synchronized void stop() {
        if (webServer.isRunning()) {
            webServer.stop();
        }
        components.close();
    }

    @Override
    public void close() {
        stop();
    }
}
