package dev.contacts.desktop.contacts;

import java.util.Optional;
import java.util.function.Function;

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
 * "Rename label" and "New label" (layout in LabelNameDialog.fxml): the name, Rename (Create) greyed out while it
 * breaks the label rule (said beside the field), and a note when it is another label's name (a rename merges the
 * two; a new label with that name is that label). Escape cancels.
 */
public final class LabelNameDialog extends DialogPane {

    private final LabelsViewModel vm;
    private final Node owner;
    private final ButtonType rename = new ButtonType("Rename", ButtonBar.ButtonData.OK_DONE);
    private final ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
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
        return ask(rename, text -> vm.mergesWith(entry, text)
                .map(o -> "“" + o + "” exists: its contacts and these will share it."));
    }

    /** Asks for a new label's name; empty when cancelled. */
    public Optional<String> askNew() {
        setHeaderText("New label");
        getButtonTypes().setAll(create, ButtonType.CANCEL);
        lookupButton(create).setId("label-name-create");
        name.setAccessibleText("The new label's name");
        return ask(create, text -> vm.existing(text).map(o -> "“" + o + "” exists already: it is that label."));
    }

    private Optional<String> ask(ButtonType ok, Function<String, Optional<String>> note) {
        Runnable check = () -> {
            String why = LabelsViewModel.nameProblem(name.getText());
            problem.setText(why);
            problem.setVisible(!why.isEmpty());
            Optional<String> other = why.isEmpty() ? note.apply(name.getText()) : Optional.empty();
            merge.setText(other.orElse(""));
            merge.setVisible(other.isPresent());
            ((Button) lookupButton(ok)).setDisable(!why.isEmpty());
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
        dialog.setResultConverter(button -> button == ok ? name.getText() : null);
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
