package dev.contacts.server.contact.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** An import body read into its items, whatever its format. */
public final class ImportFile {

    /** The formats an import body may have, by its media type. */
    public enum Format { VCARD, CSV }

    /**
     * The body's text, opened afresh each time it is read: an import reads it more than once (whether it is a file
     * of its format, how many items it has, then the items, and a second time beside them for its large cards),
     * never as one String (a 10 MiB body with a character outside Latin-1 made a 20 MiB String, held for the whole
     * import beside everything read from it).
     */
    @FunctionalInterface
    public interface Text {
        Reader open() throws IOException;
    }

    /**
     * The most heap one item's text (a card, a row) may take: a photo of about 3 MiB inline (a camera's). A larger
     * item is refused without being held: a card or a cell of several MiB, gathered and parsed whole (a few copies
     * of it at once), ran the server out of memory (a 500), where its text could never be stored anyway (notes
     * hold 10,000 characters). Java keeps text in one byte a character while all of it is Latin-1, else in two.
     */
    static final int MAX_ITEM_BYTES = 4 << 20;
    /** How an item over {@link #MAX_ITEM_BYTES} is reported. */
    static final String TOO_LARGE = "larger than 4 MiB";

    /** Whether {@code chars} characters take more than {@link #MAX_ITEM_BYTES}, {@code wide} if one is not Latin-1. */
    static boolean tooLarge(long chars, boolean wide) {
        return (wide ? 2 * chars : chars) > MAX_ITEM_BYTES;
    }

    private ImportFile() {
    }

    /**
     * Every item of the file, each read or refused on its own when it is asked for; empty when the text is not a
     * file of that format at all (no card, or a CSV header that is not Google's, Outlook's or Thunderbird's).
     */
    static Optional<ReadOnDemand> read(Text text, Format format) {
        Text body = () -> withoutBom(text.open());
        return switch (format) {
            case VCARD -> VCardImport.looksLikeVCard(body) ? Optional.of(VCardImport.read(body)) : Optional.empty();
            case CSV -> CsvImport.detect(body).map(dialect -> CsvImport.read(body, dialect));
        };
    }

    /** Every item of a text in hand (tests and small files). */
    static Optional<List<ParsedItem>> read(String text, Format format) {
        return read(() -> new StringReader(text), format).map(ReadOnDemand::rest);
    }

    /** The text after its byte order mark, if it has one. */
    private static Reader withoutBom(Reader text) throws IOException {
        BufferedReader in = new BufferedReader(text);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    /** The text opened, an I/O failure unchecked (the text is in memory: a failure is a bug, not the client's). */
    static Reader open(Text text) {
        try {
            return text.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
