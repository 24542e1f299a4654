package dev.contacts.server.contact.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.FieldError;

/**
 * {@code POST /contacts/merge/}: several contacts of one owner become the first of them. The first one's values
 * win, its empty fields are filled from the others in order, lists are united, notes joined, the kept vCard
 * properties united, a photo taken when the first has none; the others go to the trash. One transaction.
 */
final class Merger {

    /** The merged contact would break a field's rule (notes over their limit): nothing was changed. */
    static final class TooLarge extends RuntimeException {
        final transient List<FieldError> errors;

        TooLarge(List<FieldError> errors) {
            super("merged contact breaks a rule", null, false, false);
            this.errors = errors;
        }
    }

    private final TransferRepository repository;

    Merger(TransferRepository repository) {
        this.repository = repository;
    }

    /** The merged contact; empty when an id is not one of the owner's live contacts (nothing changed then). */
    Optional<Contact> merge(long owner, List<Long> ids) {
        return repository.inTransaction((contacts, transfer) -> {
            // merges of the same contacts in another order, imports and bulk deletes wait: this one reads
            // the contacts as they are when it writes them
            contacts.lockOwner(owner);
            List<Contact> all = new ArrayList<>();
            for (long id : ids) {
                Optional<Contact> c = contacts.find(owner, id);
                if (c.isEmpty()) {
                    return Optional.<Contact>empty();
                }
                all.add(c.get());
            }
            Contact keep = all.get(0);
            List<Contact> others = all.subList(1, all.size());
            var fields = transfer.fileFields(owner, ids);
            String extras = fields.get(keep.id()).extras();
            Contact photoFrom = keep.hasPhoto() ? keep : null;
            for (Contact other : others) {
                extras = VCardExtras.union(extras, fields.get(other.id()).extras());
                if (photoFrom == null && other.hasPhoto()) {
                    photoFrom = other;
                }
            }
            // merged into the kept contact as it is once locked: an edit that landed since it was read stays
            contacts.update(owner, keep.id(), c -> { }, current -> {
                ContactDraft merged = current;
                for (Contact other : others) {
                    merged = ContactMerge.merge(merged, other.toDraft(), ContactMerge.Notes.JOIN);
                }
                List<FieldError> errors = ContactRules.validate(merged);
                if (!errors.isEmpty()) {
                    throw new TooLarge(errors);
                }
                return merged;
            });
            transfer.setFileFields(owner, keep.id(), null, extras);
            if (photoFrom != null && photoFrom != keep) {
                contacts.photo(owner, photoFrom.id()).ifPresent(p -> contacts.putPhoto(owner, keep.id(), p));
            }
            contacts.trashAll(owner, ids.subList(1, ids.size()));
            return contacts.find(owner, keep.id());
        });
    }
}
