package dev.contacts.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerComponents;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.health.HealthCheckResponse;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.Test;

/** /observe/health tells a load balancer whether this instance's database answers. */
class DatabaseHealthCheckTest {

    @Test
    void aDatabaseGoneUnderTheServerMakesHealthDownWith503() {
        ServerComponents components = ServerComponents.open(TestServers.settings(), Clock.systemUTC());
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false);
        ContactsServer.configure(builder, components);
        WebServer server = builder.build().start();
        try {
            TestApi api = new TestApi(URI.create("http://127.0.0.1:" + server.port()));
            assertEquals(200, api.get("/observe/health", null).status());

            components.database().close();
            Response down = api.get("/observe/health", null);
            assertEquals(503, down.status(), down.toString());
            assertEquals("DOWN", down.json().get("status").asText());
            assertEquals("database", down.json().get("checks").get(0).get("name").asText());
            assertEquals("DOWN", down.json().get("checks").get(0).get("status").asText());
        } finally {
            server.stop();
            components.close();
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsDownAfterTheDeadlineAndIsProbedOnceAtATime() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch probing = new CountDownLatch(1);
        AtomicInteger probes = new AtomicInteger();
        DatabaseHealthCheck check = new DatabaseHealthCheck(() -> {
            probes.incrementAndGet();
            probing.countDown();
            try {
                answer.await();
            } catch (InterruptedException e) {
                return false;
            }
            return true;
        }, Duration.ofMillis(50));
        try {
            assertEquals(HealthCheckResponse.Status.DOWN, check.call().status(), "a hanging database is down");
            // the probe's thread may start after the first check gave up: wait for it, not for a guessed time
            assertTrue(probing.await(30, TimeUnit.SECONDS), "the probe started");
            assertEquals(HealthCheckResponse.Status.DOWN, check.call().status());
            assertEquals(1, probes.get(), "the second check waited on the probe still in flight");
        } finally {
            answer.countDown();
        }
        // once the database answers the check is up again; on a busy machine the probe that was hanging may need
        // longer than the 50 ms deadline to finish, so a check may still read DOWN before it: ask until it is UP
        HealthCheckResponse.Status status = HealthCheckResponse.Status.DOWN;
        for (int i = 0; i < 600 && status != HealthCheckResponse.Status.UP; i++) {
            status = check.call().status();
        }
        assertEquals(HealthCheckResponse.Status.UP, status, "up again once it answers");
    }
}
