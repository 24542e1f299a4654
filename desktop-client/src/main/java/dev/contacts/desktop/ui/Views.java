package dev.contacts.desktop.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's layout from the {@code .fxml} file beside its class (same package, same simple name). The view
 * is both the layout's root ({@code fx:root}) and its controller ({@code fx:controller}), so Scene Builder can
 * open the file, and the class only binds the view model to the nodes the file declares.
 */
public final class Views {

    private Views() {
    }

    public static void load(Parent view) {
        Class<?> type = view.getClass();
        URL layout = type.getResource(type.getSimpleName() + ".fxml");
        if (layout == null) {
            throw new IllegalStateException("No layout " + type.getSimpleName() + ".fxml beside " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(layout);
        loader.setRoot(view);
        loader.setControllerFactory(wanted -> {
            if (!wanted.isInstance(view)) {
                throw new IllegalStateException(layout + " names controller " + wanted.getName());
            }
            return view;
        });
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + layout, e);
        }
    }
}
