package dev.contacts.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.contacts.desktop.support.HeldBack;
import org.junit.jupiter.api.Test;

/** The dates' patterns are made off the calling (FX) thread when prepared, and made at once when they are not. */
class PreparedDatesTest {

    /** The threads the dates were made on, in order. */
    private final List<Thread> madeOn = new CopyOnWriteArrayList<>();
    private final Supplier<Dates> make = () -> {
        madeOn.add(Thread.currentThread());
        return new Dates(Locale.US);
    };

    @Test
    void preparedDatesAreMadeOnTheBackgroundThreadAndTakenFromThere() throws Exception {
        PreparedDates dates = new PreparedDates(make);
        Thread[] worker = new Thread[1];
        Dates[] made = new Dates[1];
        dates.prepare(onAThreadOfItsOwn(worker, made));

        Dates taken = dates.get();

        assertEquals(List.of(worker[0]), madeOn, "made once, on the background thread");
        assertNotEquals(Thread.currentThread(), worker[0]);
        assertSame(made[0], taken);
        assertEquals("December 10, 1815", taken.spelled(java.time.LocalDate.of(1815, 12, 10)));
    }

    @Test
    void askedForBeforeTheyAreReadyTheyAreMadeAtOnceAndKept() {
        PreparedDates dates = new PreparedDates(make);
        HeldBack background = new HeldBack();
        dates.prepare(background);

        Dates first = dates.get();
        background.runAll(); // the background's dates arrive later

        assertSame(first, dates.get(), "a view keeps the dates it was given");
        assertEquals(2, madeOn.size());
    }

    @Test
    void aFailedPreparationLeavesThemToBeMadeWhenNeeded() {
        boolean[] failed = {false};
        PreparedDates dates = new PreparedDates(() -> {
            if (!failed[0]) {
                failed[0] = true;
                throw new IllegalStateException("no locale data");
            }
            return make.get();
        });
        dates.prepare(Background.direct());

        assertEquals("12/10/1815", dates.get().format(java.time.LocalDate.of(1815, 12, 10)));
    }

    /** Runs the work on a new thread and waits for it; its result comes back on the caller's thread. */
    private static Background onAThreadOfItsOwn(Thread[] worker, Dates[] made) {
        return new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                FutureTask<T> task = new FutureTask<>(work);
                worker[0] = Thread.ofPlatform().name("prepared-dates-test").start(task);
                T result;
                try {
                    result = task.get();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                made[0] = (Dates) result;
                onSuccess.accept(result);
            }
        };
    }
}
