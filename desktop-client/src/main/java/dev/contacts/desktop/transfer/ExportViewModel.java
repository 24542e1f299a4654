package dev.contacts.desktop.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Messages;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Exports the whole address book or the chosen contacts to a vCard or CSV file, in the background, writing the
 * file atomically; then says where it went, or clearly why it did not.
 */
public final class ExportViewModel {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    private final UserSession session;
    private final Background background;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ExportViewModel(UserSession session, Background background) {
        this.session = session;
        this.background = background;
    }

    /** Every contact of the account into {@code target}. */
    public void exportAll(TransferFormat format, Path target) {
        export(format, List.of(), target, "All contacts");
    }

    /** The chosen contacts (which the person must have selected) into {@code target}. */
    public void exportSelection(TransferFormat format, List<Long> ids, Path target) {
        String problem = selectionProblem(ids);
        if (!problem.isEmpty()) {
            fail(problem);
        } else {
            export(format, List.copyOf(ids), target, ids.size() == 1 ? "1 contact" : ids.size() + " contacts");
        }
    }

    /** Why "Export selection" cannot be done (asked before a file is chosen); empty when it can. */
    public static String selectionProblem(List<Long> ids) {
        if (ids.isEmpty()) {
            return "Select the contacts to export first, or use Export all.";
        }
        return "";
    }

    /** Shows why an export cannot start. */
    public void refuse(String why) {
        fail(why);
    }

    private void export(TransferFormat format, List<Long> ids, Path target, String what) {
        state.set(State.RUNNING);
        message.set("Exporting to " + target.getFileName() + "…");
        background.run(() -> {
            try {
                AtomicFiles.write(target, out -> session.api().export(format, ids, out));
            } catch (IOException e) {
                throw new WriteFailed("Could not write " + target + ": " + Problems.reason(e));
            }
            return target;
        }, written -> {
            state.set(State.DONE);
            message.set(what + " exported as " + format.displayName() + " to " + written + ".");
        }, session.failures(failure -> fail(failure instanceof WriteFailed ? failure.getMessage()
                : "Nothing was exported: " + Messages.of(failure))));
    }

    private void fail(String why) {
        state.set(State.FAILED);
        message.set(why);
    }

    /** A local write failure, told apart from the server's. */
    private static final class WriteFailed extends RuntimeException {
        WriteFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** Closes the result. */
    public void close() {
        if (state.get() != State.RUNNING) {
            state.set(State.IDLE);
            message.set("");
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Exporting to contacts.vcf…", where it went, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
