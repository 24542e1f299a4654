package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.support.HeldBack;
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
    private ContactFormViewModel form;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir).loggedIn("list@example.com");
        form = new ContactFormViewModel(fixture.user, Background.direct());
        vm = new ContactsViewModel(fixture.user, Background.direct(), Debouncer.immediate(), form);
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

    @Test
    void aSavedNewContactIsListedOnItsPageAndSelectedEvenInALargeAddressBook() {
        for (int i = 0; i < 105; i++) {
            add("P" + i, "Person");
        }
        vm.refresh();
        assertEquals(0, vm.pageProperty().get());
        form.startNew();
        form.firstNameProperty().set("Newest");
        form.lastNameProperty().set("Person");
        form.save();
        assertEquals(1, vm.pageProperty().get(), "on the last page, where new contacts are listed");
        assertEquals("Newest", vm.toSelectProperty().get().firstName());
        assertTrue(vm.contacts().contains(vm.toSelectProperty().get()));
        assertEquals("Page 2 of 2", vm.pageTextProperty().get());
    }

    @Test
    void thePagerNeverRunsAheadOfTheRowsShown() {
        for (int i = 0; i < 105; i++) {
            add("P" + i, "Person");
        }
        HeldBack held = new HeldBack();
        ContactsViewModel slow = new ContactsViewModel(fixture.user, held, Debouncer.immediate(), form);
        slow.refresh();
        held.runAll();
        slow.nextPage();
        assertEquals("Page 1 of 2", slow.pageTextProperty().get(), "page 1's rows are still shown");
        assertTrue(slow.loadingProperty().get());
        held.runAll();
        assertEquals("Page 2 of 2", slow.pageTextProperty().get());
        assertFalse(slow.loadingProperty().get());
    }

    @Test
    void deletingTheContactInTheFormClosesTheForm() {
        add("Ada", "Lovelace");
        vm.refresh();
        form.startEdit(vm.contacts().get(0));
        form.firstNameProperty().set("Ada B.");
        vm.deleteEdited();
        assertFalse(form.openProperty().get(), "nothing is left to save the edit into");
        assertEquals(0, fixture.api.list(0, 10).total());
        assertEquals("Deleted Ada Lovelace.", vm.lastDeletionProperty().get().message());
    }

    @Test
    void deletingMoreThanAFewAsksFirst() {
        for (String name : List.of("A", "B", "C", "D")) {
            add(name, "Person");
        }
        vm.refresh();
        List<String> asked = new ArrayList<>();
        vm.setConfirm((question, detail, yes) -> {
            asked.add(question);
            return false;
        });
        vm.delete(List.copyOf(vm.contacts()).subList(0, 3));
        assertEquals(List.of(), asked, "three at once: Undo is enough");
        assertEquals(1, fixture.api.list(0, 10).total());
        vm.undoDelete();
        vm.delete(List.copyOf(vm.contacts()));
        assertEquals(List.of("Delete 4 contacts?"), asked);
        assertEquals(4, fixture.api.list(0, 10).total(), "the answer was no: nothing deleted");
    }

    @Test
    void theEmptyTableSaysWhy() {
        vm.refresh();
        assertTrue(vm.emptyTextProperty().get().startsWith("No contacts yet."));
        add("Ada", "Lovelace");
        vm.searchTextProperty().set("zzz");
        assertEquals("No contacts match “zzz”.", vm.emptyTextProperty().get());
    }
}
