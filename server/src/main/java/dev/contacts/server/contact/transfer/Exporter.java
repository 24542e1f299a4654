package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeSet;

import dev.contacts.model.Contact;
import dev.contacts.server.contact.ContactRepository;
import dev.contacts.server.db.Database;

/**
 * Writes an owner's contacts to a file, a page at a time: memory holds one page, whatever the address book's
 * size. Each contact carries its UID, its photo and the properties kept from its import. Each page (and each photo)
 * is read in a {@link Database#call} of its own and written outside it, so a client that reads slowly holds no
 * database thread.
 */
final class Exporter {

    /** The export formats, with what the response says about them. */
    enum Format {
        VCARD("text/vcard; charset=utf-8", "contacts.vcf"), CSV("text/csv; charset=utf-8", "contacts.csv");

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

    Exporter(TransferRepository repository, Database database) {
        this.repository = repository;
        this.database = database;
    }

    /** Every live contact of the owner, or those of {@code ids} that are the owner's (others are left out). */
    void export(long owner, Optional<List<Long>> ids, Format format, Writer out) throws Exception {
        Optional<List<Long>> wanted = ids.map(some -> new ArrayList<>(new TreeSet<>(some)));
        try (ContactFileWriter sink = switch (format) {
            case VCARD -> new VCardExport(out);
            case CSV -> new CsvExport(out, columns(owner, wanted));
        }) {
            ContactRepository contacts = repository.contacts();
            if (wanted.isPresent()) {
                for (int from = 0; from < wanted.get().size(); from += PAGE) {
                    List<Long> some = wanted.get().subList(from, Math.min(wanted.get().size(), from + PAGE));
                    writePage(owner, database.read(() -> withFields(owner,
                            some.stream().flatMap(id -> contacts.find(owner, id).stream()).toList())), sink);
                }
            } else {
                long after = 0;
                while (true) {
                    long from = after;
                    Page page = database.read(() -> withFields(owner, contacts.liveAfter(owner, from, PAGE)));
                    writePage(owner, page, sink);
                    if (page.contacts().size() < PAGE) {
                        return;
                    }
                    after = page.contacts().getLast().id();
                }
            }
        }
    }

    /**
     * The columns a CSV export of these contacts needs for their kept properties, counted before its first row is
     * written: a page of kept properties at a time, each page read in a {@link Database#read} of its own.
     */
    private CsvExport.Columns columns(long owner, Optional<List<Long>> ids) throws Exception {
        CsvExport.Counter counter = new CsvExport.Counter();
        if (ids.isPresent()) {
            for (int from = 0; from < ids.get().size(); from += PAGE) {
                List<Long> some = ids.get().subList(from, Math.min(ids.get().size(), from + PAGE));
                database.read(() -> repository.fileFields(owner, some)).values()
                        .forEach(f -> counter.add(f.extras()));
            }
        } else {
            long after = 0;
            while (true) {
                long from = after;
                SequencedMap<Long, String> page = database.read(() -> repository.extrasAfter(owner, from, PAGE));
                page.values().forEach(counter::add);
                if (page.size() < PAGE) {
                    break;
                }
                after = page.lastEntry().getKey();
            }
        }
        return counter.columns();
    }

    /** A page of contacts with their UIDs and kept properties. */
    private record Page(List<Contact> contacts, Map<Long, TransferRepository.FileFields> fields) {
    }

    private Page withFields(long owner, List<Contact> contacts) {
        return new Page(contacts, contacts.isEmpty() ? Map.of()
                : repository.fileFields(owner, contacts.stream().map(Contact::id).toList()));
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

    private void writePage(long owner, Page page, ContactFileWriter sink) throws Exception {
        for (Contact c : page.contacts()) {
            TransferRepository.FileFields f = page.fields().getOrDefault(c.id(),
                    new TransferRepository.FileFields(null, null));
            ContactRepository.Photo photo = c.hasPhoto()
                    ? database.read(() -> repository.contacts().photo(owner, c.id()).orElse(null)) : null;
            sink.write(new TransferItem(c.toDraft(), f.uid(), f.extras(), photo));
        }
    }
}
