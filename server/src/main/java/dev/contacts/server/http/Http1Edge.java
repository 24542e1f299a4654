package dev.contacts.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.Bytes;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

/**
 * Where every accepted connection enters, before Helidon's own HTTP/1 connection handles it: the listener's only
 * connection selector (so Helidon hands it each connection as it is accepted, without reading first). The
 * protocol stays Helidon's; this only feeds its parser the bytes in a form it accepts. Helidon 4.3.0 (and 4.5.x)
 * answers no HTTP/1.0 request (its selector and request-line parser take only HTTP/1.1), so nginx's default
 * {@code proxy_pass} got a 502 for everything: an HTTP/1.0 request line is handed on as HTTP/1.1, with
 * {@code Connection: close} added to its headers (answered, then closed) and no Host header required. Its chunked
 * bodies may carry chunk extensions ({@link ChunkExtensionsIgnored}). A streamed answer (an export) reaches an
 * HTTP/1.0 client without its chunked coding, ended by the close ({@link UnchunkedForHttp10}).
 */
public final class Http1Edge implements ServerConnectionSelector {

    /**
     * Set on a request whose method Helidon's parser changed before routing: it upper-cases every method, so
     * {@code get /contacts/} was answered as a GET, where methods are case-sensitive (RFC 9110 §9.1) and FastAPI
     * answers 405 (or 404 on an unknown path). The value is the method as sent; the routing answers it as a method
     * no route has ({@link ApiRules}). A client's own header of that name is removed.
     */
    public static final HeaderName METHOD_AS_SENT = HeaderNames.create("X-Contacts-Method-As-Sent");

    private static final byte[] HTTP_10_LINE_END = " HTTP/1.0\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AS_HTTP_11 = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Http1ConnectionSelector http11;
    private final Http1ConnectionSelector http10;
    private final int maxRequestLine;
    private final Duration headersWithin;
    private final Duration bodyWithin;
    private final Duration idleWithin;

    /**
     * Helidon's HTTP/1 connection, with {@code checks} listening to each request's prologue and headers, and a
     * connection closed when its client keeps the server waiting: a request's headers must arrive within
     * {@code headers} (from its first byte, or from the connection's start), its body within {@code body} after
     * them, and the next request's first byte within {@code idle} after an answer. Only the wait for the client
     * counts, never the time the server takes to answer or before it reads a body ({@link ClientWaits}).
     */
    public Http1Edge(Http1ConnectionListener checks, Duration headers, Duration body, Duration idle) {
        this.headersWithin = headers;
        this.bodyWithin = body;
        this.idleWithin = idle;
        this.http11 = Http1ConnectionSelector.builder().config(http1(checks, false).build()).build();
        this.http10 = Http1ConnectionSelector.builder()
                .config(http1(checks, true).validateRequestHostHeader(false).build())
                .build();
        this.maxRequestLine = Http1Config.create().maxPrologueLength();
    }

    /** One listener each way: Helidon 4.3.0's composite of several listeners forwards no prologue or headers. */
    private Http1Config.Builder http1(Http1ConnectionListener checks, boolean http10) {
        Http1ConnectionListener received = new Http1ConnectionListener() {
            @Override
            public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
                checks.prologue(ctx, prologue);
                ((Connection) ctx).reader().methodParsed(prologue.method().text());
            }

            @Override
            public void headers(ConnectionContext ctx, Headers headers) {
                checks.headers(ctx, headers);
                // Helidon hands its listeners the request's own (writable) headers.
                WritableHeaders<?> writable = (WritableHeaders<?>) headers;
                writable.remove(METHOD_AS_SENT);
                ((Connection) ctx).reader().methodChanged().ifPresent(sent -> writable.set(METHOD_AS_SENT, sent));
                if (http10) {
                    writable.set(HeaderValues.CONNECTION_CLOSE);
                }
                ((Connection) ctx).waits.expect(bodyWithin, false);
            }
        };
        Http1ConnectionListener sent = new Http1ConnectionListener() {
            @Override
            public void status(ConnectionContext ctx, Status status) {
                ((Connection) ctx).waits.expect(idleWithin, true);
            }
        };
        // Helidon can trace raw requests (headers, bodies) at debug levels: that would put bearer tokens and
        // passwords into logs, so the wire logging is off whatever the log levels say.
        return Http1Config.builder().receiveLog(false).sendLog(false)
                .addReceiveListener(received).addSendListener(sent);
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData request) {
        return Support.SUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return Set.of("http/1.1");
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        ClientWaits waits = new ClientWaits(ctx.serverSocket(), headersWithin);
        DataReader socket = ctx.dataReader();
        byte[] requestLine = waits.await(() -> http10RequestLine(socket));
        if (requestLine == null) {
            return http11.connection(new Connection(ctx, new ChunkExtensionsIgnored(bytes(null, socket, waits)),
                    ctx.dataWriter(), waits));
        }
        byte[] rewritten = requestLine.clone();
        System.arraycopy(AS_HTTP_11, 0, rewritten, rewritten.length - AS_HTTP_11.length, AS_HTTP_11.length);
        return http10.connection(new Connection(ctx, new ChunkExtensionsIgnored(bytes(rewritten, socket, waits)),
                new UnchunkedForHttp10(ctx.dataWriter()), waits));
    }

    /**
     * Waits for the first request line; when it ends in HTTP/1.0, takes it off the socket's reader and returns it,
     * otherwise leaves everything to Helidon's parser (which also answers a line that never ends).
     */
    private byte[] http10RequestLine(DataReader socket) {
        try {
            socket.ensureAvailable();
            while (true) {
                BufferData buffered = socket.getBuffer(socket.available());
                int lf = buffered.indexOf(Bytes.LF_BYTE);
                if (lf >= 0) {
                    byte[] line = new byte[lf + 1];
                    buffered.read(line);
                    boolean http10 = line.length >= HTTP_10_LINE_END.length && Arrays.equals(line,
                            line.length - HTTP_10_LINE_END.length, line.length, HTTP_10_LINE_END, 0,
                            HTTP_10_LINE_END.length);
                    return http10 ? socket.readBytes(line.length) : null;
                }
                if (socket.available() > maxRequestLine) {
                    return null;
                }
                socket.pullData();
            }
        } catch (DataReader.InsufficientDataAvailableException e) {
            throw new CloseConnectionException("the client sent no request line");
        }
    }

    /** {@code first}, then whatever the socket brings, each wait for it bounded by {@code waits}. */
    private static Supplier<byte[]> bytes(byte[] first, DataReader socket, ClientWaits waits) {
        return new Supplier<>() {
            private byte[] pending = first;

            @Override
            public byte[] get() {
                if (pending != null) {
                    byte[] next = pending;
                    pending = null;
                    return next;
                }
                return waits.await(() -> {
                    try {
                        socket.ensureAvailable();
                    } catch (DataReader.InsufficientDataAvailableException e) {
                        return null;
                    }
                    return socket.readBytes(socket.available());
                });
            }
        };
    }

    /**
     * How long the server may wait for this connection's client before closing it (Helidon 4.3.0 has no read
     * timeout on accepted sockets, and its idle timeout only ends a connection between requests). The client's time
     * runs only while the server waits for its bytes: a request that waits for the server (for its share of the
     * bodies read ahead, behind other imports) before its body is read loses none of its time for the body, where
     * the time from its headers on was counted and such a request was closed unanswered. A client that sends slowly
     * still spends its time in those waits. One timer thread closes the socket of a client that uses up its time
     * while the server waits for it; a wait that starts with no time left ends at once.
     */
    static final class ClientWaits {

        private static final ScheduledThreadPoolExecutor TIMER = timer();

        private final Runnable close;
        private final LongSupplier nanoTime;
        private final Duration headers;
        /** What is left of the client's time, as of the start of the current wait, if one is under way. */
        private long leftNanos;
        private long waitStarted;
        private boolean untilNextRequest;
        private boolean waiting;
        /** Counts the waits (and allowances), so that an alarm of an earlier one does nothing. */
        private long wait;
        private volatile boolean expired;
        private ScheduledFuture<?> alarm;

        ClientWaits(HelidonSocket socket, Duration headers) {
            this(socket::close, System::nanoTime, headers);
        }

        /** {@code close} ends the connection; {@code nanoTime} is the clock (a test's own). */
        ClientWaits(Runnable close, LongSupplier nanoTime, Duration headers) {
            this.close = close;
            this.nanoTime = nanoTime;
            this.headers = headers;
            expect(headers, false);
        }

        /** The client has {@code within} of waits from now; {@code untilNextRequest}: its next bytes start a request. */
        synchronized void expect(Duration within, boolean untilNextRequest) {
            this.untilNextRequest = untilNextRequest;
            leftNanos = within.toNanos();
            if (waiting) {
                wait++;
                waitStarted = nanoTime.getAsLong();
                schedule();
            }
        }

        <T> T await(Supplier<T> read) {
            synchronized (this) {
                if (leftNanos <= 0) {
                    throw timedOut();
                }
                waiting = true;
                wait++;
                waitStarted = nanoTime.getAsLong();
                schedule();
            }
            T got = null;
            try {
                got = read.get();
                return got;
            } catch (RuntimeException e) {
                throw expired ? timedOut() : e;
            } finally {
                synchronized (this) {
                    waiting = false;
                    leftNanos -= nanoTime.getAsLong() - waitStarted;
                    alarm.cancel(false);
                    if (untilNextRequest && got != null) {
                        expect(headers, false);
                    }
                }
            }
        }

        /** Closes the connection when the client's time is up at the end of this wait (called holding the lock). */
        private void schedule() {
            if (alarm != null) {
                alarm.cancel(false);
            }
            long which = wait;
            alarm = TIMER.schedule(() -> expire(which), leftNanos, TimeUnit.NANOSECONDS);
        }

        private synchronized void expire(long which) {
            if (!waiting || which != wait) {
                return; // the wait it was armed for is over (its cancel came too late)
            }
            long left = leftNanos - (nanoTime.getAsLong() - waitStarted);
            if (left <= 0) {
                expired = true;
                close.run();
            } else {
                // early: on a clock of a test's own
                alarm = TIMER.schedule(() -> expire(which), left, TimeUnit.NANOSECONDS);
            }
        }

        private static CloseConnectionException timedOut() {
            return new CloseConnectionException("the client kept the server waiting too long");
        }

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                    Thread.ofPlatform().daemon().name("client-waits").factory());
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    /**
     * Helidon 4.3.0 (and 4.5.x) parses a whole chunk-size line as a hex number, so a valid chunk extension
     * ({@code 2;a=b}, RFC 9112 §7.1.1) was a 400. Its HTTP/1 connection reads lines with {@link #readLine} only
     * for chunk sizes (and the empty line that ends a chunked body): a size line whose extensions are well-formed
     * is handed on without them, as the RFC asks recipients to ignore unknown ones, and trailer fields after the
     * last chunk are skipped (at most 64); anything else is left for Helidon to refuse.
     * <p>
     * It also keeps the method of each request line as sent: Helidon reads the line with {@link #readBytes} and
     * tells its listeners the method it made of it, upper-cased, right after.
     */
    static final class ChunkExtensionsIgnored extends DataReader {

        private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
        private static final String QUOTED = "\"(?:[\\t !#-\\[\\]-~\\x80-\\xff]|\\\\[\\t -~\\x80-\\xff])*\"";
        private static final Pattern SIZE_WITH_EXTENSIONS = Pattern.compile("([0-9A-Fa-f]+)(?:[ \\t]*;[ \\t]*" + TOKEN
                + "(?:[ \\t]*=[ \\t]*(?:" + TOKEN + "|" + QUOTED + "))?)+");

        private static final Pattern HEX_DIGITS = Pattern.compile("[0-9A-Fa-f]+");
        private static final Pattern LAST_CHUNK = Pattern.compile("0+");
        private static final Pattern TRAILER_FIELD = Pattern.compile(TOKEN + ":[\\t\\x20-\\x7e\\x80-\\xff]*");
        private static final int MAX_TRAILER_FIELDS = 64;

        private byte[] lastRead = new byte[0];
        private boolean badSizeRead;
        private boolean lastChunkRead;
        private Optional<String> methodChanged = Optional.empty();

        ChunkExtensionsIgnored(Supplier<byte[]> bytes) {
            super(bytes);
        }

        @Override
        public String readLine() {
            if (badSizeRead) {
                // Helidon refused the last size line, then reads on while it drains the body before answering: the
                // next line, read as a size ("ab" after "zz"), had it wait for bytes that never come, unanswered
                throw RequestException.builder().type(DirectHandler.EventType.BAD_REQUEST)
                        .status(Status.BAD_REQUEST_400).message("Invalid chunk size").setKeepAlive(false).build();
            }
            String line = super.readLine();
            if (lastChunkRead) {
                // RFC 9112 §7.1.2: trailer fields may follow the last chunk, and a recipient may discard them; Helidon
                // wants the empty line at once, so a body with a trailer was a 400
                lastChunkRead = false;
                for (int fields = 0; !line.isEmpty() && fields < MAX_TRAILER_FIELDS
                        && TRAILER_FIELD.matcher(line).matches(); fields++) {
                    line = super.readLine();
                }
                return line; // the empty line, else what Helidon refuses
            }
            Matcher sized = SIZE_WITH_EXTENSIONS.matcher(line);
            String size = sized.matches() ? sized.group(1) : line;
            badSizeRead = !size.isEmpty() && !isChunkSize(size);
            lastChunkRead = LAST_CHUNK.matcher(size).matches();
            return size;
        }

        /** Whether Helidon reads {@code size} as a chunk size: hex digits for at most {@link Integer#MAX_VALUE}. */
        static boolean isChunkSize(String size) {
            String digits = size.replaceFirst("^0+(?=.)", "");
            return HEX_DIGITS.matcher(digits).matches()
                    && (digits.length() < 8 || digits.length() == 8 && digits.charAt(0) <= '7');
        }

        @Override
        public byte[] readBytes(int length) {
            lastRead = super.readBytes(length);
            return lastRead;
        }

        /**
         * Helidon made {@code parsed} of the request line just read: when the line's own method differs from it only
         * in case, it was changed. (If the last bytes read were not that line, they do not spell the method.)
         */
        void methodParsed(String parsed) {
            int space = 0;
            while (space < lastRead.length && lastRead[space] != ' ') {
                space++;
            }
            String sent = new String(lastRead, 0, space, StandardCharsets.ISO_8859_1);
            methodChanged = !sent.equals(parsed) && sent.equalsIgnoreCase(parsed) ? Optional.of(sent) : Optional.empty();
        }

        /** The method of the request being read, as sent, when Helidon's parser changed it. */
        Optional<String> methodChanged() {
            return methodChanged;
        }
    }

    /**
     * The writer of an HTTP/1.0 connection (one request, then closed). Helidon answers the request as HTTP/1.1, so a
     * streamed answer (an export) went out chunked, which RFC 9112 (6.1) forbids towards an HTTP/1.0 client: such a
     * client read the chunk sizes as part of the file. Here the answer's {@code Transfer-Encoding: chunked} header is
     * taken out and its chunks are written as plain bytes; the connection's close ends the body, as in HTTP/1.0.
     * An answer with a Content-Length passes unchanged; a 100 Continue is left out.
     */
    static final class UnchunkedForHttp10 implements DataWriter {

        private static final String CHUNKED_LINE = "\r\ntransfer-encoding: chunked\r\n";
        /** CR LF CR LF, the end of a head, as the last four bytes read. */
        private static final int BLANK_LINE = 0x0D0A0D0A;

        private enum State { HEAD, PLAIN, SIZE, DATA, DATA_END, TRAILERS }

        private final DataWriter socket;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private final StringBuilder sizeLine = new StringBuilder();
        private State state = State.HEAD;
        private int lastFour;
        private long remaining;

        UnchunkedForHttp10(DataWriter socket) {
            this.socket = socket;
        }

        @Override
        public void write(BufferData... buffers) {
            socket.write(unchunked(buffers));
        }

        @Override
        public void write(BufferData buffer) {
            socket.write(unchunked(buffer));
        }

        @Override
        public void writeNow(BufferData... buffers) {
            socket.writeNow(unchunked(buffers));
        }

        @Override
        public void writeNow(BufferData buffer) {
            socket.writeNow(unchunked(buffer));
        }

        @Override
        public void flush() {
            socket.flush();
        }

        @Override
        public void close() {
            socket.close();
        }

        private BufferData unchunked(BufferData... buffers) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (BufferData buffer : buffers) {
                byte[] bytes = new byte[buffer.available()];
                buffer.read(bytes);
                unchunk(bytes, out);
            }
            return BufferData.create(out.toByteArray());
        }

        private BufferData unchunked(BufferData buffer) {
            return unchunked(new BufferData[] {buffer});
        }

        private void unchunk(byte[] bytes, ByteArrayOutputStream out) {
            int i = 0;
            while (i < bytes.length) {
                switch (state) {
                    case HEAD -> {
                        byte b = bytes[i++];
                        head.write(b);
                        lastFour = lastFour << 8 | b & 0xff;
                        if (lastFour == BLANK_LINE) {
                            lastFour = 0;
                            out.writeBytes(headWritten());
                        }
                    }
                    case PLAIN -> {
                        out.write(bytes, i, bytes.length - i);
                        i = bytes.length;
                    }
                    case SIZE -> {
                        byte b = bytes[i++];
                        if (b == '\n') {
                            String size = sizeLine.toString().strip();
                            int extensions = size.indexOf(';');
                            remaining = Long.parseLong(extensions < 0 ? size : size.substring(0, extensions).strip(), 16);
                            sizeLine.setLength(0);
                            state = remaining == 0 ? State.TRAILERS : State.DATA;
                        } else {
                            sizeLine.append((char) b);
                        }
                    }
                    case DATA -> {
                        int n = (int) Math.min(remaining, bytes.length - i);
                        out.write(bytes, i, n);
                        i += n;
                        remaining -= n;
                        if (remaining == 0) {
                            state = State.DATA_END;
                        }
                    }
                    case DATA_END -> {
                        if (bytes[i++] == '\n') {
                            state = State.SIZE;
                        }
                    }
                    case TRAILERS -> i = bytes.length;
                }
            }
        }

        /**
         * The answer's head, without its chunked coding. An informational (1xx) head, Helidon's 100 Continue to an
         * {@code Expect}, is not written at all (RFC 9110 15.2: never a 1xx to an HTTP/1.0 client); the next head
         * is the answer's.
         */
        private byte[] headWritten() {
            String text = head.toString(StandardCharsets.ISO_8859_1);
            head.reset();
            if (text.startsWith("HTTP/1.1 1")) {
                return new byte[0];
            }
            int chunked = text.toLowerCase(Locale.ROOT).indexOf(CHUNKED_LINE);
            if (chunked < 0) {
                state = State.PLAIN;
                return text.getBytes(StandardCharsets.ISO_8859_1);
            }
            state = State.SIZE;
            return (text.substring(0, chunked) + text.substring(chunked + CHUNKED_LINE.length() - 2))
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The accepted connection, read through {@code reader} and written through {@code writer}, its waits for the
     * client bounded by {@code waits}.
     */
    private record Connection(ConnectionContext accepted, ChunkExtensionsIgnored reader, DataWriter writer,
                              ClientWaits waits) implements ConnectionContext {

        @Override
        public DataReader dataReader() {
            return reader;
        }

        @Override
        public ListenerContext listenerContext() {
            return accepted.listenerContext();
        }

        @Override
        public ExecutorService executor() {
            return accepted.executor();
        }

        @Override
        public DataWriter dataWriter() {
            return writer;
        }

        @Override
        public Router router() {
            return accepted.router();
        }

        @Override
        public Optional<ProxyProtocolData> proxyProtocolData() {
            return accepted.proxyProtocolData();
        }

        @Override
        public HelidonSocket serverSocket() {
            return accepted.serverSocket();
        }

        @Override
        public PeerInfo remotePeer() {
            return accepted.remotePeer();
        }

        @Override
        public PeerInfo localPeer() {
            return accepted.localPeer();
        }

        @Override
        public boolean isSecure() {
            return accepted.isSecure();
        }

        @Override
        public String socketId() {
            return accepted.socketId();
        }

        @Override
        public String childSocketId() {
            return accepted.childSocketId();
        }
    }
}
