package dev.contacts.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.contacts.server.db.Database;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.common.Weighted;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Registers the API's routes and remembers them, so that a request no route took is answered as FastAPI
 * does: 405 with {@code Allow} when the path exists under another method, else 404. Every path is registered
 * with and without its trailing slash: no redirects. Every route's handler runs as {@link Database#call database
 * work} (a GET's as a {@link Database#read read}), off the threads that accept and parse requests, except the
 * {@link #hashing} and {@link #ownCalls} ones, which call it themselves. A request's body (but a GET's) is {@link RequestBodies#readAhead read} on the request's
 * own thread before its handler runs (up to the route's limit), and a body the handler sends whole is written
 * there after it ({@link HeldResponse}), so that no database thread waits for a slow client either way.
 */
public final class ApiRules {

    private record Route(Method method, PathMatcher matcher) {
    }

    private final HttpRouting.Builder routing;
    private final Database database;
    private final List<Route> routes = new ArrayList<>();

    public ApiRules(HttpRouting.Builder routing, Database database) {
        this.routing = routing;
        this.database = database;
    }

    /** A feature's routes; implemented once per feature (auth, contacts, ...). */
    public interface Service {
        void routes(ApiRules rules);
    }

    public ApiRules register(Service service) {
        service.routes(this);
        return this;
    }

    /**
     * A read: its handler only reads the database, so it runs on the readers' threads, never waiting behind writers
     * for a thread; no handler of one reads a body, so none is read ahead (Helidon drains one sent all the same).
     */
    public ApiRules get(String path, Handler handler) {
        return add(Method.GET, path, (req, res) -> {
            HeldResponse held = new HeldResponse(res);
            database.read(() -> {
                handler.handle(req, held);
                return null;
            });
            held.sendHeld();
        });
    }

    public ApiRules post(String path, Handler handler) {
        return route(Method.POST, path, RequestBodies.MAX_BODY_BYTES, handler);
    }

    public ApiRules put(String path, Handler handler) {
        return route(Method.PUT, path, RequestBodies.MAX_BODY_BYTES, handler);
    }

    public ApiRules patch(String path, Handler handler) {
        return route(Method.PATCH, path, RequestBodies.MAX_BODY_BYTES, handler);
    }

    public ApiRules delete(String path, Handler handler) {
        return route(Method.DELETE, path, RequestBodies.MAX_BODY_BYTES, handler);
    }

    /**
     * A route whose handler waits for password hashing: it runs on the request's own (virtual) thread and puts its
     * database work in {@link Database#call} itself, before and after each hash, so that no database thread sits
     * idle through a hash (about 22 ms) while other requests wait for one.
     */
    public ApiRules hashing(Method method, String path, Handler handler) {
        return add(method, path, bodyReadAhead(RequestBodies.MAX_BODY_BYTES, handler));
    }

    /**
     * A route whose handler runs on the request's own (virtual) thread and does everything itself: its database
     * work in {@link Database#call}s, and reading its body ({@link RequestBodies#readAhead}) when it chooses (an
     * import, up to 10 MiB, or a photo, up to 1 MiB, only once its caller is authenticated).
     */
    public ApiRules ownCalls(Method method, String path, Handler handler) {
        return add(method, path, handler);
    }

    /**
     * A path served outside these rules (by Helidon's health and OpenAPI features, or Swagger UI's handler), named
     * here only so that another method on it is a 405 with {@code Allow}, as on the API's own paths, not a 404.
     */
    public ApiRules servedElsewhere(Method method, String path) {
        routes.add(new Route(method, PathMatchers.create(path + "[/]")));
        return this;
    }

    /** {@code path} is written without its trailing slash, e.g. {@code /contacts/{contact_id}}. */
    private ApiRules route(Method method, String path, int maxBodyBytes, Handler handler) {
        return add(method, path, bodyReadAhead(maxBodyBytes, offDatabaseThreads(handler)));
    }

    private ApiRules add(Method method, String path, Handler handler) {
        String pattern = path + "[/]";
        routing.route(method, pattern, handler);
        routes.add(new Route(method, PathMatchers.create(pattern)));
        return this;
    }

    private static Handler bodyReadAhead(int maxBodyBytes, Handler handler) {
        return (req, res) -> {
            try (RequestBodies.Held body = RequestBodies.readAhead(req, maxBodyBytes)) {
                handler.handle(req, res);
            }
        };
    }

    private Handler offDatabaseThreads(Handler handler) {
        return (req, res) -> {
            HeldResponse held = new HeldResponse(res);
            database.call(() -> {
                handler.handle(req, held);
                return null;
            });
            held.sendHeld();
        };
    }

    /**
     * The last route: whatever no other route took. A feature of the lowest weight, so that it comes after the
     * routes that Helidon's features add too (health at {@code /observe/health}).
     */
    public void fallback() {
        // a method whose case the parser changed ("get") is one no route has: 405 with Allow, or 404, as FastAPI's
        routing.addFilter((chain, req, res) -> {
            Optional<String> sent = req.headers().first(Http1Edge.METHOD_AS_SENT);
            if (sent.isPresent()) {
                ErrorResponses.send(req, res, unrouted(req, sent.get()));
            } else {
                chain.proceed();
            }
        });
        routing.addFeature(new Fallback());
    }

    /** The answer to a request no route took: 405 with {@code Allow} when its path has other methods, else 404. */
    private ApiException unrouted(ServerRequest req, String method) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            if (route.matcher().match(req.prologue().uriPath()).accepted()) {
                allowed.add(route.method().text());
            }
        }
        // a path served elsewhere whose handler passed the request on is not there for it either
        if (allowed.isEmpty() || allowed.contains(method)) {
            return ApiException.notFound("Not Found");
        }
        return new ApiException(Status.METHOD_NOT_ALLOWED_405, "Method Not Allowed",
                Map.of("Allow", String.join(", ", allowed)));
    }

    private final class Fallback implements HttpFeature, Weighted {

        @Override
        public void setup(HttpRouting.Builder fallbackRouting) {
            fallbackRouting.any(this::answer);
        }

        @Override
        public double weight() {
            return 1;
        }

        private void answer(ServerRequest req, ServerResponse res) {
            throw unrouted(req, req.prologue().method().text());
        }
    }
}
