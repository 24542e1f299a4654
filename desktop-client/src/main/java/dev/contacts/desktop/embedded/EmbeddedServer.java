package dev.contacts.desktop.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerSettings;

/**
 * The app's own server: {@link ContactsServer} on 127.0.0.1 with a free port over {@code contacts.db} in the
 * data folder (the key file beside it). Started in the background so the window appears at once; stopped when
 * the window closes.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final CompletableFuture<ContactsServer> server;

    private EmbeddedServer(CompletableFuture<ContactsServer> server) {
        this.server = server;
    }

    public static EmbeddedServer startInBackground(Path dataDir) {
        return new EmbeddedServer(CompletableFuture.supplyAsync(
                () -> ContactsServer.start(ServerSettings.embedded(dataDir.resolve("contacts.db")))));
    }

    /** Where the server listens; waits for it to be started (call off the FX thread). */
    public URI uri() {
        try {
            return server.join().uri("127.0.0.1");
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ApiFailure.Unreachable("The built-in server could not start (" + cause.getMessage() + ").", cause);
        }
    }

    @Override
    public void close() {
        server.handle((running, failure) -> {
            if (running != null) {
                running.stop();
            }
            return null;
        }).join();
    }

    /** The folder for the app's data: {@code $XDG_DATA_HOME/contacts}, else {@code ~/.local/share/contacts}. */
    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "contacts");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "contacts");
    }
}
