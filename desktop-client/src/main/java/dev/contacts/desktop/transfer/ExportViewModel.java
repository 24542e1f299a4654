package dev.contacts.desktop.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.contacts.Selection;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.settings.Settings;
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
    /** The format of the last export, proposed for the next one (vCard 4.0 until one is made). */
    private final ReadOnlyObjectWrapper<TransferFormat> lastFormat = new ReadOnlyObjectWrapper<>(TransferFormat.VCARD);

    /** The settings' key of the last export's format. */
    static final String FORMAT_KEY = "export.format";

    public ExportViewModel(UserSession session, Background background) {
        this.session = session;
        this.background = background;
    }

    /** The last export's format is read from {@code settings} and kept there: the next run proposes it too. */
    public void rememberFormatIn(Settings settings) {
        lastFormat.set(settings.get(FORMAT_KEY).flatMap(TransferFormat::named).orElse(TransferFormat.VCARD));
        lastFormat.addListener((obs, was, is) -> settings.put(FORMAT_KEY, is.name()));
    }

    /** The format to propose for an export: the last one chosen. */
    public ReadOnlyObjectProperty<TransferFormat> lastFormatProperty() {
        return lastFormat.getReadOnlyProperty();
    }

    /** The ids the server reads as "every contact of the caller". */
    private static final List<Long> EVERYONE = List.of();

    /** Every contact of the account into {@code target}. */
    public void exportAll(TransferFormat format, Path target) {
        export(format, api -> EVERYONE, target, "");
    }

    /**
     * The selected contacts into {@code target}: the rows picked, or after Ctrl+A every contact listed, the rows
     * not loaded yet included (every match of a search, asked of the server when the export runs).
     */
    public void exportSelection(TransferFormat format, Selection selection, Path target) {
        String problem = selectionProblem(selection);
        if (!problem.isEmpty()) {
            fail(problem);
        } else if (selection instanceof Selection.Everyone everyone && everyone.wholeBook()) {
            export(format, api -> EVERYONE, target, Messages.count(selection.size(), "contact") + " ");
        } else {
            export(format, api -> {
                List<Long> ids = selection.ids(api);
                if (ids.isEmpty()) { // (the search's matches were deleted meanwhile: never "everyone" instead)
                    throw new Failed("None of the selected contacts is left: nothing was exported.");
                }
                return ids;
            }, target, Messages.count(selection.size(), "contact") + " ");
        }
    }

    /** Why "Export selection" cannot be done (asked before a file is chosen); empty when it can. */
    public static String selectionProblem(Selection selection) {
        if (selection.size() == 0) {
            return "Select the contacts to export first, or use Export all.";
        }
        return "";
    }

    /** The menu entry for {@code selection}: "Export 1,250 selected contacts…" ("Export selection…" for none). */
    public static String selectionAction(Selection selection) {
        return selection.size() == 0 ? "Export selection…"
                : "Export " + Messages.count(selection.size(), "selected contact") + "…";
    }

    /** Shows why an export cannot start. */
    public void refuse(String why) {
        fail(why);
    }

    /**
     * Writes the contacts {@code which} names ({@link #EVERYONE} for all) into {@code target}; {@code what} ("1,250
     * contacts ", or empty) goes into the message while it runs.
     */
    private void export(TransferFormat format, Function<ContactsApi, List<Long>> which, Path target, String what) {
        state.set(State.RUNNING);
        lastFormat.set(format);
        message.set("Exporting " + what + "to " + target.getFileName() + "…");
        background.run(() -> {
            List<Long> ids = which.apply(session.api());
            try {
                AtomicFiles.write(target, out -> session.api().export(format, ids, out));
            } catch (IOException e) {
                throw new Failed("Could not write " + target + ": " + Problems.reason(e));
            }
            return ids.size();
        }, count -> {
            state.set(State.DONE);
            message.set((count == 0 ? "All contacts" : Messages.count(count, "contact")) + " exported as "
                    + format.displayName() + " to " + target + ".");
        }, session.failures(failure -> fail(failure instanceof Failed ? failure.getMessage()
                : "Nothing was exported: " + Messages.of(failure))));
    }

    private void fail(String why) {
        state.set(State.FAILED);
        message.set(why);
    }

    /** A failure of this side (a file that cannot be written, nothing left to export), told in its own words. */
    private static final class Failed extends RuntimeException {
        Failed(String message) {
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
