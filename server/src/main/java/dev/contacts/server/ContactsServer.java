package dev.contacts.server;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import dev.contacts.server.db.DatabaseHealthCheck;
import dev.contacts.server.http.ApiRules;
import dev.contacts.server.http.ErrorResponses;
import dev.contacts.server.http.Http1Edge;
import dev.contacts.server.http.RequestBodies;
import dev.contacts.server.http.RequestFraming;
import dev.contacts.server.http.SecurityHeaders;
import dev.contacts.server.openapi.OpenApi;
import dev.contacts.server.openapi.SwaggerUi;
import io.helidon.common.socket.SocketOptions;
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
        return start(settings, () -> ServerComponents.open(settings, clock, capacity));
    }

    /**
     * With the components {@code open} opens (tests hold it back). They open (the database is opened and migrated)
     * on a thread of their own while this one sets up what of the web server needs no database, Helidon's service
     * registry the largest part: on two cores the two overlap (docs/benchmarks.md, "Ready within a second"). The server
     * listens only once both are done, so nothing is answered, not even health, before the database is ready.
     */
    static ContactsServer start(ServerSettings settings, Callable<ServerComponents> open) {
        FutureTask<ServerComponents> opening = new FutureTask<>(open);
        Thread.ofPlatform().name("contacts-open").start(opening);
        WebServerConfig.Builder builder;
        HttpRouting.Builder routing;
        try {
            NativeHeap.PROCESS.fixThresholds();
            builder = WebServer.builder()
                    .host(settings.host())
                    .port(settings.port())
                    // stop() is called by whoever started us (Main's shutdown hook, the app, a test).
                    .shutdownHook(false);
            routing = prepare(builder, ConnectionLimits.DEFAULTS);
        } catch (RuntimeException | Error e) {
            try {
                opened(opening).close();
            } catch (RuntimeException | Error alsoTheOpening) {
                e.addSuppressed(alsoTheOpening);
            }
            throw e;
        }
        ServerComponents components = opened(opening);
        try {
            serve(builder, routing, components);
            return new ContactsServer(components, builder.build().start());
        } catch (RuntimeException e) {
            components.close();
            throw e;
        }
    }

    /**
     * What {@code opening} gave once it is done (waiting for it even if this thread is interrupted, so that open
     * components are never left behind); its failure is thrown as it was (a migration's, a bad secret's). If this
     * thread was interrupted meanwhile, the components are closed and the start fails, the interrupt kept.
     */
    private static ServerComponents opened(FutureTask<ServerComponents> opening) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    ServerComponents components = opening.get();
                    if (interrupted) {
                        components.close();
                        throw new IllegalStateException("interrupted while the database opened");
                    }
                    return components;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    if (e.getCause() instanceof Error cause) {
                        throw cause;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Everything but the address: limits, error answers, health, routing. Tests configure their server with it. */
    public static void configure(WebServerConfig.Builder server, ServerComponents components) {
        configure(server, components, ConnectionLimits.DEFAULTS);
    }

    public static void configure(WebServerConfig.Builder server, ServerComponents components,
                                 ConnectionLimits limits) {
        serve(server, prepare(server, limits), components);
    }

    /**
     * The parts that need no database: limits, Helidon's own answers, the OpenAPI document, and the routing's
     * builder (making it starts Helidon's service registry, the largest part of the web server's own start).
     */
    private static HttpRouting.Builder prepare(WebServerConfig.Builder server, ConnectionLimits limits) {
        server.idleConnectionTimeout(limits.idle())
                .idleConnectionPeriod(Duration.ofSeconds(Math.max(1, limits.idle().toSeconds() / 10)))
                .maxTcpConnections(limits.maxConnections());
        // The 64 KiB limit is enforced while reading a body (RequestBodies), which lets the rest of an oversized
        // body be drained so the client reads its 413; the listener's own limit only stops absurd uploads.
        server.maxPayloadSize(TRANSPORT_LIMIT_BYTES)
                // An answer written in several writes (a streamed page, its last chunk) goes out at once: with
                // Nagle's algorithm (Helidon's default) its small last write waited for the client's delayed ACK,
                // up to 40 ms (docs/benchmarks.md, "Streamed answers without Nagle's wait").
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                // Every connection enters through Http1Edge, which hands it to Helidon's HTTP/1 connection.
                .protocolsDiscoverServices(false)
                .addConnectionSelector(new Http1Edge(new RequestFraming(), limits.headers(), limits.body(),
                        limits.idle()))
                .shutdownGracePeriod(GRACE)
                .directHandlers(jsonDirectHandlers())
                .addFeature(OpenApi.feature());
        return HttpRouting.builder();
    }

    /** The parts that need the database: health and the API's routes. */
    private static void serve(WebServerConfig.Builder server, HttpRouting.Builder routing,
                              ServerComponents components) {
        server.addFeature(ObserveFeature.just(HealthObserver.builder()
                        .useSystemServices(false)
                        .details(true)
                        .addCheck(new DatabaseHealthCheck(components.database()))
                        .build()));
        routing(routing, components);
        server.routing(routing);
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
                .register(components.sessionsService())
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
