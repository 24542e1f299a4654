package dev.contacts.desktop.login;

import atlantafx.base.theme.Styles;
import dev.contacts.desktop.ui.Fields;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The login screen; "Create an account" switches the same form to registration. */
public final class LoginView extends StackPane {

    private final TextField email = new TextField();

    public LoginView(LoginViewModel vm) {
        getStyleClass().add("login-view");

        Label title = new Label("Contacts");
        title.getStyleClass().add(Styles.TITLE_1);
        Label subtitle = new Label();
        subtitle.textProperty().bind(Bindings.when(vm.registeringProperty())
                .then("Create your account").otherwise("Log in to your address book"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        email.setId("email");
        email.setPromptText("you@example.com");
        email.textProperty().bindBidirectional(vm.emailProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        Label message = Fields.hiddenWhenEmpty(new Label());
        message.setId("login-message");
        message.setWrapText(true);
        message.getStyleClass().add("login-message");
        message.textProperty().bind(vm.messageProperty());

        Button submit = new Button();
        submit.setId("submit");
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.textProperty().bind(Bindings.when(vm.registeringProperty()).then("Create account").otherwise("Log in"));
        submit.disableProperty().bind(vm.busyProperty());
        submit.setOnAction(e -> vm.submit());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setAccessibleText("Waiting for the server");
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        Hyperlink toggle = new Hyperlink();
        toggle.setId("toggle-mode");
        toggle.textProperty().bind(Bindings.when(vm.registeringProperty())
                .then("I already have an account").otherwise("Create an account"));
        toggle.setOnAction(e -> vm.toggleMode());
        toggle.disableProperty().bind(vm.busyProperty());

        email.disableProperty().bind(vm.busyProperty());
        password.disableProperty().bind(vm.busyProperty());

        HBox actions = new HBox(10, submit, busy);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(submit, javafx.scene.layout.Priority.ALWAYS);

        VBox card = new VBox(14, title, subtitle, message,
                Fields.labelled("Email", email, vm.emailErrorProperty()),
                Fields.labelled("Password", password, vm.passwordErrorProperty()),
                actions, toggle);
        card.getStyleClass().add("login-card");
        card.setMaxWidth(380);
        card.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
    }

    /** Puts the cursor into the email field (when the screen is shown). */
    public void focusEmail() {
        email.requestFocus();
    }
}
