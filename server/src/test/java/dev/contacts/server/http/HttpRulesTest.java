package dev.contacts.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** The contract's general rules: JSON everywhere, trailing slashes, 404/405/413/415, operational endpoints. */
@ServerTest
class HttpRulesTest {

    private final URI uri;
    private final TestApi api;

    HttpRulesTest(URI uri) {
        this.uri = uri;
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @Test
    void unknownPathIs404Json() {
        for (String path : new String[] {"/", "/nothing", "/contacts/1/extra", "/register/x", "/docs/missing.js"}) {
            Response r = api.get(path, null);
            assertEquals(404, r.status(), path);
            assertEquals("{\"detail\":\"Not Found\"}", r.body());
            assertEquals("application/json", r.header("Content-Type"));
        }
    }

    @Test
    void knownPathWithAnotherMethodIs405WithAllow() {
        Response r = api.send("DELETE", "/register/", null, null, null);
        assertEquals(405, r.status());
        assertEquals("{\"detail\":\"Method Not Allowed\"}", r.body());
        assertEquals("POST", r.header("Allow"));
        Response contacts = api.send("PUT", "/contacts", null, null, null);
        assertEquals(405, contacts.status());
        assertEquals("GET, POST", contacts.header("Allow"));
        assertEquals(405, api.get("/token", null).status());
    }

    @Test
    void operationalPathsWithAnotherMethodAre405LikeTheApisOwn() {
        String[][] refused = {{"POST", "/openapi"}, {"DELETE", "/openapi/"}, {"PUT", "/openapi.json"},
                {"POST", "/observe/health"}, {"DELETE", "/observe/health/"}, {"POST", "/docs"}};
        for (String[] request : refused) {
            Response r = api.send(request[0], request[1], null, null, null);
            assertEquals(405, r.status(), request[0] + " " + request[1]);
            assertEquals("{\"detail\":\"Method Not Allowed\"}", r.body(), request[0] + " " + request[1]);
            assertTrue(r.header("Allow").contains("GET"), r.toString());
        }
    }

    @Test
    void everyPathWorksWithAndWithoutTheTrailingSlash() {
        String token = api.newUser();
        long id = api.createContact(token, "Slash", "Test");
        for (String path : new String[] {"/contacts", "/contacts/" + id, "/contacts/search?query=s",
                "/contacts/birthdays", "/openapi"}) {
            String slashed = path.contains("?") ? path.replace("?", "/?") : path + "/";
            Response without = api.get(path, token);
            Response with = api.get(slashed, token);
            assertEquals(200, without.status(), path);
            assertEquals(200, with.status(), slashed);
            assertEquals(without.body(), with.body(), path);
        }
        assertEquals(201, api.post("/contacts", token, TestApi.json("first_name", "a", "last_name", "b")).status());
        assertEquals(204, api.delete("/contacts/" + id, token).status());
    }

    @Test
    void aBodyOver64KiBIs413AndStoresNothing() throws Exception {
        String token = api.newUser();
        String justUnder = TestApi.json("first_name", "a", "last_name", "b", "additional_data", "x".repeat(400),
                "padding", "p".repeat(64 * 1024 - 600));
        assertTrue(justUnder.getBytes(StandardCharsets.UTF_8).length <= 64 * 1024);
        assertEquals(201, api.post("/contacts/", token, justUnder).status(), "64 KiB is still accepted");

        String over = TestApi.json("first_name", "a", "last_name", "b", "padding", "p".repeat(64 * 1024));
        Response r = api.post("/contacts/", token, over);
        assertEquals(413, r.status());
        assertFalse(r.detail().isBlank());

        // the same without a Content-Length (chunked): refused while reading
        HttpRequest.Builder chunked = HttpRequest.newBuilder(uri.resolve("/contacts/"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(over.getBytes(StandardCharsets.UTF_8))));
        Response chunkedResponse = api.send(chunked);
        assertEquals(413, chunkedResponse.status());
        assertTrue(chunkedResponse.body().contains("\"detail\""));
        assertEquals("1", api.get("/contacts/", token).header("X-Total-Count"), "only the first one was stored");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        String token = api.newUser();
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
            Response r = api.send("POST", "/contacts/", token, type, "first_name=a&last_name=b");
            assertEquals(415, r.status(), type);
            assertFalse(r.detail().isBlank());
        }
        assertEquals(415, api.send("POST", "/register/", null, "text/plain", "x").status());
        assertEquals(201, api.send("POST", "/contacts/", token, "application/json; charset=utf-8",
                TestApi.json("first_name", "a", "last_name", "b")).status());
        assertEquals(201, api.send("POST", "/contacts/", token, null,
                TestApi.json("first_name", "a", "last_name", "b")).status(), "no Content-Type is read as JSON");
    }

    @Test
    void aMalformedContentTypeIs400NotA500() {
        String token = api.newUser();
        for (String type : new String[] {"application/json; charset=\"", "multipart/form-data; boundary=\"", "/"}) {
            Response r = api.send("POST", "/contacts/", token, type, TestApi.json("first_name", "a"));
            assertEquals(400, r.status(), type + ": " + r);
            assertTrue(r.header("Content-Type").startsWith("application/json"), r.toString());
        }
        assertEquals("0", api.get("/contacts/", token).header("X-Total-Count"), "nothing was stored");
    }

    @Test
    void aMissingBodyIs422() {
        String token = api.newUser();
        Response r = api.send("POST", "/contacts/", token, "application/json", null);
        assertEquals(422, r.status());
        assertEquals("[\"body\"]", r.json().get("detail").get(0).get("loc").toString());
        assertEquals(422, api.send("POST", "/register/", null, "application/json", null).status());
    }

    @Test
    void everyResponseIsJsonWithNosniff() {
        for (Response r : new Response[] {api.get("/nothing", null), api.get("/contacts", null),
                api.post("/token/", null, "{}"), api.get("/observe/health", null), api.get("/openapi", null)}) {
            assertEquals("nosniff", r.header("X-Content-Type-Options"), r.toString());
            assertTrue(r.header("Content-Type").startsWith("application/json"), r.toString());
        }
    }

    @Test
    void tokenAndAccountAnswersAreNeverCachedErrorsIncluded() {
        String email = "cache-" + System.nanoTime() + "@example.com";
        Response[] personal = {
                api.register(email, TestApi.PASSWORD), api.register(email, TestApi.PASSWORD),
                api.login(email, TestApi.PASSWORD), api.login(email, "wrong password"), api.refresh("nope"),
                api.get("/users/me/", api.token(email, TestApi.PASSWORD)), api.get("/users/me", null),
                api.send("POST", "/logout/", null, null, null),
        };
        for (Response r : personal) {
            assertEquals("no-store", r.header("Cache-Control"), r.toString());
        }
        assertEquals(null, api.get("/openapi", null).header("Cache-Control"), "public documents may be cached");
    }

    @Test
    void healthAnswersWithoutAToken() {
        Response r = api.get("/observe/health", null);
        assertEquals(200, r.status());
        assertEquals("UP", r.json().get("status").asText());
        assertFalse(r.body().contains("@"), "reveals nothing about users");
    }

    @Test
    void openApiDescribesEveryEndpoint() throws Exception {
        Response r = api.get("/openapi", null);
        assertEquals(200, r.status());
        JsonNode doc = new ObjectMapper().readTree(r.body());
        assertTrue(doc.get("openapi").asText().startsWith("3."));
        JsonNode paths = doc.get("paths");
        String[][] endpoints = {
                {"/register/", "post"}, {"/token/", "post"}, {"/token/refresh/", "post"}, {"/logout/", "post"},
                {"/users/me/", "get"}, {"/users/me/", "delete"}, {"/users/me/password/", "put"},
                {"/contacts/", "get"}, {"/contacts/", "post"},
                {"/contacts/{contact_id}/", "get"}, {"/contacts/{contact_id}/", "put"},
                {"/contacts/{contact_id}/", "patch"}, {"/contacts/{contact_id}/", "delete"},
                {"/contacts/search/", "get"}, {"/contacts/birthdays/", "get"}, {"/observe/health", "get"},
                {"/openapi", "get"},
        };
        for (String[] endpoint : endpoints) {
            assertTrue(paths.has(endpoint[0]) && paths.get(endpoint[0]).has(endpoint[1]),
                    "missing " + endpoint[1] + " " + endpoint[0]);
        }
        for (Iterator<String> it = doc.get("components").get("schemas").fieldNames(); it.hasNext(); ) {
            assertFalse(it.next().isBlank());
        }
    }
}
