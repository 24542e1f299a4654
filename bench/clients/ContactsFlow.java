import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.contacts.client.api.ContactsApi;
import dev.contacts.client.model.Contact;
import dev.contacts.client.model.ContactDraft;
import dev.contacts.client.model.ContactPatch;
import dev.contacts.client.model.LabeledValue;
import dev.contacts.client.model.UpcomingBirthday;

/**
 * Contacts CRUD, search and birthdays through a generated Java client: compiled against whichever generated
 * client runs it (both Java libraries generate the same ContactsApi methods and models).
 */
final class ContactsFlow {

    private ContactsFlow() {
    }

    static void run(ContactsApi contacts, String client) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // v2 lists: a generated Java model always sends its lists (an empty "emails" beside "email" is a conflict)
        Contact ada = contacts.createContact(new ContactDraft().firstName("Ada").lastName("Lovelace")
                .addEmailsItem(new LabeledValue().value("ada@example.com")).birthday(today.minusYears(30)));
        check(client, ada.getId() != null && ada.getEmails().size() == 1, "create");
        check(client, contacts.getContact(ada.getId()).getLastName().equals("Lovelace"), "read");
        Contact renamed = contacts.updateContact(ada.getId(), new ContactPatch().nickname("Countess"), null);
        check(client, "Countess".equals(renamed.getNickname()), "update (PATCH)");
        Contact replaced = contacts.replaceContact(ada.getId(), new ContactDraft().firstName("Ada").lastName("King")
                .birthday(today.minusYears(30)), null);
        check(client, replaced.getNickname() == null && replaced.getLastName().equals("King"), "replace (PUT)");
        List<Contact> found = contacts.searchContacts("king", null, null, null, null, null, null, null, null, null);
        check(client, found.size() == 1 && found.get(0).getId().equals(ada.getId()), "search");
        List<UpcomingBirthday> birthdays = contacts.upcomingBirthdays(7, "UTC", null, null);
        check(client, birthdays.size() == 1 && birthdays.get(0).getDaysUntil() == 0, "birthdays");
        check(client, contacts.listContacts(null, null, null, null, null, null).size() == 1, "list");
        contacts.deleteContact(ada.getId(), null);
        check(client, contacts.listContacts(null, null, null, null, null, null).isEmpty(), "delete");
    }

    static void check(String client, boolean ok, String step) {
        if (!ok) {
            throw new AssertionError(client + ": " + step + " failed");
        }
        System.out.println(client + ": " + step);
    }
}
