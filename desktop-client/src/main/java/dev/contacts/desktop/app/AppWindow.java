package dev.contacts.desktop.app;

import java.util.Optional;
import java.util.function.Supplier;

import dev.contacts.desktop.login.LoginView;
import dev.contacts.desktop.login.LoginViewModel;
import dev.contacts.desktop.theme.ThemeManager;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Debouncer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

/**
 * The whole window's content: the login screen, or the screens of the signed-in account. Those are built fresh
 * for each login ({@link UserSession}) and thrown away with it; after a session merely expired they wait behind
 * the login screen for the same account, so an open form survives that.
 */
public final class AppWindow {

    public static final double WIDTH = 1024;
    public static final double HEIGHT = 700;
    static final KeyCombination LOG_OUT = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    private final Session session;
    private final Supplier<Debouncer> debouncers;
    private final ThemeManager theme;
    private final StackPane root = new StackPane();
    private final LoginView loginView;
    private final Scene scene;
    /** The current account's screens; null when nobody is signed in. */
    private MainView mainView;

    /** {@code debouncers} makes one per login: a search typed by one account never fires in another's. */
    public AppWindow(Session session, Background background, Supplier<Debouncer> debouncers, ThemeManager theme) {
        this.session = session;
        this.debouncers = debouncers;
        this.theme = theme;
        this.loginView = new LoginView(new LoginViewModel(session, background));
        root.setId("app-root");
        scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(AppWindow.class.getResource("/dev/contacts/desktop/contacts.css").toExternalForm());
        installShortcuts();
        session.userProperty().addListener((obs, was, is) -> signedIn(is));
        session.screenProperty().addListener((obs, was, is) -> show());
        signedIn(session.userProperty().get());
    }

    private void signedIn(UserSession user) {
        mainView = user == null ? null : new MainView(session, user, debouncers.get(), theme);
        show();
    }

    private void show() {
        if (session.screenProperty().get() == Session.Screen.MAIN && mainView != null) {
            root.getChildren().setAll(mainView);
            mainView.refresh();
        } else {
            root.getChildren().setAll(loginView);
            loginView.focusEmail();
        }
    }

    /** The shortcuts act on whichever account's screens are showing, never on a closed session's. */
    private void installShortcuts() {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> showing().ifPresent(MainView::newContact));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> showing().ifPresent(MainView::focusSearch));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5),
                () -> showing().ifPresent(MainView::refresh));
        scene.getAccelerators().put(LOG_OUT, () -> showing().ifPresent(view -> session.logOut()));
    }

    private Optional<MainView> showing() {
        return Optional.ofNullable(mainView).filter(view -> root.getChildren().contains(view));
    }

    public Scene scene() {
        return scene;
    }

    /** The signed-in account's screens (for tests); null when nobody is signed in. */
    public MainView mainView() {
        return mainView;
    }
}
