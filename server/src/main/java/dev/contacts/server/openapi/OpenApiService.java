package dev.contacts.server.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.contacts.server.http.ApiRules;
import dev.contacts.server.http.Json;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code GET /openapi} and {@code GET /openapi.json} (where FastAPI users and Swagger UI look): the OpenAPI
 * document of this API. Written by hand in YAML (easier to read and review), served as JSON like every other
 * answer. Not Helidon's OpenApiFeature: with no {@code Accept} preference it answers YAML, and the contract
 * says every answer is JSON.
 */
public final class OpenApiService implements ApiRules.Service {

    private static final String RESOURCE = "/openapi.yaml";

    private final byte[] document;

    public OpenApiService() {
        try (InputStream in = OpenApiService.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server's resources");
            }
            Map<String, Object> yaml = new Yaml().load(in);
            this.document = Json.bytes(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/openapi", this::document)
                .get("/openapi.json", this::document);
    }

    private void document(ServerRequest req, ServerResponse res) {
        res.header("Content-Type", "application/json");
        res.send(document);
    }
}
