package dev.contacts.desktop.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Small behaviours shared by the views. */
public final class Fields {

    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private Fields() {
    }

    /** Whether {@code node} is outlined as being at fault (see {@link #showError}). */
    public static boolean showsError(javafx.scene.Node node) {
        return node.getPseudoClassStates().contains(DANGER);
    }

    /** {@code label} shows {@code error} under {@code control}, which is outlined in red while there is one. */
    public static void showError(Label label, Control control, ObservableStringValue error) {
        showWhenNotEmpty(label, error);
        control.pseudoClassStateChanged(DANGER, !error.get().isEmpty());
        error.addListener((obs, was, is) -> control.pseudoClassStateChanged(DANGER, !is.isEmpty()));
    }

    /** {@code label} shows {@code text} and takes no room when it is empty. */
    public static void showWhenNotEmpty(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /**
     * Space opens {@code box}'s list while it is closed, as in GTK and the web's select (JavaFX's ComboBox only
     * arms itself on Space, so the keyboard needed Alt+Down or F4, which few know). An editable box keeps Space
     * for the text typed.
     */
    public static void opensOnSpace(ComboBox<?> box) {
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !box.isEditable() && !box.isShowing()) {
                box.show();
                e.consume();
            }
        });
    }
}
