package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Logging out, a session that expires under an open form, and a server that goes away and comes back. */
class SessionFlowTest extends UiTestBase {

    @Test
    void logOutFromTheAccountMenuForgetsTheToken() {
        registerAndLogIn(robot, "logout@example.com");
        ContactsApi client = userApi();
        robot.clickOn("#account-menu");
        robot.clickOn("Log out");
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        assertEquals("You have logged out.", text(robot, "#login-message"));
        assertFalse(client.isLoggedIn(), "the token is forgotten");
        assertEquals("", text(robot, "#password"), "the password is not kept on screen");
        waitUntil("the server ended the token too", () -> revokedAccessTokens() == 1);
    }

    private long revokedAccessTokens() {
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("contacts.db"));
             var rows = db.createStatement().executeQuery("select count(*) from revoked_access_tokens")) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    @Test
    void ctrlLLogsOut() {
        registerAndLogIn(robot, "ctrl-l@example.com");
        ContactsApi client = userApi();
        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        assertFalse(client.isLoggedIn());
    }

    @Test
    void anExpiringAccessTokenIsRenewedSilently() {
        registerAndLogIn(robot, "renew@example.com");
        clock.advance(Duration.ofMinutes(45)); // past the 30-minute access token, well within the refresh token
        robot.clickOn("#new-contact");
        type(robot, "#first-name", "Still");
        type(robot, "#last-name", "LoggedIn");
        robot.clickOn("#save");
        waitUntil("saved", () -> userApi().isLoggedIn() && userApi().list(0, 10).total() == 1);
        assertTrue(visible(robot, "#contacts-view"), "no login screen on the way");
    }

    @Test
    void anEndedSessionBringsBackTheLoginAndKeepsTheOpenForm() {
        registerAndLogIn(robot, "expiry@example.com");
        robot.clickOn("#new-contact");
        type(robot, "#first-name", "Half");
        type(robot, "#last-name", "Typed");

        clock.advance(Duration.ofDays(15)); // the refresh token has expired too: renewal fails
        robot.clickOn("#save");
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        assertTrue(text(robot, "#login-message").contains("session has ended"), text(robot, "#login-message"));

        logIn(robot, "expiry@example.com", PASSWORD);
        waitUntil("back in the main view", () -> visible(robot, "#contacts-view"));
        assertTrue(visible(robot, "#contact-form"), "the form is still open");
        assertEquals("Half", text(robot, "#first-name"));
        assertEquals("Typed", text(robot, "#last-name"));
        robot.clickOn("#save");
        waitUntil("saved after all", () -> userApi().isLoggedIn() && userApi().list(0, 10).total() == 1);
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
    void aLockedEmailSaysWhenToTryAgain() {
        api.register("locked@example.com", PASSWORD);
        for (int i = 0; i < 5; i++) {
            try {
                api.login("locked@example.com", "wrong password");
            } catch (RuntimeException expected) {
                // 401 five times
            }
        }
        logIn(robot, "locked@example.com", PASSWORD);
        waitUntil("the wait shows", () -> text(robot, "#login-message").matches(
                "Too many attempts\\. Try again in [0-9]+ seconds\\."));
    }

    @Test
    void changePasswordFromTheAccountMenu() {
        registerAndLogIn(robot, "change@example.com");
        robot.clickOn("#account-menu");
        robot.clickOn("Change password…");
        waitUntil("the card shows", () -> visible(robot, "#account-view"));
        type(robot, "#current-password", "not my password");
        type(robot, "#new-password", "a much better secret");
        type(robot, "#repeat-password", "a much better secret");
        robot.clickOn("#account-confirm");
        waitUntil("wrong current password explained", () -> visible(robot, "#current-password-error"));

        type(robot, "#current-password", PASSWORD);
        type(robot, "#new-password", "password1");
        type(robot, "#repeat-password", "password1");
        robot.clickOn("#account-confirm");
        waitUntil("too common explained", () -> text(robot, "#new-password-error").contains("too common"));
        Screenshots.save(window.scene(), "account-change-password");

        type(robot, "#new-password", "a much better secret");
        type(robot, "#repeat-password", "a much better secret");
        robot.clickOn("#account-confirm");
        waitUntil("back at the login", () -> visible(robot, "#email"));
        assertTrue(text(robot, "#login-message").contains("password was changed"), text(robot, "#login-message"));
        logIn(robot, "change@example.com", "a much better secret");
        waitUntil("logged in with the new password", () -> visible(robot, "#contacts-view"));
    }

    @Test
    void logOutAnotherDeviceFromTheAccountMenu() {
        registerAndLogIn(robot, "devices@example.com");
        ContactsApi phone = new ContactsApi(() -> server.uri("127.0.0.1"), Duration.ofSeconds(30), clock);
        phone.login("devices@example.com", PASSWORD); // the same account on another device
        robot.clickOn("#account-menu");
        robot.clickOn("Devices…");
        waitUntil("the card shows", () -> visible(robot, "#devices-view"));
        waitUntil("both devices listed, Log out for the other only", () -> logOutButtons().size() == 1
                && robot.lookup("This device").tryQuery().isPresent()
                && robot.lookup("Another device").tryQuery().isPresent());
        Screenshots.save(window.scene(), "account-devices");

        robot.clickOn(logOutButtons().getFirst());
        waitUntil("only this device is left", () -> text(robot, "#devices-message")
                .equals("No other device is logged in."));
        assertTrue(robot.lookup("Another device").tryQuery().isEmpty());
        try {
            phone.labels();
            throw new AssertionError("the phone's session should be over");
        } catch (dev.contacts.desktop.api.ApiFailure.SessionEnded expected) {
            // logged out: it cannot renew its tokens
        }
        robot.type(KeyCode.ESCAPE);
        waitUntil("the card closes", () -> !visible(robot, "#devices-view"));
        waitUntil("this device goes on", () -> visible(robot, "#contacts-view"));
    }

    /** The "Log out" buttons of the devices list that show. */
    private java.util.List<javafx.scene.Node> logOutButtons() {
        return robot.lookup("#devices-list .log-out-device").queryAll().stream()
                .filter(javafx.scene.Node::isVisible).toList();
    }

    @Test
    void deleteAccountFromTheAccountMenu() {
        registerAndLogIn(robot, "leaving@example.com");
        robot.clickOn("#account-menu");
        robot.clickOn("Delete account…");
        waitUntil("the card shows", () -> visible(robot, "#account-view"));
        type(robot, "#current-password", PASSWORD);
        robot.clickOn("#account-confirm");
        waitUntil("back at the login", () -> visible(robot, "#email"));
        assertTrue(text(robot, "#login-message").contains("deleted"), text(robot, "#login-message"));
        logIn(robot, "leaving@example.com", PASSWORD);
        waitUntil("the account is gone", () -> text(robot, "#login-message").equals("Wrong email or password."));
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
