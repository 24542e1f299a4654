package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.contacts.desktop.api.ContactsApi.Filter;
import dev.contacts.desktop.api.ContactsApi.SortBy;
import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.settings.Settings;
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
        vm = new ContactsViewModel(fixture.user, Background.direct(),
                Debouncer.immediate(), Debouncer.immediate(), form);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void add(String first, String last) {
        fixture.api.create(new ContactDraft(first, last, null, null, null, null));
    }

    /** The heading above each row (null: none). */
    private List<String> headings() {
        return java.util.stream.IntStream.range(0, vm.contacts().size()).mapToObj(vm::headingAt).toList();
    }

    private List<String> names() {
        return vm.contacts().stream().map(Contact::firstName).toList();
    }

    /** The same account in another window (another device). */
    private dev.contacts.desktop.api.ContactsApi elsewhere() {
        dev.contacts.desktop.api.ContactsApi other = fixture.session.api().newClient();
        other.login("list@example.com", ServerFixture.PASSWORD);
        return other;
    }

    private Contact listed(String first) {
        return vm.contacts().stream().filter(c -> c.firstName().equals(first)).findFirst().orElseThrow();
    }

    private List<String> picked() {
        return vm.contacts().stream().filter(vm.selectionProperty().get()::includes).map(Contact::firstName).toList();
    }

    @Test
    void aChangeMadeElsewhereIsListedQuietlyWithThePickedRowsAndTheShownContactKept() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        add("Alan", "Turing");
        add("Edsger", "Dijkstra");
        vm.refresh();
        vm.pick(List.of(listed("Grace"), listed("Alan")));
        vm.show(listed("Grace"));
        var other = elsewhere();
        other.patch(listed("Grace").id(), java.util.Map.of("last_name", "Murray"), null);
        other.delete(listed("Edsger").id());
        other.create(new ContactDraft("Barbara", "Liskov", null, null, null, null));

        HeldBack held = new HeldBack();
        ContactsViewModel watched = new ContactsViewModel(fixture.user, held, Debouncer.immediate(),
                Debouncer.immediate(), new ContactFormViewModel(fixture.user, held));
        watched.refresh();
        held.runAll();
        assertTrue(vm.changedElsewhere());
        assertEquals(List.of("Barbara", "Ada", "Grace", "Alan"), names(), "Liskov, Lovelace, Murray, Turing");
        assertEquals("4 contacts", vm.summaryProperty().get());
        assertEquals(List.of("Grace", "Alan"), picked(), "the two rows picked stay picked");
        assertEquals("Murray", vm.shownProperty().get().lastName(), "the details show her as she is now");

        // no spinner: the person asked for nothing
        other.create(new ContactDraft("Cy", "Young", null, null, null, null));
        assertTrue(watched.changedElsewhere());
        assertTrue(watched.loadingProperty().get());
        assertFalse(watched.busyProperty().get(), "a quiet listing shows no spinner");
        held.runAll();
        assertEquals(5, watched.contacts().size());
        watched.refresh();
        assertTrue(watched.busyProperty().get(), "F5's does");
        held.runAll();
    }

    @Test
    void theContactShownDeletedElsewhereLeavesTheDetails() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        vm.refresh();
        vm.pick(List.of(listed("Grace")));
        vm.show(listed("Grace"));
        elsewhere().delete(listed("Grace").id());
        assertTrue(vm.changedElsewhere());
        assertEquals(List.of("Ada"), names());
        assertNull(vm.shownProperty().get(), "gone: no details of her");
        assertEquals(0, vm.selectionProperty().get().size());
    }

    @Test
    void anOpenFormIsLeftAloneAndTheListWaitsForIt() {
        add("Ada", "Lovelace");
        vm.refresh();
        assertTrue(form.startEdit(listed("Ada")));
        elsewhere().create(new ContactDraft("Grace", "Hopper", null, null, null, null));
        assertFalse(vm.changedElsewhere(), "not now: the form is open");
        assertEquals(List.of("Ada"), names());
        assertTrue(form.openProperty().get());
    }

    @Test
    void theListKeepsAsManyRowsAsItHadLoadedSoItKeepsItsPlace() {
        for (int i = 0; i < 2 * ContactsViewModel.PAGE_SIZE + 50; i++) {
            add("P" + String.format("%03d", i), "L");
        }
        vm.refresh();
        vm.rowShown(ContactsViewModel.PAGE_SIZE - 1);
        vm.rowShown(2 * ContactsViewModel.PAGE_SIZE - 1);
        assertEquals(250, vm.contacts().size());
        elsewhere().create(new ContactDraft("A", "A", null, null, null, null));
        assertTrue(vm.changedElsewhere());
        assertTrue(vm.contacts().size() >= 250, "as far down as before: " + vm.contacts().size());
        assertEquals("251 contacts", vm.summaryProperty().get());
    }

    @Test
    void aNewAddressBookIsEmptyAndSaysSo() {
        vm.refresh();
        assertTrue(vm.isAddressBookEmpty());
        assertEquals("0 contacts", vm.summaryProperty().get());
    }

    @Test
    void theCountSaysNothingUntilTheBookIsCounted() {
        // the favourites' page comes first: "0 contacts" showed meanwhile, as if an imported book were empty
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        HeldBack held = new HeldBack();
        ContactsViewModel slow = new ContactsViewModel(fixture.user, held,
                Debouncer.immediate(), Debouncer.immediate(), form);
        slow.refresh();
        held.runOne(); // the favourites (none)
        assertEquals("", slow.summaryProperty().get());
        held.runAll();
        assertEquals("2 contacts", slow.summaryProperty().get());
    }

    @Test
    void typingSearchesOnTheServerAndAnEmptyFieldShowsAll() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        vm.refresh();
        assertEquals(List.of("Grace", "Ada"), names(), "by last name: Hopper, Lovelace");
        vm.searchTextProperty().set("hop");
        assertEquals(List.of("Grace"), names());
        assertEquals("1 match", vm.summaryProperty().get());
        vm.searchTextProperty().set("zzz");
        assertEquals(List.of(), names());
        assertFalse(vm.isAddressBookEmpty(), "no match is not an empty address book");
        vm.clearSearch();
        assertEquals(List.of("Grace", "Ada"), names());
    }

    @Test
    void largeAddressBooksLoadPageByPageAsTheListScrolls() {
        for (int i = 0; i < ContactsViewModel.PAGE_SIZE + 5; i++) {
            add("P" + i, "L");
        }
        vm.refresh();
        assertEquals(ContactsViewModel.PAGE_SIZE, vm.contacts().size(), "one page at first");
        assertEquals("105 contacts", vm.summaryProperty().get());
        vm.rowShown(10);
        assertEquals(ContactsViewModel.PAGE_SIZE, vm.contacts().size(), "far from the end: nothing more is asked");
        vm.rowShown(ContactsViewModel.PAGE_SIZE - ContactsViewModel.LOAD_AHEAD);
        assertEquals(105, vm.contacts().size(), "near the end: the next page is appended");
        assertTrue(vm.isComplete());
        vm.rowShown(104);
        assertEquals(105, vm.contacts().size(), "nothing is loaded twice");
        assertEquals(105, vm.contacts().stream().map(Contact::id).distinct().count());
    }

    @Test
    void theServerSortsTheWholeBookByLastOrFirstNameNotEachPage() {
        // created in an order that is neither name order: a per-page sort would show it
        for (int i = 0; i < ContactsViewModel.PAGE_SIZE + 20; i++) {
            int n = (i * 37) % 120;
            add(String.format("F%03d", 119 - n), String.format("L%03d", n));
        }
        vm.refresh();
        vm.loadMore();
        List<String> lastNames = vm.contacts().stream().map(Contact::lastName).toList();
        assertEquals(120, lastNames.size());
        assertEquals(lastNames.stream().sorted().toList(), lastNames, "by last name across both pages");

        vm.sortProperty().set(SortBy.FIRST_NAME);
        assertEquals(ContactsViewModel.PAGE_SIZE, vm.contacts().size(), "listed again from the top");
        vm.loadMore();
        List<String> firstNames = names();
        assertEquals(firstNames.stream().sorted().toList(), firstNames, "by first name across both pages");
    }

    @Test
    void accentsAndCaseSortAsTheServerCollatesAndHeadingsFollowThem() {
        add("Zoë", "Émile");
        add("Adam", "eve");
        add("Bob", "Ábel");
        add("Cy", "");
        vm.refresh();
        assertEquals(List.of("Cy", "Bob", "Zoë", "Adam"), names());
        assertEquals(Arrays.asList("No last name", "A", "E", null), headings(), "Émile and eve are both under E");
    }

    @Test
    void contactsWithoutALastNameComeFirstUnderAHeadingThatSaysSoAndNamesWithoutALetterUnderHash() {
        add("Zed", "Zorro");
        add("Seven", "7eleven");
        add("Ada", "");
        add("Cher", "");
        add("Quote", "“Q”");
        fixture.api.create(new ContactDraft("Bono", "", List.of(), List.of(), null, null, List.of(), null, null,
                null, List.of(), true));
        vm.refresh();
        assertEquals(List.of("Bono", "Ada", "Cher", "Quote", "Seven", "Zed"), names(), "the server's order");
        assertEquals(Arrays.asList("Favourites", "No last name", null, "#", null, "Z"), headings(),
                "a favourite without a last name stays among the favourites");
        assertEquals("Ada", ContactText.name(vm.contacts().get(1)), "the row shows the first name alone");

        vm.jumpTo("7");
        assertEquals("Quote", selected(), "a digit: the names that start with no letter, not those with no name");
        vm.jumpTo("a");
        assertEquals("Zed", selected(), "nobody's last name starts with A: the next letter that has someone");

        vm.sortProperty().set(SortBy.FIRST_NAME);
        assertEquals(List.of("Favourites", "A", "C", "Q", "S", "Z"), headings(), "by first name: under its letter");
    }

    @Test
    void favouritesComeFirstUnderTheirOwnHeading() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        fixture.api.create(new ContactDraft("Zed", "Zulu", List.of(), List.of(), null, null, List.of(), null, null,
                null, List.of(), true));
        vm.refresh();
        assertEquals(List.of("Zed", "Grace", "Ada"), names());
        assertEquals("Favourites", vm.headingAt(0));
        assertEquals("H", vm.headingAt(1));
        assertEquals("L", vm.headingAt(2));
        assertEquals("3 contacts", vm.summaryProperty().get());
    }

    @Test
    void theSortChoiceIsRemembered() {
        Settings settings = new Settings(dir.resolve("settings"));
        vm.rememberSortIn(settings);
        assertEquals(SortBy.LAST_NAME, vm.sortProperty().get(), "last name the first time");
        vm.sortProperty().set(SortBy.FIRST_NAME);
        settings.awaitWrites();
        ContactsViewModel next = new ContactsViewModel(fixture.user, Background.direct(),
                Debouncer.immediate(), Debouncer.immediate(), form);
        next.rememberSortIn(new Settings(dir.resolve("settings")));
        assertEquals(SortBy.FIRST_NAME, next.sortProperty().get());
    }

    @Test
    void deleteOffersUndoAndUndoBringsEveryContactBack() {
        add("One", "A");
        add("Two", "B");
        add("Three", "C");
        vm.refresh();
        List<Long> ids = List.of(vm.contacts().get(0).id(), vm.contacts().get(2).id());
        vm.delete(List.of(vm.contacts().get(0), vm.contacts().get(2)));
        assertEquals(List.of("Two"), names());
        assertEquals("Deleted 2 contacts.", vm.lastDeletionProperty().get().message());
        assertEquals(1, fixture.api.list(0, 10).total(), "moved to the server's trash");
        vm.undoDelete();
        assertNull(vm.lastDeletionProperty().get());
        assertEquals(3, vm.contacts().size());
        assertTrue(names().containsAll(List.of("One", "Two", "Three")));
        assertTrue(vm.contacts().stream().map(Contact::id).toList().containsAll(ids), "the same ids");
    }

    @Test
    void deletingAcrossPagesMovesEveryOneToTheTrashAndUndoRestoresTheSameIds() {
        for (int i = 0; i < ContactsViewModel.PAGE_SIZE + 10; i++) {
            add("P" + i, String.format("L%03d", i));
        }
        vm.refresh();
        vm.loadMore();
        List<Contact> chosen = List.copyOf(vm.contacts()).subList(95, 105); // the end of page 1, the start of 2
        List<Long> ids = chosen.stream().map(Contact::id).sorted().toList();
        vm.delete(chosen);
        assertEquals(100, vm.contacts().size(), "taken out of the list where they were");
        assertEquals(100, fixture.api.list(0, 1000).total());
        assertEquals("100 contacts", vm.summaryProperty().get());
        vm.undoDelete();
        assertEquals(110, fixture.api.list(0, 1000).total());
        List<Long> back = fixture.api.list(0, 1000).items().stream().map(Contact::id)
                .filter(ids::contains).sorted().toList();
        assertEquals(ids, back, "restored from the trash with their own ids");
    }

    /** Imports {@code count} people in one request: "Smith…" for the first {@code smiths}, "Jones…" after. */
    private List<Long> importPeople(int count, int smiths) {
        StringBuilder vcf = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String last = i < smiths ? String.format("Smith%04d", i) : String.format("Jones%04d", i);
            vcf.append("BEGIN:VCARD\r\nVERSION:4.0\r\nN:").append(last).append(";P").append(i)
                    .append(";;;\r\nFN:P").append(i).append(' ').append(last).append("\r\nEND:VCARD\r\n");
        }
        fixture.api.importFile(vcf.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                dev.contacts.desktop.api.TransferFormat.VCARD, java.nio.charset.StandardCharsets.UTF_8);
        return fixture.api.idsMatching("");
    }

    private List<String> answeringYes(List<String> asked) {
        vm.setConfirm((question, detail, yes, no) -> {
            asked.add(question + " / " + yes);
            return true;
        });
        return asked;
    }

    @Test
    void anUndoOfMoreContactsThanOneBulkRequestTakesRestoresThemAll() {
        int count = ContactsViewModel.BULK_BATCH + 50;
        List<Long> ids = importPeople(count, 0);
        vm.refresh();
        vm.selectEveryone();
        answeringYes(new ArrayList<>());
        vm.deleteSelection();
        assertEquals(0, fixture.api.list(0, 10).total());
        vm.undoDelete();
        assertEquals(ids, fixture.api.idsMatching(""), "both batches restored, with their ids");
        assertEquals(null, vm.lastDeletionProperty().get(), "nothing left to undo");
    }

    @Test
    void selectingEveryoneMeansEveryContactListedNotTheLoadedPagesAndUndoBringsThemAllBackWithTheirIds() {
        int count = 4 * ContactsViewModel.PAGE_SIZE + 50;
        List<Long> ids = importPeople(count, 0);
        vm.refresh();
        assertEquals(ContactsViewModel.PAGE_SIZE, vm.contacts().size(), "one page loaded");
        vm.selectEveryone();
        assertEquals(count, vm.selectionProperty().get().size());
        assertEquals("450 selected", vm.selectionTextProperty().get());
        assertEquals(ContactsViewModel.PAGE_SIZE, vm.contacts().size(), "selecting loads nothing");
        List<String> asked = answeringYes(new ArrayList<>());
        vm.deleteSelection();
        assertEquals(List.of("Delete 450 contacts? / Delete 450"), asked, "the real count, not the loaded rows'");
        assertEquals(0, fixture.api.list(0, 10).total(), "every one of them is in the trash");
        assertEquals(List.of(), vm.contacts());
        assertEquals("Deleted 450 contacts.", vm.lastDeletionProperty().get().message());
        vm.undoDelete();
        assertEquals(ids, fixture.api.idsMatching(""), "Undo restores them all, with their ids");
        assertEquals("450 contacts", vm.summaryProperty().get());
        assertEquals("", vm.underWayProperty().get());
    }

    @Test
    void everyoneUnderASearchIsEveryMatchAndNobodyElse() {
        List<Long> all = importPeople(1300, 1150); // more matches than one page of ids (1,000)
        vm.searchTextProperty().set("smith");
        assertEquals("1,150 matches", vm.summaryProperty().get());
        vm.selectEveryone();
        assertEquals("1,150 selected", vm.selectionTextProperty().get());
        List<String> asked = answeringYes(new ArrayList<>());
        vm.deleteSelection();
        assertEquals(List.of("Delete 1,150 contacts? / Delete 1,150"), asked);
        assertEquals(0, fixture.api.search("smith", 0, 1).total(), "every match is in the trash");
        assertEquals(150, fixture.api.list(0, 1).total(), "and nobody else");
        vm.undoDelete();
        assertEquals(all, fixture.api.idsMatching(""), "all back, with their ids");
    }

    @Test
    void everyoneSelectedWhileTheRowsAreStillLoadingStillMeansEveryone() {
        List<Long> ids = importPeople(1250, 0);
        HeldBack held = new HeldBack();
        ContactsViewModel slow = new ContactsViewModel(fixture.user, held,
                Debouncer.immediate(), Debouncer.immediate(), form);
        slow.refresh();
        held.runOne(); // the favourites (none)
        held.runOne(); // the first page of the others
        assertEquals(ContactsViewModel.PAGE_SIZE, slow.contacts().size());
        slow.rowShown(ContactsViewModel.PAGE_SIZE - 1); // scrolling on: the next page is on its way
        assertTrue(slow.loadingProperty().get());
        slow.selectEveryone();
        slow.deleteSelection();
        assertEquals("Deleting 1,250 contacts…", slow.summaryProperty().get(), "what is under way shows meanwhile");
        held.runAll();
        assertEquals("0 contacts", slow.summaryProperty().get());
        assertEquals(0, fixture.api.list(0, 1).total(), "the rows not loaded went too, whatever loaded meanwhile");
        assertEquals("Deleted 1,250 contacts.", slow.lastDeletionProperty().get().message());
        assertEquals("All contacts moved to the Trash.\nUndo (Ctrl+Z) brings them back.", slow.emptyTextProperty().get());
        slow.undoDelete();
        assertEquals("Restoring 1,250 contacts…", slow.summaryProperty().get());
        assertEquals("Restoring 1,250 contacts…", slow.emptyTextProperty().get(), "not that they are in the trash");
        held.runAll();
        assertEquals(ids, fixture.api.idsMatching(""));
        assertEquals("1,250 contacts", slow.summaryProperty().get());
    }

    @Test
    void pickingRowsOrAnotherListingEndsEveryone() {
        importPeople(150, 20);
        vm.refresh();
        vm.selectEveryone();
        assertEquals(150, vm.selectionProperty().get().size());
        vm.pick(List.copyOf(vm.contacts()).subList(0, 2));
        assertEquals(new Selection.Picked(List.copyOf(vm.contacts()).subList(0, 2)), vm.selectionProperty().get());
        assertEquals("2 selected", vm.selectionTextProperty().get());

        vm.selectEveryone();
        vm.searchTextProperty().set("smith");
        assertEquals(0, vm.selectionProperty().get().size(), "Ctrl+A chose the old listing's contacts");
        vm.selectEveryone();
        assertEquals(new Selection.Everyone(new Listing("smith", Filter.ALL), 20), vm.selectionProperty().get());
        vm.pick(List.of(vm.contacts().get(0)));
        assertEquals("", vm.selectionTextProperty().get(), "one contact: the detail pane says who");
        vm.deleteSelection();
        assertEquals("Deleted P0 Smith0000.", vm.lastDeletionProperty().get().message());
        assertEquals(149, fixture.api.list(0, 1).total());
    }

    @Test
    void anUndoPassesOverContactsNoLongerInTheTrash() {
        importPeople(30, 0);
        vm.refresh();
        vm.selectEveryone();
        vm.deleteSelection();
        List<Long> deleted = vm.lastDeletionProperty().get().ids();
        fixture.api.restore(deleted.get(0)); // restored in the Trash view meanwhile: not a failure
        fixture.api.deleteForever(deleted.get(1)); // gone for good meanwhile: nothing to bring back either
        vm.undoDelete();
        assertEquals(29, fixture.api.list(0, 1).total());
        assertNull(vm.lastDeletionProperty().get());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void loadAllLoadsTheRemainingPagesThenGoesOn() {
        for (int i = 0; i < 2 * ContactsViewModel.PAGE_SIZE + 7; i++) {
            add("P" + i, String.format("L%03d", i));
        }
        vm.refresh();
        List<Integer> sizes = new ArrayList<>();
        vm.loadAll(() -> sizes.add(vm.contacts().size()));
        assertEquals(List.of(2 * ContactsViewModel.PAGE_SIZE + 7), sizes, "run once, with every row loaded");
        assertEquals("L206", vm.contacts().get(vm.contacts().size() - 1).lastName(), "the real last contact");
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
    void anUndoTheServerCouldNotAnswerSaysTheContactIsStillInTheTrashAndStaysOfferedUntilItIsBack() {
        add("Ada", "Lovelace");
        vm.refresh();
        long ada = vm.contacts().get(0).id();
        vm.delete(List.of(vm.contacts().get(0)));
        int port = fixture.server.port();
        fixture.server.stop();
        vm.undoDelete();
        assertTrue(vm.errorProperty().get().startsWith("Cannot reach the server"), vm.errorProperty().get());
        assertEquals("Not restored: 1 contact still in the Trash.", vm.lastDeletionProperty().get().message());
        assertTrue(vm.lastDeletionProperty().get().notRestored(), "offered until closed, not for a few seconds");
        try (var again = ContactsServer.start(ServerSettings.embedded(dir.resolve("contacts.db")).withPort(port),
                fixture.clock)) {
            vm.undoDelete();
            assertNull(vm.lastDeletionProperty().get());
            assertEquals(List.of(ada), vm.contacts().stream().map(Contact::id).toList(), "back, with its id");
        }
    }

    @Test
    void aSearchTheServerCouldNotAnswerShowsNoOldRowsAsItsResultAndRetrySearchesAgain() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        vm.refresh();
        vm.pick(List.of(vm.contacts().get(0)));
        int port = fixture.server.port();
        fixture.server.stop();
        vm.searchTextProperty().set("ada");
        assertTrue(vm.errorProperty().get().startsWith("Cannot reach the server"), vm.errorProperty().get());
        assertEquals(List.of(), names(), "the whole book is not the search's result");
        assertEquals("Could not search for “ada”.", vm.emptyStateProperty().get().text());
        assertEquals("Search failed", vm.summaryProperty().get());
        assertEquals(0, vm.selectionProperty().get().size(), "nothing listed, nothing to delete or export");
        assertEquals("ada", vm.searchTextProperty().get(), "the query stays");
        vm.refresh();
        assertEquals("Could not search for “ada”.", vm.emptyStateProperty().get().text(), "still no answer");
        try (var again = ContactsServer.start(ServerSettings.embedded(dir.resolve("contacts.db")).withPort(port),
                fixture.clock)) {
            vm.refresh(); // Retry
            assertEquals("", vm.errorProperty().get());
            assertEquals(List.of("Ada"), names(), "searched again");
            assertEquals("1 match", vm.summaryProperty().get());
        }
    }

    @Test
    void newContactLeavesNoRowSelectedUnderTheForm() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        vm.refresh();
        Contact grace = vm.contacts().get(0);
        vm.pick(List.of(grace));
        vm.show(grace);
        assertTrue(vm.startNew());
        assertTrue(form.openProperty().get());
        assertNull(form.editingProperty().get(), "a new contact");
        assertEquals(0, vm.selectionProperty().get().size(), "Grace is not the contact being written");
        assertNull(vm.shownProperty().get());
        assertEquals(List.of(), vm.stillSelectedProperty().get().contacts(), "the list shows no row selected");
    }

    @Test
    void clearingTheSearchKeepsTheShownContactSelectedAlsoBeyondTheFirstPage() {
        importPeople(ContactsViewModel.PAGE_SIZE + 50, 0);
        vm.refresh();
        vm.searchTextProperty().set("Jones0140");
        assertEquals(List.of("P140"), names());
        Contact found = vm.contacts().get(0);
        assertTrue(vm.open(found));

        vm.clearSearch(); // (Escape in the field or the list, the field's ✕)
        assertEquals("", vm.searchTextProperty().get());
        assertEquals("150 contacts", vm.summaryProperty().get());
        assertTrue(vm.contacts().stream().anyMatch(c -> c.id() == found.id()),
                "listed as far as the contact shown, which is past the first page");
        assertEquals(found.id(), vm.toSelectProperty().get().id(), "selected in the list");
        assertEquals(found.id(), vm.shownProperty().get().id());
    }

    @Test
    void aContactOpenedFromElsewhereIsShownAndSelectedNotEdited() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        vm.refresh();
        Contact ada = vm.contacts().get(1);
        assertTrue(vm.open(ada));
        assertFalse(form.openProperty().get(), "its details, not the form");
        assertEquals(ada, vm.shownProperty().get());
        assertEquals(ada, vm.toSelectProperty().get(), "selected in the list");

        // a search leaves her out: it is left (as Google Contacts does), and she is listed and selected, so that
        // Delete acts on the contact shown (user-walk6: the details showed Ada beside a list of Grace, Delete greyed)
        vm.searchTextProperty().set("hopper");
        assertEquals(List.of("Grace"), names());
        assertTrue(vm.open(ada));
        assertEquals(ada, vm.shownProperty().get());
        assertEquals("", vm.searchTextProperty().get());
        assertEquals(List.of("Grace", "Ada"), names());
        assertEquals(ada, vm.toSelectProperty().get(), "selected in the list");

        form.startNew();
        form.firstNameProperty().set("Typed");
        boolean[] asked = {false};
        form.setConfirm((question, detail, yes, no) -> {
            asked[0] = true;
            return true;
        });
        assertTrue(vm.open(ada));
        assertTrue(asked[0], "unsaved changes are not dropped without asking");
        assertFalse(form.openProperty().get());
        assertEquals("Ada", vm.shownProperty().get().firstName());
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
    void aSavedNewContactIsListedInItsPlaceAndSelectedEvenBeyondTheFirstPage() {
        for (int i = 0; i < 105; i++) {
            add("P" + i, "Person");
        }
        vm.refresh();
        form.startNew();
        form.firstNameProperty().set("Newest");
        form.lastNameProperty().set("Zuse");
        form.save();
        assertEquals("Newest", vm.toSelectProperty().get().firstName(), "pages were loaded as far as the new one");
        assertEquals("Newest", vm.contacts().get(vm.contacts().size() - 1).firstName(), "Zuse comes last");
        assertEquals("Newest", vm.shownProperty().get().firstName(), "and it is shown in the detail pane");
    }

    @Test
    void aSavedContactTheSearchLeavesOutStaysShownAndTheListSaysWhy() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        vm.searchTextProperty().set("hop");
        form.startNew();
        form.firstNameProperty().set("Alan");
        form.lastNameProperty().set("Turing");
        form.save();
        assertEquals(List.of("Grace"), names(), "Turing does not match “hop”");
        assertEquals("Alan", vm.shownProperty().get().firstName(), "the saved contact is still in the details");
        assertEquals("Alan", vm.savedNotListedProperty().get().firstName());
        assertEquals("“Alan Turing” is saved, but not among the contacts matching “hop”.", vm.savedNotListedText());
        assertEquals("Clear the search", vm.savedNotListedAction());

        vm.listSavedContact();
        assertEquals("", vm.searchTextProperty().get());
        assertEquals(List.of("Grace", "Ada", "Alan"), names(), "everyone again: Hopper, Lovelace, Turing");
        assertEquals("Alan", vm.toSelectProperty().get().firstName(), "and it is selected");
        assertNull(vm.savedNotListedProperty().get(), "the note is gone");

        // an edit that makes a listed contact stop matching: the same
        vm.searchTextProperty().set("hop");
        form.startEdit(vm.contacts().get(0));
        form.lastNameProperty().set("Murray");
        form.save();
        assertEquals(List.of(), names());
        assertEquals("Murray", vm.shownProperty().get().lastName());
        assertEquals("Grace", vm.savedNotListedProperty().get().firstName());
        vm.show(null);
        vm.searchTextProperty().set("");
        assertNull(vm.savedNotListedProperty().get(), "another listing: the note is gone");
    }

    @Test
    void aSavedContactTheLabelPickedLeavesOutOffersEveryone() {
        add("Ada", "Lovelace");
        vm.refresh();
        vm.labels().selectedProperty().set(Filter.label("Family"));
        form.startNew();
        form.firstNameProperty().set("Alan");
        form.save();
        assertEquals("“Alan” is saved, but not among the contacts in “Family”.", vm.savedNotListedText());
        assertEquals("Show everyone", vm.savedNotListedAction());
        vm.listSavedContact();
        assertEquals(Filter.ALL, vm.labels().selectedProperty().get());
        assertEquals("Alan", vm.toSelectProperty().get().firstName());
    }

    @Test
    void anOlderListingsAnswerNeverReplacesTheNewerOne() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        HeldBack held = new HeldBack();
        ContactsViewModel slow = new ContactsViewModel(fixture.user, held,
                Debouncer.immediate(), Debouncer.immediate(), form);
        slow.refresh();
        assertTrue(slow.loadingProperty().get());
        slow.searchTextProperty().set("hop");
        held.runAll();
        assertEquals(List.of("Grace"), slow.contacts().stream().map(Contact::firstName).toList());
        assertEquals("1 match", slow.summaryProperty().get());
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
        vm.setConfirm((question, detail, yes, no) -> {
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

    @Test
    void onlyABookThatNeverHadAnyoneOffersToImportOne() {
        vm.refresh();
        assertTrue(vm.offersImportProperty().get(), "a new user: bring the address book from elsewhere");
        add("Ada", "Lovelace");
        vm.refresh();
        assertFalse(vm.offersImportProperty().get());
        vm.searchTextProperty().set("zzz");
        assertFalse(vm.offersImportProperty().get(), "no match is not an empty book");
        vm.clearSearch();
        vm.selectEveryone();
        vm.deleteSelection();
        assertFalse(vm.offersImportProperty().get(), "everyone deleted: the Trash is offered instead");
        vm.dismissDeletion();
        assertFalse(vm.offersImportProperty().get());
    }

    @Test
    void theIndexStripShowsOnlyBesideListedRows() {
        vm.refresh();
        assertFalse(vm.indexShownProperty().get(), "an empty book: no letters that lead nowhere");
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        vm.refresh();
        assertTrue(vm.indexShownProperty().get());
        vm.searchTextProperty().set("zzz");
        assertFalse(vm.indexShownProperty().get(), "a search that matches nobody");
        vm.clearSearch();
        assertTrue(vm.indexShownProperty().get());
        vm.selectEveryone();
        vm.deleteSelection();
        assertFalse(vm.indexShownProperty().get(), "everyone deleted");
        vm.undoDelete();
        assertTrue(vm.indexShownProperty().get(), "listed again after Undo");
    }

    @Test
    void deletingEveryContactSaysTheyAreInTheTrashNotThatThereAreNoneYet() {
        List<Long> ids = importPeople(150, 0);
        vm.refresh();
        vm.selectEveryone();
        vm.deleteSelection();
        assertEquals(List.of(), vm.contacts());
        assertEquals(new ContactsViewModel.EmptyState(
                "All contacts moved to the Trash.\nUndo (Ctrl+Z) brings them back.", true),
                vm.emptyStateProperty().get(), "while Undo is offered");

        vm.dismissDeletion(); // the toast went away: the trash still holds them
        assertEquals(new ContactsViewModel.EmptyState("No contacts here.\n150 deleted contacts are in the Trash.", true),
                vm.emptyStateProperty().get());
        ContactsViewModel nextLogin = new ContactsViewModel(fixture.user, Background.direct(), Debouncer.immediate(),
                Debouncer.immediate(), form);
        nextLogin.refresh();
        assertEquals(vm.emptyStateProperty().get(), nextLogin.emptyStateProperty().get(),
                "a later login finds them in the trash too");

        fixture.api.restore(ids.subList(0, 1));
        fixture.api.emptyTrash();
        fixture.api.delete(ids.get(0)); // one contact in the trash: "is", not "are"
        vm.refresh();
        assertEquals("No contacts here.\n1 deleted contact is in the Trash.", vm.emptyTextProperty().get());
        fixture.api.emptyTrash();
        vm.refresh();
        assertEquals(new ContactsViewModel.EmptyState(
                "No contacts yet.\nPress “New contact” (Ctrl+N) to add your first one.", false),
                vm.emptyStateProperty().get(), "only a book with nothing in the trash either has none yet");
    }

    @Test
    void deletingTheLastPickedContactsSaysTheyAreInTheTrashAndUndoListsThemAgain() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        vm.refresh();
        vm.pick(List.copyOf(vm.contacts()));
        vm.deleteSelection();
        assertEquals("All contacts moved to the Trash.\nUndo (Ctrl+Z) brings them back.", vm.emptyTextProperty().get());
        assertTrue(vm.emptyStateProperty().get().offersTrash());
        vm.undoDelete();
        assertEquals(List.of("Grace", "Ada"), names());
        assertEquals("", vm.emptyTextProperty().get(), "rows are listed: nothing to explain");
    }

    @Test
    void anEmptySearchSaysNoMatchesUnlessADeleteJustEmptiedIt() {
        importPeople(30, 10);
        vm.searchTextProperty().set("smith");
        vm.selectEveryone();
        vm.deleteSelection();
        assertEquals(new ContactsViewModel.EmptyState(
                "The contacts matching “smith” moved to the Trash.\nUndo (Ctrl+Z) brings them back.", true),
                vm.emptyStateProperty().get());
        vm.searchTextProperty().set("zzz");
        assertEquals(new ContactsViewModel.EmptyState("No contacts match “zzz”.", false), vm.emptyStateProperty().get(),
                "Undo is still offered, but for other contacts than this search's");
        vm.searchTextProperty().set("smith");
        vm.dismissDeletion();
        assertEquals("No contacts match “smith”.", vm.emptyTextProperty().get(), "Undo is no longer offered");
        assertEquals("No matches", vm.summaryProperty().get());
    }

    @Test
    void severalSelectedContactsAreSummedUpWithTheActionsForThemAll() {
        importPeople(12, 4);
        vm.refresh();
        List<Contact> rows = List.copyOf(vm.contacts()); // Jones0004.. first, the Smiths last
        vm.pick(rows.subList(0, 1));
        assertNull(vm.selectionSummaryProperty().get(), "one contact: the detail pane shows it");

        vm.pick(rows.subList(0, 3));
        assertEquals(new SelectionSummary("3 contacts selected", rows.subList(0, 3), "", "Delete 3 contacts",
                "Export 3 contacts…", "Select all 12 contacts"), vm.selectionSummaryProperty().get());
        vm.pick(rows.subList(0, 8));
        SelectionSummary eight = vm.selectionSummaryProperty().get();
        assertEquals(rows.subList(0, SelectionSummary.PEOPLE_SHOWN), eight.people(), "a few by name");
        assertEquals("and 3 more", eight.more());
        vm.delete(rows.subList(0, 6));
        assertEquals(new Selection.Picked(rows.subList(6, 8)), vm.selectionProperty().get(),
                "the deleted ones are no longer selected");
        assertEquals(vm.selectionProperty().get(), vm.stillSelectedProperty().get(), "the list is told so");
        assertEquals("2 contacts selected", vm.selectionSummaryProperty().get().title());
        vm.undoDelete();

        vm.selectEveryone();
        assertEquals(new SelectionSummary("All 12 contacts selected", List.of(), "", "Delete 12 contacts",
                "Export 12 contacts…", ""), vm.selectionSummaryProperty().get(), "everyone: nobody left to add");

        vm.clearSelection();
        assertNull(vm.selectionSummaryProperty().get());
        assertEquals(0, vm.selectionProperty().get().size(), "Delete and Export have nothing to act on");
        assertNull(vm.shownProperty().get());

        vm.searchTextProperty().set("smith");
        vm.pick(List.copyOf(vm.contacts()).subList(0, 2));
        assertEquals("Select all 4 contacts matching “smith”", vm.selectionSummaryProperty().get().selectAll());
        vm.selectEveryone();
        assertEquals("All 4 contacts matching “smith” selected", vm.selectionSummaryProperty().get().title());
        vm.deleteSelection();
        assertNull(vm.selectionSummaryProperty().get(), "they are gone: nothing is selected");
    }

    @Test
    void aRefreshKeepsTheShownContactSelectedInItsNewestVersion() {
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        vm.refresh();
        Contact grace = vm.contacts().get(0);
        vm.show(grace);
        fixture.api.patch(grace.id(), java.util.Map.of("nickname", "Amazing Grace"), null);
        vm.refresh();
        assertEquals("Amazing Grace", vm.shownProperty().get().nickname());
        assertEquals(vm.shownProperty().get(), vm.toSelectProperty().get(), "selected again in the list");
    }

    @Test
    void typingALetterSelectsTheFirstContactUnderItAlsoOnPagesNotLoadedYet() {
        fixture.api.create(new ContactDraft("Zed", "Zorro", List.of(), List.of(), null, null, List.of(), null, null,
                null, List.of(), true));
        add("Seven", "7eleven");
        for (int i = 0; i < ContactsViewModel.PAGE_SIZE + 50; i++) {
            add("A" + i, String.format("Adams%03d", i));
        }
        add("Eve", "éclair");
        add("Nat", "Ng");
        for (int i = 0; i < 60; i++) {
            add("T" + i, String.format("Taylor%02d", i));
        }
        vm.refresh();
        assertEquals(1 + ContactsViewModel.PAGE_SIZE, vm.contacts().size(), "the favourite and one page");
        assertTrue(names().stream().noneMatch(n -> n.startsWith("T")), "nobody under T loaded yet");

        vm.jumpTo("t");
        assertEquals("T0", selected(), "the first under T, from a page that was not loaded");
        assertEquals("T0", vm.shownProperty().get().firstName(), "and shown in the detail pane");
        vm.jumpTo("E");
        assertEquals("Eve", selected(), "éclair is under E: case and accents aside");
        vm.jumpTo("f");
        assertEquals("Nat", selected(), "nobody under F: the next letter that has someone");
        vm.jumpTo("z");
        assertEquals("T59", selected(), "no name that late: the last contact, not the favourite Zorro");
        vm.jumpTo("5");
        assertEquals("Seven", selected(), "a digit: the names without a letter, which come first");
    }

    @Test
    void jumpsFollowTheSortOrderAndAnotherListingDropsAJumpUnderWay() {
        add("Bob", "Young");
        add("Yara", "Brown");
        vm.sortProperty().set(SortBy.FIRST_NAME);
        vm.jumpTo("y");
        assertEquals("Yara", selected(), "by first name, Yara is under Y");
        vm.sortProperty().set(SortBy.LAST_NAME);
        vm.jumpTo("y");
        assertEquals("Bob", selected(), "by last name, Young is");

        HeldBack held = new HeldBack();
        ContactsViewModel slow = new ContactsViewModel(fixture.user, held,
                Debouncer.immediate(), Debouncer.immediate(), form);
        slow.refresh();
        slow.jumpTo("y"); // while the rows are on their way
        slow.searchTextProperty().set("Yara");
        held.runAll();
        assertEquals(List.of("Yara"), slow.contacts().stream().map(Contact::firstName).toList());
        assertNull(slow.toSelectProperty().get(), "the jump asked for before the search selects nothing in it");
    }

    @Test
    void aContactDeletedElsewhereLeavesTheListAndTheDetailsWhenItsSaveFindsItGone() {
        // two windows on one server: one deleted Ada while the other was editing her
        add("Ada", "Lovelace");
        add("Grace", "Hopper");
        vm.refresh();
        Contact ada = vm.contacts().stream().filter(c -> c.firstName().equals("Ada")).findFirst().orElseThrow();
        vm.show(ada);
        form.startEdit(ada);
        form.lastNameProperty().set("King");
        fixture.api.delete(ada.id());
        form.save();
        assertTrue(form.openProperty().get(), "what was typed is kept, to be added back if the person wants");
        assertEquals(List.of("Grace"), names(), "the list no longer offers the deleted contact");
        assertEquals(1, vm.totalProperty().get());
        assertNull(vm.shownProperty().get(), "nor do the details once the form closes");
    }

    @Test
    void aContactReloadedAfterAConflictIsListedAsItIsNow() {
        add("Ada", "Lovelace");
        vm.refresh();
        Contact ada = vm.contacts().get(0);
        vm.show(ada);
        form.setConflictQuestion(() -> ContactFormViewModel.Conflict.RELOAD);
        form.startEdit(ada);
        form.lastNameProperty().set("King");
        fixture.api.patch(ada.id(), java.util.Map.of("first_name", "Augusta Ada"), null);
        form.save();
        assertEquals("Augusta Ada", form.firstNameProperty().get(), "the form shows the other window's change");
        assertEquals(List.of("Augusta Ada"), names(), "and so does the list's row, not the old name");
        assertEquals("Augusta Ada", vm.shownProperty().get().firstName());
        assertTrue(form.openProperty().get());
    }

    private String selected() {
        Contact contact = vm.toSelectProperty().get();
        return contact == null ? null : contact.firstName();
    }
}
