package dev.contacts.desktop.birthdays;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.contacts.desktop.contacts.ContactText;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.desktop.ui.Fields;
import dev.contacts.desktop.ui.Views;
import dev.contacts.model.Contact;
import dev.contacts.model.UpcomingBirthday;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Upcoming birthdays (layout in BirthdaysView.fxml). Today's are highlighted; Enter or a double-click shows the
 * contact's details in the address book, as the list does.
 */
public final class BirthdaysView extends BorderPane {

    private static final PseudoClass TODAY = PseudoClass.getPseudoClass("today");

    private final BirthdaysViewModel vm;
    private final Dates dates;
    private final Consumer<Contact> open;
    @FXML private ToggleButton days7;
    @FXML private ToggleButton days30;
    @FXML private ToggleButton days365;
    @FXML private HBox errorBanner;
    @FXML private Label error;
    @FXML private TableView<UpcomingBirthday> table;
    @FXML private TableColumn<UpcomingBirthday, String> nameColumn;
    @FXML private TableColumn<UpcomingBirthday, String> dateColumn;
    @FXML private TableColumn<UpcomingBirthday, String> whenColumn;
    @FXML private TableColumn<UpcomingBirthday, String> ageColumn;
    @FXML private Label empty;
    private Map<ToggleButton, Integer> ranges;

    /** {@code open} shows a contact's details (Enter or double-click on a row). */
    public BirthdaysView(BirthdaysViewModel vm, Dates dates, Consumer<Contact> open) {
        this.vm = vm;
        this.dates = dates;
        this.open = open;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        ranges = Map.of(days7, 7, days30, 30, days365, 365);
        ranges.forEach((button, days) -> button.setSelected(days == vm.daysProperty().get()));
        table.setItems(vm.birthdays());
        column(nameColumn, b -> ContactText.name(b.contact()));
        column(dateColumn, b -> BirthdaysViewModel.birthday(b, dates));
        column(whenColumn, b -> BirthdaysViewModel.when(b, dates));
        column(ageColumn, BirthdaysViewModel::turning);
        empty.textProperty().bind(vm.emptyTextProperty());
        Fields.showWhenNotEmpty(error, vm.errorProperty());
        errorBanner.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        table.setRowFactory(t -> {
            TableRow<UpcomingBirthday> row = new TableRow<>() {
                @Override
                protected void updateItem(UpcomingBirthday item, boolean isEmpty) {
                    super.updateItem(item, isEmpty);
                    pseudoClassStateChanged(TODAY, !isEmpty && item != null && item.daysUntil() == 0);
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().contact());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            UpcomingBirthday selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                open.accept(selected.contact());
                e.consume();
            }
        });
    }

    private static void column(TableColumn<UpcomingBirthday, String> column, Function<UpcomingBirthday, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void showRange(ActionEvent event) {
        ToggleButton button = (ToggleButton) event.getSource();
        button.setSelected(true); // one range is always chosen
        vm.daysProperty().set(ranges.get(button));
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    public void focusTable() {
        table.requestFocus();
    }
}
