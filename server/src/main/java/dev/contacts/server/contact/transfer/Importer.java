package dev.contacts.server.contact.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.FieldError;
import dev.contacts.model.ImportReport;
import dev.contacts.server.Refusal;
import dev.contacts.server.contact.ContactRepository;
import dev.contacts.server.db.Database;

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
    private final Database database;

    Importer(TransferRepository repository, Database database) {
        this.repository = repository;
        this.database = database;
    }

    /** Each batch's transaction is a {@link Database#call} of its own: between them, no database thread is held. */
    ImportReport run(long owner, ReadOnDemand items, Duplicates duplicates) throws Exception {
        Counts counts = new Counts();
        // The next batch is read (parsed) on another thread while this one is written: on two cores the two
        // halves of an import's work overlap. One batch is read at a time, in the file's order.
        try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<ParsedItem>> next = reader.submit(() -> items.next(BATCH));
            for (int from = 0; from < items.size(); from += BATCH) {
                List<ParsedItem> batch = await(next);
                next = from + BATCH < items.size() ? reader.submit(() -> items.next(BATCH)) : null;
                database.call(() -> repository.inTransaction((contacts, transfer) -> {
                    // before the batch reads what it merges into: another import's batch, a merge or a bulk
                    // delete of this owner finishes first, and this batch sees what it wrote
                    if (!contacts.lockOwner(owner)) {
                        // deleted after the import's token was checked: its inserts would break the owner's
                        // foreign key (a 500)
                        throw new Refusal.AccountGone();
                    }
                    importBatch(owner, batch, duplicates, contacts, transfer, counts);
                    return null;
                }));
            }
        }
        counts.errors.sort(Comparator.comparingInt(ImportReport.ItemError::item));
        return new ImportReport(counts.created, counts.merged, counts.skipped, counts.errors);
    }

    private static List<ParsedItem> await(Future<List<ParsedItem>> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading an import", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("reading an import failed", e.getCause());
        }
    }

    private static final class Counts {
        int created;
        int merged;
        int skipped;
        final List<ImportReport.ItemError> errors = new ArrayList<>();
    }

    private void importBatch(long owner, List<ParsedItem> batch, Duplicates duplicates, ContactRepository contacts,
                             TransferRepository transfer, Counts counts) {
        Known known = Known.load(owner, batch, duplicates != Duplicates.CREATE, contacts, transfer);
        List<ParsedItem> toCreate = new ArrayList<>();
        for (ParsedItem item : batch) {
            if (item.error() != null) {
                counts.errors.add(new ImportReport.ItemError(item.item(), item.line(), item.error()));
                continue;
            }
            Optional<Contact> same = duplicates == Duplicates.CREATE ? Optional.empty()
                    : known.sameContact(item.contact());
            if (same.isEmpty()) {
                toCreate.add(item);
            } else if (duplicates == Duplicates.SKIP) {
                counts.skipped++;
            } else {
                Merged merged = mergeInto(owner, same.get(), item.contact(), contacts, transfer, known);
                if (merged.refused() != null) {
                    counts.errors.add(new ImportReport.ItemError(item.item(), item.line(), merged.refused()));
                } else if (merged.changed()) {
                    counts.merged++;
                } else {
                    // the address book has all of it already (an export imported again): nothing was merged
                    counts.skipped++;
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
            String uid = item.uid() != null && known.claimUid(item.uid(), id) ? item.uid() : null;
            if (uid != null || item.extras() != null) {
                transfer.setFileFields(owner, id, uid, item.extras());
            }
            storePhoto(owner, id, item, contacts);
        }
        counts.created += created.size();
    }

    /**
     * What one batch's items may match, read in four queries before the batch rather than two or three per
     * item: the owner's contacts with the items' UIDs or folded names, and what import keeps of them. Kept
     * current as the batch merges into them, so two items of a batch that are the same person both count.
     */
    private static final class Known {
        private final Map<String, Long> byUid;
        private final Map<TransferRepository.FoldedName, List<Long>> byName;
        private final Map<Long, Contact> contacts;
        private final Map<Long, TransferRepository.FileFields> fileFields;

        private Known(Map<String, Long> byUid, Map<TransferRepository.FoldedName, List<Long>> byName,
                      Map<Long, Contact> contacts, Map<Long, TransferRepository.FileFields> fileFields) {
            this.byUid = new HashMap<>(byUid);
            this.byName = byName;
            this.contacts = new HashMap<>(contacts);
            this.fileFields = new HashMap<>(fileFields);
        }

        /** The UIDs always (a new contact must not take one in use); the candidates only when items may match. */
        static Known load(long owner, List<ParsedItem> batch, boolean matching, ContactRepository contacts,
                          TransferRepository transfer) {
            List<TransferItem> items = batch.stream().filter(item -> item.error() == null)
                    .map(ParsedItem::contact).toList();
            Map<String, Long> byUid = transfer.idsByUid(owner,
                    items.stream().map(TransferItem::uid).filter(Objects::nonNull).collect(Collectors.toSet()));
            if (!matching) {
                return new Known(byUid, Map.of(), Map.of(), Map.of());
            }
            Map<TransferRepository.FoldedName, List<Long>> byName = transfer.idsByFoldedName(owner,
                    items.stream().map(item -> name(item.draft())).collect(Collectors.toSet()));
            Set<Long> candidates = new HashSet<>(byUid.values());
            byName.values().forEach(candidates::addAll);
            return new Known(byUid, byName, contacts.findAll(owner, candidates),
                    transfer.fileFields(owner, candidates));
        }

        private static TransferRepository.FoldedName name(ContactDraft draft) {
            return new TransferRepository.FoldedName(Sameness.fold(draft.firstName()), Sameness.fold(draft.lastName()));
        }

        /** The existing contact an item is: the one with its UID, else one with its name and an email or phone. */
        Optional<Contact> sameContact(TransferItem item) {
            if (item.uid() != null) {
                Long byItsUid = byUid.get(item.uid());
                if (byItsUid != null && contacts.containsKey(byItsUid)) {
                    return Optional.of(contacts.get(byItsUid));
                }
            }
            ContactDraft draft = item.draft();
            Optional<Contact> first = Optional.empty();
            Optional<Contact> holding = Optional.empty();
            for (long id : byName.getOrDefault(name(draft), List.of())) {
                Contact candidate = contacts.get(id);
                if (candidate == null) {
                    continue;
                }
                ContactDraft existing = candidate.toDraft();
                // The one the item equals in every field, first: a CSV (no UIDs) exported and imported again maps
                // back 1:1, also a contact with no email or phone to compare, which was created anew each time.
                if (existing.equals(draft)) {
                    return Optional.of(candidate);
                }
                if (Sameness.samePerson(existing, draft)) {
                    // then one that already holds all of the item: a file whose layout drops some of a contact
                    // (Outlook's CSV: no email labels) maps back to that contact, not to a namesake sharing a phone
                    if (holding.isEmpty() && holdsAllOf(candidate, item)) {
                        holding = Optional.of(candidate);
                    } else if (first.isEmpty()) {
                        first = Optional.of(candidate);
                    }
                }
            }
            return holding.isPresent() ? holding : first;
        }

        /** Whether merging {@code item} into {@code existing} would change nothing, its kept properties included. */
        private boolean holdsAllOf(Contact existing, TransferItem item) {
            ContactDraft draft = existing.toDraft();
            TransferRepository.FileFields kept = fileFields.get(existing.id());
            return ContactMerge.merge(draft, item.draft(), ContactMerge.Notes.FILL).equals(draft) && kept != null
                    && Objects.equals(VCardExtras.union(kept.extras(), item.extras()), kept.extras());
        }

        /** Whether a new contact may have {@code uid}: no other contact has it. It has it from now on. */
        boolean claimUid(String uid, long id) {
            return byUid.putIfAbsent(uid, id) == null;
        }

        TransferRepository.FileFields fileFields(long id) {
            return fileFields.get(id);
        }

        void changed(Contact contact) {
            contacts.put(contact.id(), contact);
        }

        void changed(long id, TransferRepository.FileFields fields) {
            fileFields.put(id, fields);
        }
    }

    /** What merging an item did: changed the contact or not, or the reason it could not. */
    private record Merged(boolean changed, String refused) {
        static final Merged UNCHANGED = new Merged(false, null);
        static final Merged CHANGED = new Merged(true, null);
    }

    /**
     * Fills the contact's empty fields and adds what it lacks; writes only when that changes something. The
     * reason it cannot, when the merged contact would break a rule (notes over their limit).
     */
    private static Merged mergeInto(long owner, Contact existing, TransferItem item,
                                              ContactRepository contacts, TransferRepository transfer, Known known) {
        ContactDraft current = existing.toDraft();
        ContactDraft merged = ContactMerge.merge(current, item.draft(), ContactMerge.Notes.FILL);
        List<FieldError> broken = ContactRules.validate(merged);
        if (!broken.isEmpty()) {
            return new Merged(false, "Merging into contact " + existing.id() + " would break a rule: "
                    + broken.get(0).msg());
        }
        boolean changed = false;
        if (!merged.equals(current)) {
            contacts.update(owner, existing.id(), c -> { }, d -> merged).ifPresent(known::changed);
            changed = true;
        }
        TransferRepository.FileFields kept = known.fileFields(existing.id());
        String extras = VCardExtras.union(kept == null ? null : kept.extras(), item.extras());
        if (kept == null || !Objects.equals(extras, kept.extras())) {
            transfer.setFileFields(owner, existing.id(), null, extras);
            known.changed(existing.id(), new TransferRepository.FileFields(kept == null ? null : kept.uid(), extras));
            changed = true;
        }
        if (!existing.hasPhoto() && storePhoto(owner, existing.id(), item, contacts)) {
            contacts.find(owner, existing.id()).ifPresent(known::changed);
            changed = true;
        }
        return changed ? Merged.CHANGED : Merged.UNCHANGED;
    }

    /** The item's photo, when it has one (a photo the file reader could not use stays in its extras). */
    private static boolean storePhoto(long owner, long id, TransferItem item, ContactRepository contacts) {
        return item.photo() != null && contacts.putPhoto(owner, id, item.photo());
    }
}
