package dev.contacts.desktop.support;

import dev.contacts.desktop.ui.Debouncer;

/**
 * A debouncer whose pause comes only when the test says so: the calls of a burst replace one another, and
 * {@link #pause} runs the last one, as the real one does after its quiet time, without the test waiting for it.
 */
public final class HeldPause implements Debouncer {

    private Runnable last;

    @Override
    public void call(Runnable action) {
        last = action;
    }

    /** The burst paused: its last call runs (nothing if there was none since the last pause). */
    public void pause() {
        Runnable action = last;
        last = null;
        if (action != null) {
            action.run();
        }
    }
}
