package dev.contacts.desktop;

import dev.contacts.desktop.app.AppArguments;
import picocli.CommandLine;

/**
 * The jar's entry point. A main class that is not an {@link javafx.application.Application} lets JavaFX start
 * from the class path (a plain {@code java -jar}), without a module path.
 */
public final class Launcher {

    private Launcher() {
    }

    /** Set by the installer's build: this start is the AOT training run of the app image's own launcher. */
    static final String AOT_TRAINING = "contacts.aot-training";

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean(AOT_TRAINING)) {
            System.clearProperty(AOT_TRAINING); // the training starts the app through this method again
            AotTraining.main(args);
            return;
        }
        if (args.length == 0) {
            // the usual start (from the desktop's menu) reads no command line, so picocli is not loaded: its classes,
            // compiled for Java 5, cannot be in the AOT cache and took 0.2-0.4 s of CPU before the window
            ContactsApp.launch(AppArguments.defaults());
            return;
        }
        CommandLine line = AppArguments.commandLine();
        AppArguments parsed;
        try {
            // a bad command line ends here, before any window: one line on stderr, exit code 2
            if (CommandLine.printHelpIfRequested(line.parseArgs(args))) {
                return;
            }
            parsed = AppArguments.of(line);
        } catch (CommandLine.ParameterException e) {
            System.err.println("contacts: " + e.getMessage() + " (see --help)");
            System.exit(CommandLine.ExitCode.USAGE);
            return;
        }
        ContactsApp.launch(parsed);
    }
}
