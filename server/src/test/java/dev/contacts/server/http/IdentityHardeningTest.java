package dev.contacts.server.http;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** One account per address whatever its Unicode form, bodies only in well-formed UTF-8, time zones by IANA id. */
@ServerTest
class IdentityHardeningTest {

    private final URI uri;
    private final TestApi api;

    IdentityHardeningTest(URI uri) {
        this.uri = uri;
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @Test
    void aFullwidthCopyOfAnEmailIsTheSameAccount() {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.register(name + "@example.com", PASSWORD).status());
        StringBuilder fullwidth = new StringBuilder();
        name.chars().forEach(c -> fullwidth.appendCodePoint(c + 0xFEE0)); // ASCII letters/digits -> fullwidth
        String copy = fullwidth + "\uFF20example.com";
        assertEquals(409, api.register(copy, PASSWORD).status());
        assertEquals(200, api.login(copy, PASSWORD).status(), "it logs in to the same account");
    }

    @Test
    void bodiesThatAreNotWellFormedUtf8Are422AndStoreNothing() throws Exception {
        String token = api.newUser();
        byte[][] malformed = {
                {(byte) 0xC0, (byte) 0xAF},             // overlong "/"
                {(byte) 0xC0, (byte) 0x80},             // overlong NUL
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
                {(byte) 0xFF},                          // never valid
        };
        for (byte[] bad : malformed) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write("{\"first_name\":\"A".getBytes(StandardCharsets.UTF_8));
            body.write(bad);
            body.write("\",\"last_name\":\"B\"}".getBytes(StandardCharsets.UTF_8));
            TestApi.Response r = api.send(HttpRequest.newBuilder(uri.resolve("/contacts/"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
            assertEquals(422, r.status(), r.body());
        }
        assertEquals("0", api.get("/contacts/", token).header("X-Total-Count"), "nothing was stored");
    }

    @Test
    void onlyIanaRegionIdsAreTimeZones() {
        String token = api.newUser();
        for (String offset : new String[] {"+05:00", "GMT+5", "Z", "UTC+01:00"}) {
            TestApi.Response r = api.get("/contacts/birthdays/?tz=" + URLEncoder.encode(offset, StandardCharsets.UTF_8),
                    token);
            assertEquals(422, r.status(), offset + " -> " + r);
        }
        assertEquals(200, api.get("/contacts/birthdays/?tz=Europe/Kyiv", token).status());
        assertEquals(200, api.get("/contacts/birthdays/?tz=UTC", token).status());
    }
}
