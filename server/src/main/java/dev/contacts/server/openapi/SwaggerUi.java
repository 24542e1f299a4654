package dev.contacts.server.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

/**
 * Swagger UI at {@code /docs}, as FastAPI offers it: the swagger-ui webjar's files served from the jar (so it
 * works offline), with this project's {@code docs/swagger-initializer.js} in front of the webjar's own, which
 * would show the Petstore.
 */
public final class SwaggerUi {

    public static final String CONTEXT = "/docs";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private SwaggerUi() {
    }

    public static void register(HttpRouting.Builder routing) {
        // The page loads its files relative to itself ("./swagger-ui.css"), so it must be read at "/docs/".
        routing.get(CONTEXT, (req, res) -> res.status(Status.MOVED_PERMANENTLY_301)
                        .header(HeaderNames.LOCATION, CONTEXT + "/")
                        .send())
                .register(CONTEXT, StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("docs")
                        .build()))
                .register(CONTEXT, StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("META-INF/resources/webjars/swagger-ui/" + webjarVersion())
                        .welcome("index.html")
                        .build()));
    }

    /** The webjar's files sit under its version; read it from the jar rather than repeat the pom's. */
    private static String webjarVersion() {
        try (InputStream in = SwaggerUi.class.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the class path");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
