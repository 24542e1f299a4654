package dev.contacts.desktop.support;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Chooses an entry of the window's menu bar with the mouse, as a person would. */
public final class Menus {

    private Menus() {
    }

    /** Opens {@code menu} ("File") and clicks {@code item} ("Import…") in the menu that opens. */
    public static void choose(FxRobot robot, String menu, String item) {
        Node title = robot.lookup("#menu-bar").lookup((Labeled l) -> l.getText() != null && menu.equals(l.getText().replace("_", ""))).query(); // "_File": a mnemonic
        robot.clickOn(title);
        WaitForAsyncUtils.waitForFxEvents();
        // only in the open menu: a view's own title may say "Trash" too
        Node entry = robot.from(robot.lookup(".context-menu").queryAll())
                .lookup((Labeled l) -> item.equals(l.getText())).query();
        robot.clickOn(entry);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
