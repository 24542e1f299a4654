package dev.contacts.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;

import dev.contacts.server.Capacity;
import dev.contacts.server.ServerComponents;
import dev.contacts.server.ServerSettings;
import dev.contacts.server.support.TestDatabases;
import dev.contacts.server.support.TestServers;
import org.junit.jupiter.api.Test;

/**
 * A server's capacity reaches its database: the standalone server keeps its threads and connections, the desktop's
 * embedded server ({@link Capacity#ONE_USER}) gets its own fewer, on the suite's database (PostgreSQL's pool is
 * always {@code db.pool-size}).
 */
class CapacityTest {

    @Test
    void aServerOpensItsDatabaseWithTheServersThreadsAndConnections() {
        ServerSettings settings = TestServers.settings();
        try (ServerComponents components = ServerComponents.open(settings, Clock.systemUTC())) {
            assertEquals(Database.WORKERS, components.database().threads());
            assertEquals(Database.READERS, components.database().readThreads());
            assertEquals(expectedConnections(settings, Database.SQLITE_CONNECTIONS), components.database().connections());
        }
    }

    @Test
    void theEmbeddedServersCapacityReachesItsDatabase() {
        ServerSettings settings = TestServers.settings();
        try (ServerComponents components = ServerComponents.open(settings, Clock.systemUTC(), Capacity.ONE_USER)) {
            assertEquals(Capacity.ONE_USER.databaseThreads(), components.database().threads());
            assertEquals(Capacity.ONE_USER.readThreads(), components.database().readThreads());
            assertEquals(expectedConnections(settings, Capacity.ONE_USER.sqliteConnections()),
                    components.database().connections());
        }
    }

    private static int expectedConnections(ServerSettings settings, int onSqlite) {
        return TestDatabases.onPostgreSql() ? settings.database().poolSize() : onSqlite;
    }
}
