package dev.contacts.desktop.transfer;

import dev.contacts.desktop.transfer.ExportViewModel.State;
import dev.contacts.desktop.ui.Views;
import dev.contacts.desktop.ui.Visibility;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The export's progress and result, or why it failed (layout in ExportView.fxml): a card over the main view. */
public final class ExportView extends StackPane {

    private final ExportViewModel vm;
    @FXML private Label title;
    @FXML private ProgressIndicator spinner;
    @FXML private Label message;
    @FXML private Button close;

    public ExportView(ExportViewModel vm) {
        this.vm = vm;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        Visibility.showWhile(this, vm.stateProperty().isNotEqualTo(State.IDLE));
        Visibility.showWhile(spinner, vm.stateProperty().isEqualTo(State.RUNNING));
        close.disableProperty().bind(vm.stateProperty().isEqualTo(State.RUNNING));
        message.textProperty().bind(vm.messageProperty());
        vm.stateProperty().addListener((obs, was, is) -> show(is));
        Visibility.closeOnEscape(this, vm::close);
    }

    private void show(State state) {
        title.setText(switch (state) {
            case RUNNING -> "Exporting…";
            case DONE -> "Export finished";
            case FAILED -> "Export failed";
            case IDLE -> "";
        });
        title.setGraphic(switch (state) {
            case DONE -> new FontIcon("mdal-check_circle_outline");
            case FAILED -> new FontIcon("mdal-error_outline");
            default -> null;
        });
        message.getStyleClass().remove("field-error");
        if (state == State.FAILED) {
            message.getStyleClass().add("field-error");
        }
        if (state == State.DONE || state == State.FAILED) {
            close.requestFocus();
        }
    }

    @FXML
    private void close() {
        vm.close();
    }
}
