package dev.contacts.desktop.trash;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import dev.contacts.desktop.contacts.Avatar;
import dev.contacts.desktop.contacts.Photos;
import dev.contacts.model.TrashedContact;
import dev.contacts.desktop.ui.Fields;
import dev.contacts.desktop.ui.Views;
import dev.contacts.desktop.ui.Visibility;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The trash (layout in TrashView.fxml): the deleted contacts a page at a time, Restore and Delete forever for
 * the selected ones (several with Shift/Ctrl), and Empty trash. Delete on the keyboard deletes forever. Each row
 * has the list's avatar: the initials, or the photo when this login has it already (the server serves no photo of a
 * trashed contact, so none is asked for).
 */
public final class TrashView extends BorderPane {

    private final TrashViewModel vm;
    private final Photos photos;
    @FXML private TableView<TrashedContact> table;
    @FXML private TableColumn<TrashedContact, TrashedContact> nameColumn;
    @FXML private TableColumn<TrashedContact, String> emailColumn;
    @FXML private TableColumn<TrashedContact, String> deletedColumn;
    @FXML private Button restore;
    @FXML private Button restoreAll;
    @FXML private Button deleteForever;
    @FXML private Button emptyTrash;
    @FXML private Button previousPage;
    @FXML private Button nextPage;
    @FXML private Label pageText;
    @FXML private Label empty;
    @FXML private Label message;
    @FXML private HBox errorBanner;
    @FXML private Label error;

    public TrashView(TrashViewModel vm, Photos photos) {
        this.vm = vm;
        this.photos = photos;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        table.setItems(vm.items());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        nameColumn.setCellFactory(c -> new NameCell());
        column(emailColumn, t -> t.contact().email() == null ? "" : t.contact().email());
        // how long it has left, as well as when it went: the trash empties itself after 30 days
        column(deletedColumn, t -> TrashViewModel.deletedText(t.deletedAt(), java.time.Instant.now(),
                ZoneId.systemDefault(), java.util.Locale.getDefault(java.util.Locale.Category.FORMAT)));
        var nothingChosen = Bindings.isEmpty(table.getSelectionModel().getSelectedItems()).or(vm.busyProperty());
        restore.disableProperty().bind(nothingChosen);
        deleteForever.disableProperty().bind(nothingChosen);
        emptyTrash.disableProperty().bind(vm.totalProperty().isEqualTo(0).or(vm.busyProperty()));
        restoreAll.disableProperty().bind(emptyTrash.disableProperty());
        previousPage.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        nextPage.disableProperty().bind(vm.hasNextPageProperty().not());
        pageText.textProperty().bind(vm.pageTextProperty());
        empty.textProperty().bind(vm.emptyTextProperty());
        Fields.showWhenNotEmpty(message, vm.messageProperty());
        error.textProperty().bind(vm.errorProperty());
        Visibility.showWhile(errorBanner, vm.errorProperty().isNotEmpty());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                deleteForever();
                e.consume();
            }
        });
    }

    private static void column(TableColumn<TrashedContact, String> column, Function<TrashedContact, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    /** The avatar and the name, as the list's rows have them. */
    private final class NameCell extends TableCell<TrashedContact, TrashedContact> {

        private final Avatar avatar = new Avatar(36); // the list's size: the photos kept are at it

        NameCell() {
            setGraphicTextGap(10);
        }

        @Override
        protected void updateItem(TrashedContact trashed, boolean empty) {
            super.updateItem(trashed, empty);
            if (empty || trashed == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(TrashViewModel.name(trashed));
            avatar.show(trashed.contact());
            photos.showKept(trashed.contact(), avatar.pixelSide(), avatar::showPhoto);
            setGraphic(avatar);
        }
    }

    private List<TrashedContact> chosen() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void restore() {
        vm.restore(chosen());
    }

    @FXML
    private void restoreAll() {
        vm.restoreAll();
    }

    @FXML
    private void deleteForever() {
        vm.deleteForever(chosen());
    }

    @FXML
    private void emptyTrash() {
        vm.emptyTrash();
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
    private void refresh() {
        vm.refresh();
    }

    public void focusTable() {
        table.requestFocus();
    }
}
