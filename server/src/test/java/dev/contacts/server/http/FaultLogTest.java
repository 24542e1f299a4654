package dev.contacts.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerComponents;
import dev.contacts.server.support.TestServers;
import dev.contacts.server.support.TestApi;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Log records captured at every level while clients try to forge log lines, leak secrets into it, or flood it. */
class FaultLogTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;
    private ServerComponents components;
    private WebServer server;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        components = ServerComponents.open(TestServers.settings(), Clock.systemUTC());
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false);
        ContactsServer.configure(builder, components);
        server = builder.build().start();
        uri = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        server.stop();
        components.close();
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("").setLevel(rootLevel);
    }

    /** Everything a record would put in a log file: its message, parameters and whole stack trace. */
    private List<String> logged(Level atLeast) {
        List<String> lines = new ArrayList<>();
        synchronized (records) {
            for (LogRecord r : records) {
                if (r.getLevel().intValue() < atLeast.intValue()) {
                    continue;
                }
                StringWriter text = new StringWriter();
                text.append(String.valueOf(r.getMessage()));
                if (r.getThrown() != null) {
                    r.getThrown().printStackTrace(new PrintWriter(text));
                }
                lines.add(text.toString());
            }
        }
        return lines;
    }

    @Test
    void aMalformedChunkedLoginIs400AndItsPasswordNeverReachesTheLog() throws Exception {
        String body = "{\"email\":\"a@example.com\",\"password\":\"hunter2 secret words\"}";
        String answer;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("POST /token/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + body + "\r\n" + body + "\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            socket.setSoTimeout(30_000);
            answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }
        assertEquals("HTTP/1.1 400", answer);
        for (String line : logged(Level.ALL)) {
            assertFalse(line.contains("hunter2"), line);
        }
        assertTrue(logged(Level.SEVERE).isEmpty(), "a client's fault is no server error: " + logged(Level.SEVERE));
    }

    @Test
    void aServerFaultIsLoggedEscapedWithoutMessagesAndAtMostOnceASecond() {
        TestApi api = new TestApi(uri);
        String token = api.newUser();
        components.database().close(); // every request is now a server fault (500)
        for (int i = 0; i < 5; i++) {
            assertEquals(500, api.forAServerBrokenOnPurpose().get("/contacts/x%0aFORGED%20ERROR%20line/", token).status());
        }
        List<String> severe = logged(Level.SEVERE);
        assertTrue(!severe.isEmpty() && severe.size() < 5, "one line per second, not one per fault: " + severe);
        for (String line : severe) {
            assertFalse(line.contains("\nFORGED"), line);
            assertTrue(line.contains("x\\nFORGED ERROR line"), line);
        }
    }
}
