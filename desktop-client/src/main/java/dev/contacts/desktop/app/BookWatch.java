package dev.contacts.desktop.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Messages;
import javafx.application.Platform;

/**
 * Learns of changes made elsewhere (another window, another device) without F5: every {@code period}, and when the
 * window comes back into focus, it asks the server whether the book's tag moved ({@code GET /contacts/version/},
 * a 304 while it did not). When it did, {@code changed} refreshes what is shown; it answers false when now is not
 * the time (a form is open), and the same change is then taken up at the next question. While the server cannot be
 * reached, the questions thin out (every 2nd, 4th... up to every {@link #MOST_SKIPPED}+1st tick) and
 * {@code offline} shows why, until an answer comes again. Belongs to one login: {@link #stop} at log-out.
 */
public final class BookWatch {

    /** The most ticks let pass without a question while the server cannot be reached. */
    static final int MOST_SKIPPED = 7;

    /** Runs {@code tick} every {@code period} until the returned {@link Runnable} runs. */
    public interface Ticker {
        Runnable every(Duration period, Runnable tick);

        /**
         * On the FX thread, timed by a daemon thread of its own. Not a Timeline: a playing animation keeps JavaFX's
         * pulses coming 60 times a second whatever its period, which kept an idle window at 26 ms of CPU a second
         * (docs/benchmarks.md, "The desktop's idle pulses").
         */
        static Ticker fx() {
            return (period, tick) -> {
                ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "book-watch-clock");
                    thread.setDaemon(true);
                    return thread;
                });
                AtomicBoolean stopped = new AtomicBoolean();
                long millis = period.toMillis();
                clock.scheduleWithFixedDelay(() -> Platform.runLater(() -> {
                    if (!stopped.get()) { // a tick already posted when stop ran does nothing
                        tick.run();
                    }
                }), millis, millis, TimeUnit.MILLISECONDS);
                return () -> {
                    stopped.set(true);
                    clock.shutdownNow();
                };
            };
        }
    }

    private final UserSession session;
    private final Background background;
    private final BooleanSupplier changed;
    private final Consumer<String> offline;
    /** The tag of the book as shown; null until the first answer. */
    private String known;
    private boolean asking;
    private boolean stopped;
    private Runnable cancel = () -> { };
    /** Failed questions in a row (the server unreachable). */
    private int failures;
    private int toSkip;
    /** Questions asked so far, and the newest whose tag was taken: an older answer arriving later is dropped. */
    private long asked;
    private long taken;
    /** Changes made elsewhere taken up (for tests). */
    private int takenUp;

    /**
     * {@code changed} refreshes the screens (false: not now, ask again later); {@code offline} shows a message while
     * the server cannot be reached, and the empty string once it answers again.
     */
    public BookWatch(UserSession session, Background background, BooleanSupplier changed, Consumer<String> offline) {
        this.session = session;
        this.background = background;
        this.changed = changed;
        this.offline = offline;
    }

    /** Takes the book's tag as it is now and asks again every {@code period} of {@code ticker}. */
    public void start(Ticker ticker, Duration period) {
        start(ticker, period, () -> { });
    }

    /**
     * As {@link #start(Ticker, Duration)}, {@code firstListing} running once the first tag is in (or could not be
     * had): the tag is read before the book is listed, so a change made elsewhere between the two is taken up at
     * the next question (a tag read after the listing took that change for what is shown). One small request.
     */
    public void start(Ticker ticker, Duration period, Runnable firstListing) {
        if (stopped) {
            firstListing.run();
            return;
        }
        check(firstListing);
        cancel = ticker.every(period, this::tick);
    }

    /** The window came back into focus: asks at once (a person back from another window expects it). */
    public void windowFocused() {
        toSkip = 0;
        check();
    }

    private void tick() {
        if (toSkip > 0) {
            toSkip--;
            return;
        }
        check();
    }

    /** Asks the server now, unless a question is already out or this login is over. */
    void check() {
        check(() -> { });
    }

    /** {@link #check()}, then {@code answered} whatever came of it (also when nothing was asked). */
    private void check(Runnable answered) {
        if (stopped || asking || session.isClosed() || !session.api().isLoggedIn()) { // (expired: the login screen)
            answered.run();
            return;
        }
        asking = true;
        String since = known;
        long question = ++asked;
        background.run(() -> session.api().bookVersionIfChanged(since),
                tag -> {
                    if (failures > 0) {
                        failures = 0;
                        offline.accept("");
                    }
                    // (an own write's tag read since this question was sent is newer, its listing too)
                    if (tag.isPresent() && !stopped && question > taken) {
                        if (since == null) {
                            take(tag.get(), question);
                        } else if (changed.getAsBoolean()) {
                            takenUp++;
                            take(tag.get(), question);
                        }
                    }
                },
                session.failures(failure -> {
                    if (failure instanceof ApiFailure.Unreachable) {
                        failures++;
                        toSkip = Math.min(MOST_SKIPPED, (1 << Math.min(failures, 3)) - 1);
                        offline.accept(Messages.of(failure));
                    } else if (failure instanceof ApiFailure.Invalid) {
                        stop(); // a server older than the question (it read "version" as a contact's id): F5 still works
                    }
                }),
                () -> {
                    asking = false;
                    answered.run();
                });
    }

    private void take(String tag, long question) {
        known = tag;
        taken = question;
    }

    /**
     * This window wrote to the book (a save, a label renamed or removed, an Undo...) and lists again what it shows:
     * the book's tag is read first, then {@code relist} runs, so the tag moved by this window's own write no longer
     * looks like a change made elsewhere (it was listed once, not twice). A change made elsewhere before that read,
     * even at the same moment as the write, is in the listing that follows it; one made after it moves the tag again
     * and is taken up at the next question. One small request; {@code relist} runs whatever came of it.
     */
    public void ownWriteThen(Runnable relist) {
        if (stopped || session.isClosed() || !session.api().isLoggedIn()) {
            relist.run();
            return;
        }
        String since = known;
        long question = ++asked;
        background.run(() -> session.api().bookVersionIfChanged(since),
                tag -> {
                    if (tag.isPresent() && !stopped) {
                        take(tag.get(), question);
                    }
                    relist.run();
                },
                failure -> relist.run()); // (the listing says what is wrong; the next question asks again)
    }

    /** How many changes made elsewhere were taken up (for tests). */
    int changesTakenUp() {
        return takenUp;
    }

    /** Whether a question is out (for tests). */
    boolean isAsking() {
        return asking;
    }

    /** Whether the ticks still ask (for tests: none after a log-out). */
    public boolean isWatching() {
        return !stopped;
    }

    /** No more questions, and an answer on its way is dropped: at log-out and when the screens go. */
    public void stop() {
        stopped = true;
        cancel.run();
        cancel = () -> { };
    }
}
