package dev.contacts.desktop.contacts;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import atlantafx.base.controls.CustomTextField;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.desktop.ui.Fields;
import dev.contacts.desktop.ui.Views;
import dev.contacts.model.Contact;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The contact table with its search field, toolbar, pager (layout in ContactsView.fxml) and the form beside it.
 * Enter opens the selected contact, Delete deletes the selection; sorting by a column uses the locale's
 * collation for names. Focus comes back to the table when the form closes, so the keyboard keeps working.
 */
public final class ContactsView extends BorderPane {

    private final ContactsViewModel vm;
    private final ContactFormViewModel form;
    private final ContactFormView formView;
    @FXML private CustomTextField search;
    @FXML private FontIcon clearSearch;
    @FXML private Label summary;
    @FXML private ProgressIndicator loading;
    @FXML private Button delete;
    @FXML private HBox errorBanner;
    @FXML private Label error;
    @FXML private TableView<Contact> table;
    @FXML private TableColumn<Contact, String> firstNameColumn;
    @FXML private TableColumn<Contact, String> lastNameColumn;
    @FXML private TableColumn<Contact, String> emailColumn;
    @FXML private TableColumn<Contact, String> phoneColumn;
    @FXML private TableColumn<Contact, LocalDate> birthdayColumn;
    @FXML private Label emptyState;
    @FXML private HBox pager;
    @FXML private Button previousPage;
    @FXML private Label pageLabel;
    @FXML private Button nextPage;

    public ContactsView(ContactsViewModel vm) {
        this.vm = vm;
        this.form = vm.form();
        Views.load(this);
        formView = new ContactFormView(form, vm::deleteEdited);
        setRight(formView);
        // a new or another contact in the form: type into it, not into the field that had the focus before
        // (later, so that a question asked first has given the focus back to the window)
        form.filledProperty().addListener((obs, was, is) -> Platform.runLater(formView::focusFirstField));
        form.openProperty().addListener((obs, was, open) -> {
            if (!open) {
                Platform.runLater(table::requestFocus); // after Save, Escape or a delete: back to the list
            }
        });
    }

    @FXML
    private void initialize() {
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        clearSearch.visibleProperty().bind(vm.searchTextProperty().isNotEmpty());
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                vm.clearSearch();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                table.requestFocus(); // from the search straight into the results
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
                e.consume();
            }
        });
        summary.textProperty().bind(vm.summaryProperty());
        // a slow or hung server shows at once that something is under way
        loading.visibleProperty().bind(vm.loadingProperty());
        delete.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));

        Fields.showWhenNotEmpty(error, vm.errorProperty());
        errorBanner.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());

        Collator collator = Collator.getInstance();
        collator.setStrength(Collator.SECONDARY);
        Comparator<String> byLocale = Comparator.nullsLast(collator::compare);
        textColumn(firstNameColumn, Contact::firstName, byLocale);
        textColumn(lastNameColumn, Contact::lastName, byLocale);
        textColumn(emailColumn, Contact::email, byLocale);
        textColumn(phoneColumn, Contact::phone, Comparator.nullsLast(String::compareTo));
        Dates dates = form.dates();
        birthdayColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().birthday()));
        birthdayColumn.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        birthdayColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(LocalDate date, boolean empty) {
                super.updateItem(date, empty);
                setText(empty ? null : dates.format(date));
            }
        });

        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        SortedList<Contact> sorted = new SortedList<>(vm.contacts());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        emptyState.textProperty().bind(vm.emptyTextProperty());
        table.setRowFactory(t -> row());
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                form.startEdit(table.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            }
        });
        vm.toSelectProperty().addListener((obs, was, contact) -> {
            if (contact != null) {
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(contact);
                table.scrollTo(contact);
            }
        });

        previousPage.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        nextPage.disableProperty().bind(Bindings.not(vm.hasNextPageProperty()));
        pageLabel.textProperty().bind(vm.pageTextProperty());
        pager.visibleProperty().bind(vm.pagedProperty());
        pager.managedProperty().bind(pager.visibleProperty());
    }

    private TableRow<Contact> row() {
        TableRow<Contact> row = new TableRow<>();
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                form.startEdit(row.getItem());
            }
        });
        MenuItem edit = new MenuItem("Edit", new FontIcon("mdal-edit"));
        edit.setOnAction(e -> form.startEdit(row.getItem()));
        MenuItem remove = new MenuItem("Delete", new FontIcon("mdal-delete"));
        remove.setOnAction(e -> deleteSelected());
        ContextMenu menu = new ContextMenu(edit, remove);
        row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
        return row;
    }

    private static void textColumn(TableColumn<Contact, String> column, Function<Contact, String> value,
                                   Comparator<String> comparator) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setComparator(comparator);
    }

    @FXML
    private void clearSearch() {
        vm.clearSearch();
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    @FXML
    private void newContact() {
        form.startNew();
    }

    @FXML
    private void previousPage() {
        vm.previousPage();
    }

    @FXML
    private void nextPage() {
        vm.nextPage();
    }

    @FXML
    public void deleteSelected() {
        vm.delete(List.copyOf(table.getSelectionModel().getSelectedItems()));
    }

    /** The ids of the selected contacts (File → Export selection…). */
    public List<Long> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(Contact::id).toList();
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
