package dev.contacts.desktop.app;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import dev.contacts.desktop.account.AccountView;
import dev.contacts.desktop.account.AccountViewModel;
import dev.contacts.desktop.birthdays.BirthdaysView;
import dev.contacts.desktop.birthdays.BirthdaysViewModel;
import dev.contacts.desktop.contacts.ContactFormViewModel;
import dev.contacts.desktop.contacts.ContactsView;
import dev.contacts.desktop.contacts.ContactsViewModel;
import dev.contacts.desktop.theme.ThemeManager;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Debouncer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The window's content once logged in: a top bar (Contacts / Birthdays, theme, account menu), the current
 * view, and the Undo toast after a delete.
 */
public final class MainView extends StackPane {

    static final Duration UNDO_TIME = Duration.seconds(8);

    private final UserSession user;
    private final ContactsViewModel contacts;
    private final ContactFormViewModel form;
    private final BirthdaysViewModel birthdays;
    private final ContactsView contactsView;
    private final BirthdaysView birthdaysView;
    private final BorderPane layout = new BorderPane();
    private final ToggleButton contactsTab = new ToggleButton("Contacts", new FontIcon(Material2AL.CONTACTS));
    private final ToggleButton birthdaysTab = new ToggleButton("Birthdays", new FontIcon(Material2AL.CAKE));

    /**
     * Builds the screens of {@code user}'s session, with view models of their own: nothing here is shared with
     * another login. Logging out goes through {@code session}, which closes whichever login is current.
     */
    public MainView(Session session, UserSession user, Debouncer debouncer, ThemeManager theme) {
        this.user = user;
        Background background = user.background();
        this.contacts = new ContactsViewModel(user, background, debouncer);
        this.form = new ContactFormViewModel(user, background);
        this.birthdays = new BirthdaysViewModel(user, background);
        AccountViewModel account = new AccountViewModel(user, background);
        this.contactsView = new ContactsView(contacts, form);
        this.birthdaysView = new BirthdaysView(birthdays);
        setId("main-view");

        layout.setTop(topBar(session, account, theme));
        layout.setCenter(contactsView);
        getChildren().add(layout);
        getChildren().add(undoToast());
        getChildren().add(new AccountView(account));
    }

    /** The login these screens belong to. */
    public UserSession user() {
        return user;
    }

    private HBox topBar(Session session, AccountViewModel accountVm, ThemeManager theme) {
        Label title = new Label("Contacts");
        title.getStyleClass().add(Styles.TITLE_4);

        ToggleGroup views = new ToggleGroup();
        contactsTab.setId("tab-contacts");
        contactsTab.setToggleGroup(views);
        contactsTab.setSelected(true);
        contactsTab.getStyleClass().add(Styles.LEFT_PILL);
        contactsTab.setOnAction(e -> showContacts());
        birthdaysTab.setId("tab-birthdays");
        birthdaysTab.setToggleGroup(views);
        birthdaysTab.getStyleClass().add(Styles.RIGHT_PILL);
        birthdaysTab.setOnAction(e -> showBirthdays());

        Button themeToggle = new Button();
        themeToggle.setId("theme-toggle");
        themeToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        themeToggle.graphicProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new FontIcon(theme.darkProperty().get() ? Material2MZ.WB_SUNNY : Material2AL.BRIGHTNESS_4),
                theme.darkProperty()));
        themeToggle.accessibleTextProperty().bind(javafx.beans.binding.Bindings.when(theme.darkProperty())
                .then("Switch to the light theme").otherwise("Switch to the dark theme"));
        themeToggle.setOnAction(e -> theme.toggle());

        MenuItem logout = new MenuItem("Log out", new FontIcon(Material2AL.EXIT_TO_APP));
        logout.setId("logout");
        logout.setAccelerator(AppWindow.LOG_OUT);
        logout.setOnAction(e -> session.logOut());
        MenuItem changePassword = new MenuItem("Change password…", new FontIcon(Material2AL.LOCK));
        changePassword.setId("change-password");
        changePassword.setOnAction(e -> accountVm.open(AccountViewModel.Action.CHANGE_PASSWORD));
        MenuItem deleteAccount = new MenuItem("Delete account…", new FontIcon(Material2AL.DELETE_FOREVER));
        deleteAccount.setId("delete-account");
        deleteAccount.setOnAction(e -> accountVm.open(AccountViewModel.Action.DELETE_ACCOUNT));
        MenuButton account = new MenuButton(null, new FontIcon(Material2AL.ACCOUNT_CIRCLE), changePassword,
                deleteAccount, new SeparatorMenuItem(), logout);
        account.setId("account-menu");
        account.setAccessibleText("Account");
        account.getStyleClass().addAll(Styles.FLAT);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, title, new HBox(contactsTab, birthdaysTab), spacer, themeToggle, account);
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        return bar;
    }

    private Notification undoToast() {
        Notification toast = new Notification("", new FontIcon(Material2AL.DELETE));
        toast.setId("undo-toast");
        toast.getStyleClass().add(Styles.ELEVATED_2);
        toast.setMaxSize(420, USE_PREF_SIZE);
        Button undo = new Button("Undo", new FontIcon(Material2MZ.UNDO));
        undo.setId("undo");
        undo.setOnAction(e -> contacts.undoDelete());
        toast.setPrimaryActions(undo);
        toast.setOnClose(e -> contacts.dismissDeletion());
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        StackPane.setMargin(toast, new Insets(16));
        PauseTransition expiry = new PauseTransition(UNDO_TIME);
        expiry.setOnFinished(e -> contacts.dismissDeletion());
        toast.setVisible(false);
        contacts.lastDeletionProperty().addListener((obs, was, deletion) -> {
            toast.setVisible(deletion != null);
            if (deletion != null) {
                toast.setMessage(deletion.message());
                expiry.playFromStart();
            } else {
                expiry.stop();
            }
        });
        return toast;
    }

    /** Ctrl+N: a new contact. */
    public void newContact() {
        showContacts();
        form.startNew();
    }

    /** Ctrl+F: into the search field. */
    public void focusSearch() {
        showContacts();
        contactsView.focusSearch();
    }

    public void refresh() {
        if (layout.getCenter() == birthdaysView) {
            birthdays.refresh();
        } else {
            contacts.refresh();
        }
    }

    public void showContacts() {
        contactsTab.setSelected(true);
        layout.setCenter(contactsView);
    }

    public void showBirthdays() {
        birthdaysTab.setSelected(true);
        layout.setCenter(birthdaysView);
        birthdays.refresh();
    }
}
