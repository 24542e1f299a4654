package dev.contacts.desktop.transfer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.contacts.desktop.api.TransferFormat;

/** Where the person picks files: the system's file dialogs in the app, fixed answers in tests. */
public interface FilePicker {

    /** A file to export to and the format chosen with it. */
    record Target(Path path, TransferFormat format) {
    }

    /** The vCard or CSV files to import; empty when cancelled. */
    List<Path> filesToImport();

    /** Where to export, proposing {@code suggestedName} in the format {@code proposed}; empty when cancelled. */
    Optional<Target> exportTarget(String suggestedName, TransferFormat proposed);
}
