package dev.contacts.server.openapi;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.contacts.server.http.Json;
import io.helidon.openapi.OpenApiFormat;
import io.helidon.openapi.OpenApiManager;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The served document: the hand-written {@code META-INF/openapi.yaml}, plus each path once more without its
 * trailing slash, because the server answers both spellings and a validating client or proxy must find both.
 * The twins are added here rather than written out, so the two spellings cannot drift apart; each twin
 * operation gets its own {@code operationId} (ids must be unique) and the tag {@value #TWIN_TAG}, so generated
 * clients keep them out of the main API classes.
 */
public final class OpenApiDocument implements OpenApiManager<Map<String, Object>> {

    public static final String STATIC_FILE = "META-INF/openapi.yaml";
    static final String TWIN_TAG = "without trailing slash";
    private static final String TWIN_SUFFIX = "WithoutSlash";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Override
    public String name() {
        return "contacts";
    }

    @Override
    public String type() {
        return "contacts";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> load(String content) {
        Map<String, Object> document = new Yaml().load(content);
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Map<String, Object> withTwins = new LinkedHashMap<>(paths);
        paths.forEach((path, item) -> {
            if (path.length() > 1 && path.endsWith("/")) {
                withTwins.put(path.substring(0, path.length() - 1), twin((Map<String, Object>) item));
            }
        });
        document.put("paths", withTwins);
        ((List<Object>) document.get("tags")).add(Map.of("name", TWIN_TAG,
                "description", "The same operations at the paths without their trailing slash"));
        return document;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> twin(Map<String, Object> item) {
        Yaml yaml = new Yaml();
        Map<String, Object> copy = yaml.load(yaml.dump(item));
        copy.forEach((key, value) -> {
            if (METHODS.contains(key)) {
                Map<String, Object> operation = (Map<String, Object>) value;
                operation.put("operationId", operation.get("operationId") + TWIN_SUFFIX);
                operation.put("tags", List.of(TWIN_TAG));
            }
        });
        return copy;
    }

    @Override
    public String format(Map<String, Object> document, OpenApiFormat format) {
        if (format == OpenApiFormat.JSON) {
            return new String(Json.bytes(document), StandardCharsets.UTF_8);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        return new Yaml(options).dump(document);
    }
}
