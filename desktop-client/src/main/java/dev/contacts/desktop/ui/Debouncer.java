package dev.contacts.desktop.ui;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Runs the last of a burst of calls once the burst has paused: search as you type without a request per key. */
public interface Debouncer {

    void call(Runnable action);

    /** No delay: for tests. */
    static Debouncer immediate() {
        return Runnable::run;
    }

    /** On the FX thread, after {@code millis} of quiet. */
    static Debouncer fx(long millis) {
        PauseTransition pause = new PauseTransition(Duration.millis(millis));
        return action -> {
            pause.setOnFinished(e -> action.run());
            pause.playFromStart();
        };
    }
}
