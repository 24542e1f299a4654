package dev.contacts.server.contact.transfer;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * The items of an import file, each read (parsed) when it is asked for, and not kept: the importer asks for each
 * once, so a batch's items are garbage once it is written (10,000 parsed items kept to the end took tens of MB of
 * a 10 MiB import's heap). How many there are is known before any is read, so the item cap is checked before the
 * work; and an import reads its next batch while it writes this one (reading cards is about half of an import's
 * time). Reading one item never throws: a broken item is a {@link ParsedItem#failed failed} one.
 */
final class ReadOnDemand extends AbstractList<ParsedItem> implements RandomAccess {

    private final int size;
    private final IntFunction<ParsedItem> read;

    /** {@code read} reads the item at a 0-based index. */
    ReadOnDemand(int size, IntFunction<ParsedItem> read) {
        this.size = size;
        this.read = read;
    }

    @Override
    public ParsedItem get(int index) {
        Objects.checkIndex(index, size);
        return read.apply(index);
    }

    @Override
    public int size() {
        return size;
    }
}
