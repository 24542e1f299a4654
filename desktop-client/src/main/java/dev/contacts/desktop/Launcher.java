package dev.contacts.desktop;

import javafx.application.Application;

/**
 * The jar's entry point. A main class that is not an {@link Application} lets JavaFX start from the class
 * path (a plain {@code java -jar}), without a module path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(ContactsApp.class, args);
    }
}
