package dev.contacts.desktop.account;

import atlantafx.base.theme.Styles;
import dev.contacts.desktop.account.AccountViewModel.Action;
import dev.contacts.desktop.ui.Fields;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The account actions as a card over the main view (not a blocking dialog). Escape closes it. */
public final class AccountView extends StackPane {

    public AccountView(AccountViewModel vm) {
        setId("account-view");
        getStyleClass().add("overlay");

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.actionProperty().get() == Action.DELETE_ACCOUNT
                ? "Delete account" : "Change password", vm.actionProperty()));
        Label explanation = new Label();
        explanation.setWrapText(true);
        explanation.textProperty().bind(Bindings.createStringBinding(() -> vm.actionProperty().get()
                == Action.DELETE_ACCOUNT
                ? "This deletes your account and every contact in it, for good. Confirm with your password."
                : "Every session of your account ends, this one included; you then log in with the new password.",
                vm.actionProperty()));

        PasswordField current = password("current-password", vm.currentPasswordProperty());
        PasswordField next = password("new-password", vm.newPasswordProperty());
        PasswordField repeat = password("repeat-password", vm.repeatPasswordProperty());
        VBox newFields = new VBox(12,
                Fields.labelled("New password", next, vm.newPasswordErrorProperty()),
                Fields.labelled("New password again", repeat, new SimpleStringProperty("")));
        newFields.visibleProperty().bind(vm.actionProperty().isEqualTo(Action.CHANGE_PASSWORD));
        newFields.managedProperty().bind(newFields.visibleProperty());

        Label message = Fields.errorLabel(vm.messageProperty());
        message.setId("account-message");

        Button confirm = new Button();
        confirm.setId("account-confirm");
        confirm.textProperty().bind(Bindings.createStringBinding(() -> vm.actionProperty().get()
                == Action.DELETE_ACCOUNT ? "Delete my account" : "Change password", vm.actionProperty()));
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.disableProperty().bind(vm.busyProperty());
        confirm.setOnAction(e -> vm.confirm());
        vm.actionProperty().addListener((obs, was, is) -> {
            confirm.getStyleClass().removeAll(Styles.ACCENT, Styles.DANGER);
            confirm.getStyleClass().add(is == Action.DELETE_ACCOUNT ? Styles.DANGER : Styles.ACCENT);
            if (is != Action.NONE) {
                current.requestFocus();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("account-cancel");
        cancel.setOnAction(e -> vm.close());
        HBox buttons = new HBox(8, confirm, cancel);

        VBox card = new VBox(14, title, explanation,
                Fields.labelled("Current password", current, vm.currentPasswordErrorProperty()),
                newFields, message, buttons);
        card.getStyleClass().add("login-card");
        card.setMaxWidth(420);
        card.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.close();
                e.consume();
            }
        });
        visibleProperty().bind(vm.actionProperty().isNotEqualTo(Action.NONE));
        managedProperty().bind(visibleProperty());
    }

    private static PasswordField password(String id, StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
