package dev.contacts.desktop.ui;

import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * A menu button at the window's right edge: JavaFX opens a menu button's list from its left edge, so at the right
 * of a narrow window (800 pixels) it reached past the window's edge. Here it opens under the button, its right
 * edge on the button's, as GNOME's and macOS's menus at the right of a window do.
 */
public final class MenuPopups {

    private MenuPopups() {
    }

    /** {@code button}'s list opens ending at the button's right edge. */
    public static void openFromTheRightEdge(MenuButton button) {
        button.addEventHandler(MenuButton.ON_SHOWN, e -> Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu menu && menu.getOwnerNode() == button)
                .findFirst()
                .ifPresent(popup -> alignRight((ContextMenu) popup, button)));
    }

    private static void alignRight(ContextMenu popup, MenuButton button) {
        Bounds edges = button.localToScreen(button.getLayoutBounds());
        if (edges == null) {
            return;
        }
        popup.setAnchorLocation(PopupWindow.AnchorLocation.CONTENT_TOP_RIGHT);
        popup.setAnchorX(edges.getMaxX());
        popup.setAnchorY(edges.getMaxY());
    }
}
