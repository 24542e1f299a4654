package dev.contacts.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.contacts.server.openapi.OpenApiDocument;
import io.helidon.openapi.OpenApiFormat;

/**
 * Checks each exchange of the test suite against the OpenAPI document the server serves (Atlassian's
 * swagger-request-validator), so the document cannot claim what the server does not do:
 * <ul>
 *   <li>every response must be one the document declares for its operation: status, headers it marks
 *       required, content type and body schema;</li>
 *   <li>a request the server accepted (below 400) must be one the document accepts: its path, method,
 *       parameters, security and body. A request the server refused is a test of bad input, which the
 *       document rejects as well, so only its response is checked.</li>
 * </ul>
 * Swagger UI's files at {@code /docs} are not operations of the API and are not checked.
 */
public final class DocumentedTraffic {

    private static final String SWAGGER_UI = "/docs";
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(servedDocument())
                    // The document does not forbid fields it does not name (additionalProperties is open), and the
                    // validator's check of it misfires on allOf (see its README): the schemas' own rules still apply.
                    .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
                    .build();

    private DocumentedTraffic() {
    }

    /** The document as the server serves it (the static file through the same manager). */
    public static String servedDocument() {
        ClassLoader loader = DocumentedTraffic.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(OpenApiDocument.STATIC_FILE)) {
            OpenApiDocument manager = new OpenApiDocument();
            return manager.format(manager.load(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
                    OpenApiFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws an {@link AssertionError} naming every way the exchange departs from the document. */
    public static void check(HttpRequest request, byte[] requestBody, int status, HttpHeaders headers, byte[] body) {
        URI uri = request.uri();
        if (uri.getRawPath().equals(SWAGGER_UI) || uri.getRawPath().startsWith(SWAGGER_UI + "/")) {
            return;
        }
        SimpleRequest.Builder req = new SimpleRequest.Builder(request.method(), uri.getRawPath());
        request.headers().map().forEach(req::withHeader);
        if (requestBody.length > 0) {
            req.withBody(requestBody);
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                try {
                    req.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)),
                            eq < 0 ? "" : decode(pair.substring(eq + 1)));
                } catch (IllegalArgumentException badEncoding) {
                    // a test of bad percent-encoding: the server refuses it, and such a request is not checked
                }
            }
        }
        SimpleResponse.Builder res = new SimpleResponse.Builder(status);
        headers.map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                res.withHeader(name, values);
            }
        });
        if (body.length > 0) {
            res.withBody(body);
        }
        ValidationReport report = VALIDATOR.validate(req.build(), res.build());
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> status < 400 || !m.getKey().startsWith("validation.request."))
                // the server, as FastAPI, answers its one type whatever the Accept header names
                .filter(m -> !m.getKey().equals("validation.request.accept.notAllowed"))
                // an export of nothing is an empty file, not a missing body
                .filter(m -> !m.getKey().equals("validation.response.body.missing") || isJson(headers))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("The OpenAPI document does not allow " + request.method() + " "
                    + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " → " + status
                    + " " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8) + ":\n"
                    + errors.stream().map(m -> "  " + m.getKey() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n")));
        }
    }

    private static boolean isJson(HttpHeaders headers) {
        return headers.firstValue("Content-Type").orElse("").startsWith("application/json");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
