package dev.contacts.server.http;

import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1ConnectionListener;

/**
 * RFC 9112's framing rules that Helidon 4.3.0's HTTP/1 parser leaves open, kept in one place at the edge. It
 * listens to each request's prologue and headers as they are parsed, before routing, and refuses an ambiguous
 * frame with 400 {@code {"detail": "Bad Request"}} and a closed connection: two different Content-Lengths, a
 * Content-Length that is not a plain number, Content-Length together with Transfer-Encoding, a transfer coding
 * other than chunked, and a method that is not an HTTP token. Left alone, the bytes after the first body of
 * such a request were answered as a second request (request smuggling behind a proxy).
 * It also closes the connection after answering a request that asked for it ({@code Connection: close}, also
 * among other tokens; {@link Http1Edge} adds it to every HTTP/1.0 request).
 */
public final class RequestFraming implements Http1ConnectionListener {

    /**
     * Helidon's HTTP/1 connection logs a request it cannot parse as a WARNING with the exception, whose message
     * dumps the client's bytes: the client's fault (answered 400), and client input must not reach the log.
     * Kept here so the logger (and its level) is not garbage-collected.
     */
    private static final Logger PARSER_LOG = Logger.getLogger("io.helidon.webserver.http1.Http1Connection");

    static {
        PARSER_LOG.setLevel(Level.SEVERE);
    }

    /** RFC 9110 §5.6.2 token characters. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        if (!TOKEN.matcher(prologue.method().text()).matches()) {
            throw badRequest("illegal method token");
        }
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        List<String> lengths = tokens(headers, HeaderNames.CONTENT_LENGTH).stream().distinct().toList();
        boolean chunked = headers.contains(HeaderNames.TRANSFER_ENCODING);
        if (lengths.size() > 1 || lengths.size() == 1 && !DIGITS.matcher(lengths.getFirst()).matches()) {
            throw badRequest("ambiguous Content-Length");
        }
        // Helidon parses Content-Type lazily and fails with an unchecked exception (a 500) on, for one, an
        // unterminated quoted parameter; parsed here, such a header is the client's fault.
        if (headers.contains(HeaderNames.CONTENT_TYPE)) {
            try {
                HttpMediaType.create(headers.get(HeaderNames.CONTENT_TYPE).get());
            } catch (RuntimeException e) {
                throw badRequest("malformed Content-Type");
            }
        }
        if (chunked) {
            List<String> codings = headers.all(HeaderNames.TRANSFER_ENCODING, List::of);
            if (!lengths.isEmpty() || codings.size() != 1
                    || !codings.getFirst().strip().toLowerCase(Locale.ROOT).equals("chunked")) {
                throw badRequest("unsupported Transfer-Encoding");
            }
        }
    }

    /** After the answer, closes a connection whose request said {@code Connection: close}. */
    public static void register(HttpRouting.Builder routing) {
        routing.addFilter((chain, req, res) -> {
            boolean asked = tokens(req.headers(), HeaderNames.CONNECTION).contains("close");
            if (asked) {
                res.header(HeaderValues.CONNECTION_CLOSE);
            }
            chain.proceed();
            if (asked || res.headers().contains(HeaderValues.CONNECTION_CLOSE)) {
                throw new CloseConnectionException("the client asked to close the connection");
            }
        });
    }

    /** The comma-separated tokens of every {@code name} header, lower case ("close, Upgrade" is two). */
    private static List<String> tokens(Headers headers, HeaderName name) {
        return headers.all(name, List::of).stream().flatMap(value -> List.of(value.split(",", -1)).stream())
                .map(token -> token.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static RequestException badRequest(String why) {
        return RequestException.builder()
                .type(DirectHandler.EventType.BAD_REQUEST)
                .status(Status.BAD_REQUEST_400)
                .setKeepAlive(false)
                .message(why)
                .build();
    }
}
