package dev.contacts.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * Every setting of the server, read from Helidon config (command line over environment over
 * {@code application.yaml}) and checked once at start, so a bad value stops the server with a clear message.
 *
 * @param secret the JWT secret (base64) when configured; otherwise a key file beside the database is used
 */
public record ServerSettings(String host,
                             int port,
                             Path database,
                             Optional<String> secret,
                             Optional<Path> secretFile,
                             Duration tokenLifetime,
                             String issuer,
                             String audience) {

    public static final int MAX_TOKEN_MINUTES = 60;

    public ServerSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("server.host must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("server.port must be 0 to 65535, got " + port);
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()
                || tokenLifetime.compareTo(Duration.ofMinutes(MAX_TOKEN_MINUTES)) > 0) {
            throw new IllegalArgumentException("auth.token-minutes must be 1 to " + MAX_TOKEN_MINUTES);
        }
    }

    /** Loopback, a free port, the given database: how the desktop app and the tests start a server. */
    public static ServerSettings embedded(Path database) {
        return new ServerSettings("127.0.0.1", 0, database, Optional.empty(), Optional.empty(),
                Duration.ofMinutes(30), "contacts", "contacts-api");
    }

    public static ServerSettings from(Config config) {
        return new ServerSettings(
                config.get("server.host").asString().orElse("127.0.0.1"),
                config.get("server.port").asInt().orElse(8000),
                Path.of(config.get("db.path").asString().orElse("contacts.db")),
                config.get("auth.secret").asString().filter(s -> !s.isBlank()),
                config.get("auth.secret-file").asString().filter(s -> !s.isBlank()).map(Path::of),
                Duration.ofMinutes(config.get("auth.token-minutes").asInt().orElse(30)),
                config.get("auth.issuer").asString().orElse("contacts"),
                config.get("auth.audience").asString().orElse("contacts-api"));
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, database, secret, secretFile, tokenLifetime, issuer, audience);
    }

    public ServerSettings withSecret(String base64) {
        return new ServerSettings(host, port, database, Optional.of(base64), secretFile, tokenLifetime, issuer,
                audience);
    }

    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", database=" + database
                + ", secret=" + (secret.isPresent() ? "***" : "key file") + ", tokenLifetime=" + tokenLifetime
                + ", issuer=" + issuer + ", audience=" + audience + "]";
    }
}
