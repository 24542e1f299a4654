package dev.contacts.desktop.contacts;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.contacts.desktop.ui.Fields;
import dev.contacts.model.Contact;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The contact table with its search field, toolbar, pager and the form beside it. Enter opens the selected
 * contact, Delete deletes the selection; sorting by a column uses the locale's collation for names.
 */
public final class ContactsView extends BorderPane {

    private final ContactsViewModel vm;
    private final ContactFormViewModel form;
    private final CustomTextField search = new CustomTextField();
    private final TableView<Contact> table = new TableView<>();
    private final Label emptyState = new Label();

    public ContactsView(ContactsViewModel vm, ContactFormViewModel form) {
        this.vm = vm;
        this.form = form;
        setId("contacts-view");

        setTop(toolbar());
        setCenter(tableArea());
        ContactFormView formView = new ContactFormView(form, () -> {
            if (form.editingProperty().get() != null) {
                Contact editing = form.editingProperty().get();
                form.cancel();
                vm.delete(List.of(editing));
            }
        });
        setRight(formView);
        setBottom(statusBar());
        form.setOnSaved(vm::refresh);
    }

    private HBox toolbar() {
        search.setId("search");
        search.setPromptText("Search by name or email (Ctrl+F)");
        search.setAccessibleText("Search contacts");
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        FontIcon clear = new FontIcon(Material2AL.CLEAR);
        clear.setId("clear-search");
        clear.setCursor(Cursor.HAND);
        clear.setAccessibleText("Clear the search");
        clear.setOnMouseClicked(e -> vm.clearSearch());
        clear.visibleProperty().bind(vm.searchTextProperty().isNotEmpty());
        search.setRight(clear);
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.setPrefWidth(320);
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                vm.clearSearch();
                e.consume();
            }
        });

        Label summary = new Label();
        summary.setId("summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());

        Button add = new Button("New contact", new FontIcon(Material2MZ.PERSON_ADD));
        add.setId("new-contact");
        add.setAccessibleText("New contact (Ctrl+N)");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> form.startNew());

        Button delete = new Button("Delete", new FontIcon(Material2AL.DELETE));
        delete.setId("delete");
        delete.setAccessibleText("Delete the selected contacts (Delete)");
        delete.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        delete.setOnAction(e -> deleteSelected());

        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.setId("refresh");
        refresh.setAccessibleText("Refresh (F5)");
        refresh.getStyleClass().add(Styles.BUTTON_ICON);
        refresh.setOnAction(e -> vm.refresh());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, search, summary, spacer, refresh, delete, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 12, 16));
        return bar;
    }

    private VBox tableArea() {
        Collator collator = Collator.getInstance();
        collator.setStrength(Collator.SECONDARY);
        Comparator<String> byLocale = Comparator.nullsLast(collator::compare);

        table.setId("contacts-table");
        table.setAccessibleText("Contacts");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.getColumns().add(textColumn("First name", Contact::firstName, byLocale));
        table.getColumns().add(textColumn("Last name", Contact::lastName, byLocale));
        table.getColumns().add(textColumn("Email", Contact::email, byLocale));
        table.getColumns().add(textColumn("Phone", Contact::phone, Comparator.nullsLast(String::compareTo)));
        TableColumn<Contact, LocalDate> birthday = new TableColumn<>("Birthday");
        birthday.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().birthday()));
        birthday.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        birthday.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(LocalDate date, boolean empty) {
                super.updateItem(date, empty);
                setText(empty ? null : ContactFormView.display(date));
            }
        });
        table.getColumns().add(birthday);

        SortedList<Contact> sorted = new SortedList<>(vm.contacts());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        emptyState.setId("empty-state");
        emptyState.setWrapText(true);
        emptyState.getStyleClass().add("empty-state");
        emptyState.textProperty().bind(Bindings.createStringBinding(this::emptyText,
                vm.totalProperty(), vm.searchTextProperty(), vm.loadedProperty(), vm.loadingProperty()));
        table.setPlaceholder(emptyState);

        table.setRowFactory(t -> {
            TableRow<Contact> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    form.startEdit(row.getItem());
                }
            });
            return row;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                form.startEdit(table.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            }
        });

        Label error = Fields.hiddenWhenEmpty(new Label());
        error.setId("contacts-error");
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);
        Button retry = new Button("Retry");
        retry.setId("retry");
        retry.setOnAction(e -> vm.refresh());
        HBox errorBanner = new HBox(12, error, retry);
        errorBanner.setId("error-banner");
        errorBanner.getStyleClass().add("error-banner");
        errorBanner.setAlignment(Pos.CENTER_LEFT);
        errorBanner.setPadding(new Insets(8, 16, 8, 16));
        errorBanner.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());

        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(errorBanner, table);
    }

    private String emptyText() {
        if (!vm.loadedProperty().get()) {
            return vm.loadingProperty().get() ? "Loading your contacts…" : "";
        }
        if (vm.isAddressBookEmpty()) {
            return "No contacts yet.\nPress “New contact” (Ctrl+N) to add your first one.";
        }
        return "No contacts match “" + vm.searchTextProperty().get().strip() + "”.";
    }

    private HBox statusBar() {
        Button previous = new Button(null, new FontIcon(Material2MZ.NAVIGATE_BEFORE));
        previous.setId("previous-page");
        previous.setAccessibleText("Previous page");
        previous.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        previous.setOnAction(e -> vm.previousPage());
        Button next = new Button(null, new FontIcon(Material2MZ.NAVIGATE_NEXT));
        next.setId("next-page");
        next.setAccessibleText("Next page");
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.hasNextPage(),
                vm.pageProperty(), vm.totalProperty()));
        next.setOnAction(e -> vm.nextPage());
        Label pageLabel = new Label();
        pageLabel.textProperty().bind(Bindings.createStringBinding(() -> "Page " + (vm.pageProperty().get() + 1)
                + " of " + Math.max(1, (vm.totalProperty().get() + ContactsViewModel.PAGE_SIZE - 1)
                / ContactsViewModel.PAGE_SIZE), vm.pageProperty(), vm.totalProperty()));
        HBox pager = new HBox(8, previous, pageLabel, next);
        pager.setId("pager");
        pager.setAlignment(Pos.CENTER);
        pager.setPadding(new Insets(6));
        pager.visibleProperty().bind(vm.totalProperty().greaterThan(ContactsViewModel.PAGE_SIZE));
        pager.managedProperty().bind(pager.visibleProperty());
        return pager;
    }

    private static TableColumn<Contact, String> textColumn(String title, Function<Contact, String> value,
                                                           Comparator<String> comparator) {
        TableColumn<Contact, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setComparator(comparator);
        return column;
    }

    public void deleteSelected() {
        List<Contact> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (!selected.isEmpty()) {
            if (form.editingProperty().get() != null && selected.contains(form.editingProperty().get())) {
                form.cancel();
            }
            vm.delete(selected);
        }
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
