package dev.contacts.desktop.embedded;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.server.Capacity;
import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerSettings;

/**
 * The app's own server: {@link ContactsServer} on 127.0.0.1 with a free port over {@code contacts.db} in the
 * data folder (the key file beside it), sized for one person ({@link Capacity#ONE_USER}). Started in the
 * background before the window is built, so both starts run side by side; stopped when the window closes.
 */
public final class EmbeddedServer implements AutoCloseable {

    /** The address book's file in the data folder. */
    public static final String DATABASE_FILE = "contacts.db";

    private final Path dataDir;
    private final CompletableFuture<ContactsServer> server = new CompletableFuture<>();
    private volatile boolean starting;

    public EmbeddedServer(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Starts the server on another thread and returns at once: the app calls this before it builds its window,
     * so the two starts run side by side. Once only.
     */
    public void startInBackground() {
        starting = true;
        Thread.ofPlatform().name("contacts-embedded-start").daemon().start(() -> {
            try {
                createPrivately(dataDir);
                server.complete(ContactsServer.start(ServerSettings.embedded(dataDir.resolve(DATABASE_FILE)),
                        Clock.systemDefaultZone(), Capacity.ONE_USER));
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        });
    }

    /** Where the server listens; waits until it has started (call off the FX thread). */
    public URI uri() {
        try {
            return server.join().uri("127.0.0.1");
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ApiFailure.Unreachable("The built-in server could not start (" + cause.getMessage() + ").", cause);
        }
    }

    /** Stops the server if it was started (after a start under way has finished). Safe to call twice. */
    @Override
    public void close() {
        if (!starting) {
            return;
        }
        server.handle((running, failure) -> {
            if (running != null) {
                running.stop();
            }
            return null;
        }).join();
    }

    /** A new data folder is readable by its owner only: it holds the address book and the signing key. */
    public static void createPrivately(Path dataDir) {
        if (Files.isDirectory(dataDir)) {
            return;
        }
        try {
            Files.createDirectories(dataDir.toAbsolutePath().getParent());
            Files.createDirectory(dataDir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // created meanwhile: fine
        } catch (IOException | UnsupportedOperationException e) {
            throw new ApiFailure.Unreachable("Cannot create the data folder " + dataDir + ".", e);
        }
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
