package dev.contacts.server.contact.transfer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The items of an import file, read (parsed) in the file's order when they are asked for, and not kept: the
 * importer takes a batch at a time, so a batch's items are garbage once it is written (10,000 parsed items kept to
 * the end took tens of MB of a 10 MiB import's heap). How many there are is known before any is read (a first pass
 * over the text counts them), so the item cap is checked before the work; and an import reads its next batch while
 * it writes this one (reading cards is about half of an import's time). Reading one item never throws: a broken
 * item is a {@link ParsedItem#failed failed} one. Closed once the items read are stored (or dropped).
 */
final class ReadOnDemand implements AutoCloseable {

    private final int size;
    private final Iterator<ParsedItem> read;
    private final Runnable onClose;

    /** {@code read} yields the {@code size} items in order. */
    ReadOnDemand(int size, Iterator<ParsedItem> read) {
        this(size, read, () -> { });
    }

    /** {@code onClose} gives back what reading them holds until they are stored (the large-card turn). */
    ReadOnDemand(int size, Iterator<ParsedItem> read, Runnable onClose) {
        this.size = size;
        this.read = read;
        this.onClose = onClose;
    }

    /** How many items the file has. */
    int size() {
        return size;
    }

    /** The next items, at most {@code max}; fewer only at the end. One thread at a time. */
    List<ParsedItem> next(int max) {
        List<ParsedItem> items = new ArrayList<>(Math.min(max, size));
        while (items.size() < max && read.hasNext()) {
            items.add(read.next());
        }
        return items;
    }

    /** Every item that is left (small files: tests); closed then. */
    List<ParsedItem> rest() {
        try {
            return next(Integer.MAX_VALUE);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        onClose.run();
    }
}
