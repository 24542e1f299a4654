package dev.contacts.server.contact.transfer;

import static dev.contacts.server.db.generated.Tables.CONTACTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import dev.contacts.server.contact.ContactRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * What import and export keep of a contact beyond its fields — its vCard UID and the properties kept from its
 * import — and the lookups that find "the same contact". The only place with this SQL; every query is scoped to
 * one owner's live (not trashed) contacts.
 */
final class TransferRepository {

    /** A contact's first and last names, folded as search folds them. */
    record FoldedName(String first, String last) {
    }

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

    /** This repository on {@code view} (a snapshot's connection, say). */
    TransferRepository within(DSLContext view) {
        return new TransferRepository(view, contacts.within(view));
    }

    ContactRepository contacts() {
        return contacts;
    }

    /** For each of these UIDs the owner's contact that has it (the oldest, should several share it). */
    Map<String, Long> idsByUid(long owner, Collection<String> uids) {
        if (uids.isEmpty()) {
            return Map.of();
        }
        return dsl.select(CONTACTS.UID, DSL.min(CONTACTS.ID)).from(CONTACTS)
                .where(live(owner).and(CONTACTS.UID.in(uids))).groupBy(CONTACTS.UID)
                .fetchMap(Record2::value1, Record2::value2);
    }

    /** For each of these folded names the owner's contacts that have it, oldest first. */
    Map<FoldedName, List<Long>> idsByFoldedName(long owner, Set<FoldedName> names) {
        Map<FoldedName, List<Long>> ids = new HashMap<>();
        if (names.isEmpty()) {
            return ids;
        }
        // Two IN lists walk the (owner, first, last) index; a row-value IN made SQLite compare every contact with
        // every name. The pairs the two lists allow but no item has are dropped here.
        dsl.select(CONTACTS.ID, CONTACTS.FIRST_NAME_FOLDED, CONTACTS.LAST_NAME_FOLDED).from(CONTACTS)
                .where(live(owner)
                        .and(CONTACTS.FIRST_NAME_FOLDED.in(names.stream().map(FoldedName::first).distinct().toList()))
                        .and(CONTACTS.LAST_NAME_FOLDED.in(names.stream().map(FoldedName::last).distinct().toList())))
                .orderBy(CONTACTS.ID)
                .forEach(r -> {
                    FoldedName name = new FoldedName(r.value2(), r.value3());
                    if (names.contains(name)) {
                        ids.computeIfAbsent(name, n -> new ArrayList<>()).add(r.value1());
                    }
                });
        return ids;
    }

    /** The UID and kept properties of the owner's contacts among {@code ids}. */
    Map<Long, FileFields> fileFields(long owner, Collection<Long> ids) {
        Map<Long, FileFields> fields = new HashMap<>();
        for (List<Long> chunk : ContactRepository.inChunks(ids)) {
            dsl.select(CONTACTS.ID, CONTACTS.UID, CONTACTS.VCARD_EXTRAS).from(CONTACTS)
                    .where(live(owner).and(CONTACTS.ID.in(chunk)))
                    .forEach(r -> fields.put(r.value1(), new FileFields(r.value2(), r.value3())));
        }
        return fields;
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
