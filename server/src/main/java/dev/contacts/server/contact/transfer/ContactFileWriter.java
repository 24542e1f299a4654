package dev.contacts.server.contact.transfer;

import java.io.IOException;

/** Writes contacts to a file of one format, one at a time (so an export streams). */
interface ContactFileWriter extends AutoCloseable {

    void write(TransferItem item) throws IOException;

    /** Flushes what is written; the underlying stream stays open. */
    @Override
    void close() throws IOException;
}
