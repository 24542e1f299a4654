package dev.contacts.desktop.transfer;

import java.io.File;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.contacts.desktop.api.TransferFormat;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The system's open and save dialogs, filtered to vCard and CSV. The last folder is remembered for this login
 * only (it belongs to the session, like everything else on its screens).
 */
final class FxFilePicker implements FilePicker {

    private static final FileChooser.ExtensionFilter VCARD =
            new FileChooser.ExtensionFilter("vCard (*.vcf)", "*.vcf", "*.vcard", "*.VCF");
    private static final FileChooser.ExtensionFilter CSV =
            new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv", "*.CSV");
    /** The save dialog's choice of format, each for the address book it suits. */
    private static final Map<TransferFormat, FileChooser.ExtensionFilter> EXPORTS = exports();

    private static Map<TransferFormat, FileChooser.ExtensionFilter> exports() {
        Map<TransferFormat, FileChooser.ExtensionFilter> exports = new LinkedHashMap<>();
        exports.put(TransferFormat.VCARD_3, new FileChooser.ExtensionFilter("vCard 3.0 — iPhone, Outlook (*.vcf)",
                "*.vcf", "*.vcard", "*.VCF"));
        exports.put(TransferFormat.VCARD, new FileChooser.ExtensionFilter("vCard 4.0 — Google, Thunderbird (*.vcf)",
                "*.vcf", "*.vcard", "*.VCF"));
        exports.put(TransferFormat.CSV, new FileChooser.ExtensionFilter("CSV — Google (*.csv)", "*.csv", "*.CSV"));
        exports.put(TransferFormat.OUTLOOK_CSV,
                new FileChooser.ExtensionFilter("CSV — Outlook (*.csv)", "*.csv", "*.CSV"));
        return Collections.unmodifiableMap(exports);
    }
    /** .tab and .txt: Thunderbird's tab-separated export (a .txt is imported if its first line is a header). */
    private static final FileChooser.ExtensionFilter BOTH = new FileChooser.ExtensionFilter("Contacts (*.vcf, *.csv)",
            "*.vcf", "*.vcard", "*.csv", "*.VCF", "*.CSV", "*.tab", "*.tsv", "*.txt", "*.TXT");

    private final Node owner;
    private File lastFolder;

    FxFilePicker(Node owner) {
        this.owner = owner;
    }

    @Override
    public List<Path> filesToImport() {
        FileChooser chooser = chooser("Import contacts");
        chooser.getExtensionFilters().setAll(BOTH, VCARD, CSV);
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastFolder = files.get(0).getParentFile();
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Target> exportTarget(String suggestedName, TransferFormat proposed) {
        FileChooser chooser = chooser("Export contacts");
        chooser.getExtensionFilters().setAll(EXPORTS.values());
        chooser.setSelectedExtensionFilter(EXPORTS.getOrDefault(proposed, EXPORTS.get(TransferFormat.VCARD)));
        chooser.setInitialFileName(suggestedName); // no extension: the chosen filter adds its own
        File file = chooser.showSaveDialog(window());
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        TransferFormat chosen = EXPORTS.entrySet().stream()
                .filter(e -> e.getValue() == chooser.getSelectedExtensionFilter()).map(Map.Entry::getKey)
                .findFirst().orElse(proposed);
        return Optional.of(target(file.toPath(), chosen));
    }

    /**
     * The format the name says wins over the filter (a .vcf keeps the vCard version chosen); a name without one gets
     * the filter's extension.
     */
    static Target target(Path path, TransferFormat chosen) {
        String name = path.getFileName().toString();
        Optional<TransferFormat> named = TransferFormat.ofFileName(name);
        if (named.isPresent() && named.get().extension().equals(chosen.extension())) {
            return new Target(path, chosen);
        }
        if (named.isPresent()) {
            return new Target(path, named.get());
        }
        return new Target(path.resolveSibling(name + "." + chosen.extension()), chosen);
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Window window() {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }
}
