package dev.contacts.desktop.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import dev.contacts.desktop.embedded.EmbeddedServer;

/**
 * One window per data folder: two windows over one address book would not see each other's changes. The first
 * start holds a lock on {@code desktop.lock} and listens on a loopback port (written to {@code desktop.port});
 * a second start finds the lock taken, asks the first to come to the front, and ends.
 */
public final class SingleInstance implements AutoCloseable {

    private static final int SHOW = 'S';

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket listener;

    private SingleInstance(FileChannel channel, FileLock lock, ServerSocket listener) {
        this.channel = channel;
        this.lock = lock;
        this.listener = listener;
    }

    /**
     * Claims {@code dataDir} for this process, calling {@code onShow} (on a background thread) whenever a later
     * start asks for the window; empty when another process has it (that one has been asked to show itself).
     */
    public static Optional<SingleInstance> claim(Path dataDir, Runnable onShow) throws IOException {
        EmbeddedServer.createPrivately(dataDir); // the lock is the first thing in a new data folder
        FileChannel channel = FileChannel.open(dataDir.resolve("desktop.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very JVM
        }
        if (lock == null) {
            channel.close();
            askToShow(dataDir);
            return Optional.empty();
        }
        ServerSocket listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Files.writeString(dataDir.resolve("desktop.port"), Integer.toString(listener.getLocalPort()));
        Thread.ofVirtual().name("contacts-single-instance").start(() -> listen(listener, onShow));
        return Optional.of(new SingleInstance(channel, lock, listener));
    }

    private static void listen(ServerSocket listener, Runnable onShow) {
        while (!listener.isClosed()) {
            try (Socket caller = listener.accept(); InputStream in = caller.getInputStream()) {
                if (in.read() == SHOW) {
                    onShow.run();
                }
            } catch (IOException e) {
                // closed on exit, or a caller that went away: keep listening while open
            }
        }
    }

    private static void askToShow(Path dataDir) {
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(),
                Integer.parseInt(Files.readString(dataDir.resolve("desktop.port")).strip()));
             OutputStream out = first.getOutputStream()) {
            out.write(SHOW);
        } catch (IOException | NumberFormatException e) {
            // the first window is still starting or just ended: there is nothing more to ask
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        lock.release();
        channel.close();
    }
}
