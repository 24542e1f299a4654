package dev.contacts.desktop.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Small pieces the views share: a node that takes room only while shown, and Escape to close a card. */
public final class Visibility {

    private Visibility() {
    }

    /** {@code node} is shown, and laid out, only while {@code condition} holds. */
    public static void showWhile(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Escape anywhere in {@code card} runs {@code close}. */
    public static void closeOnEscape(Node card, Runnable close) {
        card.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
    }
}
