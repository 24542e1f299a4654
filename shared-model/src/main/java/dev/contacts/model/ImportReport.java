package dev.contacts.model;

import java.util.List;

/**
 * The answer to an import: how many items became new contacts, were merged into existing ones, or were
 * skipped as duplicates, and why the others could not be imported.
 */
public record ImportReport(int created, int merged, int skipped, List<ItemError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    /** An item of the file that was not imported: its 1-based position, the 1-based line it begins on, and why. */
    public record ItemError(int item, int line, String detail) {
    }
}
