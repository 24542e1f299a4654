package dev.contacts.server.contact.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.FieldError;
import dev.contacts.model.ImportReport;
import dev.contacts.server.contact.ContactRepository;
import dev.contacts.server.contact.PhotoImages;

/**
 * Brings the items of a file into an owner's address book: each new person becomes a contact, an item that is
 * the same contact as an existing one is merged into it, skipped, or created all the same. Items are written
 * in batches, each batch one transaction, so 10,000 items cost a few commits rather than 10,000.
 */
final class Importer {

    /** What to do with an item that is the same contact as an existing one. */
    enum Duplicates { MERGE, SKIP, CREATE }

    static final int BATCH = 500;

    private final TransferRepository repository;

    Importer(TransferRepository repository) {
        this.repository = repository;
    }

    ImportReport run(long owner, List<ParsedItem> items, Duplicates duplicates) {
        Counts counts = new Counts();
        for (int from = 0; from < items.size(); from += BATCH) {
            List<ParsedItem> batch = items.subList(from, Math.min(items.size(), from + BATCH));
            repository.inTransaction((contacts, transfer) -> {
                importBatch(owner, batch, duplicates, contacts, transfer, counts);
                return null;
            });
        }
        counts.errors.sort(Comparator.comparingInt(ImportReport.ItemError::item));
        return new ImportReport(counts.created, counts.merged, counts.skipped, counts.errors);
    }

    private static final class Counts {
        int created;
        int merged;
        int skipped;
        final List<ImportReport.ItemError> errors = new ArrayList<>();
    }

    private void importBatch(long owner, List<ParsedItem> batch, Duplicates duplicates, ContactRepository contacts,
                             TransferRepository transfer, Counts counts) {
        List<ParsedItem> toCreate = new ArrayList<>();
        for (ParsedItem item : batch) {
            if (item.error() != null) {
                counts.errors.add(new ImportReport.ItemError(item.item(), item.line(), item.error()));
                continue;
            }
            Optional<Contact> same = duplicates == Duplicates.CREATE ? Optional.empty()
                    : sameContact(owner, item.contact(), contacts, transfer);
            if (same.isEmpty()) {
                toCreate.add(item);
            } else if (duplicates == Duplicates.SKIP) {
                counts.skipped++;
            } else {
                Optional<String> refused = mergeInto(owner, same.get(), item.contact(), contacts, transfer);
                if (refused.isPresent()) {
                    counts.errors.add(new ImportReport.ItemError(item.item(), item.line(), refused.get()));
                } else {
                    counts.merged++;
                }
            }
        }
        int room = contacts.room(owner);
        if (toCreate.size() > room) {
            for (ParsedItem over : toCreate.subList(room, toCreate.size())) {
                counts.errors.add(new ImportReport.ItemError(over.item(), over.line(), "Contact limit reached"));
            }
            toCreate = toCreate.subList(0, room);
        }
        List<Contact> created = contacts.createAll(owner, toCreate.stream().map(i -> i.contact().draft()).toList());
        for (int i = 0; i < created.size(); i++) {
            TransferItem item = toCreate.get(i).contact();
            long id = created.get(i).id();
            // A UID names one contact: when the owner has it already (duplicates=create), the new one gets its own.
            String uid = item.uid() != null && transfer.findByUid(owner, item.uid()).filter(other -> other != id).isEmpty()
                    ? item.uid() : null;
            transfer.setFileFields(owner, id, uid, item.extras());
            storePhoto(owner, id, item, contacts);
        }
        counts.created += created.size();
    }

    /** The existing contact an item is: the one with its UID, else one with its name and an email or phone. */
    private static Optional<Contact> sameContact(long owner, TransferItem item, ContactRepository contacts,
                                                 TransferRepository transfer) {
        if (item.uid() != null) {
            Optional<Contact> byUid = transfer.findByUid(owner, item.uid()).flatMap(id -> contacts.find(owner, id));
            if (byUid.isPresent()) {
                return byUid;
            }
        }
        ContactDraft draft = item.draft();
        Optional<Contact> first = Optional.empty();
        for (long id : transfer.findByFoldedName(owner, Sameness.fold(draft.firstName()), Sameness.fold(draft.lastName()))) {
            Optional<Contact> candidate = contacts.find(owner, id).filter(c -> Sameness.samePerson(c.toDraft(), draft));
            // Of several, the one the item equals: a CSV (no UIDs) exported and imported again maps back 1:1.
            if (candidate.isPresent() && candidate.get().toDraft().equals(draft)) {
                return candidate;
            }
            if (first.isEmpty()) {
                first = candidate;
            }
        }
        return first;
    }

    /**
     * Fills the contact's empty fields and adds what it lacks; writes only when that changes something. The
     * reason it cannot, when the merged contact would break a rule (notes over their limit).
     */
    private static Optional<String> mergeInto(long owner, Contact existing, TransferItem item,
                                              ContactRepository contacts, TransferRepository transfer) {
        ContactDraft current = existing.toDraft();
        ContactDraft merged = ContactMerge.merge(current, item.draft(), ContactMerge.Notes.FILL);
        List<FieldError> broken = ContactRules.validate(merged);
        if (!broken.isEmpty()) {
            return Optional.of("Merging into contact " + existing.id() + " would break a rule: "
                    + broken.get(0).msg());
        }
        if (!merged.equals(current)) {
            contacts.update(owner, existing.id(), c -> { }, d -> merged);
        }
        Map<Long, TransferRepository.FileFields> fields = transfer.fileFields(owner, List.of(existing.id()));
        TransferRepository.FileFields kept = fields.get(existing.id());
        String extras = VCardExtras.union(kept == null ? null : kept.extras(), item.extras());
        if (kept == null || !Objects.equals(extras, kept.extras())) {
            transfer.setFileFields(owner, existing.id(), null, extras);
        }
        if (!existing.hasPhoto()) {
            storePhoto(owner, existing.id(), item, contacts);
        }
        return Optional.empty();
    }

    /** The item's photo, when it is a valid JPEG or PNG; any other is left out (the item still imports). */
    private static void storePhoto(long owner, long id, TransferItem item, ContactRepository contacts) {
        if (item.photo() != null) {
            PhotoImages.storable(item.photo().bytes(), item.photo().mediaType())
                    .ifPresent(photo -> contacts.putPhoto(owner, id, photo));
        }
    }
}
