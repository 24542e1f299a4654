package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.contacts.model.Contact;
import dev.contacts.server.contact.ContactRepository;
import dev.contacts.server.db.Database;
import ezvcard.VCardVersion;

/**
 * Writes an owner's contacts to a file, a page at a time: memory holds one page, whatever the address book's
 * size. Each contact carries its UID, its photo and the properties kept from its import. The export is one picture of
 * the book: every page (and photo) is read in one {@link Database#snapshot}, a write committed meanwhile (an import, an
 * edit, a merge) is in none of it or all of it. Each read is a {@link Database.Snapshot#read} of its own, and the file
 * is kept aside ({@link ContactFileWriter}) until the snapshot is closed, so a client that reads slowly holds neither
 * a database thread nor the snapshot.
 */
final class Exporter {

    /** The export formats, with what the response says about them. */
    enum Format {
        VCARD("text/vcard; charset=utf-8", "contacts.vcf"),
        /** vCard 3.0 (RFC 2426), what iPhone/iCloud and Outlook read. */
        VCARD_3("text/vcard; charset=utf-8", "contacts.vcf"),
        CSV("text/csv; charset=utf-8", "contacts.csv"),
        /** Outlook's CSV layout, which Outlook's importer maps by itself. */
        OUTLOOK_CSV("text/csv; charset=utf-8", "contacts.csv");

        final String contentType;
        final String fileName;

        Format(String contentType, String fileName) {
            this.contentType = contentType;
            this.fileName = fileName;
        }
    }

    static final int PAGE = 200;

    private final TransferRepository repository;
    private final Database database;
    private final ExportTurns turns;

    Exporter(TransferRepository repository, Database database, ExportTurns turns) {
        this.repository = repository;
        this.database = database;
        this.turns = turns;
    }

    /** Every live contact of the owner, or those of {@code ids} that are the owner's (others are left out). */
    void export(long owner, Optional<List<Long>> ids, Format format, Writer out) throws Exception {
        try (AutoCloseable turn = turns.take(owner)) { // until the file is sent and its spool gone
            exportInTurn(owner, ids, format, out);
        }
    }

    private void exportInTurn(long owner, Optional<List<Long>> ids, Format format, Writer out) throws Exception {
        Optional<List<Long>> wanted = ids.map(some -> new ArrayList<>(new TreeSet<>(some)));
        ContactFileWriter file = switch (format) {
            case VCARD -> new VCardExport(out, VCardVersion.V4_0);
            case VCARD_3 -> new VCardExport(out, VCardVersion.V3_0);
            case CSV -> new CsvExport(out);
            case OUTLOOK_CSV -> new OutlookCsvExport(out);
        };
        try (Database.Snapshot snapshot = database.snapshot()) {
            // a CSV has no photo's column: its photos are not read
            boolean photos = format != Format.CSV && format != Format.OUTLOOK_CSV;
            if (wanted.isPresent()) {
                for (int from = 0; from < wanted.get().size(); from += PAGE) {
                    List<Long> some = wanted.get().subList(from, Math.min(wanted.get().size(), from + PAGE));
                    Page page = snapshot.read(dsl -> {
                        TransferRepository view = repository.within(dsl);
                        return withFields(view, owner,
                                some.stream().flatMap(id -> view.contacts().find(owner, id).stream()).toList());
                    });
                    writePage(snapshot, owner, page, photos, file);
                }
            } else {
                long after = 0;
                while (true) {
                    long from = after;
                    Page page = snapshot.read(dsl -> {
                        TransferRepository view = repository.within(dsl);
                        return withFields(view, owner, view.contacts().liveAfter(owner, from, PAGE));
                    });
                    writePage(snapshot, owner, page, photos, file);
                    if (page.contacts().size() < PAGE) {
                        break;
                    }
                    after = page.contacts().getLast().id();
                }
            }
        } catch (Exception | Error e) {
            file.discard();
            throw e;
        }
        file.close();
    }

    /** A page of contacts with their UIDs and kept properties. */
    private record Page(List<Contact> contacts, Map<Long, TransferRepository.FileFields> fields) {
    }

    private static Page withFields(TransferRepository view, long owner, List<Contact> contacts) {
        return new Page(contacts, contacts.isEmpty() ? Map.of()
                : view.fileFields(owner, contacts.stream().map(Contact::id).toList()));
    }

    /** Something done with each page of contacts; may fail on output. */
    interface PageAction {
        void accept(List<Contact> page) throws IOException;
    }

    /**
     * Every live contact of the owner in id order, a page at a time: memory holds one page. Each page is read in a
     * {@link Database#read} of its own, and {@code action} runs outside it.
     */
    static void forEachPage(Database database, ContactRepository contacts, long owner, PageAction action)
            throws Exception {
        long after = 0;
        while (true) {
            long from = after;
            List<Contact> page = database.read(() -> contacts.liveAfter(owner, from, PAGE));
            action.accept(page);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private void writePage(Database.Snapshot snapshot, long owner, Page page, boolean photos, ContactFileWriter file)
            throws Exception {
        for (Contact c : page.contacts()) {
            TransferRepository.FileFields f = page.fields().getOrDefault(c.id(),
                    new TransferRepository.FileFields(null, null));
            ContactRepository.Photo photo = photos && c.hasPhoto()
                    ? snapshot.read(dsl -> repository.within(dsl).contacts().photo(owner, c.id()).orElse(null)) : null;
            file.write(new TransferItem(c.toDraft(), f.uid(), f.extras(), photo));
        }
    }
}
