package dev.contacts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.contacts.server.support.TestDatabases;
import dev.contacts.server.support.TestServers;
import org.junit.jupiter.api.Test;

/**
 * Instances that share a PostgreSQL database must share the signing secret; one started there without it says so
 * in its log at start, instead of leaving a load-balanced user with tokens the other instances refuse.
 */
class SigningKeyWarningTest {

    private static List<String> warningsWhileOpening(ServerSettings settings) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue() && record.getMessage() != null
                        && record.getMessage().contains("auth.secret")) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ServerComponents.class.getName());
        logger.addHandler(capture);
        try (ServerComponents ignored = ServerComponents.open(settings, Clock.systemUTC())) {
            return List.copyOf(warnings);
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void withoutASecretOnlyAPostgreSqlInstanceWarns() {
        int expected = TestDatabases.onPostgreSql() ? 1 : 0;
        assertEquals(expected, warningsWhileOpening(TestServers.settings()).size(),
                "a key file of its own is right for one SQLite file, a risk on a shared PostgreSQL");
    }

    @Test
    void withASecretNoInstanceWarns() {
        assertEquals(List.of(), warningsWhileOpening(TestServers.settings().withSecret(TestServers.SECRET_BASE64)));
    }
}
