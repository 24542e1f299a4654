package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.contacts.model.Contact;
import dev.contacts.server.contact.ContactRepository;

/**
 * Writes an owner's contacts to a file, a page at a time: memory holds one page, whatever the address book's
 * size. Each contact carries its UID, its photo and the properties kept from its import.
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

    Exporter(TransferRepository repository) {
        this.repository = repository;
    }

    /** Every live contact of the owner, or those of {@code ids} that are the owner's (others are left out). */
    void export(long owner, Optional<List<Long>> ids, Format format, Writer out) {
        try (ContactFileWriter sink = writer(format, out)) {
            ContactRepository contacts = repository.contacts();
            if (ids.isPresent()) {
                List<Long> wanted = new ArrayList<>(new TreeSet<>(ids.get()));
                for (int from = 0; from < wanted.size(); from += PAGE) {
                    List<Contact> page = new ArrayList<>();
                    for (long id : wanted.subList(from, Math.min(wanted.size(), from + PAGE))) {
                        contacts.find(owner, id).ifPresent(page::add);
                    }
                    writePage(owner, page, sink);
                }
            } else {
                forEachPage(contacts, owner, page -> writePage(owner, page, sink));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Something done with each page of contacts; may fail on output. */
    interface PageAction {
        void accept(List<Contact> page) throws IOException;
    }

    /** Every live contact of the owner in id order, a page at a time: memory holds one page. */
    static void forEachPage(ContactRepository contacts, long owner, PageAction action) throws IOException {
        long after = 0;
        while (true) {
            List<Contact> page = contacts.liveAfter(owner, after, PAGE);
            action.accept(page);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private void writePage(long owner, List<Contact> page, ContactFileWriter sink) throws IOException {
        if (page.isEmpty()) {
            return;
        }
        Map<Long, TransferRepository.FileFields> fields = repository.fileFields(owner,
                page.stream().map(Contact::id).toList());
        for (Contact c : page) {
            TransferRepository.FileFields f = fields.getOrDefault(c.id(), new TransferRepository.FileFields(null, null));
            ContactRepository.Photo photo = c.hasPhoto() ? repository.contacts().photo(owner, c.id()).orElse(null)
                    : null;
            sink.write(new TransferItem(c.toDraft(), f.uid(), f.extras(), photo));
        }
    }

    private static ContactFileWriter writer(Format format, Writer out) throws IOException {
        return switch (format) {
            case VCARD -> new VCardExport(out);
            case CSV -> new CsvExport(out);
        };
    }
}
