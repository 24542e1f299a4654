package dev.contacts.desktop.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The app's few remembered choices, in {@code desktop.properties} in its data folder: the theme and the last
 * email that logged in. Never a token or a password. Read when made (before the FX thread starts); each change
 * is written on a background thread, in order.
 */
public final class Settings {

    private static final System.Logger LOG = System.getLogger(Settings.class.getName());

    /**
     * How often an open, signed-in window asks the server whether the book changed elsewhere (it asks too when the
     * window comes back into focus): {@code contacts.check-every-seconds} in the file, at least 5. A minute, as
     * Thunderbird's CardDAV sync is every few: the question is one small request that the server answers from one row.
     */
    public static final String CHECK_EVERY_KEY = "contacts.check-every-seconds";
    static final Duration CHECK_EVERY_DEFAULT = Duration.ofSeconds(60);
    static final Duration CHECK_EVERY_LEAST = Duration.ofSeconds(5);

    private final Path file;
    private final Properties values;
    /** The writes in order, each after the one before: the last change is the one on disk. */
    private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);
    private static final Executor WRITER = runnable -> Thread.ofVirtual().name("contacts-settings").start(runnable);

    public Settings(Path dataDir) {
        this.file = dataDir.resolve("desktop.properties");
        this.values = load();
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    /** How often to ask whether the book changed elsewhere ({@link #CHECK_EVERY_KEY}; a bad value: the default). */
    public Duration checkEvery() {
        try {
            return get(CHECK_EVERY_KEY).map(seconds -> Duration.ofSeconds(Long.parseLong(seconds.strip())))
                    .map(every -> every.compareTo(CHECK_EVERY_LEAST) < 0 ? CHECK_EVERY_LEAST : every)
                    .orElse(CHECK_EVERY_DEFAULT);
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "Not a number of seconds in " + CHECK_EVERY_KEY + "; checking every "
                    + CHECK_EVERY_DEFAULT.toSeconds() + " s");
            return CHECK_EVERY_DEFAULT;
        }
    }

    /** Keeps {@code value} and writes the file in the background. */
    public synchronized void put(String key, String value) {
        if (value.equals(values.getProperty(key))) {
            return;
        }
        values.setProperty(key, value);
        Properties snapshot = new Properties();
        snapshot.putAll(values);
        writes = writes.thenRunAsync(() -> save(snapshot), WRITER);
    }

    /** Waits until every change made so far is on disk: before the app exits (and a test's folder goes). */
    public void awaitWrites() {
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = writes;
        }
        pending.join();
    }

    /** Keeps these values and returns once they are on disk (after any change made before): for the last moments. */
    public void putAllNow(Map<String, String> changes) {
        synchronized (this) {
            values.putAll(changes);
            Properties snapshot = new Properties();
            snapshot.putAll(values);
            writes = writes.thenRunAsync(() -> save(snapshot), WRITER);
        }
        awaitWrites();
    }

    private Properties load() {
        Properties props = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot read " + file + "; using the defaults", e);
            }
        }
        return props;
    }

    /** Serialised: two quick changes are written in order, the last one wins. */
    private static final Object WRITING = new Object();

    private void save(Properties snapshot) {
        synchronized (WRITING) {
            try {
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    snapshot.store(out, "Contacts desktop settings");
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot save the settings to " + file, e);
            }
        }
    }
}
