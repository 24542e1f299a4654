package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import dev.contacts.desktop.support.UiTestBase;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Logging out, a session that expires under an open form, and a server that goes away and comes back. */
class SessionFlowTest extends UiTestBase {

    @Test
    void logOutFromTheAccountMenuForgetsTheToken() {
        registerAndLogIn(robot, "logout@example.com");
        robot.clickOn("#account-menu");
        robot.clickOn("Log out");
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        assertEquals("You have logged out.", text(robot, "#login-message"));
        assertFalse(api.isLoggedIn(), "the token is forgotten");
        assertEquals("", text(robot, "#password"), "the password is not kept on screen");
    }

    @Test
    void ctrlLLogsOut() {
        registerAndLogIn(robot, "ctrl-l@example.com");
        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        assertFalse(api.isLoggedIn());
    }

    @Test
    void anExpiredSessionBringsBackTheLoginAndKeepsTheOpenForm() {
        registerAndLogIn(robot, "expiry@example.com");
        robot.clickOn("#new-contact");
        type(robot, "#first-name", "Half");
        type(robot, "#last-name", "Typed");

        clock.advance(Duration.ofMinutes(31)); // the 30-minute token has expired
        robot.clickOn("#save");
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        assertTrue(text(robot, "#login-message").contains("session has ended"), text(robot, "#login-message"));

        logIn(robot, "expiry@example.com", PASSWORD);
        waitUntil("back in the main view", () -> visible(robot, "#contacts-view"));
        assertTrue(visible(robot, "#contact-form"), "the form is still open");
        assertEquals("Half", text(robot, "#first-name"));
        assertEquals("Typed", text(robot, "#last-name"));
        robot.clickOn("#save");
        waitUntil("saved after all", () -> api.isLoggedIn() && api.list(0, 10).total() == 1);
    }

    @Test
    void anUnreachableServerShowsAMessageWithRetryAndTheWindowStaysResponsive() {
        registerAndLogIn(robot, "outage@example.com");
        server.stop();
        robot.type(KeyCode.F5);
        waitUntil("the error banner shows", () -> visible(robot, "#error-banner"));
        assertTrue(text(robot, "#contacts-error").contains("Cannot reach the server"), text(robot, "#contacts-error"));

        // the window still answers: typing into the search field works while the server is down
        robot.clickOn("#search");
        robot.write("abc");
        assertEquals("abc", text(robot, "#search"));
        type(robot, "#search", "");

        restartServer();
        robot.clickOn("#retry");
        waitUntil("the banner goes away", () -> !visible(robot, "#error-banner"));
    }

    @Test
    void aServerThatIsDownAtLoginIsExplained() {
        api.register("down@example.com", PASSWORD);
        server.stop();
        logIn(robot, "down@example.com", PASSWORD);
        waitUntil("the message shows", () -> text(robot, "#login-message").contains("Cannot reach the server"));
        restartServer();
        robot.clickOn("#submit");
        waitUntil("logged in after all", () -> visible(robot, "#contacts-view"));
    }
}
