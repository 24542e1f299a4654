package dev.contacts.desktop.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats the server imports and exports: how each is named in a query, a Content-Type and a file. */
public enum TransferFormat {
    /** vCard 4.0, the server's default. */
    VCARD("vcard", "text/vcard", "vCard", "vcf"),
    /** vCard 3.0, exported for iPhone/iCloud and Outlook, which read 3.0 (imported as any vCard). */
    VCARD_3("vcard", "text/vcard", "vCard 3.0", "vcf"),
    CSV("csv", "text/csv", "CSV", "csv"),
    /** CSV in Outlook's columns, which Outlook's importer maps by itself (imported as any CSV). */
    OUTLOOK_CSV("csv", "text/csv", "Outlook CSV", "csv");

    private final String query;
    private final String mediaType;
    private final String displayName;
    private final String extension;

    TransferFormat(String query, String mediaType, String displayName, String extension) {
        this.query = query;
        this.mediaType = mediaType;
        this.displayName = displayName;
        this.extension = extension;
    }

    public String query() {
        return query;
    }

    /** The export's query parameters: {@code format=vcard&version=3.0}, {@code format=csv&layout=outlook}. */
    public String exportQuery() {
        return "format=" + query + switch (this) {
            case VCARD_3 -> "&version=3.0";
            case OUTLOOK_CSV -> "&layout=outlook";
            default -> "";
        };
    }

    /** The format a remembered {@link #name()} names; empty for a name no longer known. */
    public static Optional<TransferFormat> named(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
    }

    public String mediaType() {
        return mediaType;
    }

    /** "vCard" or "CSV", as a person calls it. */
    public String displayName() {
        return displayName;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format a file's name says it has (.vcf, .vcard, .csv, any case; .tab and .tsv, Thunderbird's "Tab
     * separated" export, are read as CSV: the server tells the separator from the header); empty for any other name.
     */
    public static Optional<TransferFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".vcf") || lower.endsWith(".vcard")) {
            return Optional.of(VCARD);
        }
        return lower.endsWith(".csv") || lower.endsWith(".tab") || lower.endsWith(".tsv") ? Optional.of(CSV)
                : Optional.empty();
    }
}
