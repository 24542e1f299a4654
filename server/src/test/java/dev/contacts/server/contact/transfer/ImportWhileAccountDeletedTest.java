package dev.contacts.server.contact.transfer;

import static dev.contacts.server.contact.transfer.VCardImportTest.card;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * An import whose caller deletes the account after the import's token was checked and before its items are stored
 * (another session of the same user, say): it is answered as a token of a deleted user, never a 500.
 */
@ServerTest
class ImportWhileAccountDeletedTest {

    private final URI uri;
    private final TestApi api;

    ImportWhileAccountDeletedTest(URI uri) {
        this.uri = uri;
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @Test
    void anImportWhoseAccountWasDeletedMeanwhileIsA401NotA500() throws IOException {
        String token = api.newUser();
        byte[] file = card("FN:Late Card").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /contacts/import/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: text/vcard\r\nContent-Length: " + file.length
                    + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            // an import reads its body once its caller is authenticated: the 100 comes after the token was checked
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", head(in));
            assertEquals(204, api.send("DELETE", "/users/me/", token, "application/json",
                    "{\"password\": \"" + TestApi.PASSWORD + "\"}").status());
            socket.getOutputStream().write(file);
            String answer = head(in);
            // before: 500, the insert breaking the owner's foreign key
            assertTrue(answer.startsWith("HTTP/1.1 401 "), answer);
            assertTrue(answer.contains("WWW-Authenticate: Bearer"), answer);
            int length = Integer.parseInt(answer.replaceAll("(?s).*\r\nContent-Length: (\\d+)\r\n.*", "$1"));
            assertEquals("{\"detail\":\"Could not validate credentials\"}",
                    new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
    }

    /** The next response head, through its empty line. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (!got.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            got.write(b);
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }
}
