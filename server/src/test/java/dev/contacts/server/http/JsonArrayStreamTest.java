package dev.contacts.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrays {@link JsonArrayStream} sends: byte for byte the items joined, with the length when the array is
 * complete within the bytes held (so that Helidon writes it without copying it chunk by chunk), chunked beyond.
 */
class JsonArrayStreamTest {

    private static WebServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .routing(r -> r.get("/array", (req, res) -> {
                    int count = Integer.parseInt(req.query().get("count"));
                    int size = Integer.parseInt(req.query().get("size"));
                    boolean fail = req.query().contains("fail");
                    try (JsonArrayStream array = new JsonArrayStream(res)) {
                        for (byte[] item : items(count, size)) {
                            array.add(item);
                        }
                        if (fail) {
                            throw new IllegalStateException("a database call failed");
                        }
                        array.complete();
                    } catch (IllegalStateException e) {
                        res.status(Status.SERVICE_UNAVAILABLE_503).send("failed");
                    }
                }))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** {@code count} JSON objects of about {@code size} bytes each, each different, with a long one every 100th. */
    private static List<byte[]> items(int count, int size) {
        List<byte[]> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = i % 100 == 99 ? 40_000 : size + i % 7;
            items.add(("{\"i\":" + i + ",\"pad\":\"" + "é".repeat(length / 2) + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return items;
    }

    private static byte[] joined(int count, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        List<byte[]> items = items(count, size);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    private static HttpResponse<byte[]> get(String query) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/array?" + query))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPageOfAThousandIsSentWithItsLength() throws Exception {
        HttpResponse<byte[]> r = get("count=1000&size=500"); // about 900 KB, over the 128 KB once held
        byte[] expected = joined(1000, 500);
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        assertEquals(String.valueOf(expected.length), r.headers().firstValue("content-length").orElse("chunked"));
        assertArrayEquals(expected, r.body());
    }

    @Test
    void aLongerArrayIsStreamedByteForByteTheSame() throws Exception {
        HttpResponse<byte[]> r = get("count=3000&size=500"); // about 2.6 MB
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        assertFalse(r.headers().firstValue("content-length").isPresent(), "streamed: its length is not known");
        assertArrayEquals(joined(3000, 500), r.body());
    }

    @Test
    void smallAndEmptyArrays() throws Exception {
        for (int count : new int[] {0, 1, 2, 30}) {
            HttpResponse<byte[]> r = get("count=" + count + "&size=100");
            byte[] expected = joined(count, 100);
            assertEquals(String.valueOf(expected.length), r.headers().firstValue("content-length").orElse(""));
            assertArrayEquals(expected, r.body(), count + " items");
        }
    }

    @Test
    void anArrayLeftIncompleteSendsNothingSoTheErrorIsAnswered() throws Exception {
        HttpResponse<byte[]> r = get("count=1000&size=500&fail");
        assertEquals(503, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).equals("failed"));
    }
}
