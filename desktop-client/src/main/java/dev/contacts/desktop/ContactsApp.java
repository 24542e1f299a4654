package dev.contacts.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.app.AppArguments;
import dev.contacts.desktop.app.AppWindow;
import dev.contacts.desktop.app.Pipeline;
import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.app.SingleInstance;
import dev.contacts.desktop.app.WindowBounds;
import dev.contacts.desktop.embedded.EmbeddedServer;
import dev.contacts.desktop.settings.Settings;
import dev.contacts.desktop.theme.ThemeManager;
import dev.contacts.desktop.ui.Debouncer;
import dev.contacts.desktop.ui.FxBackground;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop app: the embedded server (or a remote one), the window, and a clean stop when it closes. */
public final class ContactsApp extends Application {

    private static final System.Logger LOG = System.getLogger(ContactsApp.class.getName());

    private final FxBackground background = new FxBackground();
    private EmbeddedServer embedded;
    private AppArguments args;
    private Settings settings;
    private SingleInstance instance;
    private boolean claimFailed;
    private Stage stage;
    private ThemeManager theme;
    /** An embedded install that has no address book yet: the person has no account to log in to. */
    private boolean firstRun;

    /** The command line as the launcher parsed it. */
    private static volatile AppArguments launchedWith;
    /** The embedded server, already starting while the toolkit comes up; null with a remote server. */
    private static volatile EmbeddedServer startedEarly;
    private static volatile SingleInstance claimed;
    private static volatile boolean claimFailedEarly;
    /** Whether the data folder had no address book before this start (seen before the server creates one). */
    private static volatile boolean noAddressBookYet;

    /**
     * Starts the app with the command line {@link Launcher} parsed; returns when the app has ended. The data
     * folder is claimed and the embedded server set starting first, so that its start runs beside the toolkit's
     * and the window's instead of after them.
     */
    static void launch(AppArguments arguments) {
        launchedWith = arguments;
        Pipeline.choose();
        claimDataFolder(arguments);
        Application.launch(ContactsApp.class);
    }

    private static void claimDataFolder(AppArguments arguments) {
        Runnable show = () -> Platform.runLater(() -> {
            if (running != null) {
                running.bringToFront();
            }
        });
        try {
            claimed = SingleInstance.claim(arguments.dataDir(), show).orElse(null);
        } catch (IOException | RuntimeException e) {
            claimFailedEarly = true; // e.g. a read-only folder: better a window than none
            LOG.log(Level.WARNING, "Cannot check for another window on " + arguments.dataDir(), e);
        }
        boolean mine = claimed != null || claimFailedEarly;
        noAddressBookYet = !Files.exists(arguments.dataDir().resolve(EmbeddedServer.DATABASE_FILE));
        if (mine && arguments.server().isEmpty()) {
            startedEarly = new EmbeddedServer(arguments.dataDir());
            startedEarly.startInBackground();
        }
    }

    /** The embedded server once the launcher has set it starting; null before that or with a remote server. */
    static EmbeddedServer embeddedServer() {
        return startedEarly;
    }

    /** The app once constructed (the single-instance listener may ask it for the window before that). */
    private static volatile ContactsApp running;

    /** Runs on the launcher thread, before the FX thread starts: the place for the little disk work up front. */
    @Override
    public void init() {
        Pipeline.toolkitStarted();
        running = this;
        args = launchedWith;
        if (args == null) {
            System.err.println("contacts: start the app through its launcher (dev.contacts.desktop.Launcher)");
            return;
        }
        instance = claimed;
        claimFailed = claimFailedEarly;
        if (instance == null && !claimFailed) {
            System.err.println("contacts: already open for " + args.dataDir() + "; brought that window forward");
            args = null;
            return;
        }
        embedded = startedEarly;
        firstRun = args.server().isEmpty() && noAddressBookYet;
        settings = new Settings(args.dataDir());
        theme = new ThemeManager(settings);
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        if (args == null) {
            Platform.exit();
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.log(Level.ERROR, "Unexpected error on " + thread.getName(), error));

        ContactsApi api;
        if (args.server().isPresent()) {
            api = new ContactsApi(args.server()::get, Duration.ofSeconds(10));
        } else {
            // SIGTERM or a logout of the desktop session: the database is still closed cleanly.
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "contacts-embedded-stop"));
            api = new ContactsApi(embedded::uri, Duration.ofSeconds(10)).builtIn(Duration.ofSeconds(60));
        }
        theme.apply();
        AppWindow window = new AppWindow(new Session(api, background), background, Debouncer::fx, theme,
                settings, args.server());
        window.openLinksWith(getHostServices()::showDocument);
        window.showIn(stage);
        if (firstRun) {
            window.offerAccountCreation();
        }
        if (embedded != null) {
            window.waitForServer(embedded::uri);
        }
        Optional<WindowBounds> bounds = WindowBounds.remembered(settings)
                .filter(b -> b.reachableOn(Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                        AppWindow.MIN_WIDTH, AppWindow.MIN_HEIGHT));
        bounds.ifPresent(b -> b.applyTo(stage)); // where the window first appears
        stage.setOnShown(e -> {
            // again once shown: a window manager sizes a new window itself (to its minimum size under openbox)
            bounds.ifPresent(b -> b.applyTo(stage));
            // the HTTP client and JSON mapper are made now, not on the first login (not before the window either)
            Thread.ofVirtual().name("contacts-prepare").start(api::prepare);
            window.prepareDates(); // likewise ICU's locale data, which the main view's dates need at login
        });
        stage.show();
    }

    /** Another start on the same data folder asked for this window. */
    private void bringToFront() {
        if (stage != null) {
            stage.setIconified(false);
            stage.toFront();
            stage.requestFocus();
        }
    }

    @Override
    public void stop() {
        if (stage != null && settings != null && stage.getWidth() > 0) {
            // when maximized, the size to come back to is not known here: keep the last remembered one
            WindowBounds last = WindowBounds.remembered(settings).orElse(null);
            WindowBounds now = stage.isMaximized() && last != null
                    ? new WindowBounds(last.x(), last.y(), last.width(), last.height(), true)
                    : new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                            stage.isMaximized());
            now.rememberIn(settings);
        }
        if (settings != null) {
            settings.awaitWrites(); // a theme or email changed just before closing is not lost
        }
        if (instance != null) {
            try {
                instance.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot release " + args.dataDir(), e);
            }
        }
        background.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
