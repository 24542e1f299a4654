package dev.contacts.server.openapi;

import java.util.function.Function;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.openapi.OpenApiService;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerResponse;

/**
 * The OpenAPI document, served by Helidon's {@link OpenApiFeature} from {@link OpenApiDocument#STATIC_FILE} at
 * {@code /openapi}: YAML when the client asks for it ({@code Accept: application/vnd.oai.openapi},
 * {@code ?format=yaml}), otherwise JSON (also to an Accept that names neither), because the contract says every answer is JSON (Helidon alone would
 * answer YAML to a client that states no preference). Also at {@code /openapi.json}, where FastAPI users and
 * Swagger UI look.
 */
public final class OpenApi {

    public static final String PATH = "/openapi";
    public static final String JSON_PATH = "/openapi.json";

    private OpenApi() {
    }

    public static OpenApiFeature feature() {
        return OpenApiFeature.builder()
                .staticFile(OpenApiDocument.STATIC_FILE)
                .webContext(PATH)
                .manager(new OpenApiDocument())
                .addService(new JsonUnlessYamlIsAsked())
                .build();
    }

    /** Takes {@code /openapi} from Helidon's handler unless the client prefers YAML, and adds the .json path. */
    private static final class JsonUnlessYamlIsAsked implements OpenApiService {

        // JSON first: it wins a tie (no Accept, */*), YAML only when ranked above it
        private static final MediaType[] JSON_FIRST = {MediaTypes.APPLICATION_JSON,
                MediaTypes.APPLICATION_OPENAPI_JSON, MediaTypes.APPLICATION_OPENAPI_YAML,
                MediaTypes.APPLICATION_X_YAML, MediaTypes.APPLICATION_YAML, MediaTypes.TEXT_X_YAML,
                MediaTypes.TEXT_YAML};

        @Override
        public String name() {
            return "json-unless-yaml-is-asked";
        }

        @Override
        public String type() {
            return "contacts";
        }

        /**
         * JSON unless YAML ranks above it; also when the Accept header names neither (text/plain, text/html):
         * FastAPI answers its document whatever the Accept, where Helidon's handler would pass it on to a 404.
         */
        @Override
        public boolean supports(ServerRequestHeaders headers) {
            return headers.bestAccepted(JSON_FIRST)
                    .map(type -> type.subtype().endsWith("json"))
                    .orElse(true);
        }

        @Override
        public void setup(HttpRules routing, String docPath, Function<MediaType, String> content) {
            routing.get(docPath, (req, res) -> {
                        if (supports(req.headers())) {
                            json(res, content);
                        } else {
                            res.next();
                        }
                    })
                    // every path of the API also answers with a trailing slash; Helidon's handler takes only docPath
                    .get(docPath + "/", (req, res) -> {
                        boolean yaml = req.query().first("format").map(format -> !format.equalsIgnoreCase("json"))
                                .orElse(!supports(req.headers()));
                        if (!yaml) {
                            json(res, content);
                        } else {
                            res.headers().contentType(MediaTypes.APPLICATION_OPENAPI_YAML);
                            res.send(content.apply(MediaTypes.APPLICATION_OPENAPI_YAML));
                        }
                    })
                    .get(JSON_PATH, (req, res) -> json(res, content));
        }

        private static void json(ServerResponse res, Function<MediaType, String> content) {
            res.header(HeaderValues.CONTENT_TYPE_JSON).send(content.apply(MediaTypes.APPLICATION_JSON));
        }
    }
}
