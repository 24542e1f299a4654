package dev.contacts.server.auth;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static dev.contacts.server.support.TestApi.credentials;
import static dev.contacts.server.support.TestApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** {@code POST /register/} and {@code POST /token/} as the contract words them. */
@ServerTest
class AuthApiTest {

    private final TestApi api;

    AuthApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    private static String uniqueEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void registerAnswers201WithNormalisedEmailAndNothingAboutThePassword() {
        String email = uniqueEmail();
        Response r = api.register("  " + email.toUpperCase() + " ", PASSWORD);
        assertEquals(201, r.status(), r.toString());
        assertEquals(email, r.json().get("email").asText());
        assertTrue(r.json().get("user_id").isIntegralNumber());
        assertEquals(2, r.json().size(), "only user_id and email come back: " + r.body());
        assertFalse(r.body().contains(PASSWORD));
        assertEquals("application/json", r.header("Content-Type"));
    }

    @Test
    void registerTwiceIs409ComparedCaseInsensitively() {
        String email = uniqueEmail();
        assertEquals(201, api.register(email, PASSWORD).status());
        Response again = api.register(email.toUpperCase(), "another password");
        assertEquals(409, again.status());
        assertEquals("User with this email already exists", again.detail());
        // the first password still works: the refused request changed nothing
        assertEquals(200, api.login(email, PASSWORD).status());
    }

    @Test
    void registerRejectsInvalidEmailsWith422() {
        for (String bad : new String[] {"", "plainaddress", "a@b", "@example.com", "a@@example.com",
                "a b@example.com", "a@example..com", "x".repeat(250) + "@example.com"}) {
            Response r = api.register(bad, PASSWORD);
            assertEquals(422, r.status(), bad + " -> " + r);
            assertEquals("[\"body\",\"email\"]", r.json().get("detail").get(0).get("loc").toString(), bad);
        }
    }

    @Test
    void emailOf254CharactersIsAcceptedAnd255IsNot() {
        String domain = "@example.com";
        String local64 = "a".repeat(64);
        String longDomain = "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".";
        String ok = local64 + longDomain + "e".repeat(254 - local64.length() - longDomain.length() - 4) + ".com";
        assertEquals(254, ok.length());
        assertEquals(201, api.register(ok, PASSWORD).status());
        String tooLong = local64 + longDomain + "e".repeat(255 - local64.length() - longDomain.length() - 4) + ".com";
        assertEquals(255, tooLong.length());
        assertEquals(422, api.register(tooLong, PASSWORD).status());
        assertEquals(422, api.register("a".repeat(65) + domain, PASSWORD).status(), "local part over 64");
    }

    @Test
    void passwordLengthIs8To256CodePointsAndIsUsedExactlyAsGiven() {
        assertEquals(422, api.register(uniqueEmail(), "1234567").status());
        assertEquals(201, api.register(uniqueEmail(), "h7Tq-2xP").status());
        assertEquals(201, api.register(uniqueEmail(), "p".repeat(256)).status());
        assertEquals(422, api.register(uniqueEmail(), "p".repeat(257)).status());
        // 8 emoji are 16 UTF-16 units but 8 characters
        assertEquals(201, api.register(uniqueEmail(), "😀".repeat(8)).status());
        assertEquals(422, api.register(uniqueEmail(), "😀".repeat(7)).status());

        String email = uniqueEmail();
        String spaced = "  pass word  ";
        assertEquals(201, api.register(email, spaced).status());
        assertEquals(200, api.login(email, spaced).status());
        assertEquals(401, api.login(email, spaced.strip()).status(), "the password is never trimmed");
    }

    @Test
    void registerReportsEveryProblemInFastApiShape() {
        Response r = api.post("/register/", null, json("email", 5));
        assertEquals(422, r.status());
        JsonNode detail = r.json().get("detail");
        assertEquals(2, detail.size(), r.body());
        for (JsonNode error : detail) {
            assertNotNull(error.get("msg").asText());
            assertNotNull(error.get("type").asText());
            assertEquals("body", error.get("loc").get(0).asText());
        }
    }

    @Test
    void tokenReturnsABearerJwtWithItsLifetime() {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        Response r = api.login(email.toUpperCase(), PASSWORD);
        assertEquals(200, r.status(), r.toString());
        assertEquals("bearer", r.json().get("token_type").asText());
        assertEquals(1800, r.json().get("expires_in").asLong());
        assertEquals(3, r.json().get("access_token").asText().split("\\.").length);
        assertEquals("no-store", r.header("Cache-Control"));
    }

    @Test
    void tokenAcceptsTheOAuth2PasswordForm() {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        String form = "grant_type=password&username=" + email.replace("@", "%40") + "&password="
                + PASSWORD.replace(" ", "+");
        Response r = api.send("POST", "/token/", null, "application/x-www-form-urlencoded", form);
        assertEquals(200, r.status(), r.toString());
        assertEquals("bearer", r.json().get("token_type").asText());

        Response wrongGrant = api.send("POST", "/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&username=a&password=b");
        assertEquals(422, wrongGrant.status());
    }

    @Test
    void tokenAcceptsTheLoginFormAsMultipartFormData() {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        // what a browser's FormData sends
        Response r = multipart("username", email, "password", PASSWORD, "grant_type", "password");
        assertEquals(200, r.status(), r.toString());
        assertEquals("bearer", r.json().get("token_type").asText());
        assertEquals(200, api.get("/users/me/", r.json().get("access_token").asText()).status());

        Response withoutGrantType = multipart("username", email, "password", PASSWORD);
        assertEquals(200, withoutGrantType.status(), withoutGrantType.toString());
        Response wrongPassword = multipart("username", email, "password", "not the password");
        assertEquals(401, wrongPassword.status());
        assertEquals("{\"detail\":\"Invalid credentials\"}", wrongPassword.body());
    }

    @Test
    void aMultipartLoginWithoutItsFieldsIs422() {
        Response r = multipart("username", uniqueEmail());
        assertEquals(422, r.status(), r.toString());
        assertEquals("[\"body\",\"password\"]", r.json().get("detail").get(0).get("loc").toString());
        Response wrongGrant = multipart("username", "a@example.com", "password", "b", "grant_type", "other");
        assertEquals(422, wrongGrant.status(), wrongGrant.toString());
    }

    @Test
    void aMalformedMultipartBodyIs422NotA500() {
        String[][] typesAndBodies = {
                {"multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\na\r\n--x--"},
                {"multipart/form-data; boundary=x", "no boundary anywhere in here"},
                {"multipart/form-data; boundary=x", "--x\r\nContent-Type: text/plain\r\n\r\nno name\r\n--x--\r\n"},
                {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"username\"\r\n"},
                {"multipart/form-data; boundary=x", "--x\r\n\u0001\u0002: \r\n\r\n--x"},
        };
        for (String[] typeAndBody : typesAndBodies) {
            Response r = api.send("POST", "/token/", null, typeAndBody[0], typeAndBody[1]);
            assertEquals(422, r.status(), typeAndBody[0] + " " + typeAndBody[1] + ": " + r);
            assertTrue(r.header("Content-Type").startsWith("application/json"), r.toString());
        }
        Response empty = api.send("POST", "/token/", null, "multipart/form-data; boundary=x", "");
        assertEquals(422, empty.status(), empty.toString());
        Response unterminatedBoundary = api.send("POST", "/token/", null, "multipart/form-data; boundary=\"",
                "--\"\r\n\r\n");
        assertEquals(400, unterminatedBoundary.status(), "a malformed Content-Type: " + unterminatedBoundary);
    }

    @Test
    void aMultipartBodyOverTheLimitIs413() {
        Response r = multipart("username", "a@example.com", "password", "p".repeat(70 * 1024));
        assertEquals(413, r.status(), r.toString());
    }

    /** A multipart/form-data POST to /token/ of the given field names and values. */
    private Response multipart(String... namesAndValues) {
        String boundary = "----form" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(namesAndValues[i]).append("\"\r\n\r\n")
                    .append(namesAndValues[i + 1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return api.send("POST", "/token/", null, "multipart/form-data; boundary=" + boundary, body.toString());
    }

    @Test
    void wrongPasswordAndUnknownEmailAreAnsweredIdentically() {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        Response wrong = api.login(email, "wrong password");
        Response unknown = api.login(uniqueEmail(), PASSWORD);
        for (Response r : new Response[] {wrong, unknown}) {
            assertEquals(401, r.status());
            assertEquals("{\"detail\":\"Invalid credentials\"}", r.body());
            assertEquals("Bearer", r.header("WWW-Authenticate"));
        }
    }

    @Test
    void tokenNeedsEmailAndPassword() {
        Response r = api.post("/token/", null, "{}");
        assertEquals(422, r.status());
        assertEquals(2, r.json().get("detail").size());
        assertEquals(422, api.post("/token/", null, credentials("a@example.com", null)).status());
    }
}
