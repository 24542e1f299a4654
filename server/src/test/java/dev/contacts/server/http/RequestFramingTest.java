package dev.contacts.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * RFC 9112 framing over raw sockets: ambiguous frames are one 400 and a closed connection (never a second request
 * smuggled in after the first body, never a 500), HEAD answers carry no body, and Connection: close closes.
 */
@ServerTest
class RequestFramingTest {

    private static final String LOGIN = "POST /token/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
    private static final String SMUGGLED = "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n";
    private final URI uri;

    RequestFramingTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    /** What the server sent until it closed the connection, or "...<still open>" when it kept it open. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    got.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                return got.toString(StandardCharsets.ISO_8859_1) + "<still open>";
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void assertOneBadRequestThenClosed(String request) throws IOException {
        String answer = exchange(request);
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.endsWith("{\"detail\":\"Bad Request\"}"), "one answer, then the connection closes: " + answer);
        assertEquals(1, answer.split("HTTP/1.1 ", -1).length - 1, "no second request was read: " + answer);
    }

    @Test
    void ambiguousFramingIsOneBadRequestAndTheConnectionCloses() throws IOException {
        assertOneBadRequestThenClosed(LOGIN + "Content-Length: 2\r\nContent-Length: 30\r\n\r\n{}" + SMUGGLED);
        assertOneBadRequestThenClosed(LOGIN + "Content-Length: 2, 30\r\n\r\n{}" + SMUGGLED);
        assertOneBadRequestThenClosed(LOGIN + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
                + SMUGGLED);
        assertOneBadRequestThenClosed(LOGIN + "Transfer-Encoding: gzip\r\n\r\n{}" + SMUGGLED);
        assertOneBadRequestThenClosed(LOGIN + "Transfer-Encoding: foo\r\nContent-Length: 2\r\n\r\n{}" + SMUGGLED);
        assertOneBadRequestThenClosed(LOGIN + "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n" + SMUGGLED);
        assertOneBadRequestThenClosed(LOGIN + "Content-Length: -1\r\n\r\n{}");
        assertOneBadRequestThenClosed(LOGIN + "Content-Length: abc\r\n\r\n{}");
    }

    @Test
    void aBadChunkSizeOrMethodIsABadRequestNotA500() throws IOException {
        assertOneBadRequestThenClosed(LOGIN + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n" + SMUGGLED);
        assertOneBadRequestThenClosed("G:T /nope HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @Test
    void trailerFieldsAfterTheLastChunkAreDiscarded() throws IOException {
        // RFC 9112 §7.1.2; before, Helidon wanted the empty line right after the last chunk: a 400
        String answers = exchange(LOGIN + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n"
                + "X-Checksum: abc\r\nX-Empty:\r\n\r\n" + "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(answers.startsWith("HTTP/1.1 422 "), answers);
        assertTrue(answers.contains("HTTP/1.1 404 "), "the next request is read where the trailer ends: " + answers);
        assertOneBadRequestThenClosed(LOGIN + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\nnot a field\r\n\r\n"
                + SMUGGLED);
    }

    @Test
    void aBadChunkSizeFollowedByALineOfHexIsStillABadRequestAtOnce() throws IOException {
        // Helidon drains the body after refusing "zz" and read "ab" as the next size: no answer, the connection
        // held open until the body's 60 s ran out
        for (String size : List.of("zz", "-1", "80000000", "FFFFFFFFFFFFFFFFFF")) {
            assertOneBadRequestThenClosed(LOGIN + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\nab\r\n0\r\n\r\n"
                    + SMUGGLED);
        }
        String fine = exchange(LOGIN + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "00000002\r\n{}\r\n0\r\n\r\n");
        assertTrue(fine.startsWith("HTTP/1.1 422 "), "leading zeros are a size all the same: " + fine);
    }

    @Test
    void methodsAreCaseSensitiveSoALowerCaseOneIsNoRoutesMethod() throws IOException {
        // as FastAPI answers: 405 with Allow on a known path, 404 on another, before authentication
        String known = exchange("get /contacts/ HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /contacts/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(known.startsWith("HTTP/1.1 405 "), known);
        assertTrue(known.contains("\r\nAllow: GET, POST\r\n"), known);
        assertTrue(known.contains("{\"detail\":\"Method Not Allowed\"}HTTP/1.1 401 "),
                "the next request on the connection is its own GET: " + known);
        String unknown = exchange("get /nope/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(unknown.startsWith("HTTP/1.1 404 ") && unknown.endsWith("{\"detail\":\"Not Found\"}"), unknown);
        String posing = exchange("GET /contacts/ HTTP/1.1\r\nHost: x\r\nX-Contacts-Method-As-Sent: get\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(posing.startsWith("HTTP/1.1 401 "), "a client's own header changes nothing: " + posing);

        TestApi api = new TestApi(uri);
        String token = api.newUser();
        long id = api.createContact(token, "Kept", "");
        String delete = exchange("delete /contacts/" + id + "/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(delete.startsWith("HTTP/1.1 405 "), delete);
        assertTrue(delete.contains("\r\nAllow: DELETE, GET, PATCH, PUT\r\n"), delete);
        assertEquals(200, api.get("/contacts/" + id + "/", token).status(), "\"delete\" deleted nothing");
    }

    @Test
    void headAnswersCarryNoBodySoTheNextResponseIsReadRight() throws IOException {
        String answer = exchange("HEAD /nope HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        int endOfFirstHead = answer.indexOf("\r\n\r\n") + 4;
        assertTrue(answer.startsWith("HTTP/1.1 404 "), answer);
        assertTrue(answer.startsWith("HTTP/1.1 404 ", endOfFirstHead), "the second response follows the head: " + answer);
        assertTrue(answer.endsWith("{\"detail\":\"Not Found\"}"), answer);
    }

    @Test
    void connectionCloseClosesAfterTheAnswer() throws IOException {
        String answer = exchange("GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(answer.endsWith("{\"detail\":\"Not Found\"}"), "answered, then closed: " + answer);
    }

    @Test
    void http10RequestsAreAnsweredThenTheConnectionCloses() throws IOException {
        // A proxy's HTTP/1.0 (nginx's default upstream protocol), with and without Host, and asking keep-alive.
        String body = "{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}";
        String login = exchange("POST /token/ HTTP/1.0\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body + SMUGGLED);
        assertTrue(login.startsWith("HTTP/1.1 401 "), login);
        assertTrue(login.endsWith("}"), "answered, then closed: " + login);
        assertEquals(1, login.split("HTTP/1.1 ", -1).length - 1, "nothing read after the first request: " + login);

        String noHost = exchange("GET /nope HTTP/1.0\r\n\r\n");
        assertTrue(noHost.startsWith("HTTP/1.1 404 ") && noHost.endsWith("{\"detail\":\"Not Found\"}"), noHost);

        String keepAlive = exchange("GET /nope HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        assertTrue(keepAlive.endsWith("{\"detail\":\"Not Found\"}"), "closed all the same: " + keepAlive);
    }

    @Test
    void anHttp10ClientNeverGetsAChunkedAnswerEvenForAStreamedExportNorA100Continue() throws IOException {
        TestApi api = new TestApi(uri);
        String token = api.newUser();
        api.createContact(token, "Zoë", "Łukasz");
        for (String path : new String[] {"/contacts/export/?format=vcard", "/contacts/export/?format=csv"}) {
            String asHttp11 = api.get(path, token).body();
            String answer = exchange("GET " + path + " HTTP/1.0\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            int end = answer.indexOf("\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200 ") && end > 0, answer);
            String head = answer.substring(0, end).toLowerCase(java.util.Locale.ROOT);
            // RFC 9112 6.1: no Transfer-Encoding in an answer to an HTTP/1.0 request; the close ends the body
            assertFalse(head.contains("transfer-encoding"), head);
            assertTrue(head.contains("connection: close"), head);
            assertEquals(asHttp11, new String(answer.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8), path + ": the file as an HTTP/1.1 client gets it");
        }
        // RFC 9110 15.2: no 1xx to an HTTP/1.0 client, even one that sent Expect: 100-continue
        String body = "{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}";
        String expecting = exchange("POST /token/ HTTP/1.0\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        assertTrue(expecting.startsWith("HTTP/1.1 401 ") && expecting.endsWith("{\"detail\":\"Invalid credentials\"}"),
                expecting);
        String sized = exchange("GET /nope HTTP/1.0\r\n\r\n");
        assertTrue(sized.contains("Content-Length: 22\r\n") && sized.endsWith("{\"detail\":\"Not Found\"}"), sized);
    }

    @Test
    void chunkExtensionsAreAcceptedAndBadChunkSizesAreNot() throws IOException {
        String body = "{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}";
        String first = body.substring(0, 20);
        String rest = body.substring(20);
        String login = exchange(LOGIN + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(first.length()) + ";a=b\r\n" + first + "\r\n"
                + Integer.toHexString(rest.length()) + " ; name=\"quoted ; value\";flag\r\n" + rest + "\r\n"
                + "0;last=1\r\n\r\n");
        assertTrue(login.startsWith("HTTP/1.1 401 ") && login.endsWith("{\"detail\":\"Invalid credentials\"}"),
                "the body was read whole: " + login);

        assertOneBadRequestThenClosed(LOGIN + "Transfer-Encoding: chunked\r\n\r\n2;\r\n{}\r\n0\r\n\r\n" + SMUGGLED);
        assertOneBadRequestThenClosed(LOGIN + "Transfer-Encoding: chunked\r\n\r\n2;a=\"b\r\n{}\r\n0\r\n\r\n" + SMUGGLED);
        assertOneBadRequestThenClosed(LOGIN + "Transfer-Encoding: chunked\r\n\r\n-2;a=b\r\n{}\r\n0\r\n\r\n" + SMUGGLED);
    }
}
