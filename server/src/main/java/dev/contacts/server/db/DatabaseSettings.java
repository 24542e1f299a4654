package dev.contacts.server.db;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the data lives: a SQLite file ({@code db.path}, or a plain path in {@code db.url} / {@code --db}), or a
 * PostgreSQL database ({@code jdbc:postgresql://host:5432/name}). {@code file} is also where the signing key
 * file goes when no {@code auth.secret} is set, whichever database is used.
 *
 * @param url the PostgreSQL JDBC URL, or empty for SQLite
 * @param user the PostgreSQL user when not in the URL
 * @param password the PostgreSQL password when not in the URL ({@code db.password} or {@code db.password-file})
 * @param poolSize the most connections to PostgreSQL (SQLite uses a fixed pool, see {@link Database})
 */
public record DatabaseSettings(Path file, Optional<String> url, Optional<String> user, Optional<String> password,
                               int poolSize) {

    public static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&]*");

    public DatabaseSettings {
        if (url.isPresent() && !isPostgreSql(url.get())) {
            throw new IllegalArgumentException("db.url must be a jdbc:postgresql: URL or a SQLite file path");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("db.pool-size must be at least 1, got " + poolSize);
        }
    }

    /** A SQLite file and nothing else. */
    public static DatabaseSettings sqlite(Path file) {
        return new DatabaseSettings(file, Optional.empty(), Optional.empty(), Optional.empty(), 1);
    }

    /** Whether {@code location} (a {@code --db} value) names a PostgreSQL database rather than a SQLite file. */
    public static boolean isPostgreSql(String location) {
        return location.regionMatches(true, 0, POSTGRESQL_PREFIX, 0, POSTGRESQL_PREFIX.length());
    }

    public boolean isPostgreSql() {
        return url.isPresent();
    }

    /** Where the data lives, fit for a log or an error message: never a password. */
    public String describe() {
        return url.map(u -> PASSWORD_IN_URL.matcher(u).replaceAll("$1***")).orElse(file.toString());
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + (user.isPresent() ? ", user=" + user.get() : "")
                + (password.isPresent() ? ", password=***" : "") + ", poolSize=" + poolSize + "]";
    }
}
