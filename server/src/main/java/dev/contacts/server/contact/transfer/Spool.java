package dev.contacts.server.contact.transfer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary file an export is written to while it reads the database, and read back from afterwards: the read
 * ends as soon as the database is read (one snapshot, held for that long only, however slowly the client takes the
 * file), and memory holds none of it. The file is the server user's only (0600, as {@link Files#createTempFile}
 * makes it) and gone once closed; where the system allows it, its name is removed at once.
 */
final class Spool implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final FileChannel channel;
    private final OutputStream output;

    Spool() throws IOException {
        Path file = Files.createTempFile("contacts-export-", ".tmp");
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try {
            Files.deleteIfExists(file); // an open file needs no name on POSIX: nothing is left should the server die
        } catch (IOException keptUntilClosed) {
            // Windows keeps an open file's name: DELETE_ON_CLOSE removes it
        }
        output = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    /** Where the export is written (flushed by {@link #input}). */
    OutputStream output() {
        return output;
    }

    /** What was written, from its start. */
    InputStream input() throws IOException {
        output.flush();
        channel.position(0);
        return new BufferedInputStream(Channels.newInputStream(channel), BUFFER);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
