package dev.contacts.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for the API as any third-party client would use it, with a few shortcuts. The one way
 * the server tests speak HTTP (only the tests of malformed framing write raw bytes to a socket): every
 * exchange is checked against the served OpenAPI document ({@link DocumentedTraffic}).
 */
public final class TestApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String PASSWORD = "correct horse battery";
    /** RFC 6750's answer to a bearer token that was given but is no good (not to a missing one: plain "Bearer"). */
    public static final String INVALID_TOKEN_CHALLENGE =
            "Bearer error=\"invalid_token\", error_description=\"The access token is invalid, expired or revoked\"";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final boolean checkedAgainstDocument;

    public TestApi(URI base) {
        this(base, true);
    }

    private TestApi(URI base, boolean checkedAgainstDocument) {
        this.base = base;
        this.checkedAgainstDocument = checkedAgainstDocument;
    }

    /**
     * The one opt-out of the document check, for tests that break the server on purpose (its database closed
     * under it) to see how an internal fault is answered: such a 500 is declared by no operation, rightly.
     */
    public TestApi forAServerBrokenOnPurpose() {
        return new TestApi(base, false);
    }

    /**
     * A client for the benchmarks (bench/): they time the server, not the document check, and run with the
     * server's runtime libraries only (the validator is a test dependency).
     */
    public static TestApi forBenchmark(URI base) {
        return new TestApi(base, false);
    }

    /** A response with its body read as text and, on demand, as JSON. */
    public record Response(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The {@code id}s of a JSON array of contacts, in order. */
        public List<Long> ids() {
            List<Long> ids = new ArrayList<>();
            json().forEach(c -> ids.add(c.get("id").asLong()));
            return ids;
        }

        /** The numbers of the JSON array under {@code field} of an object body, in order. */
        public List<Long> ids(String field) {
            List<Long> ids = new ArrayList<>();
            json().get(field).forEach(id -> ids.add(id.asLong()));
            return ids;
        }

        /** The {@code detail} of an error body. */
        public String detail() {
            return json().path("detail").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    /**
     * A GET's status, its answer's body read and dropped: for the benchmarks, whose clients share the machine (and
     * the JVM) with the server they time; turning a page of 1,000 contacts with accented names into a String cost them
     * about 20 ms of CPU (docs/benchmarks.md, "Where a birthday page's CPU goes"). Checked against the document as
     * {@link #get} is when this client checks.
     */
    public int getStatus(String path, String token) {
        if (checkedAgainstDocument) {
            return get(path, token).status();
        }
        HttpRequest built = request("GET", path, token, null, null).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json);
    }

    public Response put(String path, String token, String json) {
        return send("PUT", path, token, "application/json", json);
    }

    public Response patch(String path, String token, String json) {
        return send("PATCH", path, token, "application/json", json);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    /** A JSON request with one extra header. */
    public Response sendWithHeader(String method, String path, String name, String value, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header(name, value)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A GET with one extra header, e.g. a cookie. */
    public Response getWithHeader(String path, String name, String value) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header(name, value).GET());
    }

    /** Any request; {@code token} may be null (no Authorization header), as may the content type and body. */
    public Response send(String method, String path, String token, String contentType, String body) {
        return send(request(method, path, token, contentType, body));
    }

    /** A JSON request ({@code json} and {@code token} may be null), answered later: for requests in flight together. */
    public CompletableFuture<Response> sendAsync(String method, String path, String token, String json) {
        return sendAsync(request(method, path, token, json == null ? null : "application/json", json));
    }

    private HttpRequest.Builder request(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    /** The absolute address of {@code path} on the server under test. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /** Any request, built by the caller (extra headers, another body type). */
    public Response send(HttpRequest.Builder request) {
        return text(sendForBytes(request));
    }

    /** Any request; the answer's body as bytes (an image, a file). */
    public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return checked(built, http.send(built, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any request, answered later: for requests that must be in flight together. */
    public CompletableFuture<Response> sendAsync(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        return http.sendAsync(built, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> text(checked(built, response)));
    }

    private static Response text(HttpResponse<byte[]> response) {
        return new Response(response.statusCode(), response.headers(),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> checked(HttpRequest request, HttpResponse<byte[]> response) {
        if (!checkedAgainstDocument) {
            return response;
        }
        DocumentedTraffic.check(request, bodyOf(request), response.statusCode(), response.headers(),
                response.body());
        return response;
    }

    /** The bytes a request sends (its publisher can be read again: the client has already sent them). */
    private static byte[] bodyOf(HttpRequest request) {
        if (request.bodyPublisher().isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        return done.join();
    }

    public Response register(String email, String password) {
        return post("/register/", null, credentials(email, password));
    }

    public Response login(String email, String password) {
        return post("/token/", null, credentials(email, password));
    }

    /** A new user with a unique email; its access token. */
    public String newUser() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        Response registered = register(email, PASSWORD);
        if (registered.status() != 201) {
            throw new AssertionError("register failed: " + registered);
        }
        return token(email, PASSWORD);
    }

    /** Logs in; the whole answer (access and refresh token). */
    public JsonNode loginJson(String email, String password) {
        Response login = login(email, password);
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login);
        }
        return login.json();
    }

    public Response refresh(String refreshToken) {
        return post("/token/refresh/", null, json("refresh_token", refreshToken));
    }

    public String token(String email, String password) {
        Response login = login(email, password);
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login);
        }
        return login.json().get("access_token").asText();
    }

    /** Creates a contact from the given JSON; its id. */
    public long createContact(String token, String json) {
        Response created = post("/contacts/", token, json);
        if (created.status() != 201) {
            throw new AssertionError("create failed: " + created);
        }
        return created.json().get("id").asLong();
    }

    public long createContact(String token, String firstName, String lastName) {
        return createContact(token, json("first_name", firstName, "last_name", lastName));
    }

    public static String credentials(String email, String password) {
        return json("email", email, "password", password);
    }

    /** A JSON object from name/value pairs (values: strings, numbers, booleans or null). */
    public static String json(Object... namesAndValues) {
        var node = MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], MAPPER.valueToTree(namesAndValues[i + 1]));
        }
        return node.toString();
    }
}
