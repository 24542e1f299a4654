package dev.contacts.server.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Swagger UI at /docs, from the jar and offline, and the document at /openapi.json, as FastAPI users expect. */
@ServerTest
class SwaggerUiTest {

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(?:\\./)?([^\"/:]+)\"");

    private final TestApi api;

    SwaggerUiTest(java.net.URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @Test
    void docsServesSwaggerUiAndEveryAssetItLoadsFromTheJar() {
        Response page = api.get("/docs/", null);
        assertEquals(200, page.status(), page.toString());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.toString());
        assertTrue(page.body().contains("<div id=\"swagger-ui\">"), page.body());
        assertFalse(page.body().contains("http://") || page.body().contains("https://"),
                "the page loads nothing from another host: " + page.body());
        Matcher assets = ASSET.matcher(page.body());
        int count = 0;
        while (assets.find()) {
            Response asset = api.get("/docs/" + assets.group(1), null);
            assertEquals(200, asset.status(), assets.group(1));
            assertFalse(asset.body().isEmpty(), assets.group(1));
            count++;
        }
        assertTrue(count >= 5, "the page's CSS and scripts: " + count);
        assertTrue(api.get("/docs/swagger-ui-bundle.js", null).header("Content-Type").contains("javascript"));
    }

    @Test
    void docsWithoutTheSlashLeadsToThePage() {
        Response r = api.get("/docs", null);
        assertEquals(301, r.status(), r.toString());
        assertEquals("/docs/", r.header("Location"));
    }

    @Test
    void swaggerUiShowsThisServersDocumentNotThePetstore() {
        Response initializer = api.get("/docs/swagger-initializer.js", null);
        assertEquals(200, initializer.status());
        assertTrue(initializer.body().contains("url: \"/openapi.json\""), initializer.body());
        assertFalse(initializer.body().contains("petstore"), initializer.body());
    }

    @Test
    void openapiJsonIsTheYamlDocumentAsJsonWithTheSlashlessTwins() throws Exception {
        Response r = api.get("/openapi.json", null);
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        ObjectMapper mapper = new ObjectMapper();
        JsonNode served = mapper.readTree(r.body());
        try (InputStream in = SwaggerUiTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            JsonNode written = mapper.valueToTree(yaml);
            assertEquals(written.path("components"), served.path("components"));
            written.path("paths").fields().forEachRemaining(path ->
                    assertEquals(path.getValue(), served.path("paths").path(path.getKey()), path.getKey()));
        }
        assertEquals(served, mapper.readTree(api.get("/openapi", null).body()), "no Accept: JSON, as every answer");
    }

    @Test
    void openapiAnswersJsonToAnAcceptThatNamesNeitherJsonNorYamlAsFastApiDoes() {
        for (String path : new String[] {"/openapi", "/openapi/"}) {
            for (String accept : new String[] {"text/plain", "text/html", "application/xml"}) {
                Response r = api.getWithHeader(path, "Accept", accept);
                assertEquals(200, r.status(), path + " Accept: " + accept + " -> " + r);
                assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
                assertEquals(api.get("/openapi.json", null).json(), r.json());
            }
        }
    }

    @Test
    void openapiAnswersYamlWhenAskedAsHelidonDoes() throws Exception {
        Response json = api.getWithHeader("/openapi", "Accept", "*/*");
        assertTrue(json.header("Content-Type").startsWith("application/json"), json.header("Content-Type"));
        for (Response yaml : new Response[] {api.getWithHeader("/openapi", "Accept", "application/vnd.oai.openapi"),
                api.get("/openapi?format=yaml", null)}) {
            assertEquals(200, yaml.status());
            assertTrue(yaml.header("Content-Type").startsWith("application/vnd.oai.openapi"),
                    yaml.header("Content-Type"));
            Map<String, Object> parsed = new Yaml().load(yaml.body());
            assertEquals(json.json(), new ObjectMapper().valueToTree(parsed));
        }
    }

    @Test
    void authorizeLogsInWithThePasswordFormAtTheDeclaredTokenUrl() {
        JsonNode doc = api.get("/openapi.json", null).json();
        JsonNode flow = doc.at("/components/securitySchemes/OAuth2PasswordBearer");
        assertEquals("oauth2", flow.path("type").asText());
        String tokenUrl = flow.at("/flows/password/tokenUrl").asText();
        assertEquals("/token/", tokenUrl);
        assertEquals("OAuth2PasswordBearer",
                doc.at("/paths/~1contacts~1/get/security/0").fieldNames().next());

        String email = "swagger-" + System.nanoTime() + "@example.com";
        assertEquals(201, api.register(email, TestApi.PASSWORD).status());
        // what Swagger UI posts for the password flow
        String form = "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestApi.PASSWORD, StandardCharsets.UTF_8);
        Response login = api.send("POST", tokenUrl, null, "application/x-www-form-urlencoded", form);
        assertEquals(200, login.status(), login.toString());
        String token = login.json().get("access_token").asText();
        assertEquals(200, api.get("/contacts/", token).status());
    }
}
