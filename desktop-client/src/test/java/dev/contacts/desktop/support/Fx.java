package dev.contacts.desktop.support;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Runs on the FX thread from a test and waits for the result. */
public final class Fx {

    private Fx() {
    }

    public static <T> T call(Callable<T> action) {
        try {
            return WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(action));
        } catch (Exception e) {
            throw new AssertionError("FX action failed", e);
        }
    }

    public static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Runs {@code body} with the stage at {@code width} × {@code height}, then gives it its size back: it is the
     * toolkit's primary stage, shared by the tests after this one (a list cut at 560 px hid their last rows from
     * their clicks).
     */
    public static void atSize(Stage stage, double width, double height, Runnable body) {
        double oldWidth = call(stage::getWidth);
        double oldHeight = call(stage::getHeight);
        run(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        try {
            body.run();
        } finally {
            run(() -> {
                stage.setWidth(oldWidth);
                stage.setHeight(oldHeight);
            });
        }
    }
}
