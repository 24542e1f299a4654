package dev.contacts.desktop.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where view models run slow work (network, disk): in the app a background thread whose results come back on
 * the FX thread; in tests the calling thread, so view-model logic is tested without a screen or waiting.
 */
public interface Background {

    /** Runs {@code work}; then {@code onSuccess} with its result or {@code onFailure} with what it threw. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs everything at once on the calling thread. */
    static Background direct() {
        return new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
