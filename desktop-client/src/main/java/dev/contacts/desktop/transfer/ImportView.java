package dev.contacts.desktop.transfer;

import dev.contacts.desktop.transfer.ImportViewModel.State;
import dev.contacts.desktop.ui.Views;
import dev.contacts.desktop.ui.Visibility;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The import's progress, then its summary (layout in ImportView.fxml): a card over the main view. Escape or
 * Close dismisses the summary; the progress cannot be dismissed (the server is working on the file).
 */
public final class ImportView extends StackPane {

    private final ImportViewModel vm;
    @FXML private VBox running;
    @FXML private Label progress;
    @FXML private VBox summary;
    @FXML private Label totals;
    @FXML private VBox problemsBox;
    @FXML private Label problemsHeading;
    @FXML private ListView<String> problems;
    @FXML private Button close;

    public ImportView(ImportViewModel vm) {
        this.vm = vm;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        Visibility.showWhile(this, vm.stateProperty().isNotEqualTo(State.IDLE));
        Visibility.showWhile(running, vm.stateProperty().isEqualTo(State.RUNNING));
        Visibility.showWhile(summary, vm.stateProperty().isEqualTo(State.DONE));
        progress.textProperty().bind(vm.progressProperty());
        totals.textProperty().bind(vm.totalsProperty());
        problemsHeading.textProperty().bind(vm.problemsHeadingProperty());
        problems.setItems(vm.problems());
        problems.setCellFactory(list -> new WrappingCell(list));
        Visibility.showWhile(problemsBox, Bindings.isNotEmpty(vm.problems()));
        vm.stateProperty().addListener((obs, was, is) -> {
            if (is == State.DONE) {
                close.requestFocus();
            }
        });
        Visibility.closeOnEscape(this, vm::close);
    }

    /** A problem's whole text, wrapped to the list's width (a server's detail can be long). */
    private static final class WrappingCell extends ListCell<String> {
        WrappingCell(ListView<String> list) {
            setWrapText(true);
            prefWidthProperty().bind(list.widthProperty().subtract(24));
            setMaxWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }

    @FXML
    private void close() {
        vm.close();
    }
}
