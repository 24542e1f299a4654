package dev.contacts.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.contacts.server.db.DatabaseSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * Every setting of the server, read from Helidon config (command line over environment over
 * {@code application.yaml}) and checked once at start, so a bad value stops the server with a clear message.
 *
 * @param secret the JWT secret (base64) when configured; otherwise a key file beside the database is used
 * @param rateLimit requests per minute and client address on /register/, /token/, /token/refresh/ (0 = off)
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} names the real client
 * @param maxContactsPerUser the most (non-trashed) contacts one user may hold
 * @param jwtProvider the configuration of Helidon Security's JWT provider ({@code security.providers}' jwt)
 */
public record ServerSettings(String host,
                             int port,
                             DatabaseSettings database,
                             Optional<String> secret,
                             Optional<Path> secretFile,
                             Duration tokenLifetime,
                             Duration refreshLifetime,
                             String issuer,
                             String audience,
                             int rateLimit,
                             Set<String> trustedProxies,
                             int maxContactsPerUser,
                             Config jwtProvider) {

    /** The defaults of every setting, in the jar (and the name of the file in the working folder that overrides them). */
    static final String DEFAULTS = "application.yaml";
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
        if (refreshLifetime.isNegative() || refreshLifetime.isZero()) {
            throw new IllegalArgumentException("auth.refresh-days must be at least 1");
        }
        if (rateLimit < 0) {
            throw new IllegalArgumentException("auth.rate-limit must be 0 (off) or more, got " + rateLimit);
        }
        trustedProxies = Set.copyOf(trustedProxies);
        if (maxContactsPerUser < 1) {
            throw new IllegalArgumentException("contacts.max-per-user must be at least 1, got " + maxContactsPerUser);
        }
        if (!jwtProvider.exists()) {
            throw new IllegalArgumentException("security.providers must configure the jwt provider");
        }
    }

    /**
     * Loopback, a free port, the given database, the rest as the jar's application.yaml sets it: how the desktop
     * app and the tests start a server.
     */
    public static ServerSettings embedded(Path database) {
        return from(Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("server.host", "127.0.0.1", "server.port", "0",
                        "db.path", database.toString())))
                .addSource(ConfigSources.classpath(DEFAULTS))
                .build());
    }

    /** Command line over environment over system properties over ./application.yaml over the jar's defaults. */
    public static Config config(Map<String, String> commandLine) {
        Config.Builder builder = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(commandLine))
                .addSource(ConfigSources.environmentVariables())
                .addSource(ConfigSources.systemProperties());
        if (Files.isRegularFile(Path.of(DEFAULTS))) {
            builder.addSource(ConfigSources.file(Path.of(DEFAULTS)));
        }
        return builder.addSource(ConfigSources.classpath(DEFAULTS)).build();
    }

    /** The settings of {@code config}; each key must be there (the jar's application.yaml has them all). */
    public static ServerSettings from(Config config) {
        return new ServerSettings(
                config.get("server.host").asString().get(),
                config.get("server.port").asInt().get(),
                database(config),
                config.get("auth.secret").asString().filter(s -> !s.isBlank()),
                config.get("auth.secret-file").asString().filter(s -> !s.isBlank()).map(Path::of),
                Duration.ofMinutes(config.get("auth.token-minutes").asInt().get()),
                Duration.ofDays(config.get("auth.refresh-days").asInt().get()),
                config.get("auth.issuer").asString().get(),
                config.get("auth.audience").asString().get(),
                config.get("auth.rate-limit").asInt().get(),
                addresses(config.get("auth.trusted-proxies").asString().orElse("")),
                config.get("contacts.max-per-user").asInt().get(),
                config.get("security.providers").asNodeList().orElse(List.of()).stream()
                        .map(provider -> provider.get("jwt")).filter(Config::exists).findFirst()
                        .orElse(config.get("security.providers.jwt")));
    }

    /**
     * The database: {@code db.url} when set (a PostgreSQL JDBC URL, or a plain path meaning a SQLite file), else
     * the SQLite file {@code db.path}. The PostgreSQL password comes from the URL, {@code db.password} or the file
     * {@code db.password-file}.
     */
    static DatabaseSettings database(Config config) {
        Optional<String> url = config.get("db.url").asString().map(String::strip).filter(s -> !s.isEmpty());
        Path file = Path.of(url.filter(u -> !DatabaseSettings.isPostgreSql(u))
                .orElseGet(() -> config.get("db.path").asString().get()));
        Optional<String> password = config.get("db.password").asString().filter(s -> !s.isEmpty());
        Optional<Path> passwordFile = config.get("db.password-file").asString().filter(s -> !s.isBlank()).map(Path::of);
        if (password.isEmpty() && passwordFile.isPresent()) {
            try {
                password = Optional.of(Files.readString(passwordFile.get()).strip());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read db.password-file " + passwordFile.get());
            }
        }
        return new DatabaseSettings(file, url.filter(DatabaseSettings::isPostgreSql),
                config.get("db.user").asString().filter(s -> !s.isBlank()), password,
                config.get("db.pool-size").asInt().get());
    }

    /** A comma-separated list of addresses, e.g. {@code "10.0.0.5, 10.0.0.6"}. */
    static Set<String> addresses(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public ServerSettings withDatabase(DatabaseSettings newDatabase) {
        return new ServerSettings(host, port, newDatabase, secret, secretFile, tokenLifetime, refreshLifetime,
                issuer, audience, rateLimit, trustedProxies, maxContactsPerUser, jwtProvider);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, database, secret, secretFile, tokenLifetime, refreshLifetime,
                issuer, audience, rateLimit, trustedProxies, maxContactsPerUser, jwtProvider);
    }

    public ServerSettings withSecret(String base64) {
        return new ServerSettings(host, port, database, Optional.of(base64), secretFile, tokenLifetime,
                refreshLifetime, issuer, audience, rateLimit, trustedProxies, maxContactsPerUser, jwtProvider);
    }

    public ServerSettings withRateLimit(int perMinute) {
        return new ServerSettings(host, port, database, secret, secretFile, tokenLifetime, refreshLifetime,
                issuer, audience, perMinute, trustedProxies, maxContactsPerUser, jwtProvider);
    }

    public ServerSettings withTrustedProxies(Set<String> proxies) {
        return new ServerSettings(host, port, database, secret, secretFile, tokenLifetime, refreshLifetime,
                issuer, audience, rateLimit, proxies, maxContactsPerUser, jwtProvider);
    }

    public ServerSettings withMaxContactsPerUser(int max) {
        return new ServerSettings(host, port, database, secret, secretFile, tokenLifetime, refreshLifetime,
                issuer, audience, rateLimit, trustedProxies, max, jwtProvider);
    }

    @Override
    public String toString() {
        return "ServerSettings[host=" + host + ", port=" + port + ", database=" + database
                + ", secret=" + (secret.isPresent() ? "***" : "key file") + ", tokenLifetime=" + tokenLifetime
                + ", refreshLifetime=" + refreshLifetime + ", issuer=" + issuer + ", audience=" + audience
                + ", rateLimit=" + rateLimit + ", trustedProxies=" + trustedProxies
                + ", maxContactsPerUser=" + maxContactsPerUser + "]";
    }
}
