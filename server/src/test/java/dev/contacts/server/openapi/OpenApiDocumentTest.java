package dev.contacts.server.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** What client generators need from the served document: names for operations, public ones, every status. */
@ServerTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Written without the trailing slash: both spellings are declared. */
    private static final Set<String> PUBLIC = Set.of("post /register", "post /token", "post /token/refresh",
            "get /observe/health", "get /openapi", "get /openapi.json");

    private final JsonNode document;

    OpenApiDocumentTest(java.net.URI uri) {
        this.document = new TestApi(uri).get("/openapi.json", null).json();
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @Test
    void everyOperationHasItsOwnOperationId() {
        Set<String> seen = new HashSet<>();
        forEachOperation((name, operation) -> {
            String id = operation.path("operationId").asText();
            assertTrue(id.matches("[a-z][A-Za-z]+"), name + ": " + id);
            assertTrue(seen.add(id), "operationId used twice: " + id);
        });
        assertTrue(seen.containsAll(Set.of("login", "register", "createContact", "listContacts")), seen.toString());
    }

    @Test
    void publicOperationsSayThatTheyNeedNoToken() {
        forEachOperation((name, operation) -> {
            JsonNode security = operation.path("security");
            if (PUBLIC.contains(name.endsWith("/") ? name.substring(0, name.length() - 1) : name)) {
                assertTrue(security.isArray() && security.isEmpty(), name + ": " + security);
            } else {
                assertEquals("OAuth2PasswordBearer", security.path(0).fieldNames().next(), name);
                assertTrue(operation.path("responses").has("401"), name);
            }
        });
    }

    @Test
    void everyOperationWithABodyDeclaresTheBodyErrors() {
        forEachOperation((name, operation) -> {
            if (operation.has("requestBody")) {
                for (String status : new String[] {"413", "415", "422"}) {
                    assertTrue(operation.path("responses").has(status), name + " " + status);
                }
            }
        });
    }

    @Test
    void everyPathIsDeclaredWithAndWithoutItsTrailingSlashAsTheServerAnswersBoth() {
        int twins = 0;
        for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            if (path.endsWith("/")) {
                String twin = path.substring(0, path.length() - 1);
                JsonNode slashed = document.path("paths").path(path);
                JsonNode slashless = document.path("paths").path(twin);
                assertTrue(slashless.isObject(), twin);
                slashed.fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        assertEquals(slashed.at("/" + method + "/operationId").asText() + "WithoutSlash",
                                slashless.at("/" + method + "/operationId").asText(), twin);
                        assertEquals(slashed.at("/" + method + "/responses"), slashless.at("/" + method + "/responses"));
                    }
                });
                twins++;
            }
        }
        assertTrue(twins >= 20, "twins: " + twins);
    }

    @Test
    void everyOperationThatRunsOnTheDatabasePoolMayAnswerBusyWithRetryAfter() {
        forEachOperation((name, operation) -> {
            if (!name.contains("/openapi") && !name.contains("/observe/")) {
                assertEquals("#/components/responses/ServiceUnavailable",
                        operation.at("/responses/503/$ref").asText(), name);
            }
        });
        assertTrue(document.at("/components/headers/Retry-After/required").asBoolean());
        assertEquals("#/components/headers/Retry-After",
                document.at("/components/responses/TooManyRequests/headers/Retry-After/$ref").asText());
        assertTrue(document.at("/components/responses/Unauthorized/headers/WWW-Authenticate/required").asBoolean());
    }

    @Test
    void responseSchemasListTheFieldsEveryAnswerCarries() {
        assertEquals("[\"access_token\",\"token_type\",\"expires_in\",\"refresh_token\"]",
                document.at("/components/schemas/Token/required").toString());
        JsonNode contact = document.at("/components/schemas/Contact/allOf/1/required");
        for (String field : new String[] {"id", "email", "emails", "has_photo", "created_at", "updated_at"}) {
            assertTrue(contact.toString().contains("\"" + field + "\""), field);
        }
        assertEquals("[\"detail\"]", document.at("/components/schemas/ErrorDetail/required").toString());
    }

    @Test
    void idsAreInt64AndTheLoginFormIsOneSchemaPerMediaType() {
        assertEquals("int64", document.at("/components/parameters/contact_id/schema/format").asText());
        assertEquals("int64", document.at("/components/schemas/RegisteredUser/properties/user_id/format").asText());
        JsonNode content = document.at("/paths/~1token~1/post/requestBody/content");
        assertEquals("#/components/schemas/Credentials", content.at("/application~1json/schema/$ref").asText());
        for (String form : new String[] {"application/x-www-form-urlencoded", "multipart/form-data"}) {
            assertEquals("#/components/schemas/LoginForm", content.path(form).at("/schema/$ref").asText(), form);
        }
    }

    @Test
    void validationErrorsSayEachEntrysFieldsAndLocAsFastApiDoes() {
        JsonNode entry = document.at("/components/schemas/FieldError");
        assertEquals("[\"loc\",\"msg\",\"type\"]", entry.path("required").toString());
        assertEquals("[{\"type\":\"string\"},{\"type\":\"integer\"}]",
                entry.at("/properties/loc/items/anyOf").toString());
    }

    private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> check) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    check.accept(operation.getKey() + " " + path.getKey(), operation.getValue());
                }
            });
        }
    }
}
