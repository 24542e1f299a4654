package dev.contacts.desktop.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Small building blocks shared by the views. */
public final class Fields {

    private Fields() {
    }

    /** A labelled control with its error beside it (under it), shown only when there is one. */
    public static VBox labelled(String label, Control control, ObservableStringValue error) {
        Label caption = new Label(label);
        caption.setLabelFor(control);
        caption.getStyleClass().add("field-label");
        if (control.getAccessibleText() == null) {
            control.setAccessibleText(label);
        }
        Label errorLabel = errorLabel(error);
        if (control.getId() != null) {
            errorLabel.setId(control.getId() + "-error");
        }
        error.addListener((obs, was, is) -> control.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("danger"), !is.isEmpty()));
        return new VBox(4, caption, control, errorLabel);
    }

    /** A label that shows {@code text} in the error style and takes no room when it is empty. */
    public static Label errorLabel(ObservableStringValue text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A label that hides itself when its text is empty. */
    public static Label hiddenWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
