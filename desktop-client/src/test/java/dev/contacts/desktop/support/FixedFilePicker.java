package dev.contacts.desktop.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.transfer.FilePicker;

/** Answers the file dialogs as the test says (the system's dialogs cannot be driven headless). */
public final class FixedFilePicker implements FilePicker {

    private List<Path> toImport = List.of();
    private Target exportTo;
    private TransferFormat proposed;

    /** The format the save dialog was last opened with (null before it was). */
    public TransferFormat proposed() {
        return proposed;
    }

    public FixedFilePicker importing(Path... files) {
        toImport = List.of(files);
        return this;
    }

    public FixedFilePicker exportingTo(Path file, TransferFormat format) {
        exportTo = new Target(file, format);
        return this;
    }

    @Override
    public List<Path> filesToImport() {
        return toImport;
    }

    @Override
    public Optional<Target> exportTarget(String suggestedName, TransferFormat proposed) {
        this.proposed = proposed;
        return Optional.ofNullable(exportTo);
    }
}
