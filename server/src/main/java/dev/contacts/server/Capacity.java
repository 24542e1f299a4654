package dev.contacts.server;

import dev.contacts.server.db.Database;

/**
 * How much a server holds ready for its users: the threads that run database work (reads on their own), SQLite's
 * pooled connections (each with its own page cache) and the threads that hash passwords (each keeps argon2's
 * 19 MiB block in its malloc arena after its first hash).
 *
 * @param databaseThreads threads for database work that may write ({@link Database#call})
 * @param readThreads threads for reads ({@link Database#read})
 * @param sqliteConnections connections to a SQLite file (PostgreSQL's pool is {@code db.pool-size})
 * @param hashThreads threads hashing passwords at once
 */
public record Capacity(int databaseThreads, int readThreads, int sqliteConnections, int hashThreads) {

    /** A server for many users: sized for the load of bench/load.sh (docs/benchmarks.md, "Load"). */
    public static final Capacity SERVER = new Capacity(Database.WORKERS, Database.READERS, Database.SQLITE_CONNECTIONS,
            Runtime.getRuntime().availableProcessors());

    /**
     * The desktop app's embedded server: one person, whose app sends a few requests at a time (a page of the list,
     * the details, a photo) and at most one import or export. Four database threads leave the others room beside a
     * long import, and two for reads serve a page and its details at once; two connections let reads go on beside a
     * writer (WAL); one hashing thread for the one person's logins. glibc's arenas with 5,000 contacts listed: 55-58
     * MB instead of 60-63 MB (docs/benchmarks.md, "The embedded server's sizes").
     */
    public static final Capacity ONE_USER = new Capacity(4, 2, 2, 1);

    public Capacity {
        if (databaseThreads < 1 || readThreads < 1 || sqliteConnections < 1 || hashThreads < 1) {
            throw new IllegalArgumentException("every capacity must be at least 1: " + this);
        }
    }
}
