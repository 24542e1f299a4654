package dev.contacts.server.contact.transfer;

import static dev.contacts.server.db.generated.Tables.CONTACTS;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.contacts.server.contact.ContactRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * What import and export keep of a contact beyond its fields — its vCard UID and the properties kept from its
 * import — and the lookups that find "the same contact". The only place with this SQL; every query is scoped to
 * one owner's live (not trashed) contacts.
 */
final class TransferRepository {

    /** A contact's UID and kept vCard properties (null when none). */
    record FileFields(String uid, String extras) {
    }

    private final DSLContext dsl;
    private final ContactRepository contacts;

    TransferRepository(DSLContext dsl, ContactRepository contacts) {
        this.dsl = dsl;
        this.contacts = contacts;
    }

    /** Runs {@code work} in one transaction, with both repositories in it: many writes, one commit. */
    <T> T inTransaction(BiFunction<ContactRepository, TransferRepository, T> work) {
        return dsl.transactionResult(tx -> work.apply(contacts.within(tx.dsl()),
                new TransferRepository(tx.dsl(), contacts.within(tx.dsl()))));
    }

    ContactRepository contacts() {
        return contacts;
    }

    /** The owner's contact with this UID (the oldest, should several share it). */
    Optional<Long> findByUid(long owner, String uid) {
        return dsl.select(CONTACTS.ID).from(CONTACTS).where(live(owner).and(CONTACTS.UID.eq(uid)))
                .orderBy(CONTACTS.ID).limit(1).fetchOptional(CONTACTS.ID);
    }

    /** The owner's contacts with these folded first and last names, oldest first. */
    List<Long> findByFoldedName(long owner, String firstFolded, String lastFolded) {
        return dsl.select(CONTACTS.ID).from(CONTACTS)
                .where(live(owner).and(CONTACTS.FIRST_NAME_FOLDED.eq(firstFolded))
                        .and(CONTACTS.LAST_NAME_FOLDED.eq(lastFolded)))
                .orderBy(CONTACTS.ID).fetch(CONTACTS.ID);
    }

    /** The UID and kept properties of the owner's contacts among {@code ids}. */
    Map<Long, FileFields> fileFields(long owner, Collection<Long> ids) {
        return dsl.select(CONTACTS.ID, CONTACTS.UID, CONTACTS.VCARD_EXTRAS).from(CONTACTS)
                .where(live(owner).and(CONTACTS.ID.in(ids)))
                .fetchMap(CONTACTS.ID, r -> new FileFields(r.value2(), r.value3()));
    }

    /** Sets the UID (when given) and the kept properties of the owner's contact. */
    void setFileFields(long owner, long id, String uid, String extras) {
        var update = dsl.update(CONTACTS).set(CONTACTS.VCARD_EXTRAS, extras);
        if (uid != null) {
            update = update.set(CONTACTS.UID, uid);
        }
        update.where(live(owner).and(CONTACTS.ID.eq(id))).execute();
    }

    private static Condition live(long owner) {
        return CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNull());
    }
}
