package dev.contacts.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.contacts.server.http.Http1Edge.ClientWaits;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

/**
 * Only the client's own slowness counts against its time: the time the server takes before it reads a body (an
 * import waiting for its share of the bodies read ahead) is not the client's, and a slow client is still cut off.
 */
class ClientWaitsTest {

    private static final Duration HEADERS = Duration.ofSeconds(30);
    private static final Duration BODY = Duration.ofSeconds(60);

    /** A clock of the test's own, in nanoseconds. */
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void pass(Duration time) {
        now.addAndGet(time.toNanos());
    }

    private ClientWaits afterHeaders(Runnable close) {
        ClientWaits waits = new ClientWaits(close, now::get, HEADERS);
        assertEquals("POST /contacts/import/", waits.await(() -> "POST /contacts/import/"));
        waits.expect(BODY, false); // what Http1Edge does once a request's headers are read
        return waits;
    }

    @Test
    void theServersOwnWaitBeforeReadingABodyIsNotCountedAgainstTheClient() {
        ClientWaits waits = afterHeaders(() -> {
        });
        pass(Duration.ofMinutes(2)); // the import waits for its share of the 16 MiB read ahead, reading nothing
        assertEquals("BEGIN:VCARD", waits.await(() -> "BEGIN:VCARD"),
                "the body is read: the client has not kept the server waiting (was closed unanswered)");
        pass(Duration.ofSeconds(59));
        assertEquals("END:VCARD", waits.await(() -> "END:VCARD"));
    }

    @Test
    void aClientThatSendsSlowlyStillRunsOutOfTimeOverItsWaits() {
        ClientWaits waits = afterHeaders(() -> {
        });
        waits.await(() -> {
            pass(Duration.ofSeconds(40)); // the server waits 40 s for the first bytes
            return "BEGIN:VCARD";
        });
        pass(Duration.ofMinutes(5)); // the server's own work between reads
        waits.await(() -> {
            pass(Duration.ofSeconds(25));
            return "FN:Ann";
        });
        assertThrows(CloseConnectionException.class, () -> waits.await(() -> "END:VCARD"),
                "65 s of waits for the body: no time is left for another one");
    }

    @Test
    void theTimerClosesTheConnectionWhenTheClientsTimeRunsOutDuringAWait() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        ClientWaits waits = new ClientWaits(closed::countDown, now::get, Duration.ofMillis(50));
        assertThrows(CloseConnectionException.class, () -> waits.await(() -> {
            pass(Duration.ofMillis(50)); // the client sends nothing for its whole time
            try {
                // the socket's read, which the timer's close ends
                assertTrue(closed.await(30, TimeUnit.SECONDS), "the timer closed the connection");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("socket closed");
        }));
        assertEquals(0, closed.getCount());
    }

    /**
     * Over a real connection: the handler waits (on a latch) before reading the body, until a connection opened
     * after the request's headers has been closed for its own silence, so the body's time, counted from the
     * headers, would be over by then; the request is still answered, and a client that then sends nothing is not.
     */
    @Test
    void aRequestThatWaitsForTheServerBeforeItsBodyIsReadIsAnswered() throws Exception {
        Duration limit = Duration.ofSeconds(2);
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        WebServer server = WebServer.builder().host("127.0.0.1").port(0).protocolsDiscoverServices(false)
                .addConnectionSelector(new Http1Edge(new RequestFraming(), limit, limit, Duration.ofSeconds(60)))
                .routing(routing -> routing.post("/later", (req, res) -> {
                    entered.countDown();
                    release.await(); // the server's own wait (an import's for its share of the read ahead)
                    res.send(req.content().as(String.class));
                }))
                .build().start();
        try (Socket prompt = new Socket("127.0.0.1", server.port());
             Socket silent = new Socket("127.0.0.1", server.port())) {
            String head = "POST /later HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n";
            send(prompt, head);
            send(silent, head);
            assertTrue(entered.await(30, TimeUnit.SECONDS), "both handlers wait before reading their bodies");
            // a witness of the time: a connection opened now is closed for its silence only once the body's time
            // of both requests, had it run from their headers, would be over
            try (Socket witness = new Socket("127.0.0.1", server.port())) {
                assertEquals("", answer(witness));
            }
            send(prompt, "hello");
            release.countDown();
            String answered = answerEndingIn(prompt, "hello");
            assertTrue(answered.startsWith("HTTP/1.1 200 "), answered);
            assertEquals("", answer(silent), "a client that sends no body once asked for it is still cut off");
        } finally {
            release.countDown();
            server.stop();
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** What the server sends until it has sent {@code end} (or closes the connection). */
    private static String answerEndingIn(Socket socket, String end) throws IOException {
        socket.setSoTimeout(60_000);
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            answer.append((char) b);
            if (answer.toString().endsWith(end)) {
                break;
            }
        }
        return answer.toString();
    }

    /** What the server sends until it closes the connection. */
    private static String answer(Socket socket) throws IOException {
        socket.setSoTimeout(60_000);
        InputStream in = socket.getInputStream();
        try {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (SocketException reset) {
            return "";
        }
    }
}
