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
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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

    private final ContactsViewModel contacts;
    private final ContactFormViewModel form;
    private final BirthdaysViewModel birthdays;
    private final ContactsView contactsView;
    private final BirthdaysView birthdaysView;
    private final BorderPane layout = new BorderPane();
    private final ToggleButton contactsTab = new ToggleButton("Contacts", new FontIcon(Material2AL.CONTACTS));
    private final ToggleButton birthdaysTab = new ToggleButton("Birthdays", new FontIcon(Material2AL.CAKE));

    public MainView(Session session, ContactsViewModel contacts, ContactFormViewModel form,
                    BirthdaysViewModel birthdays, AccountViewModel account, ThemeManager theme) {
        this.contacts = contacts;
        this.form = form;
        this.birthdays = birthdays;
        this.contactsView = new ContactsView(contacts, form);
        this.birthdaysView = new BirthdaysView(birthdays);
        setId("main-view");

        layout.setTop(topBar(session, account, theme));
        layout.setCenter(contactsView);
        getChildren().add(layout);
        getChildren().add(undoToast());
        getChildren().add(new AccountView(account));
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
        logout.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
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

    /** Keyboard shortcuts of the main window. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            showContacts();
            form.startNew();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            showContacts();
            contactsView.focusSearch();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
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
