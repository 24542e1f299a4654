package dev.contacts.server.http;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.ServerResponseTrailers;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * The response a handler answers on a database thread: its status and headers are set at once, but a body it sends
 * whole is only held, and written by the request's own (virtual) thread once the database thread is free again
 * ({@link #sendHeld}). A client that never reads its response (a list page of a thousand contacts is half a
 * megabyte) then holds only its own thread, not one of the few readers' threads every read needs. A body streamed
 * through {@link #outputStream} would still be written as it is made: the answers streamed (an export, a birthday
 * page or the duplicates over 1 MiB) are made on the request's own thread instead, in parts, each read in a
 * database call of its own ({@link ApiRules#ownCalls}).
 */
final class HeldResponse implements ServerResponse {

    private final ServerResponse response;
    private byte[] body;
    private Object entity;
    private boolean held;

    HeldResponse(ServerResponse response) {
        this.response = response;
    }

    /** Writes the body the handler sent, if it sent one whole; on the calling thread. */
    void sendHeld() {
        if (!held) {
            return;
        }
        if (entity != null) {
            response.send(entity);
        } else {
            response.send(body);
        }
    }

    private void hold(byte[] bytes, Object value) {
        if (held || response.isSent()) {
            throw new IllegalStateException("a response is sent once");
        }
        held = true;
        body = bytes;
        entity = value;
    }

    @Override
    public void send() {
        hold(new byte[0], null);
    }

    @Override
    public void send(byte[] bytes) {
        hold(bytes, null);
    }

    @Override
    public void send(byte[] bytes, int position, int length) {
        hold(Arrays.copyOfRange(bytes, position, position + length), null);
    }

    @Override
    public void send(Object value) {
        hold(null, value);
    }

    @Override
    public boolean isSent() {
        return held || response.isSent();
    }

    @Override
    public OutputStream outputStream() {
        return response.outputStream();
    }

    @Override
    public ServerResponse status(Status status) {
        response.status(status);
        return this;
    }

    @Override
    public Status status() {
        return response.status();
    }

    @Override
    public ServerResponse header(Header header) {
        response.header(header);
        return this;
    }

    @Override
    public long bytesWritten() {
        return response.bytesWritten();
    }

    @Override
    public ServerResponse whenSent(Runnable listener) {
        response.whenSent(listener);
        return this;
    }

    @Override
    public ServerResponse reroute(String newPath) {
        response.reroute(newPath);
        return this;
    }

    @Override
    public ServerResponse reroute(String path, UriQuery query) {
        response.reroute(path, query);
        return this;
    }

    @Override
    public ServerResponse next() {
        response.next();
        return this;
    }

    @Override
    public ServerResponseHeaders headers() {
        return response.headers();
    }

    @Override
    public ServerResponseTrailers trailers() {
        return response.trailers();
    }

    @Override
    public ServerResponse beforeTrailers(Consumer<ServerResponseTrailers> trailers) {
        response.beforeTrailers(trailers);
        return this;
    }

    @Override
    public void streamResult(String result) {
        response.streamResult(result);
    }

    @Override
    public void contentLength(long length) {
        response.contentLength(length);
    }

    @Override
    public void streamFilter(UnaryOperator<OutputStream> filterFunction) {
        response.streamFilter(filterFunction);
    }
}
