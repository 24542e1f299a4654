package dev.contacts.desktop.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A proxy in front of the test's server that counts the requests by method and path ("GET /contacts/4/photo/"):
 * for tests of how often the app asks the server for something.
 */
public final class RequestCounter implements AutoCloseable {

    /** Headers java.net.http sets itself, or that describe one hop only. */
    private static final Set<String> HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "http2-settings", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final String publishedAt;

    public RequestCounter(URI target) {
        this(target, "");
    }

    /**
     * A proxy that publishes the server below {@code publishedAt} ("/address-book"), as a reverse proxy of a
     * hosting provider may: a request there is forwarded without it, any other is answered 404.
     */
    public RequestCounter(URI target, String publishedAt) {
        this.target = target;
        this.publishedAt = publishedAt;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** Where the app is to call instead of the server. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many requests {@code methodAndPath} ("GET /contacts/4/photo/") has had so far. */
    public int count(String methodAndPath) {
        AtomicInteger count = counts.get(methodAndPath);
        return count == null ? 0 : count.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            counts.computeIfAbsent(exchange.getRequestMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!path.startsWith(publishedAt + "/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            path = path.substring(publishedAt.length());
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(path + (query == null ? "" : "?" + query)))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] answer = response.body();
            boolean empty = answer.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
        client.close();
    }
}
