package dev.contacts.desktop.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** {@link Confirm} as a dialog over the window of {@code owner}; the "no" answer (and Escape) is the safe default. */
public final class ConfirmDialog implements Confirm {

    private final Node owner;

    public ConfirmDialog(Node owner) {
        this.owner = owner;
    }

    @Override
    public boolean ask(String question, String detail, String yes, String no) {
        ButtonType confirm = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, detail, confirm, cancel);
        alert.setTitle("Contacts");
        alert.setHeaderText(question);
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        alert.getDialogPane().setId("confirm-dialog");
        alert.getDialogPane().lookupButton(confirm).setId("confirm-yes");
        alert.getDialogPane().lookupButton(cancel).setId("confirm-no");
        // the safe answer is the default one: Enter does not drop anything
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }
}
