package dev.contacts.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * A JSON array sent item by item, each already written as JSON. Items are held by reference (most are remembered
 * JSON, shared with {@code ContactJson}) up to {@link #HELD} bytes: an array complete by then is sent with its
 * length, written from the items through one buffer. A longer one is streamed (chunked) from there on, so it is
 * never held whole in memory. Helidon 4.3 copies every chunk of a chunked answer twice, into two new arrays
 * ({@code writeChunked}), while a body of known length goes to the socket from the array written: a birthday page
 * of 1,000 contacts (519 KB) made 1.3 MB of garbage, most of a warm page's (docs/benchmarks.md, "Birthday pages
 * sent with their length").
 */
public final class JsonArrayStream implements AutoCloseable {

    /** The most bytes of items held before the array is streamed (a birthday page of 1,000 contacts is 519 KB). */
    private static final int HELD = 1024 * 1024;
    /** Bytes sent at once (Jackson's generator, which wrote these arrays before, buffered 8,000). */
    private static final int BUFFER = 16 * 1024;
    private static final byte[] COMMA = {','};
    private static final byte[] END = {']'};

    private final ServerResponse res;
    private final List<byte[]> held = new ArrayList<>();
    /** The held items' bytes, with a comma between each two. */
    private long heldBytes;
    /** The response's stream, once writing has begun. */
    private OutputStream out;
    private byte[] buffer;
    private int buffered;
    private boolean empty = true;
    private boolean complete;

    public JsonArrayStream(ServerResponse res) {
        this.res = res;
    }

    public void add(byte[] item) {
        if (out == null) {
            long withItem = heldBytes + (held.isEmpty() ? 0 : 1) + item.length;
            if (withItem + 2 <= HELD) {
                held.add(item);
                heldBytes = withItem;
                return;
            }
            // too long to hold: streamed, chunked, from here on
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            begin();
        }
        write(item);
    }

    /** Every item is added: the array is sent on {@link #close()}. */
    public void complete() {
        complete = true;
    }

    /**
     * Sends the array when it is complete. After a failure, a held array is dropped (nothing is sent, so the
     * error is answered); a streamed one is closed, since its headers are sent.
     */
    @Override
    public void close() {
        if (out == null) {
            if (!complete) {
                return;
            }
            res.status(Status.OK_200);
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.contentLength(heldBytes + 2);
            begin();
        }
        try {
            writeBytes(END);
            flushBuffer();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the response's stream and writes the array's start and the items held. */
    private void begin() {
        out = res.outputStream();
        buffer = new byte[BUFFER];
        buffer[0] = '[';
        buffered = 1;
        for (byte[] item : held) {
            write(item);
        }
        held.clear();
    }

    private void write(byte[] item) {
        try {
            if (!empty) {
                writeBytes(COMMA);
            }
            empty = false;
            writeBytes(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies {@code bytes} into the buffer, writing it out whenever it is full; bytes longer than the buffer go out
     * as they are. Helidon writes a body of known length straight from the array it is given, to the socket
     * directly (its writer has no queue here), so the buffer can be filled again once a write returns.
     */
    private void writeBytes(byte[] bytes) throws IOException {
        if (bytes.length >= BUFFER) {
            flushBuffer();
            out.write(bytes);
            return;
        }
        int at = 0;
        while (at < bytes.length) {
            if (buffered == BUFFER) {
                flushBuffer();
            }
            int n = Math.min(bytes.length - at, BUFFER - buffered);
            System.arraycopy(bytes, at, buffer, buffered, n);
            buffered += n;
            at += n;
        }
    }

    private void flushBuffer() throws IOException {
        if (buffered > 0) {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
    }
}
