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

    /**
     * Like {@link #run(Callable, Consumer, Consumer)}, with {@code onFinished} first in either case: the one
     * place where a view model resets its busy flag, so no outcome can leave it set.
     */
    default <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure, Runnable onFinished) {
        run(work, result -> {
            onFinished.run();
            onSuccess.accept(result);
        }, failure -> {
            onFinished.run();
            onFailure.accept(failure);
        });
    }

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
