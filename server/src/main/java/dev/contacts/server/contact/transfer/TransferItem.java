package dev.contacts.server.contact.transfer;

import dev.contacts.model.ContactDraft;

/**
 * One contact as a file carries it: the fields a contact has, plus what only a file has — its vCard
 * {@code UID}, the properties no field holds (kept verbatim as vCard 4.0 text, so an export writes them back),
 * and its photo.
 *
 * @param uid    the item's UID, or null when it has none
 * @param extras vCard 4.0 lines of the properties without a field (URL, IMPP, ANNIVERSARY, X-...), or null
 * @param photo  the photo's bytes, or null
 */
public record TransferItem(ContactDraft draft, String uid, String extras, Photo photo) {

    /** A photo as the file carried it; its type is what the file declared (the photo service checks it). */
    public record Photo(byte[] bytes, String mediaType) {
    }
}
