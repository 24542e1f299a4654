package dev.contacts.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The background of the app's window once it is closed. */
class FxBackgroundTest {

    @Test
    void workAskedForOnceClosedIsDroppedNotThrown() {
        // a pause ending as the window closed (the detail pane's card) threw RejectedExecutionException on the FX thread
        FxBackground background = new FxBackground();
        background.close();
        AtomicBoolean ran = new AtomicBoolean();
        assertDoesNotThrow(() -> background.run(() -> {
            ran.set(true);
            return 1;
        }, result -> ran.set(true), failure -> ran.set(true)));
        assertFalse(ran.get());
    }
}
