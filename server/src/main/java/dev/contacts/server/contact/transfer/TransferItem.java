package dev.contacts.server.contact.transfer;

import dev.contacts.model.ContactDraft;
import dev.contacts.server.contact.ContactRepository;

/**
 * One contact as a file carries it: the fields a contact has, plus what only a file has — its vCard
 * {@code UID}, the properties no field holds (kept verbatim as vCard 4.0 text, so an export writes them back),
 * and its photo.
 *
 * @param uid    the item's UID, or null when it has none
 * @param extras vCard 4.0 lines of the properties without a field (URL, IMPP, ANNIVERSARY, X-...), or null
 * @param photo  the photo as it is stored (a file's photo is checked and re-encoded when the file is read), or null
 */
public record TransferItem(ContactDraft draft, String uid, String extras, ContactRepository.Photo photo) {
}
