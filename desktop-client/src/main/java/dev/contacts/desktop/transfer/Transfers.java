package dev.contacts.desktop.transfer;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.contacts.Selection;
import dev.contacts.desktop.settings.Settings;
import dev.contacts.desktop.ui.Background;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * File → Import…, Export all…, Export selection… and files dropped on the window, for one login: picks the
 * files, hands them to {@link ImportViewModel} and {@link ExportViewModel}, and owns the two cards that show
 * their progress and results.
 */
public final class Transfers {

    private final ImportViewModel importer;
    private final ExportViewModel exporter;
    private final Supplier<Selection> selection;
    private final ImportView importView;
    private final ExportView exportView;
    private FilePicker picker;

    /**
     * {@code selection} gives what is selected in the list; {@code addressBookChanged} reloads
     * it after an import; {@code owner} is a node of the window the file dialogs belong to.
     */
    public Transfers(UserSession session, Background background, Runnable addressBookChanged,
                     Supplier<Selection> selection, Node owner) {
        this.importer = new ImportViewModel(session, background, addressBookChanged);
        this.exporter = new ExportViewModel(session, background);
        this.selection = selection;
        this.picker = new FxFilePicker(owner);
        this.importView = new ImportView(importer);
        this.exportView = new ExportView(exporter);
    }

    /** Replaces the system's file dialogs (tests answer them). */
    public void usePicker(FilePicker picker) {
        this.picker = picker;
    }

    /** The export's format is remembered in {@code settings}: the save dialog proposes the last one. */
    public void rememberFormatIn(Settings settings) {
        exporter.rememberFormatIn(settings);
    }

    /** The cards to lay over the main view. */
    public List<Node> views() {
        return List.of(importView, exportView);
    }

    public void chooseAndImport() {
        importer.importFiles(picker.filesToImport());
    }

    public void exportAll() {
        picker.exportTarget(suggestedName(), exporter.lastFormatProperty().get())
                .ifPresent(t -> exporter.exportAll(t.format(), t.path()));
    }

    public void exportSelection() {
        Selection chosen = selection.get();
        String problem = ExportViewModel.selectionProblem(chosen);
        if (!problem.isEmpty()) {
            exporter.refuse(problem); // before asking for a file that would not be written
            return;
        }
        picker.exportTarget(suggestedName(), exporter.lastFormatProperty().get())
                .ifPresent(t -> exporter.exportSelection(t.format(), chosen, t.path()));
    }

    /**
     * Vcard and CSV files dropped on {@code target} are imported, and .txt files: whether a .txt is a tab-separated
     * export is read by the import, in the background (reading 16 KiB of each at the drop held the window on a
     * slow disk), which refuses one that is not, as Import… does.
     */
    public void acceptDrops(Node target) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()
                    && e.getDragboard().getFiles().stream().anyMatch(Transfers::namedImportable)) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            List<Path> files = e.getDragboard().hasFiles() ? importable(e.getDragboard().getFiles()) : List.of();
            importer.importFiles(files);
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private static boolean namedImportable(File file) {
        return file.isFile() && (TransferFormat.ofFileName(file.getName()).isPresent()
                || TabSeparatedText.named(file.getName()));
    }

    /**
     * The dropped files named as address books (.vcf, .vcard, .csv, .tab, .txt), by their names only; folders and
     * others are ignored.
     */
    static List<Path> importable(List<File> dropped) {
        return dropped.stream().filter(Transfers::namedImportable).map(File::toPath).toList();
    }

    private static String suggestedName() {
        return "contacts-" + LocalDate.now();
    }
}
