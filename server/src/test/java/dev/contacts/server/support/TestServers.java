package dev.contacts.server.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.contacts.server.Capacity;
import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerComponents;
import dev.contacts.server.ServerSettings;
import dev.contacts.server.auth.PasswordHasher;
import dev.contacts.server.db.DatabaseSettings;
import io.helidon.webserver.WebServerConfig;

/**
 * Servers for tests: the real configuration and routing over a fresh database, SQLite or PostgreSQL as the suite
 * runs ({@link TestDatabases}).
 */
public final class TestServers {

    public static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    public static final String SECRET_BASE64 = Base64.getEncoder().encodeToString(SECRET);

    private static final List<ServerComponents> OPEN = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestServers::closeAll));
    }

    private TestServers() {
    }

    /** For {@code @SetUpServer}: configures {@code server} exactly as {@link ContactsServer} does. */
    public static void configure(WebServerConfig.Builder server) {
        configure(server, Clock.systemDefaultZone());
    }

    public static void configure(WebServerConfig.Builder server, Clock clock) {
        configure(server, settings(), clock);
    }

    /**
     * Embedded settings on a new database, with the per-address rate limit off: every test client is
     * 127.0.0.1, and the tests of the limit itself turn it on.
     */
    public static ServerSettings settings() {
        DatabaseSettings database = TestDatabases.fresh();
        return ServerSettings.embedded(database.file()).withDatabase(database).withRateLimit(0);
    }

    /** A server whose JWT secret is {@link #SECRET}, so tests can forge tokens the way an attacker would try. */
    public static void configureWithKnownSecret(WebServerConfig.Builder server) {
        configure(server, settings().withSecret(SECRET_BASE64), Clock.systemDefaultZone());
    }

    public static void configure(WebServerConfig.Builder server, ServerSettings settings, Clock clock) {
        configure(server, settings, clock, ContactsServer.ConnectionLimits.DEFAULTS);
    }

    public static void configure(WebServerConfig.Builder server, ServerSettings settings, Clock clock,
                                 ContactsServer.ConnectionLimits limits) {
        configure(server, open(settings, clock), limits);
    }

    /**
     * The server's parts as {@link ServerComponents#open(ServerSettings, Clock)} makes them, except that a login beyond
     * its email's room waits for its turn as long as {@link #LOGIN_PATIENCE}: no test's answers depend on how fast the
     * checks ahead of it end on a busy machine (the tests of the patience itself set theirs).
     */
    public static ServerComponents open(ServerSettings settings, Clock clock) {
        return ServerComponents.open(settings, clock, () -> new PasswordHasher(Capacity.SERVER.hashThreads()),
                LOGIN_PATIENCE);
    }

    /**
     * How long a login beyond its email's room waits for its turn on test servers: only turns a hang into a failure
     * (a test that holds hashes back lets them go when it chooses, never by timing).
     */
    public static final Duration LOGIN_PATIENCE = Duration.ofSeconds(60);

    /** As {@link #configure(WebServerConfig.Builder)}, hashing passwords on {@code hashes}, which the test holds back. */
    public static void configure(WebServerConfig.Builder server, HashGate hashes) {
        configure(server, hashes, Clock.systemDefaultZone(), LOGIN_PATIENCE);
    }

    /**
     * As {@link #configure(WebServerConfig.Builder, HashGate)}, timed by {@code clock}, with logins beyond their
     * email's room waiting at most {@code loginPatience} for their turn.
     */
    public static void configure(WebServerConfig.Builder server, HashGate hashes, Clock clock, Duration loginPatience) {
        configure(server, ServerComponents.open(settings(), clock, hashes::hasher, loginPatience),
                ContactsServer.ConnectionLimits.DEFAULTS);
    }

    /** As {@link #configure(WebServerConfig.Builder)}, over {@code components} the test opened (and looks into). */
    public static void configure(WebServerConfig.Builder server, ServerComponents components) {
        configure(server, components, ContactsServer.ConnectionLimits.DEFAULTS);
    }

    private static void configure(WebServerConfig.Builder server, ServerComponents components,
                                  ContactsServer.ConnectionLimits limits) {
        synchronized (OPEN) {
            OPEN.add(components);
        }
        ContactsServer.configure(server, components, limits);
    }

    /** A SQLite database path in a new temporary folder (for tests of SQLite's files themselves). */
    public static Path newDatabase() {
        return TempFolders.create().resolve("contacts.db");
    }

    private static void closeAll() {
        synchronized (OPEN) {
            OPEN.forEach(ServerComponents::close);
        }
    }
}
