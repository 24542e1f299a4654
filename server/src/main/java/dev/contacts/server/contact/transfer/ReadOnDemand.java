package dev.contacts.server.contact.transfer;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * The items of an import file, each read (parsed) the first time it is asked for and kept. How many there are is
 * known before any is read, so the item cap is checked before the work; and an import reads its next batch
 * while it writes this one (reading cards is about half of an import's time). Reading one item never throws: a
 * broken item is a {@link ParsedItem#failed failed} one.
 */
final class ReadOnDemand extends AbstractList<ParsedItem> implements RandomAccess {

    private final ParsedItem[] items;
    private final IntFunction<ParsedItem> read;

    /** {@code read} reads the item at a 0-based index. */
    ReadOnDemand(int size, IntFunction<ParsedItem> read) {
        this.items = new ParsedItem[size];
        this.read = read;
    }

    @Override
    public ParsedItem get(int index) {
        Objects.checkIndex(index, items.length);
        ParsedItem item = items[index];
        if (item == null) {
            item = read.apply(index);
            items[index] = item;
        }
        return item;
    }

    @Override
    public int size() {
        return items.length;
    }
}
