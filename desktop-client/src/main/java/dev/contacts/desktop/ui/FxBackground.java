package dev.contacts.desktop.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * Work on virtual threads, results on the FX thread: the FX thread never waits on the network. Once closed (the
 * window went), work asked for is dropped: a pause that ends just then (the detail pane's, the search's) must not
 * throw on the FX thread.
 */
public final class FxBackground implements Background, AutoCloseable {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            executor.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Exception e) {
                    Platform.runLater(() -> onFailure.accept(e));
                }
            });
        } catch (RejectedExecutionException closed) {
            // closed: nobody is left to show the answer to
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
