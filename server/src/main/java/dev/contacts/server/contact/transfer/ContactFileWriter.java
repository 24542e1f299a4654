package dev.contacts.server.contact.transfer;

import java.io.IOException;

/**
 * Writes contacts to a file of one format, one at a time, kept aside (a {@link Spool}) until {@link #close} writes
 * the file to its output: the database is read, in one snapshot, for as long as that takes, not for as long as a
 * client takes to read the file.
 */
interface ContactFileWriter extends AutoCloseable {

    void write(TransferItem item) throws IOException;

    /** Writes the file to the output and flushes it (the output stays open); what was kept aside goes. */
    @Override
    void close() throws IOException;

    /** What was kept aside goes, and nothing is written (the export failed). */
    void discard() throws IOException;
}
