package dev.contacts.server.http;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * A JSON array sent item by item, each already written as JSON. An array of up to {@link #HELD} bytes is sent
 * whole, with its length, in one write; a longer one is streamed (chunked), so it is never held whole in memory.
 * Streamed, the headers and each chunk were a write each: a page of birthdays over 1,000 contacts (46 KB) spent a
 * sixth of its CPU sending (JFR, docs/benchmarks.md "Load").
 */
public final class JsonArrayStream implements AutoCloseable {

    /** The most bytes an array is held for (a page of 100 contacts is about 50 KB). */
    private static final int HELD = 128 * 1024;
    /** Bytes sent at once once streaming (Jackson's generator, which wrote these arrays before, buffered 8,000). */
    private static final int BUFFER = 16 * 1024;

    private final ServerResponse res;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream(BUFFER);
    /** The response's stream, once the array is longer than {@link #HELD}. */
    private OutputStream out;
    private boolean empty = true;
    private boolean complete;

    public JsonArrayStream(ServerResponse res) {
        this.res = res;
        held.write('[');
    }

    public void add(byte[] item) {
        try {
            if (out == null && held.size() + item.length + 2 > HELD) {
                res.header(HeaderNames.CONTENT_TYPE, "application/json");
                out = new BufferedOutputStream(res.outputStream(), BUFFER);
                held.writeTo(out);
            }
            OutputStream to = out == null ? held : out;
            if (!empty) {
                to.write(',');
            }
            empty = false;
            to.write(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            held.write(']');
            Json.sendEncoded(res, Status.OK_200, held.toByteArray());
            return;
        }
        try {
            out.write(']');
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
