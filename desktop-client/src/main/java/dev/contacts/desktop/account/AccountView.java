package dev.contacts.desktop.account;

import atlantafx.base.theme.Styles;
import dev.contacts.desktop.account.AccountViewModel.Action;
import dev.contacts.desktop.ui.Fields;
import dev.contacts.desktop.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The account actions (layout in AccountView.fxml): binds {@link AccountViewModel}. */
public final class AccountView extends StackPane {

    private final AccountViewModel vm;
    @FXML private Label title;
    @FXML private Label explanation;
    @FXML private Label currentLabel;
    @FXML private PasswordField current;
    @FXML private Label currentError;
    @FXML private VBox newFields;
    @FXML private Label nextLabel;
    @FXML private PasswordField next;
    @FXML private Label nextError;
    @FXML private Label repeatLabel;
    @FXML private PasswordField repeat;
    @FXML private Label repeatError;
    @FXML private Label message;
    @FXML private Button confirm;

    public AccountView(AccountViewModel vm) {
        this.vm = vm;
        Views.load(this);
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(Bindings.createStringBinding(() -> deleting()
                ? "Delete account" : "Change password", vm.actionProperty()));
        explanation.textProperty().bind(Bindings.createStringBinding(() -> deleting()
                ? "This deletes your account and every contact in it, for good. Confirm with your password."
                : "Every session of your account ends, this one included; you then log in with the new password.",
                vm.actionProperty()));
        currentLabel.setLabelFor(current);
        current.textProperty().bindBidirectional(vm.currentPasswordProperty());
        Fields.showError(currentError, current, vm.currentPasswordErrorProperty());
        nextLabel.setLabelFor(next);
        next.textProperty().bindBidirectional(vm.newPasswordProperty());
        Fields.showError(nextError, next, vm.newPasswordErrorProperty());
        repeatLabel.setLabelFor(repeat);
        repeat.textProperty().bindBidirectional(vm.repeatPasswordProperty());
        Fields.showError(repeatError, repeat, vm.repeatPasswordErrorProperty());
        newFields.visibleProperty().bind(vm.actionProperty().isEqualTo(Action.CHANGE_PASSWORD));
        newFields.managedProperty().bind(newFields.visibleProperty());
        Fields.showWhenNotEmpty(message, vm.messageProperty());

        confirm.textProperty().bind(Bindings.createStringBinding(() -> deleting()
                ? "Delete my account" : "Change password", vm.actionProperty()));
        confirm.disableProperty().bind(vm.busyProperty());
        vm.actionProperty().addListener((obs, was, is) -> {
            confirm.getStyleClass().removeAll(Styles.ACCENT, Styles.DANGER);
            confirm.getStyleClass().add(is == Action.DELETE_ACCOUNT ? Styles.DANGER : Styles.ACCENT);
            if (is != Action.NONE) {
                current.requestFocus();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.close();
                e.consume();
            }
        });
        visibleProperty().bind(vm.actionProperty().isNotEqualTo(Action.NONE));
        managedProperty().bind(visibleProperty());
    }

    private boolean deleting() {
        return vm.actionProperty().get() == Action.DELETE_ACCOUNT;
    }

    @FXML
    private void confirm() {
        vm.confirm();
    }

    @FXML
    private void close() {
        vm.close();
    }
}
