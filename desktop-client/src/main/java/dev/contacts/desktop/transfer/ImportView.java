package dev.contacts.desktop.transfer;

import dev.contacts.desktop.transfer.ImportViewModel.State;
import dev.contacts.desktop.ui.Views;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
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
    @FXML private ListView<String> problems;
    @FXML private Button close;

    public ImportView(ImportViewModel vm) {
        this.vm = vm;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        visibleProperty().bind(vm.stateProperty().isNotEqualTo(State.IDLE));
        managedProperty().bind(visibleProperty());
        running.visibleProperty().bind(vm.stateProperty().isEqualTo(State.RUNNING));
        running.managedProperty().bind(running.visibleProperty());
        summary.visibleProperty().bind(vm.stateProperty().isEqualTo(State.DONE));
        summary.managedProperty().bind(summary.visibleProperty());
        progress.textProperty().bind(vm.progressProperty());
        totals.textProperty().bind(vm.totalsProperty());
        problems.setItems(vm.problems());
        problemsBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.problems()));
        problemsBox.managedProperty().bind(problemsBox.visibleProperty());
        vm.stateProperty().addListener((obs, was, is) -> {
            if (is == State.DONE) {
                close.requestFocus();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.close();
                e.consume();
            }
        });
    }

    @FXML
    private void close() {
        vm.close();
    }
}
