package dev.contacts.desktop.app;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import dev.contacts.desktop.login.LoginView;
import dev.contacts.desktop.login.LoginViewModel;
import dev.contacts.desktop.settings.Settings;
import dev.contacts.desktop.theme.ThemeManager;
import dev.contacts.desktop.ui.AppIcon;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Debouncer;
import dev.contacts.desktop.ui.PreparedDates;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The whole window's content: the login screen, or the screens of the signed-in account. Those are built fresh
 * for each login ({@link UserSession}) and thrown away with it; after a session merely expired they wait behind
 * the login screen for the same account, so an open form survives that.
 */
public final class AppWindow {

    public static final double WIDTH = 1024;
    public static final double HEIGHT = 700;
    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 560;
    static final KeyCombination LOG_OUT = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    /** Ctrl+Q quits, as in GNOME's and Thunderbird's apps, on the login screen too. */
    static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    private final Session session;
    private final LongFunction<Debouncer> debouncers;
    private final ThemeManager theme;
    private final StackPane root = new StackPane();
    private final LoginViewModel login;
    private final LoginView loginView;
    private final Scene scene;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Contacts");
    /** The current account's screens; null when nobody is signed in. */
    private MainView mainView;
    private final Settings settings;
    private final Background background;
    /** The spelled dates' patterns, made in the background once the window shows ({@link #prepareDates}). */
    private final PreparedDates dates = new PreparedDates();
    /** The timer of the questions whether the book changed elsewhere (tests drive their own). */
    private BookWatch.Ticker ticker = BookWatch.Ticker.fx();
    /** Opens a link (a {@code mailto:}) outside the app; the app's host services, set by {@link #openLinksWith}. */
    private Consumer<String> openLink = link -> LOG.log(System.Logger.Level.INFO, "No way to open links here");
    private static final System.Logger LOG = System.getLogger(AppWindow.class.getName());

    /**
     * {@code debouncers} makes one per login and use, waiting the milliseconds given: a search typed by one account
     * never fires in another's. {@code server}
     * is the server logged in to (empty: the app's own), whose last email the login screen fills in.
     */
    public AppWindow(Session session, Background background, LongFunction<Debouncer> debouncers, ThemeManager theme,
                     Settings settings, Optional<java.net.URI> server) {
        this.session = session;
        this.debouncers = debouncers;
        this.theme = theme;
        this.settings = settings;
        this.background = background;
        this.login = new LoginViewModel(session, background, settings, Clock.systemUTC(), server);
        this.loginView = new LoginView(login);
        root.setId("app-root");
        scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(AppWindow.class.getResource("/dev/contacts/desktop/contacts.css").toExternalForm());
        installShortcuts();
        session.userProperty().addListener((obs, was, is) -> signedIn(is));
        session.screenProperty().addListener((obs, was, is) -> show());
        signedIn(session.userProperty().get());
    }

    /** The timer that asks whether the book changed elsewhere, for the logins from now on (tests drive their own). */
    public void watchChangesWith(BookWatch.Ticker ticker) {
        this.ticker = ticker;
    }

    /** The window came into focus: the account showing asks whether its book changed meanwhile. */
    public void windowFocused() {
        showing().ifPresent(MainView::windowFocused);
    }

    /** How links are opened outside the app (the application's host services). */
    public void openLinksWith(Consumer<String> opener) {
        this.openLink = opener;
    }

    /** The app's own server is still starting: the login screen says so until {@code started} returns. */
    public void waitForServer(Runnable started) {
        login.waitForServer(started);
    }

    /**
     * Loads the locale's date patterns in the background (ICU's first use takes about 0.3 s), so that the login
     * building the main view does not wait for them on the FX thread. Called once the window shows.
     */
    public void prepareDates() {
        dates.prepare(background);
    }

    /** The first start of an install (no address book yet): the login screen opens on "Create your account". */
    public void offerAccountCreation() {
        login.offerAccountCreation();
    }

    private void signedIn(UserSession user) {
        if (mainView != null) {
            mainView.close(); // (its questions to the server end with its login)
        }
        mainView = user == null ? null : new MainView(session, user, debouncers, theme, settings, dates.get(),
                link -> openLink.accept(link));
        if (mainView != null) {
            mainView.watchChanges(ticker, settings.checkEvery());
        }
        show();
    }

    private void show() {
        if (session.screenProperty().get() == Session.Screen.MAIN && mainView != null) {
            root.getChildren().setAll(mainView);
            title.set("Contacts – " + mainView.user().account());
            mainView.refresh();
        } else {
            title.set("Contacts");
            root.getChildren().setAll(loginView);
            loginView.focusFirstEmptyField();
        }
        // the File menu's Quit registers Ctrl+Q with the scene and takes it away with the menu at log-out
        scene.getAccelerators().put(QUIT, this::quit);
    }

    /** Ctrl+Q: closes the window as its close button does (asking first when something typed would be lost). */
    private void quit() {
        showing().ifPresentOrElse(MainView::quit, () -> scene.getWindow().hide());
    }

    /** The shortcuts act on whichever account's screens are showing, never on a closed session's. */
    private void installShortcuts() {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> showing().ifPresent(MainView::newContact));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> showing().ifPresent(MainView::focusSearch));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5),
                () -> showing().ifPresent(MainView::refresh));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
                () -> showing().ifPresent(MainView::undo));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                () -> showing().ifPresent(MainView::save));
        scene.getAccelerators().put(LOG_OUT, () -> showing().ifPresent(MainView::logOut));
    }

    private Optional<MainView> showing() {
        return java.util.Optional.ofNullable(mainView).filter(view -> root.getChildren().contains(view));
    }

    /** "Contacts – ada@example.com" while an account is signed in, so it is clear whose address book this is. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Whether the window may close now: nothing typed would be lost, or the person agreed to drop it. */
    public boolean mayClose() {
        return showing().map(MainView::mayClose).orElse(true);
    }

    /**
     * Shows this window's content in {@code stage}: its title follows the account, it has the app's icon and
     * minimum size, and closing it asks first when something typed would be lost.
     */
    public void showIn(Stage stage) {
        stage.titleProperty().bind(title);
        stage.getIcons().setAll(AppIcon.images());
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnCloseRequest(e -> {
            if (!mayClose()) {
                e.consume(); // the person chose to keep editing
            }
        });
        stage.setScene(scene);
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                windowFocused();
            }
        });
    }

    public Scene scene() {
        return scene;
    }

    /** The signed-in account's screens (for tests); null when nobody is signed in. */
    public MainView mainView() {
        return mainView;
    }
}
