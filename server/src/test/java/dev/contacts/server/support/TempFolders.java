package dev.contacts.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The temporary folders of this test JVM's databases, deleted with what is in them when the JVM ends: a full run
 * made about 400 of them, some 100 MB of SQLite files, and left them all in the system's temporary folder.
 */
public final class TempFolders {

    private static final List<Path> MADE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFolders::deleteAll));
    }

    private TempFolders() {
    }

    /** A new empty folder, deleted when the JVM ends. */
    public static Path create() {
        try {
            Path folder = Files.createTempDirectory("contacts-test");
            synchronized (MADE) {
                MADE.add(folder);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll() {
        synchronized (MADE) {
            MADE.forEach(TempFolders::delete);
        }
    }

    /** Best effort: the JVM is ending, and a file still open (Windows) stays behind. */
    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left in place
        }
    }
}
