package dev.contacts.desktop.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.contacts.desktop.ui.Background;

/** Background work held back until the test lets it run: what a view shows while a request is in flight. */
public final class HeldBack implements Background {

    private final List<Runnable> waiting = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        waiting.add(() -> Background.direct().run(work, onSuccess, onFailure));
    }

    /** Runs the oldest piece of work waiting (not what it starts). */
    public void runOne() {
        waiting.remove(0).run();
    }

    /** Runs the newest piece of work waiting (not what it starts): work finishing out of order. */
    public void runNewest() {
        waiting.remove(waiting.size() - 1).run();
    }

    /** Runs what is waiting (and what that starts), in order. */
    public void runAll() {
        while (!waiting.isEmpty()) {
            waiting.remove(0).run();
        }
    }
}
