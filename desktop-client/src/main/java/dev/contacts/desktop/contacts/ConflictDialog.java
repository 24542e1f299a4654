package dev.contacts.desktop.contacts;

import dev.contacts.desktop.contacts.ContactFormViewModel.Conflict;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * "Someone changed this contact meanwhile": overwrite it with this edit, reload it (dropping the edit) or keep
 * editing. Keep editing is the default, so Enter drops nothing.
 */
public final class ConflictDialog implements ContactFormViewModel.ConflictQuestion {

    private final Node owner;

    public ConflictDialog(Node owner) {
        this.owner = owner;
    }

    @Override
    public Conflict ask() {
        return ask(java.util.List.of());
    }

    @Override
    public Conflict ask(java.util.List<String> changed) {
        ButtonType overwrite = new ButtonType("Overwrite", ButtonBar.ButtonData.OK_DONE);
        ButtonType reload = new ButtonType("Reload", ButtonBar.ButtonData.OTHER);
        ButtonType keep = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING,
                "Overwrite saves your changes over theirs. Reload shows the contact as it is now and drops your"
                        + " changes.", overwrite, reload, keep);
        alert.setTitle("Contacts");
        alert.setHeaderText(changed.isEmpty() ? "This contact was changed meanwhile"
                : "This contact was changed meanwhile: " + String.join(", ", changed));
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        alert.getDialogPane().setId("conflict-dialog");
        alert.getDialogPane().lookupButton(overwrite).setId("conflict-overwrite");
        alert.getDialogPane().lookupButton(reload).setId("conflict-reload");
        alert.getDialogPane().lookupButton(keep).setId("conflict-keep");
        ((Button) alert.getDialogPane().lookupButton(overwrite)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ButtonType answer = alert.showAndWait().orElse(keep);
        return answer == overwrite ? Conflict.OVERWRITE : answer == reload ? Conflict.RELOAD : Conflict.KEEP_EDITING;
    }
}
