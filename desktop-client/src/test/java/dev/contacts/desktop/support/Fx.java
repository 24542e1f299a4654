package dev.contacts.desktop.support;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

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
}
