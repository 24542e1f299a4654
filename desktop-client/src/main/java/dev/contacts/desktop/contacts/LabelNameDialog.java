package dev.contacts.desktop.contacts;

import java.util.Optional;

import dev.contacts.desktop.contacts.LabelsViewModel.Entry;
import dev.contacts.desktop.ui.Views;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * "Rename label" (layout in LabelNameDialog.fxml): the new name, Rename greyed out while it breaks the label rule
 * (said beside the field), and a note when it is another label's name (the two merge). Escape cancels.
 */
public final class LabelNameDialog extends DialogPane {

    private final LabelsViewModel vm;
    private final Node owner;
    private final ButtonType rename = new ButtonType("Rename", ButtonBar.ButtonData.OK_DONE);
    @FXML private TextField name;
    @FXML private Label problem;
    @FXML private Label merge;

    public LabelNameDialog(LabelsViewModel vm, Node owner) {
        this.vm = vm;
        this.owner = owner;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        getButtonTypes().setAll(rename, ButtonType.CANCEL);
        lookupButton(rename).setId("label-name-rename");
        ((Label) getContent().lookup(".label")).setLabelFor(name);
        problem.managedProperty().bind(problem.visibleProperty());
        merge.managedProperty().bind(merge.visibleProperty());
    }

    /** Asks for {@code entry}'s new name; empty when cancelled. */
    public Optional<String> ask(Entry entry) {
        name.setText(entry.name());
        Runnable check = () -> {
            String why = LabelsViewModel.nameProblem(name.getText());
            problem.setText(why);
            problem.setVisible(!why.isEmpty());
            Optional<String> other = why.isEmpty() ? vm.mergesWith(entry, name.getText()) : Optional.empty();
            merge.setText(other.map(o -> "“" + o + "” exists: its contacts and these will share it.").orElse(""));
            merge.setVisible(other.isPresent());
            ((Button) lookupButton(rename)).setDisable(!why.isEmpty());
            // the window was sized for what it showed first: a note shown later would push the buttons out of it
            if (getScene() != null && getScene().getWindow() != null) {
                getScene().getWindow().sizeToScene();
            }
        };
        name.textProperty().addListener((obs, was, is) -> check.run());
        check.run();
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Contacts");
        dialog.setDialogPane(this);
        dialog.setResultConverter(button -> button == rename ? name.getText() : null);
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        Platform.runLater(() -> {
            name.requestFocus();
            name.selectAll();
        });
        return dialog.showAndWait();
    }
}
