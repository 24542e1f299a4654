package dev.contacts.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.contacts.server.Capacity;
import dev.contacts.server.ServerComponents;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * Clients that ask for a large page and never read it hold only their own connections: a page is written after its
 * database thread is free ({@link HeldResponse}). Before, each such client held one of the few threads for reads
 * (2 per core) while its write waited for it, and a handful of them left every other read waiting. The same for the
 * answers streamed because they are long (a birthday page, the duplicates): they are read in parts, each in a
 * database call of its own, and written between them.
 */
@ServerTest
class SlowReadersTest {

    /** Contacts of about 20 KB of JSON each: a page of all of them (12 MB) cannot fit in the sockets' buffers. */
    private static final int CONTACTS = 600;
    private static final String NOTE = "\u00e9".repeat(10_000);
    /** Contacts of about 20 KB each, in pairs that share an email, each with a birthday: answers of about 20 MB. */
    private static final int STREAMED = 1000;
    /** The user who holds them, made by the first test that needs them. */
    private static String streamingUser;

    private final TestApi api;
    private final URI uri;

    SlowReadersTest(URI uri) {
        this.api = new TestApi(uri);
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, ServerComponents.open(TestServers.settings(), Clock.systemDefaultZone()));
    }

    @Test
    void readsAreAnsweredWhileClientsNeverReadTheirLargePages() throws Exception {
        String token = api.newUser();
        long contact = 0;
        for (int i = 0; i < CONTACTS; i++) {
            contact = api.createContact(token, TestApi.json("first_name", "Ada", "last_name", "Reader " + i,
                    "additional_data", NOTE));
        }
        List<Socket> slowReaders = new ArrayList<>();
        try {
            for (int i = 0; i < Capacity.SERVER.readThreads() + 2; i++) {
                slowReaders.add(answerNeverRead("/contacts/?limit=" + CONTACTS, token));
            }

            assertEquals(200, probe("/contacts/" + contact + "/", token));
            assertEquals(200, probe("/contacts/?limit=10", token));
            assertEquals(200, probe("/contacts/search/?query=ada&limit=10", token));
            assertEquals(200, probe("/users/me/", token));
        } finally {
            for (Socket socket : slowReaders) {
                socket.close();
            }
        }
    }

    /** A birthday page of 1,000 large contacts (streamed: about 20 MB). */
    @Test
    void readsAreAnsweredWhileClientsNeverReadLongBirthdayPages() throws Exception {
        readsAreAnsweredWhileNeverRead("/contacts/birthdays/?days=366&limit=" + STREAMED);
    }

    /** 500 groups of two large contacts (streamed: about 20 MB). */
    @Test
    void readsAreAnsweredWhileClientsNeverReadLongListsOfDuplicates() throws Exception {
        readsAreAnsweredWhileNeverRead("/contacts/duplicates/");
    }

    /** More clients than there are readers' threads ask for {@code path} and never read it; reads go on. */
    private void readsAreAnsweredWhileNeverRead(String path) throws Exception {
        String token = streamingUser();
        List<Socket> slowReaders = new ArrayList<>();
        try {
            for (int i = 0; i < Capacity.SERVER.readThreads() + 2; i++) {
                slowReaders.add(answerNeverRead(path, token));
            }

            assertEquals(200, probe("/contacts/?limit=10", token));
            assertEquals(200, probe("/contacts/search/?query=ada&limit=10", token));
            assertEquals(200, probe("/contacts/birthdays/?days=366&limit=5", token));
            assertEquals(200, probe("/users/me/", token));
        } finally {
            for (Socket socket : slowReaders) {
                socket.close();
            }
        }
    }

    /** The user of {@value #STREAMED} large contacts: two of them share each email, and each has a birthday. */
    private String streamingUser() {
        if (streamingUser == null) {
            String token = api.newUser();
            for (int i = 0; i < STREAMED; i++) {
                api.createContact(token, TestApi.json("first_name", "Ada", "last_name", "Streamer " + i,
                        "birthday", String.format("1990-%02d-%02d", 1 + i % 12, 1 + i % 28),
                        "emails", List.of(Map.of("value", "pair" + i / 2 + "@example.com")),
                        "additional_data", NOTE));
            }
            streamingUser = token;
        }
        return streamingUser;
    }

    /**
     * Asks for {@code path} (a large answer) on a connection with a small receive buffer, and reads only the answer's
     * first byte: the server has begun writing it, and the rest waits for a reader that never comes.
     */
    private Socket answerNeverRead(String path, String token) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout(30_000); // only turns a hang into a failure
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        assertTrue(in.read() >= 0, "the page's answer begins");
        return socket;
    }

    /** A request on a new connection; the timeout only turns a hang into a failure. */
    private int probe(String path, String token) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)).status();
    }
}
