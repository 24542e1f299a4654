package dev.contacts.desktop.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.Test;

class LoginFlowTest extends UiTestBase {

    @Test
    void registerThenLandInTheEmptyAddressBook() {
        Screenshots.save(window.scene(), "login");
        robot.clickOn("#toggle-mode");
        assertEquals("Create account", text(robot, "#submit"));
        type(robot, "#email", "new.user@example.com");
        type(robot, "#password", PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil("the main view shows", () -> visible(robot, "#contacts-view"));
        waitUntil("the empty state shows", () -> text(robot, "#empty-state").startsWith("No contacts yet"));
        assertEquals("0 contacts", text(robot, "#summary"));
    }

    @Test
    void logInWithAnExistingAccount() {
        api.register("ada@example.com", PASSWORD);
        logIn(robot, "ADA@example.com", PASSWORD);
        waitUntil("the main view shows", () -> visible(robot, "#contacts-view"));
    }

    @Test
    void theLoginScreensCountdownRunsOnlyWhileTheScreenShows() {
        LoginView login = robot.lookup(".login-view").queryAs(LoginView.class);
        assertTrue(Fx.call(login::countsDown), "counting on the login screen");
        api.register("idle@example.com", PASSWORD);
        logIn(robot, "idle@example.com", PASSWORD);
        waitUntil("the main view shows", () -> visible(robot, "#contacts-view"));
        // a playing animation keeps JavaFX drawing 60 times a second: the signed-in window would never idle
        assertFalse(Fx.call(login::countsDown), "no countdown behind the address book");
        robot.clickOn("#account-menu");
        robot.clickOn("Log out");
        waitUntil("the login screen is back", () -> text(robot, "#login-message").equals("You have logged out."));
        assertTrue(Fx.call(login::countsDown), "counting again on the login screen");
    }

    @Test
    void aWrongPasswordIsExplainedAndTheFormStays() {
        api.register("grace@example.com", PASSWORD);
        logIn(robot, "grace@example.com", "not the password");
        waitUntil("the message shows", () -> text(robot, "#login-message").equals("Wrong email or password."));
        assertFalse(visible(robot, "#contacts-view"));
        assertEquals("grace@example.com", text(robot, "#email"), "the email is kept");
    }

    @Test
    void aWrongPasswordLooksLikeAnErrorAndLoggingOutLikeANotice() {
        api.register("kind@example.com", PASSWORD);
        logIn(robot, "kind@example.com", "not the password");
        waitUntil("the error shows", () -> text(robot, "#login-message").equals("Wrong email or password."));
        Label message = robot.lookup("#login-message").queryAs(Label.class);
        assertTrue(Fx.call(() -> message.getStyleClass().contains("danger")), "shown in the danger colours");
        assertEquals("Error: Wrong email or password.", Fx.call(message::getAccessibleText));
        Paint errorColour = Fx.call(message::getTextFill);
        Screenshots.save(window.scene(), "login-error");

        logIn(robot, "kind@example.com", PASSWORD);
        waitUntil("the main view shows", () -> visible(robot, "#contacts-view"));
        robot.clickOn("#account-menu");
        robot.clickOn("Log out");
        waitUntil("the notice shows", () -> text(robot, "#login-message").equals("You have logged out."));
        assertFalse(Fx.call(() -> message.getStyleClass().contains("danger")), "a notice, not an error");
        assertEquals("You have logged out.", Fx.call(message::getAccessibleText));
        waitUntil("the notice is not in the error's colour", () -> !message.getTextFill().equals(errorColour));
    }

    @Test
    void registrationErrorsAreShownBesideTheFields() {
        robot.clickOn("#toggle-mode");
        type(robot, "#email", "not-an-email");
        type(robot, "#password", "short");
        robot.clickOn("#submit");
        waitUntil("field errors show", () -> visible(robot, "#email-error") && visible(robot, "#password-error"));
        assertTrue(text(robot, "#password-error").contains("8"));

        api.register("taken@example.com", PASSWORD);
        type(robot, "#email", "taken@example.com");
        type(robot, "#password", PASSWORD);
        robot.clickOn("#submit");
        waitUntil("the conflict shows", () -> text(robot, "#email-error").contains("already exists"));
    }

    private String focusedId() {
        return Fx.call(() -> {
            Node owner = window.scene().getFocusOwner();
            return owner == null || owner.getId() == null ? "" : owner.getId();
        });
    }

    @Test
    void switchingToCreateAnAccountAndBackPutsTheCursorInTheFirstFieldToFill() {
        robot.clickOn("#toggle-mode");
        waitUntil("in \"Create account\", the cursor is in the empty email field, not on the link",
                () -> text(robot, "#submit").equals("Create account") && focusedId().equals("email"));
        robot.write("typed@example.com");
        robot.clickOn("#toggle-mode");
        waitUntil("back in \"Log in\" with the email typed, the password is next",
                () -> text(robot, "#submit").equals("Log in") && focusedId().equals("password"));
        assertEquals("typed@example.com", text(robot, "#email"));
    }
}
