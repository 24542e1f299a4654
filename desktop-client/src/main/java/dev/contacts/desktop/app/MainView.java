package dev.contacts.desktop.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import atlantafx.base.controls.Notification;
import dev.contacts.desktop.account.AccountView;
import dev.contacts.desktop.account.AccountViewModel;
import dev.contacts.desktop.account.DevicesView;
import dev.contacts.desktop.account.DevicesViewModel;
import dev.contacts.desktop.birthdays.BirthdaysView;
import dev.contacts.desktop.birthdays.BirthdaysViewModel;
import dev.contacts.desktop.contacts.CardExtras;
import dev.contacts.desktop.contacts.ConflictDialog;
import dev.contacts.desktop.contacts.ContactFormViewModel;
import dev.contacts.desktop.contacts.ContactsView;
import dev.contacts.desktop.contacts.ContactsViewModel;
import dev.contacts.desktop.duplicates.DuplicatesView;
import dev.contacts.desktop.duplicates.DuplicatesViewModel;
import dev.contacts.desktop.settings.Settings;
import dev.contacts.desktop.theme.ThemeManager;
import dev.contacts.desktop.transfer.ExportViewModel;
import dev.contacts.desktop.transfer.Transfers;
import dev.contacts.desktop.trash.TrashView;
import dev.contacts.desktop.trash.TrashViewModel;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.ConfirmDialog;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.desktop.ui.MenuPopups;
import dev.contacts.desktop.ui.Debouncer;
import dev.contacts.desktop.ui.Views;
import dev.contacts.model.Contact;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The screens of one signed-in account (layout in MainView.fxml), built with view models of their own for its
 * {@link UserSession}: nothing here is shared with another login, and all of it is dropped with the session.
 */
public final class MainView extends StackPane {

    static final Duration UNDO_TIME = Duration.seconds(8);

    private final Session session;
    private final UserSession user;
    private final ThemeManager theme;
    private final ContactsViewModel contacts;
    private final ContactFormViewModel form;
    private final BirthdaysViewModel birthdays;
    private final AccountViewModel account;
    private final DevicesViewModel devices;
    private final ContactsView contactsView;
    private final BirthdaysView birthdaysView;
    private final TrashViewModel trash;
    private final TrashView trashView;
    private final DuplicatesViewModel duplicates;
    private final DuplicatesView duplicatesView;
    private final Transfers transfers;
    /** Asks the server whether the book changed elsewhere (a timer, the window's focus); stopped with the login. */
    private final BookWatch watch;
    /** The book's first tag is being read: the first listing waits for it ({@link #watchChanges}). */
    private boolean firstTagPending;
    /** A listing was asked for while the first tag was being read: it runs once the tag is in. */
    private boolean listWhenTagged;
    @FXML private BorderPane layout;
    @FXML private ToggleButton contactsTab;
    @FXML private ToggleButton birthdaysTab;
    @FXML private ToggleGroup views;
    @FXML private Button themeToggle;
    @FXML private MenuButton accountMenu;
    @FXML private MenuItem logout;
    @FXML private MenuItem quit;
    @FXML private MenuItem exportAllItem;
    @FXML private MenuItem exportSelectionItem;
    @FXML private Notification undoToast;
    private BooleanBinding cardShowing;
    private Node focusBeforeCard;

    /**
     * Logging out goes through {@code session}, which closes whichever login is current; {@code debouncers} makes
     * this login's debouncers, waiting the milliseconds given.
     */
    public MainView(Session session, UserSession user, LongFunction<Debouncer> debouncers, ThemeManager theme,
                    Settings settings, Dates dates, Consumer<String> openLink) {
        this.session = session;
        this.user = user;
        this.theme = theme;
        Background background = user.background();
        ConfirmDialog confirm = new ConfirmDialog(this);
        this.form = new ContactFormViewModel(user, background, dates);
        form.setConfirm(confirm);
        form.setConflictQuestion(new ConflictDialog(this));
        this.contacts = new ContactsViewModel(user, background,
                debouncers.apply(ContactsViewModel.TYPING_QUIET_MILLIS),
                debouncers.apply(CardExtras.SELECTION_REST_MILLIS), form);
        contacts.setConfirm(confirm);
        contacts.rememberSortIn(settings);
        this.birthdays = new BirthdaysViewModel(user, background);
        this.account = new AccountViewModel(user, background);
        this.devices = new DevicesViewModel(user, background);
        this.transfers = new Transfers(user, background, contacts::reload,
                () -> contacts.selectionProperty().get(), this);
        transfers.rememberFormatIn(settings);
        this.contactsView = new ContactsView(contacts, openLink, this::exportSelection, this::showTrash,
                this::importFiles);
        this.birthdaysView = new BirthdaysView(birthdays, dates, this::openFromBirthdays);
        // trash and duplicates change the address book: the list reloads
        this.trash = new TrashViewModel(user, background, contacts::reload);
        trash.setConfirm(confirm);
        this.trashView = new TrashView(trash, contacts.photos());
        this.duplicates = new DuplicatesViewModel(user, background, contacts::reload);
        this.duplicatesView = new DuplicatesView(duplicates, contacts.photos());
        this.watch = new BookWatch(user, background, this::changedElsewhere, contacts::serverUnreachable);
        contacts.listAfterOwnWritesWith(watch::ownWriteThen); // (its own writes are not changes made elsewhere)
        Views.load(this);
    }

    @FXML
    private void initialize() {
        layout.setCenter(contactsView);
        themeToggle.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(theme.darkProperty().get() ? "mdmz-wb_sunny" : "mdal-brightness_4"),
                theme.darkProperty()));
        themeToggle.accessibleTextProperty().bind(Bindings.when(theme.darkProperty())
                .then("Switch to the light theme").otherwise("Switch to the dark theme"));
        accountMenu.setText(user.account());
        accountMenu.setAccessibleText("Account: " + user.account());
        MenuPopups.openFromTheRightEdge(accountMenu); // inside the window, also at 800 pixels wide
        logout.setAccelerator(AppWindow.LOG_OUT);
        quit.setAccelerator(AppWindow.QUIT);
        exportSelectionItem.textProperty().bind(Bindings.createStringBinding(
                () -> ExportViewModel.selectionAction(contacts.selectionProperty().get()), contacts.selectionProperty()));
        // greyed out while nothing is selected, as Delete is: it used to open a card titled "Export failed"
        exportSelectionItem.disableProperty().bind(Bindings.createBooleanBinding(
                () -> contacts.selectionProperty().get().size() == 0, contacts.selectionProperty()));
        // and "Export all" while the book holds nobody: it wrote an empty file and reported it done
        exportAllItem.disableProperty().bind(contacts.bookEmptyProperty());
        undoToast();
        List<Node> cards = new ArrayList<>(transfers.views());
        cards.add(new AccountView(account));
        cards.add(new DevicesView(devices));
        getChildren().addAll(cards);
        keepTheKeyboardInCards(cards);
        transfers.acceptDrops(this);
    }

    /**
     * While a card (import, export, account) is over the screens, the screens beneath are disabled, as under a
     * dialog: Tab stays in the card (so Escape still reaches it) and nothing beneath takes a key. When it closes,
     * the focus goes back where it was.
     */
    private void keepTheKeyboardInCards(List<Node> cards) {
        cardShowing = Bindings.createBooleanBinding(() -> cards.stream().anyMatch(Node::isVisible),
                cards.stream().map(Node::visibleProperty).toArray(Observable[]::new));
        cardShowing.addListener((obs, was, showing) -> {
            if (showing) {
                focusBeforeCard = getScene() == null ? null : getScene().getFocusOwner();
            }
            layout.setDisable(showing);
            undoToast.setDisable(showing);
            if (!showing && focusBeforeCard != null && focusBeforeCard.getScene() == getScene()
                    && !focusBeforeCard.isDisabled() && focusBeforeCard.isVisible()) {
                focusBeforeCard.requestFocus();
            }
            if (!showing) {
                focusBeforeCard = null;
            }
        });
    }

    /** Whether a card is over the screens: the shortcuts for the screens beneath do nothing meanwhile. */
    private boolean cardShowing() {
        return cardShowing != null && cardShowing.get();
    }

    private void undoToast() {
        Button undo = new Button("Undo", new FontIcon("mdmz-undo"));
        undo.setId("undo");
        undo.setOnAction(e -> undoLast());
        undoToast.setPrimaryActions(undo);
        undoToast.setOnClose(e -> dismissUndo());
        PauseTransition expiry = new PauseTransition(UNDO_TIME);
        expiry.setOnFinished(e -> dismissUndo());
        // one toast offers the last of a delete and a label's rename or removal: the newer one replaces the other
        contacts.lastDeletionProperty().addListener((obs, was, deletion) -> {
            if (deletion != null) {
                contacts.labels().dismissChange();
            }
            toast(deletion == null ? null : deletion.message(), "mdal-delete", expiry);
            if (deletion != null && deletion.notRestored()) {
                expiry.stop(); // Undo stays offered for when the server is back
            }
        });
        contacts.labels().lastChangeProperty().addListener((obs, was, change) -> {
            if (change != null) {
                contacts.dismissDeletion();
            }
            toast(change == null ? null : change.message(), "mdal-label", expiry);
        });
    }

    /** Shows the toast with {@code message} and the icon {@code icon} for {@link #UNDO_TIME}; null hides it. */
    private void toast(String message, String icon, PauseTransition expiry) {
        undoToast.setVisible(message != null);
        if (message != null) {
            undoToast.setMessage(message);
            undoToast.setGraphic(new FontIcon(icon));
            expiry.playFromStart();
        } else if (contacts.lastDeletionProperty().get() == null
                && contacts.labels().lastChangeProperty().get() == null) {
            expiry.stop();
        }
    }

    /** Undo: what the toast offers (a delete, or a label's rename or removal). */
    private void undoLast() {
        if (!contacts.labels().undo()) {
            contacts.undoDelete();
        }
    }

    private void dismissUndo() {
        contacts.dismissDeletion();
        contacts.labels().dismissChange();
    }

    /** Asks every {@code period} of {@code ticker} whether the book changed elsewhere, until {@link #close}. */
    void watchChanges(BookWatch.Ticker ticker, java.time.Duration period) {
        firstTagPending = true;
        watch.start(ticker, period, () -> {
            firstTagPending = false;
            if (listWhenTagged) {
                listWhenTagged = false;
                refresh();
            }
        });
    }

    /** The window came back into focus: whether the book changed meanwhile is asked at once. */
    void windowFocused() {
        watch.windowFocused();
    }

    /** The login is over (logged out, another account): no more questions, no timer left running. */
    void close() {
        watch.stop();
    }

    /** What asks whether the book changed elsewhere (for tests). */
    public BookWatch watch() {
        return watch;
    }

    /**
     * The book changed elsewhere: the list (its place and selection kept), the sidebar and the screen showing are
     * brought up to date quietly; false while a card or the form is open (asked again at the next question).
     */
    private boolean changedElsewhere() {
        if (cardShowing() || !contacts.changedElsewhere()) {
            return false;
        }
        if (layout.getCenter() == birthdaysView) {
            birthdays.refresh();
        } else if (layout.getCenter() == trashView) {
            trash.refresh();
        } else if (layout.getCenter() == duplicatesView) {
            duplicates.changedElsewhere();
        }
        return true;
    }

    /** The login these screens belong to. */
    public UserSession user() {
        return user;
    }

    /** Whether leaving now would drop nothing typed (asks when it would). */
    public boolean mayClose() {
        return form.mayDiscardChanges();
    }

    /** Ctrl+N: a new contact. */
    public void newContact() {
        if (cardShowing()) {
            return;
        }
        showContacts();
        contacts.startNew();
    }

    /** Ctrl+S: saves the contact form while it is open, wherever the focus is (the list, the search...). */
    public void save() {
        if (layout.getCenter() == contactsView && !cardShowing()) {
            contactsView.saveForm();
        }
    }

    /** Ctrl+Z: brings back what was just deleted, or a label just renamed or removed (while its toast shows). */
    public void undo() {
        if (!cardShowing()) {
            undoLast();
        }
    }

    /** Ctrl+F: into the search field. */
    public void focusSearch() {
        if (cardShowing()) {
            return;
        }
        showContacts();
        contactsView.focusSearch();
    }

    public void refresh() {
        if (firstTagPending) { // the first listing waits for the book's first tag: no change slips between the two
            listWhenTagged = true;
            return;
        }
        if (cardShowing()) {
            return;
        }
        if (layout.getCenter() == birthdaysView) {
            birthdays.refresh();
        } else if (layout.getCenter() == trashView) {
            trash.refresh();
        } else if (layout.getCenter() == duplicatesView) {
            duplicates.refresh();
        } else {
            contacts.reload();
        }
    }

    /** A birthday's contact, shown as in the list (its details, Edit one action away), not opened for editing. */
    private void openFromBirthdays(Contact contact) {
        if (contacts.open(contact)) {
            showContacts();
            ignoreTheRestOfTheClicks();
        }
    }

    /**
     * A birthday opens on its second click; a third click of the same burst (a click to select, then a double
     * click) would land on the contacts view, on whatever sits under the pointer there (the sidebar's Favourites,
     * another row), and pick it. Clicks that go on counting are dropped until a new first click.
     */
    private void ignoreTheRestOfTheClicks() {
        addEventFilter(MouseEvent.ANY, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                EventType<? extends MouseEvent> type = e.getEventType();
                boolean click = type == MouseEvent.MOUSE_PRESSED || type == MouseEvent.MOUSE_RELEASED
                        || type == MouseEvent.MOUSE_CLICKED;
                if (type == MouseEvent.MOUSE_PRESSED && e.getClickCount() == 1) {
                    removeEventFilter(MouseEvent.ANY, this);
                } else if (click && e.getClickCount() > 1) {
                    e.consume();
                }
            }
        });
    }

    @FXML
    public void showContacts() {
        contactsTab.setSelected(true);
        layout.setCenter(contactsView);
    }

    @FXML
    public void showBirthdays() {
        birthdaysTab.setSelected(true);
        layout.setCenter(birthdaysView);
        birthdays.refresh();
    }

    /** View → Trash. */
    @FXML
    public void showTrash() {
        views.selectToggle(null);
        layout.setCenter(trashView);
        trash.refresh();
        trashView.focusTable();
    }

    /** View → Duplicates. */
    @FXML
    public void showDuplicates() {
        views.selectToggle(null);
        layout.setCenter(duplicatesView);
        duplicates.refresh();
    }

    /** File → Import…, Export all…, Export selection…, and files dropped on the window. */
    public Transfers transfers() {
        return transfers;
    }

    @FXML
    private void importFiles() {
        if (!cardShowing()) {
            transfers.chooseAndImport();
        }
    }

    @FXML
    private void exportAll() {
        if (!cardShowing()) {
            transfers.exportAll();
        }
    }

    @FXML
    private void exportSelection() {
        if (cardShowing()) {
            return;
        }
        showContacts(); // the selection is the list's
        transfers.exportSelection();
    }

    @FXML
    private void toggleTheme() {
        theme.toggle();
    }

    @FXML
    private void showDevices() {
        devices.open();
    }

    @FXML
    private void changePassword() {
        account.open(AccountViewModel.Action.CHANGE_PASSWORD);
    }

    @FXML
    private void deleteAccount() {
        account.open(AccountViewModel.Action.DELETE_ACCOUNT);
    }

    /**
     * File → Quit (Ctrl+Q): closes the window as its close button does, asking first when something typed would
     * be lost; the app then stops (the embedded server's database closed cleanly).
     */
    @FXML
    public void quit() {
        if (mayClose()) {
            getScene().getWindow().hide();
        }
    }

    /** Logs out, asking first when something typed would be lost. */
    @FXML
    public void logOut() {
        if (mayClose()) {
            session.logOut();
        }
    }
}
