package dev.contacts.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import dev.contacts.server.ContactsServer.ConnectionLimits;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that sends nothing, half the headers or half a body is cut off once its time is up (here a fraction
 * of a second instead of 30 and 60 s), instead of holding its connection forever; a prompt client is answered.
 */
class SlowClientsTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    /** Far longer than SHORT: a connection still open this long was not cut off. */
    private static final int PATIENCE_MILLIS = 15_000;
    private static final String LOGIN = "POST /token/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";

    private static WebServer server;

    @BeforeAll
    static void start() {
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0);
        TestServers.configure(builder, TestServers.settings(), Clock.systemDefaultZone(),
                new ConnectionLimits(Duration.ofSeconds(60), SHORT, SHORT, 100));
        server = builder.build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Sends {@code request}, then reads until the server closes; what it answered before closing. */
    private static String sendThenWaitForClose(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(PATIENCE_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII); // SocketTimeoutException: still open
            } catch (SocketException reset) {
                return "";
            }
        }
    }

    @Test
    void aSilentConnectionIsClosed() throws IOException {
        assertEquals("", sendThenWaitForClose(""));
    }

    @Test
    void halfTheHeadersAreCutOff() throws IOException {
        assertEquals("", sendThenWaitForClose("GET /nope HTTP/1.1\r\nHost: x\r\n"));
        assertEquals("", sendThenWaitForClose("GET /nope HT"));
    }

    @Test
    void halfABodyIsCutOff() throws IOException {
        String answer = sendThenWaitForClose(LOGIN + "Content-Length: 40\r\n\r\n{\"email\":");
        assertTrue(!answer.contains(" 200 ") && !answer.contains(" 500 "), answer);
        String chunked = sendThenWaitForClose(LOGIN + "Transfer-Encoding: chunked\r\n\r\n9\r\n{\"email\":\r\n");
        assertTrue(!chunked.contains(" 200 ") && !chunked.contains(" 500 "), chunked);
    }

    @Test
    void aPromptClientIsAnswered() throws IOException {
        String answer = sendThenWaitForClose("GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 404 ") && answer.endsWith("{\"detail\":\"Not Found\"}"), answer);
    }
}
