package dev.contacts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * A client that sends its body slowly holds no database thread: with more requests stopped half-way through their
 * bodies than there are database threads (creates, logins, photos, imports), a read is still answered. Before, each
 * handler read its body on the database thread that ran it, so a few slow uploaders left every other request
 * queueing until their bodies came or the server cut them off (60 s).
 */
@ServerTest
class BodyWaitTest {

    /** More uploads than database threads, all waiting for the rest of their bodies at once. */
    private static final int UPLOADS = Database.WORKERS + 8;
    /** Only turns a hang into a failure (the old code never answers the later uploads' 100 Continue). */
    private static final int PATIENCE_MILLIS = 30_000;

    private final URI uri;
    private final TestApi api;

    BodyWaitTest(URI uri) {
        this.uri = uri;
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @Test
    void readsAreAnsweredWhileClientsStopHalfWayThroughTheirBodies() throws Exception {
        String token = api.newUser();
        long contact = api.createContact(token, "Ada", "Lovelace");
        String auth = "Authorization: Bearer " + token + "\r\n";
        List<String> heads = List.of(
                "POST /contacts/ HTTP/1.1\r\n" + auth + "Content-Type: application/json\r\n",
                "POST /token/ HTTP/1.1\r\nContent-Type: application/json\r\n",
                "PUT /contacts/" + contact + "/photo/ HTTP/1.1\r\n" + auth + "Content-Type: image/png\r\n",
                "POST /contacts/import/ HTTP/1.1\r\n" + auth + "Content-Type: text/vcard\r\n");
        List<Socket> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < UPLOADS; i++) {
                Socket socket = new Socket(uri.getHost(), uri.getPort());
                uploads.add(socket);
                socket.setSoTimeout(PATIENCE_MILLIS);
                // 100 Continue comes once the server reads the body: then half of it is sent, and no more
                send(socket, heads.get(i % heads.size()) + "Host: x\r\nContent-Length: 40\r\nExpect: 100-continue\r\n\r\n");
            }
            for (Socket socket : uploads) {
                assertEquals("HTTP/1.1 100 Continue", head(socket.getInputStream()));
                send(socket, "{\"first_name\": \"Half\", ");
            }

            assertEquals(200, probe("/contacts/" + contact + "/", token));
            assertEquals(200, probe("/users/me/", token));
        } finally {
            for (Socket socket : uploads) {
                socket.close();
            }
        }
    }

    /**
     * A stranger's photo (a photo may take 1 MiB of the bodies read ahead) is refused before its body is read: the
     * answer is 401 at once, never the 100 Continue that would ask for the upload.
     */
    @Test
    void aStrangersPhotoIsRefusedBeforeItsBodyIsRead() throws Exception {
        String token = api.newUser();
        long contact = api.createContact(token, "Ada", "Lovelace");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(PATIENCE_MILLIS);
            send(socket, "PUT /contacts/" + contact + "/photo/ HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\n"
                    + "Content-Length: 1048576\r\nExpect: 100-continue\r\n\r\n");
            assertEquals("HTTP/1.1 401 Unauthorized", head(socket.getInputStream()));
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** The first line of the next response's head (read up to its blank line). */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
    }

    /** A request on a new connection; the timeout only turns a hang into a failure. */
    private int probe(String path, String token) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)).status();
    }
}
