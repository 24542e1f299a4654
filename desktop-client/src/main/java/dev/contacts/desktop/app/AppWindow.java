package dev.contacts.desktop.app;

import dev.contacts.desktop.account.AccountViewModel;
import dev.contacts.desktop.birthdays.BirthdaysViewModel;
import dev.contacts.desktop.contacts.ContactFormViewModel;
import dev.contacts.desktop.contacts.ContactsViewModel;
import dev.contacts.desktop.login.LoginView;
import dev.contacts.desktop.login.LoginViewModel;
import dev.contacts.desktop.theme.ThemeManager;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Debouncer;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * The whole window's content: the login screen or the main view, following the session. The main view is
 * built once and kept while the login screen shows, so an open form survives an ended session.
 */
public final class AppWindow {

    public static final double WIDTH = 1024;
    public static final double HEIGHT = 700;

    private final Session session;
    private final StackPane root = new StackPane();
    private final LoginView loginView;
    private final MainView mainView;
    private final Scene scene;

    public AppWindow(Session session, Background background, Debouncer debouncer, ThemeManager theme) {
        this.session = session;
        LoginViewModel login = new LoginViewModel(session, background);
        ContactsViewModel contacts = new ContactsViewModel(session, background, debouncer);
        ContactFormViewModel form = new ContactFormViewModel(session, background);
        BirthdaysViewModel birthdays = new BirthdaysViewModel(session, background);
        this.loginView = new LoginView(login);
        AccountViewModel account = new AccountViewModel(session, background);
        this.mainView = new MainView(session, contacts, form, birthdays, account, theme);
        root.setId("app-root");
        scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(AppWindow.class.getResource("/dev/contacts/desktop/contacts.css").toExternalForm());
        mainView.installShortcuts(scene);
        session.screenProperty().addListener((obs, was, is) -> show(is));
        show(session.screenProperty().get());
    }

    private void show(Session.Screen screen) {
        if (screen == Session.Screen.MAIN) {
            root.getChildren().setAll(mainView);
            mainView.refresh();
        } else {
            root.getChildren().setAll(loginView);
            loginView.focusEmail();
        }
    }

    public Scene scene() {
        return scene;
    }

    public MainView mainView() {
        return mainView;
    }
}
