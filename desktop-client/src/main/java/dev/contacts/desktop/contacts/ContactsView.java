package dev.contacts.desktop.contacts;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import atlantafx.base.controls.CustomTextField;
import dev.contacts.desktop.api.ContactsApi.SortBy;
import dev.contacts.desktop.ui.Fields;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.desktop.ui.Views;
import dev.contacts.model.Contact;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The address book (layout in ContactsView.fxml): the list on the left, loading further pages as it scrolls,
 * and the selected contact's details on the right, which Edit turns into the form. Enter edits the selected
 * contact, Delete deletes the selection; focus comes back to the list when the form closes, so the keyboard
 * keeps working; a letter typed in the list, or clicked in the index strip beside it, jumps to the first contact
 * under it. Another contact never replaces unsaved changes without asking.
 */
public final class ContactsView extends BorderPane {

    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);

    private final ContactsViewModel vm;
    private final ContactFormViewModel form;
    private final ContactFormView formView;
    private final ContactDetailView detailView;
    private final SelectionSummaryView selectionView;
    @FXML private CustomTextField search;
    @FXML private FontIcon clearSearch;
    @FXML private Label summary;
    @FXML private Label selectionSummary;
    @FXML private ProgressIndicator loading;
    @FXML private ComboBox<SortBy> sort;
    @FXML private Button delete;
    @FXML private HBox errorBanner;
    @FXML private HBox notListedBanner;
    @FXML private Label notListed;
    @FXML private Button listSaved;
    @FXML private Label error;
    @FXML private ListView<Contact> list;
    @FXML private Label emptyState;
    @FXML private Button openTrash;
    @FXML private Button importContacts;
    @FXML private VBox indexStrip;
    @FXML private StackPane side;
    @FXML private HBox columns;
    private final Runnable showTrash;
    private final Runnable importFiles;
    /** Set while the selection is put back on the contact being edited (the person kept their changes). */
    private boolean restoringSelection;
    /** Set while this view selects every row itself (so that it does not count as the person's new choice). */
    private boolean selectingAll;
    /** Set while the list is made to show the view model's selection. */
    private boolean followingSelection;
    /** How many rows were loaded, and so selected, when every row was last selected for "everyone". */
    private int rowsSelectedAsEveryone;
    /** The first row the Delete key acted on, until its rows are taken out of the list; -1: no delete under way. */
    private int deletingFrom = -1;
    /**
     * Where the deleted rows were, while no row is selected after them: Down selects the contact that came next,
     * Up the one before (as in Thunderbird and GNOME Contacts), not the top of the list; -1: nowhere.
     */
    private int deletedAt = -1;

    /**
     * {@code openLink} opens a {@code mailto:} link in the person's mail client; {@code exportSelection} asks where
     * to export the selected contacts; {@code showTrash} opens the Trash view; {@code importFiles} asks which files
     * to import (File → Import…).
     */
    public ContactsView(ContactsViewModel vm, Consumer<String> openLink, Runnable exportSelection,
                        Runnable showTrash, Runnable importFiles) {
        this.vm = vm;
        this.form = vm.form();
        this.showTrash = showTrash;
        this.importFiles = importFiles;
        formView = new ContactFormView(form, vm::deleteEdited, vm.photos());
        detailView = new ContactDetailView(vm, form.dates(), openLink);
        selectionView = new SelectionSummaryView(vm, new SelectionSummaryView.Actions() {
            @Override
            public void delete() {
                deleteSelected();
            }

            @Override
            public void export() {
                exportSelection.run();
            }

            @Override
            public void clear() {
                clearSelection();
            }

            @Override
            public void selectAll() {
                selectEveryone();
                list.requestFocus();
            }
        });
        Views.load(this);
    }

    @FXML
    private void initialize() {
        side.getChildren().setAll(detailView, selectionView, formView);
        columns.getChildren().add(0, new LabelsView(vm.labels()));
        // several contacts selected: their summary and actions instead of one contact's details
        var several = vm.selectionSummaryProperty().isNotNull();
        detailView.visibleProperty().bind(form.openProperty().not().and(several.not()));
        selectionView.visibleProperty().bind(form.openProperty().not().and(several));
        // a new or another contact in the form: type into it, not into the field that had the focus before
        // (later, so that a question asked first has given the focus back to the window)
        form.filledProperty().addListener((obs, was, is) -> Platform.runLater(formView::focusFirstField));
        form.openProperty().addListener((obs, was, open) -> {
            if (!open) {
                Platform.runLater(list::requestFocus); // after Save, Escape or a delete: back to the list
            }
        });

        search.textProperty().bindBidirectional(vm.searchTextProperty());
        clearSearch.visibleProperty().bind(vm.searchTextProperty().isNotEmpty());
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                vm.clearSearch(); // as in GNOME Contacts and Google's: Escape empties the search first...
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                list.requestFocus(); // ...and, empty, goes back to the list
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus(); // from the search straight into the results
                if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
        // a contact just saved that the search leaves out: the list says so, the details still show it
        vm.savedNotListedProperty().addListener((obs, was, is) -> {
            notListed.setText(vm.savedNotListedText());
            listSaved.setText(vm.savedNotListedAction());
        });
        notListedBanner.visibleProperty().bind(vm.savedNotListedProperty().isNotNull());
        notListedBanner.managedProperty().bind(notListedBanner.visibleProperty());
        summary.textProperty().bind(vm.summaryProperty());
        // a slow or hung server shows at once that something is under way
        loading.visibleProperty().bind(vm.busyProperty().or(vm.underWayProperty().isNotEmpty()));
        Fields.showWhenNotEmpty(selectionSummary, vm.selectionTextProperty());
        // the count the action covers, the rows not loaded yet included
        delete.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectionProperty().get().size() == 0,
                vm.selectionProperty()));
        delete.textProperty().bind(Bindings.createStringBinding(() -> vm.selectionProperty().get().size() > 1
                ? "Delete " + Messages.number(vm.selectionProperty().get().size()) : "Delete", vm.selectionProperty()));

        sort.getItems().setAll(SortBy.values());
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(SortBy by) {
                return by == null ? "" : by == SortBy.LAST_NAME ? "By last name" : "By first name";
            }

            @Override
            public SortBy fromString(String text) {
                return null;
            }
        });
        sort.valueProperty().bindBidirectional(vm.sortProperty());
        Fields.opensOnSpace(sort);

        Fields.showWhenNotEmpty(error, vm.errorProperty());
        errorBanner.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());

        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setItems(vm.contacts());
        emptyState.textProperty().bind(vm.emptyTextProperty());
        openTrash.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.emptyStateProperty().get().offersTrash(),
                vm.emptyStateProperty()));
        openTrash.managedProperty().bind(openTrash.visibleProperty());
        importContacts.visibleProperty().bind(vm.offersImportProperty());
        importContacts.managedProperty().bind(importContacts.visibleProperty());
        indexStrip.visibleProperty().bind(vm.indexShownProperty());
        indexStrip.managedProperty().bind(indexStrip.visibleProperty());
        list.setCellFactory(l -> new ContactCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> selected(is));
        list.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) change -> {
            if (followingSelection || selectingAll || vm.isEveryoneSelected()
                    && list.getSelectionModel().getSelectedIndices().size() >= rowsSelectedAsEveryone) {
                return; // rows came under a selection of everyone: the person did not choose anew
            }
            // (while rows are being removed, the list may name a row it no longer has)
            vm.pick(list.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).toList());
        });
        // deleted rows were taken out: the rows still selected are those the view model kept, not the rows next
        // to the deleted ones (onto which the list's own selection can shift as rows are removed)
        vm.stillSelectedProperty().addListener((obs, was, picked) -> {
            if (picked != null && !showsSelected(picked)) {
                showSelected(picked);
            }
            if (picked != null) {
                if (picked.contacts().isEmpty() && deletingFrom >= 0) {
                    deletedAt = deletingFrom; // (the rows are out: the place is where the next contact moved up to)
                }
                deletingFrom = -1;
            }
        });
        // rows listed anew (a search, a page, a reload): the place of the deleted rows means nothing there
        list.getItems().addListener((ListChangeListener<Contact>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    deletedAt = -1;
                }
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean down = e.getCode() == KeyCode.DOWN;
            if (deletedAt >= 0 && (down || e.getCode() == KeyCode.UP) && !e.isShiftDown() && !e.isShortcutDown()
                    && list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                int row = Math.max(0, Math.min(list.getItems().size() - 1, down ? deletedAt : deletedAt - 1));
                deletedAt = -1;
                list.getSelectionModel().clearAndSelect(row);
                list.getFocusModel().focus(row);
                list.scrollTo(row);
                e.consume();
            }
        });
        // after Ctrl+A, the rows that load later are shown selected too (later: the list is taking them in now)
        list.getItems().addListener((ListChangeListener<Contact>) change -> Platform.runLater(() -> {
            if (vm.isEveryoneSelected()) {
                selectAllRows();
            }
        }));
        // the list's own Ctrl+A and End stop at the rows loaded so far: the person means the whole book
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SELECT_ALL.match(e)) {
                selectEveryone();
                e.consume();
            } else if (e.getCode() == KeyCode.END && !e.isShortcutDown() && !vm.isComplete()) {
                boolean extend = e.isShiftDown();
                vm.loadAll(() -> toTheEnd(extend));
                e.consume();
            }
        });
        // a letter typed in the list jumps to the first contact under it, loaded yet or not (a digit: to "#")
        list.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String typed = e.getCharacter();
            if (!e.isShortcutDown() && !e.isAltDown() && typed.codePointCount(0, typed.length()) == 1
                    && Character.isLetterOrDigit(typed.codePointAt(0))) {
                vm.jumpTo(typed);
                e.consume();
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                edit(list.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && vm.selectionProperty().get().size() > 1) {
                clearSelection();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !vm.searchTextProperty().get().isEmpty()) {
                vm.clearSearch(); // (no rows to let go of first) as in the search field, and Google's and GNOME's
                e.consume();
            }
        });
        vm.toSelectProperty().addListener((obs, was, contact) -> {
            if (contact != null) {
                list.getSelectionModel().clearSelection();
                list.getSelectionModel().select(contact);
                scrollIntoView(list.getItems().indexOf(contact));
            }
        });
    }

    /**
     * Scrolls only as far as it takes to show the row whole: a row already in view leaves the list where it is
     * (ListView's own scrollTo puts it at the top, so after a save the "Favourites" heading and the rows above it
     * went out of view).
     */
    private void scrollIntoView(int row) {
        if (row < 0) {
            return;
        }
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(row);
        } else {
            list.scrollTo(row); // (no skin yet)
        }
    }

    /**
     * The selection moved: its contact is shown. While the form is open, its changes are kept unless the person
     * agrees to drop them; if not, the selection goes back to the contact being edited.
     */
    private void selected(Contact contact) {
        if (contact != null && deletingFrom < 0) {
            deletedAt = -1; // another row was picked: the keys go on from there
        }
        if (restoringSelection || followingSelection || selectingAll && vm.isEveryoneSelected()) {
            return; // (rows that loaded after Ctrl+A being selected too: the detail stays as it is)
        }
        if (form.openProperty().get()) {
            Contact editing = form.editingProperty().get();
            if (contact != null && editing != null && editing.id() == contact.id()) {
                return;
            }
            if (contact == null) {
                return; // e.g. the rows are being replaced: the form stays as it is
            }
            if (!form.mayDiscardChanges()) {
                Platform.runLater(() -> {
                    restoringSelection = true;
                    list.getSelectionModel().clearSelection();
                    if (editing != null) {
                        list.getSelectionModel().select(editing);
                    }
                    restoringSelection = false;
                    formView.returnFocus(); // back to the changes kept, where the keys act on them
                });
                return;
            }
            form.close();
        }
        vm.show(contact);
    }

    /**
     * Opens the form on {@code contact}, which becomes the only one selected when several were: Delete and the
     * pane beside the list then mean it alone, as the form does.
     */
    private void edit(Contact contact) {
        int index = list.getItems().indexOf(contact);
        if (list.getSelectionModel().getSelectedIndices().size() > 1 && index >= 0) {
            list.getSelectionModel().clearAndSelect(index);
        }
        form.startEdit(contact);
    }

    /** Every contact listed, loaded or not: the rows loaded so far show selected, and so will the others. */
    private void selectEveryone() {
        selectAllRows();
        vm.selectEveryone();
    }

    private boolean showsSelected(Selection.Picked picked) {
        return list.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).map(Contact::id)
                .toList().equals(picked.contacts().stream().map(Contact::id).toList());
    }

    /** Selects the rows of {@code picked} and no others. */
    private void showSelected(Selection.Picked picked) {
        followingSelection = true;
        try {
            list.getSelectionModel().clearSelection();
            picked.contacts().forEach(list.getSelectionModel()::select);
        } finally {
            followingSelection = false;
        }
    }

    /** No row selected any more, and so nothing for the actions to act on. */
    private void clearSelection() {
        list.getSelectionModel().clearSelection();
        vm.clearSelection();
        list.requestFocus();
    }

    private void selectAllRows() {
        selectingAll = true;
        try {
            list.getSelectionModel().selectAll();
            rowsSelectedAsEveryone = list.getItems().size();
        } finally {
            selectingAll = false;
        }
    }

    /** End (with Shift: extending the selection) once every row is loaded: the real last contact. */
    private void toTheEnd(boolean extend) {
        int last = list.getItems().size() - 1;
        if (last < 0) {
            return;
        }
        int from = list.getFocusModel().getFocusedIndex();
        if (extend && from >= 0) {
            list.getSelectionModel().selectRange(from, last + 1);
        } else {
            list.getSelectionModel().clearAndSelect(last);
        }
        list.getFocusModel().focus(last);
        list.scrollTo(last);
    }

    /** One row: an optional heading (Favourites, a letter), the avatar, the name and a line under it. */
    private final class ContactCell extends ListCell<Contact> {

        private final Label heading = new Label();
        private final Avatar avatar = new Avatar(36);
        private final Label name = new Label();
        private final Label subtitle = new Label();
        private final FontIcon star = new FontIcon("mdmz-star");
        private final VBox graphic;

        ContactCell() {
            heading.getStyleClass().add("list-heading");
            heading.setMaxWidth(Double.MAX_VALUE);
            name.getStyleClass().add("contact-name");
            subtitle.getStyleClass().addAll("text-muted", "contact-subtitle");
            star.getStyleClass().add("favorite-star");
            star.setAccessibleText("Favourite"); // (an icon font's glyph reads as nothing, or as a stray character)
            VBox text = new VBox(2, name, subtitle);
            text.setAlignment(javafx.geometry.Pos.CENTER_LEFT); // a name alone (no line under it) beside the avatar
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(10, avatar, text, star);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            row.getStyleClass().add("contact-row");
            graphic = new VBox(heading, row);
            setPrefWidth(0); // as wide as the list, never wider: long lines end in "…" instead of scrolling sideways
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                    edit(getItem());
                }
            });
            MenuItem edit = new MenuItem("Edit", new FontIcon("mdal-edit"));
            edit.setOnAction(e -> edit(getItem()));
            MenuItem remove = new MenuItem("Delete", new FontIcon("mdal-delete"));
            remove.setOnAction(e -> deleteSelected());
            // the selection's labels, as Google Contacts' "Manage labels" (filled as the menu opens)
            Menu labels = new Menu("Labels", new FontIcon("mdal-label"));
            labels.setId("row-labels");
            labels.getItems().add(new MenuItem("New label…"));
            ContextMenu menu = new ContextMenu(edit, labels, remove);
            menu.setOnShowing(e -> LabelMenu.fill(labels.getItems(), vm.labels(), vm.selectionProperty()::get));
            contextMenuProperty().bind(Bindings.when(emptyProperty()).then((ContextMenu) null).otherwise(menu));
        }

        @Override
        protected void updateItem(Contact contact, boolean empty) {
            super.updateItem(contact, empty);
            setText(null);
            if (empty || contact == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            int index = getIndex();
            String title = index >= 0 && index < vm.contacts().size() ? vm.headingAt(index) : null;
            heading.setText(title);
            heading.setVisible(title != null);
            heading.setManaged(title != null);
            avatar.show(contact);
            vm.photos().load(contact, avatar.pixelSide(), photo -> {
                if (getItem() == contact) { // the cell may show another contact by now
                    avatar.showPhoto(photo);
                }
            });
            name.setText(ContactText.name(contact));
            String under = ContactText.subtitle(contact);
            subtitle.setText(under);
            subtitle.setVisible(!under.isEmpty());
            subtitle.setManaged(!under.isEmpty());
            star.setVisible(contact.favorite());
            setGraphic(graphic);
            setAccessibleText(ContactText.name(contact) + (contact.favorite() ? ", favourite" : ""));
            // later: the list is being laid out now, and the next page changes its items
            Platform.runLater(() -> vm.rowShown(index));
        }
    }

    /** A letter of the index strip: the same jump as typing it in the list, and the list keeps the keyboard. */
    @FXML
    private void jumpFromIndex(ActionEvent event) {
        vm.jumpTo(((Button) event.getSource()).getText());
        list.requestFocus();
    }

    /** The empty new book's way to import the address book kept elsewhere. */
    @FXML
    private void importContacts() {
        importFiles.run();
    }

    /** The empty list's way to the Trash (after everyone was deleted). */
    @FXML
    private void openTrash() {
        showTrash.run();
    }

    @FXML
    private void clearSearch() {
        vm.clearSearch();
    }

    @FXML
    private void listSavedContact() {
        vm.listSavedContact();
    }

    @FXML
    private void refresh() {
        vm.reload();
    }

    @FXML
    private void newContact() {
        vm.startNew();
    }

    @FXML
    public void deleteSelected() {
        deletingFrom = vm.selectionProperty().get() instanceof Selection.Picked
                ? list.getSelectionModel().getSelectedIndices().stream().mapToInt(Integer::intValue).min().orElse(-1)
                : -1;
        deletedAt = -1;
        vm.deleteSelection();
        if (vm.underWayProperty().get().isEmpty()) {
            deletingFrom = -1; // nothing under way (the person said Cancel): no rows will be taken out
        }
    }

    /** Ctrl+S wherever the focus is: saves the form if it is open. */
    public void saveForm() {
        if (form.openProperty().get()) {
            form.save();
        }
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
