package dev.contacts.desktop.contacts;

import java.util.List;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.Contact;

/**
 * The contacts the list's selection stands for, which Delete and Export act on: the rows picked one by one, or
 * (Ctrl+A) every contact of the listing, the rows not loaded yet included. The latter is resolved on the server
 * when acted on, so it never depends on how far the list has loaded.
 */
public sealed interface Selection {

    /** Nothing selected. */
    Selection NONE = new Picked(List.of());

    /** How many contacts it stands for (for Everyone: as the listing counted them last). */
    int size();

    /** The ids of its contacts, asked of the server when needed (so not on the FX thread). */
    List<Long> ids(ContactsApi api);

    /** Whether {@code contact} is certainly among them. */
    boolean includes(Contact contact);

    /** "Ada Lovelace" for one picked contact, else "1,250 contacts". */
    default String what() {
        return Messages.count(size(), "contact");
    }

    /** The rows the person picked. */
    record Picked(List<Contact> contacts) implements Selection {

        public Picked {
            contacts = List.copyOf(contacts);
        }

        @Override
        public int size() {
            return contacts.size();
        }

        @Override
        public List<Long> ids(ContactsApi api) {
            return contacts.stream().map(Contact::id).toList();
        }

        @Override
        public boolean includes(Contact contact) {
            return contacts.stream().anyMatch(c -> c.id() == contact.id());
        }

        @Override
        public String what() {
            return contacts.size() == 1 ? ContactText.name(contacts.get(0)) : Selection.super.what();
        }
    }

    /**
     * Every contact of the listing, loaded or not: the whole address book when it has no search nor filter, else
     * every match of that search within the sidebar's filter (favourites included, as listed).
     */
    record Everyone(Listing listing, int size) implements Selection {

        /** Whether it is the whole address book (not a search, nor one label's or the favourites). */
        public boolean wholeBook() {
            return listing.wholeBook();
        }

        @Override
        public List<Long> ids(ContactsApi api) {
            return api.idsMatching(listing.query(), listing.filter());
        }

        @Override
        public boolean includes(Contact contact) {
            return wholeBook();
        }
    }
}
