package dev.contacts.server.contact.transfer;

import java.util.List;
import java.util.Optional;

/** An import body read into its items, whatever its format. */
public final class ImportFile {

    /** The formats an import body may have, by its media type. */
    public enum Format { VCARD, CSV }

    private ImportFile() {
    }

    /**
     * Every item of the file, each read or refused on its own; empty when the text is not a file of that format
     * at all (no card, or a CSV header that is neither Google's nor Outlook's).
     */
    public static Optional<List<ParsedItem>> read(String text, Format format) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return switch (format) {
            case VCARD -> VCardImport.looksLikeVCard(body) ? Optional.of(VCardImport.read(body)) : Optional.empty();
            case CSV -> CsvImport.detect(CsvImport.header(body)).map(layout -> CsvImport.read(body, layout));
        };
    }
}
