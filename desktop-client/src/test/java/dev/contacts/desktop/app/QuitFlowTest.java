package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Menus;
import dev.contacts.desktop.support.UiTestBase;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** File → Quit and Ctrl+Q: the window closes as its close button closes it, asking first about unsaved changes. */
class QuitFlowTest extends UiTestBase {

    @BeforeEach
    void keepTheToolkitWhenTheWindowCloses() {
        Platform.setImplicitExit(false); // the app stops with its last window; the next tests need the toolkit
    }

    private void ctrlQ() {
        robot.press(KeyCode.CONTROL).press(KeyCode.Q).release(KeyCode.Q).release(KeyCode.CONTROL);
    }

    @Test
    void fileQuitClosesTheWindow() {
        registerAndLogIn(robot, "quit@example.com");
        Menus.choose(robot, "File", "Quit");
        waitUntil("the window is closed", () -> !Fx.call(stage::isShowing));
    }

    @Test
    void quittingWithUnsavedChangesAsksFirst() {
        registerAndLogIn(robot, "quit-unsaved@example.com");
        robot.clickOn("#new-contact");
        type(robot, "#first-name", "Half");

        ctrlQ();
        waitUntil("asked first", () -> robot.lookup("#confirm-no").tryQuery().isPresent());
        robot.clickOn("#confirm-no");
        waitUntil("the dialog closes", () -> robot.lookup("#confirm-no").tryQuery().isEmpty());
        assertTrue(Fx.call(stage::isShowing), "keeping the changes keeps the window");
        assertEquals("Half", text(robot, "#first-name"));

        ctrlQ();
        waitUntil("asked again", () -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        robot.clickOn("#confirm-yes");
        waitUntil("the window is closed", () -> !Fx.call(stage::isShowing));
        assertEquals(0, userApi().list(0, 10).total(), "nothing was saved");
    }

    @Test
    void ctrlQQuitsFromTheLoginScreenAfterALogOut() {
        registerAndLogIn(robot, "quit-after-logout@example.com");
        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        waitUntil("the login screen shows", () -> visible(robot, "#email"));

        ctrlQ();
        waitUntil("the window is closed", () -> !Fx.call(stage::isShowing));
    }
}
