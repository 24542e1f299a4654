package dev.contacts.desktop.login;

import atlantafx.base.theme.Styles;
import dev.contacts.desktop.ui.Fields;
import dev.contacts.desktop.ui.Views;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/** The login screen (layout in LoginView.fxml): binds {@link LoginViewModel} to it. */
public final class LoginView extends StackPane {

    private final LoginViewModel vm;
    @FXML private Label subtitle;
    @FXML private Label message;
    @FXML private Label emailLabel;
    @FXML private TextField email;
    @FXML private Label emailError;
    @FXML private Label passwordLabel;
    @FXML private PasswordField password;
    @FXML private Label passwordError;
    @FXML private Button submit;
    @FXML private ProgressIndicator busy;
    @FXML private Label serverStatus;
    @FXML private Hyperlink toggle;

    /** Counts a wait after too many attempts down every second ({@link LoginViewModel#tick}). */
    private final Timeline countdown;

    public LoginView(LoginViewModel vm) {
        this.vm = vm;
        this.countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        Views.load(this);
    }

    @FXML
    private void initialize() {
        subtitle.textProperty().bind(Bindings.when(vm.registeringProperty())
                .then("Create your account").otherwise("Log in to your address book"));
        Fields.showWhenNotEmpty(message, vm.messageProperty());
        showAsError(vm.messageIsErrorProperty().get());
        vm.messageIsErrorProperty().addListener((obs, was, is) -> showAsError(is));
        // a screen reader hears that it is an error, not only sees it in red
        message.accessibleTextProperty().bind(Bindings.when(vm.messageIsErrorProperty())
                .then(Bindings.concat("Error: ", vm.messageProperty())).otherwise(vm.messageProperty()));
        Fields.showWhenNotEmpty(serverStatus, vm.serverStatusProperty());
        emailLabel.setLabelFor(email);
        email.textProperty().bindBidirectional(vm.emailProperty());
        Fields.showError(emailError, email, vm.emailErrorProperty());
        passwordLabel.setLabelFor(password);
        password.textProperty().bindBidirectional(vm.passwordProperty());
        Fields.showError(passwordError, password, vm.passwordErrorProperty());
        submit.textProperty().bind(Bindings.when(vm.registeringProperty()).then("Create account").otherwise("Log in"));
        submit.disableProperty().bind(vm.busyProperty());
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        toggle.textProperty().bind(Bindings.when(vm.registeringProperty())
                .then("I already have an account").otherwise("Create an account"));
        toggle.disableProperty().bind(vm.busyProperty());
        email.disableProperty().bind(vm.busyProperty());
        password.disableProperty().bind(vm.busyProperty());
        countdown.setCycleCount(Animation.INDEFINITE);
        // only while this screen is in the window: a playing animation keeps JavaFX's pulses coming 60 times a
        // second, which kept the signed-in window at 26 ms of CPU a second doing nothing (docs/benchmarks.md,
        // "The desktop's idle pulses")
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene == null) {
                countdown.stop();
            } else {
                countdown.play();
            }
        });
    }

    /** Whether the wait after too many attempts is counted down now (only while the screen is shown). */
    boolean countsDown() {
        return countdown.getStatus() == Animation.Status.RUNNING;
    }

    /** The message in the theme's danger colours when something went wrong; a notice stays neutral. */
    private void showAsError(boolean error) {
        message.getStyleClass().remove(Styles.DANGER);
        if (error) {
            message.getStyleClass().add(Styles.DANGER);
        }
    }

    @FXML
    private void submit() {
        vm.submit();
    }

    @FXML
    private void toggleMode() {
        vm.toggleMode();
        focusFirstEmptyField(); // not left on the link at the bottom: the fields of the other mode come first
    }

    /** Puts the cursor into the email field when the screen is shown, or the password when the email is known. */
    public void focusFirstEmptyField() {
        if (vm.knowsEmail()) {
            password.requestFocus();
        } else {
            email.requestFocus();
        }
    }
}
