package dev.contacts.desktop.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.ImportReport;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Imports vCard and CSV files one after the other in the background (chosen in File → Import… or dropped on
 * the window), then sums up what happened: created, merged and skipped contacts, and each item that could not
 * be imported with its file, position and line. Files dropped while an import runs join the queue.
 */
public final class ImportViewModel {

    /** The server's limit on one import's body. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** Why a file is not imported whose name or (for a .txt) first line says it is no address book. */
    static final String NOT_AN_ADDRESS_BOOK = "Not a vCard (.vcf) or CSV (.csv) file.";

    public enum State { IDLE, RUNNING, DONE }

    /** What became of one file: the server's report, or why it could not be imported at all. */
    public record FileOutcome(String file, ImportReport report, String failure) {
    }

    private final UserSession session;
    private final Background background;
    private final Runnable addressBookChanged;
    private final Deque<Path> queue = new ArrayDeque<>();
    private final List<FileOutcome> outcomes = new ArrayList<>();
    private int started;
    /** Counts the words about a file being sent ({@link #report}); the newest shown so far. */
    private final java.util.concurrent.atomic.AtomicLong reports = new java.util.concurrent.atomic.AtomicLong();
    private long shownReport;
    private int queued;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problemsHeading = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    /** One read-only view, kept: a listener added to a fresh wrapper would be dropped with it. */
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);

    /** {@code addressBookChanged} reloads the contacts list once something was created or merged. */
    public ImportViewModel(UserSession session, Background background, Runnable addressBookChanged) {
        this.session = session;
        this.background = background;
        this.addressBookChanged = addressBookChanged;
    }

    /** Imports {@code files} (after those already queued); a new import clears the last summary. */
    public void importFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        if (state.get() != State.RUNNING) {
            outcomes.clear();
            started = 0;
            queued = 0;
            state.set(State.RUNNING);
            queue.addAll(files);
            queued = files.size();
            next();
        } else {
            queue.addAll(files);
            queued += files.size();
        }
    }

    private void next() {
        Path file = queue.poll();
        if (file == null) {
            finish();
            return;
        }
        started++;
        String name = file.getFileName().toString();
        String label = name + (queued > 1 ? " (" + started + " of " + queued + ")" : "");
        progress.set("Importing " + label + "…");
        int fileNo = started;
        background.run(() -> importOne(file, fileNo, label), outcome -> {
            outcomes.add(outcome);
            next();
        }, session.failures(failure -> {
            outcomes.add(new FileOutcome(name, null, Messages.of(failure)));
            next();
        }));
    }

    /**
     * What the card says while a file is sent, from the client's thread: only the newest word about the file being
     * imported now is shown (the words reach the FX thread through the background, in any order).
     */
    private void report(int fileNo, String text) {
        long report = reports.incrementAndGet();
        background.run(() -> report, newest -> {
            if (newest > shownReport && fileNo == started && state.get() == State.RUNNING) {
                shownReport = newest;
                progress.set(text);
            }
        }, failure -> { });
    }

    /**
     * "2.1 MB", "0.4 MB", or "77 KB" below 0.1 MB (a phone's or Outlook's vCard of one contact, a few KB, was sent as
     * "0.0 MB"): the size of what is sent.
     */
    private static String sizeOf(long bytes) {
        if (bytes < 100_000) {
            return Math.max(1, (bytes + 999) / 1000) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0); // as the window's English writes it
    }

    /**
     * One file; a failure that concerns only this file is its outcome, so the queue goes on. While it is sent the
     * card counts the bytes the connection took ("Sending google.csv… 40% of 2.1 MB"), then says the server is at
     * work: the server answers with its totals only once it has imported the whole file (5,000 contacts: ~45 s).
     */
    private FileOutcome importOne(Path file, int fileNo, String label) {
        String name = file.getFileName().toString();
        var format = TransferFormat.ofFileName(name);
        boolean text = format.isEmpty() && TabSeparatedText.named(name); // Thunderbird's tab-separated export, maybe
        if (format.isEmpty() && !text) {
            return new FileOutcome(name, null, NOT_AN_ADDRESS_BOOK);
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return new FileOutcome(name, null, "Too large: a file of at most 10 MB can be imported at once. "
                        + "Split it, or export it in parts.");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new FileOutcome(name, null, "Cannot read the file: " + Problems.reason(e));
        }
        if (text && !TabSeparatedText.startsWithHeader(bytes)) {
            return new FileOutcome(name, null, NOT_AN_ADDRESS_BOOK);
        }
        try {
            byte[] body = FileText.asUtf8(bytes);
            String size = sizeOf(body.length);
            // the connection takes a 10 MB file in some 600 pieces: a word for the card only when its percent moves
            int[] shownPercent = {-1};
            ImportReport report = session.api().importFile(body, format.orElse(TransferFormat.CSV),
                    StandardCharsets.UTF_8, sent -> {
                        int percent = (int) (sent * 100 / Math.max(1, body.length));
                        if (percent == shownPercent[0]) {
                            return;
                        }
                        shownPercent[0] = percent;
                        report(fileNo, sent < body.length
                                ? "Sending " + label + "… " + percent + "% of " + size
                                : "Sent " + label + " (" + size + "). The server is importing its contacts…");
                    });
            return new FileOutcome(name, report, null);
        } catch (ApiFailure.SessionEnded ended) {
            throw ended;
        } catch (ApiFailure failure) {
            return new FileOutcome(name, null, Messages.of(failure));
        }
    }

    private void finish() {
        int created = 0;
        int merged = 0;
        int skipped = 0;
        List<String> lines = new ArrayList<>();
        boolean several = outcomes.size() > 1;
        for (FileOutcome outcome : outcomes) {
            String prefix = several ? outcome.file() + ", " : "";
            if (outcome.report() == null) {
                lines.add(outcome.file() + ": " + outcome.failure());
                continue;
            }
            created += outcome.report().created();
            merged += outcome.report().merged();
            skipped += outcome.report().skipped();
            for (ImportReport.ItemError e : outcome.report().errors()) {
                lines.add(prefix + "contact " + e.item() + " (line " + e.line() + "): " + e.detail());
            }
        }
        totals.set(count(created, "created") + " · " + count(merged, "merged") + " · " + count(skipped, "skipped")
                + (lines.isEmpty() ? "" : " · " + Messages.count(lines.size(), "problem")));
        // "the rest was imported" is true of a file with broken items, never of one that could not be imported at all
        boolean fileRefused = outcomes.stream().anyMatch(outcome -> outcome.report() == null);
        problemsHeading.set(fileRefused ? "Not imported:" : several ? "Not imported (the rest of each file was):"
                : "Not imported (the rest of the file was):");
        problems.setAll(lines);
        progress.set("");
        state.set(State.DONE);
        if (created + merged > 0) {
            addressBookChanged.run();
        }
    }

    /** "5,000 created": grouped by thousands, as the list's "5,009 contacts" over it. */
    private static String count(int n, String what) {
        return Messages.number(n) + " " + what;
    }

    /** Closes the summary. */
    public void close() {
        if (state.get() == State.DONE) {
            state.set(State.IDLE);
            problems.clear();
            totals.set("");
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Importing google.csv (2 of 3)…" while running. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "12 created · 3 merged · 0 skipped · 1 problem" once done. */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** What the problems' list is headed with: whether the rest of the files was imported. */
    public ReadOnlyStringProperty problemsHeadingProperty() {
        return problemsHeading.getReadOnlyProperty();
    }

    /** Each item or file that could not be imported, with where it is. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** Each file's outcome, once done. */
    public List<FileOutcome> outcomes() {
        return List.copyOf(outcomes);
    }
}
