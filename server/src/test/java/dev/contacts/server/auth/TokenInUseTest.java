package dev.contacts.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * A token the server has already accepted (so its verification is remembered, see AccessTokenSecurity) gets no
 * further than a new one when it comes in a form the contract refuses: repeated, folded, edited, or doubled.
 */
@ServerTest
class TokenInUseTest {

    private final URI uri;
    private final TestApi api;

    TokenInUseTest(URI uri) {
        this.uri = uri;
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configureWithKnownSecret(server);
    }

    /** A new user's token, accepted once already. */
    private String tokenInUse() {
        String token = api.newUser();
        assertEquals(200, api.get("/contacts/", token).status());
        return token;
    }

    private void assertRefused(Response r, String detail) {
        assertEquals(401, r.status(), r.toString());
        assertEquals("{\"detail\":\"" + detail + "\"}", r.body());
        assertEquals(detail.equals("Not authenticated") ? "Bearer" : TestApi.INVALID_TOKEN_CHALLENGE,
                r.header("WWW-Authenticate"));
    }

    @Test
    void repeatedInTwoHeadersItIsNotAuthenticated() {
        String token = tokenInUse();
        assertRefused(api.send(HttpRequest.newBuilder(uri.resolve("/contacts/"))
                .header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer " + token)), "Not authenticated");
        assertRefused(api.send(HttpRequest.newBuilder(uri.resolve("/contacts/"))
                .header("Authorization", "Bearer " + token + ", Bearer " + token)), "Could not validate credentials");
    }

    @Test
    void editedOrDoubledItCannotBeValidated() {
        String token = tokenInUse();
        // the signature's first character: all six of its bits are the signature's (the last character's low bits
        // are base64's padding, so some edits there decode to the very same signature, and the same token)
        int signature = token.lastIndexOf('.') + 1;
        char first = token.charAt(signature);
        String[] variants = {
            token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1),
            token + "A",
            token.substring(1),
            token + " " + token,
            token + "." + token,
        };
        for (String variant : variants) {
            assertRefused(api.get("/contacts/", "Bearer " + variant), "Could not validate credentials");
        }
        assertEquals(200, api.get("/contacts/", token).status(), "the token itself still works");
    }

    @Test
    void foldedOverTwoLinesItIsNeverAccepted() throws IOException {
        String token = tokenInUse();
        String answer = exchange("GET /contacts/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer\r\n " + token
                + "\r\nConnection: close\r\n\r\n");
        // obsolete line folding (RFC 9112 5.2): the continuation line is not a header, so the request is refused
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.endsWith("{\"detail\":\"Bad Request\"}"), answer);
    }

    /** What the server sent for one raw request, until it closed the connection. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
