package dev.contacts.server.http;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.contacts.server.ContactsServer.ConnectionLimits;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

/**
 * Connections that send nothing cannot take the listener down: beyond the connection limit new ones wait,
 * and once the idle ones leave, the listener takes new connections again. (Without a limit, such connections
 * ran the process out of file descriptors, and Helidon's listener stops for good when an accept fails.)
 */
class ConnectionLimitTest {

    private static final int LIMIT = 4;
    private URI uri;

    @Test
    void idleConnectionsAtTheLimitDelayNewOnesAndTheListenerRecovers() throws IOException {
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0);
        TestServers.configure(builder, TestServers.settings(), Clock.systemDefaultZone(),
                new ConnectionLimits(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(60), LIMIT));
        WebServer server = builder.build().start();
        try {
            uri = URI.create("http://127.0.0.1:" + server.port());
            fillTheLimitThenLeave();
        } finally {
            server.stop();
        }
    }

    private void fillTheLimitThenLeave() throws IOException {
        List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            idle.add(new Socket(uri.getHost(), uri.getPort()));
        }
        try (Socket waiting = request()) {
            waiting.setSoTimeout(1000);
            assertThrows(SocketTimeoutException.class, () -> waiting.getInputStream().read(),
                    "not taken while the limit is reached");
        }
        for (Socket socket : idle) {
            socket.close();
        }
        try (Socket next = request()) {
            next.setSoTimeout(30_000);
            String answer = new String(next.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
        }
    }

    private Socket request() throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.getOutputStream().write(
                "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return socket;
    }
}
