package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Debouncer;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsViewModelTest {

    @TempDir
    Path dir;
    private ServerFixture fixture;
    private ContactsViewModel vm;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir).loggedIn("list@example.com");
        vm = new ContactsViewModel(fixture.user, Background.direct(), Debouncer.immediate());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void add(String first, String last) {
        fixture.api.create(new ContactDraft(first, last, null, null, null, null));
    }

    private List<String> names() {
        return vm.contacts().stream().map(Contact::firstName).toList();
    }

    @Test
    void aNewAddressBookIsEmptyAndSaysSo() {
        vm.refresh();
        assertTrue(vm.isAddressBookEmpty());
        assertEquals("0 contacts", vm.summaryProperty().get());
    }

    @Test
    void typingSearchesOnTheServerAndAnEmptyFieldShowsAll() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        vm.refresh();
        assertEquals(List.of("Ada", "Grace"), names());
        vm.searchTextProperty().set("hop");
        assertEquals(List.of("Grace"), names());
        assertEquals("1 match", vm.summaryProperty().get());
        vm.searchTextProperty().set("zzz");
        assertEquals(List.of(), names());
        assertFalse(vm.isAddressBookEmpty(), "no match is not an empty address book");
        vm.clearSearch();
        assertEquals(List.of("Ada", "Grace"), names());
    }

    @Test
    void largeAddressBooksPageThroughTheServer() {
        for (int i = 0; i < ContactsViewModel.PAGE_SIZE + 5; i++) {
            add("P" + i, "L");
        }
        vm.refresh();
        assertEquals(ContactsViewModel.PAGE_SIZE, vm.contacts().size());
        assertTrue(vm.hasNextPage());
        assertTrue(vm.summaryProperty().get().startsWith("105 contacts"), vm.summaryProperty().get());
        vm.nextPage();
        assertEquals(5, vm.contacts().size());
        assertFalse(vm.hasNextPage());
        vm.previousPage();
        assertEquals("P0", vm.contacts().get(0).firstName());
    }

    @Test
    void deleteOffersUndoAndUndoBringsEveryContactBack() {
        add("One", "A");
        add("Two", "B");
        add("Three", "C");
        vm.refresh();
        vm.delete(List.of(vm.contacts().get(0), vm.contacts().get(2)));
        assertEquals(List.of("Two"), names());
        assertEquals("Deleted 2 contacts.", vm.lastDeletionProperty().get().message());
        vm.undoDelete();
        assertNull(vm.lastDeletionProperty().get());
        assertEquals(3, vm.contacts().size());
        assertTrue(names().containsAll(List.of("One", "Two", "Three")));
    }

    @Test
    void aServerOutageShowsAnErrorAndRetryRecovers() {
        add("Ada", "Lovelace");
        vm.refresh();
        int port = fixture.server.port();
        fixture.server.stop();
        vm.refresh();
        assertTrue(vm.errorProperty().get().startsWith("Cannot reach the server"), vm.errorProperty().get());
        assertEquals(List.of("Ada"), names(), "what was shown stays shown");
        try (var again = ContactsServer.start(ServerSettings.embedded(dir.resolve("contacts.db")).withPort(port),
                fixture.clock)) {
            vm.refresh();
            assertEquals("", vm.errorProperty().get());
        }
    }

    @Test
    void anExpiredAccessTokenIsRenewedAndAnExpiredSessionEnds() {
        vm.refresh();
        fixture.clock.advance(Duration.ofMinutes(31));
        vm.refresh();
        assertEquals(Session.Screen.MAIN, fixture.session.screenProperty().get(), "renewed silently");
        assertEquals("", vm.errorProperty().get());
        fixture.clock.advance(Duration.ofDays(15));
        vm.refresh();
        assertEquals(Session.Screen.LOGIN, fixture.session.screenProperty().get());
    }
}
