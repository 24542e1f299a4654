package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import dev.contacts.model.ContactDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The question "did the book change elsewhere?", driven tick by tick (no waiting on a clock). */
class BookWatchTest {

    @TempDir
    Path dir;
    private ServerFixture fixture;
    /** The same account in another window (another device). */
    private ContactsApi elsewhere;
    private final ManualTicker ticker = new ManualTicker();
    private int refreshes;
    private boolean mayRefresh = true;
    private final List<String> offline = new ArrayList<>();
    private BookWatch watch;

    /** Ticks when the test says; remembers whether its timer was cancelled. */
    static final class ManualTicker implements BookWatch.Ticker {
        Runnable tick;
        Duration period;
        boolean cancelled;

        @Override
        public Runnable every(Duration period, Runnable tick) {
            this.period = period;
            this.tick = tick;
            return () -> cancelled = true;
        }

        void tick() {
            if (!cancelled) {
                tick.run();
            }
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir).loggedIn("watch@example.com");
        elsewhere = fixture.session.api().newClient();
        elsewhere.login("watch@example.com", ServerFixture.PASSWORD);
        watch = new BookWatch(fixture.user, Background.direct(), () -> {
            refreshes++;
            return mayRefresh;
        }, offline::add);
        watch.start(ticker, Duration.ofSeconds(60));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private long addElsewhere(String first) {
        return elsewhere.create(new ContactDraft(first, "Lee", null, null, null, null)).id();
    }

    @Test
    void aChangeMadeElsewhereRefreshesOnceAtTheNextTickOrFocus() {
        assertEquals(Duration.ofSeconds(60), ticker.period);
        ticker.tick();
        assertEquals(0, refreshes, "nothing changed since the window opened");

        addElsewhere("Ann");
        ticker.tick();
        assertEquals(1, refreshes, "the other window's contact is taken up");
        ticker.tick();
        assertEquals(1, refreshes, "and only once");

        elsewhere.delete(addElsewhere("Bob"));
        watch.windowFocused();
        assertEquals(2, refreshes, "coming back to the window asks at once");
    }

    @Test
    void aChangeThatCouldNotBeShownYetIsTakenUpAtTheNextQuestion() {
        addElsewhere("Ann");
        mayRefresh = false; // (the form is open)
        ticker.tick();
        assertEquals(1, refreshes);
        mayRefresh = true;
        ticker.tick();
        assertEquals(2, refreshes, "still changed: asked again, and shown now");
        ticker.tick();
        assertEquals(2, refreshes);
    }

    @Test
    void afterLogOutNoTimerIsLeftAndNothingIsAsked() {
        watch.stop();
        assertTrue(ticker.cancelled, "the timer is gone");
        assertFalse(watch.isWatching());
        addElsewhere("Ann");
        watch.windowFocused();
        ticker.tick.run(); // (even a tick already on its way asks nothing)
        assertEquals(0, refreshes);
    }

    @Test
    void whileTheServerCannotBeReachedItAsksLessOftenSaysSoOnceAndComesBack() {
        fixture.server.stop();
        ticker.tick();
        assertEquals(1, offline.size(), "the app's offline banner says why");
        assertTrue(offline.get(0).startsWith("Cannot reach the server"), offline.toString());
        ticker.tick(); // skipped: the second failure would be a second message
        assertEquals(1, offline.size(), "the next tick lets the server be");
        ticker.tick();
        assertEquals(2, offline.size());
        for (int i = 0; i < 3; i++) {
            ticker.tick();
        }
        assertEquals(2, offline.size(), "after two failures, three ticks pass without a question");
        ticker.tick();
        assertEquals(3, offline.size());
    }

    /**
     * At log-in the first listing and the first tag are both on their way: a change made elsewhere between the
     * listing's read and the tag's was taken for shown (the tag already counted it) and missed until the next change.
     * The work runs when the test says, in the order the app's threads could take.
     */
    @Test
    void aChangeMadeRightAfterTheFirstListingIsTakenUpAtTheNextQuestion() {
        watch.stop();
        Queue<Runnable> pending = new ArrayDeque<>();
        Background queued = new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                pending.add(() -> Background.direct().run(work, onSuccess, onFailure));
            }
        };
        ManualTicker loginTicker = new ManualTicker();
        List<String> listed = new ArrayList<>();
        BookWatch atLogin = new BookWatch(fixture.user, queued, () -> {
            refreshes++;
            return true;
        }, offline::add);
        atLogin.start(loginTicker, Duration.ofSeconds(60), () -> listed.add("first listing"));
        while (listed.isEmpty() && !pending.isEmpty()) {
            pending.poll().run();
        }
        assertEquals(List.of("first listing"), listed);
        addElsewhere("Ann"); // right after the book was listed
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
        loginTicker.tick();
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
        assertEquals(1, refreshes, "Ann, added after the listing, is taken up");
        atLogin.stop();
    }
}
