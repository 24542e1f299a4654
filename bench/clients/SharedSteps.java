import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import dev.contacts.client.ApiException;
import dev.contacts.client.api.ContactsApi;
import dev.contacts.client.api.UsersApi;
import dev.contacts.client.model.Contact;
import dev.contacts.client.model.ContactDraft;
import dev.contacts.client.model.ContactPatch;
import dev.contacts.client.model.LabeledValue;
import dev.contacts.client.model.LogoutRequest;
import dev.contacts.client.model.RefreshTokenRequest;
import dev.contacts.client.model.Token;
import dev.contacts.client.model.UpcomingBirthday;

/**
 * The steps both generated Java clients take alike (contacts CRUD, search, birthdays; refresh and logout):
 * compiled against whichever generated client runs them, as both libraries generate the same API methods
 * and models.
 */
final class SharedSteps {

    private SharedSteps() {
    }

    static void contacts(ContactsApi contacts, String client) throws Exception {
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

    /** Refreshes {@code token}, logs out with the new pair, and sees the new access token refused. */
    static void refreshAndLogout(UsersApi users, Token token, Function<String, UsersApi> withAccessToken,
                                 String client) throws Exception {
        Token renewed = users.refreshToken(new RefreshTokenRequest().refreshToken(token.getRefreshToken()));
        check(client, !renewed.getRefreshToken().equals(token.getRefreshToken()), "refresh");
        UsersApi signedIn = withAccessToken.apply(renewed.getAccessToken());
        signedIn.logout(new LogoutRequest().refreshToken(renewed.getRefreshToken()));
        try {
            signedIn.getCurrentUser();
            check(client, false, "logout");
        } catch (ApiException e) {
            check(client, e.getCode() == 401, "logout");
        }
        System.out.println(client + ": every step passed");
    }

    static void check(String client, boolean ok, String step) {
        if (!ok) {
            throw new AssertionError(client + ": " + step + " failed");
        }
        System.out.println(client + ": " + step);
    }
}
