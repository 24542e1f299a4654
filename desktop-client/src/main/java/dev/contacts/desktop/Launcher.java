package dev.contacts.desktop;

import java.util.List;

import dev.contacts.desktop.app.AppArguments;
import javafx.application.Application;

/**
 * The jar's entry point. A main class that is not an {@link Application} lets JavaFX start from the class
 * path (a plain {@code java -jar}), without a module path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            AppArguments.parse(List.of(args)); // a bad command line ends here, before any window
        } catch (IllegalArgumentException e) {
            System.err.println("contacts: " + e.getMessage());
            System.exit(2);
        }
        Application.launch(ContactsApp.class, args);
    }
}
