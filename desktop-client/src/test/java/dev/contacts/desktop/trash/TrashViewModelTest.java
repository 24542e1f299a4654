package dev.contacts.desktop.trash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrashViewModelTest {

    @TempDir
    Path dir;

    private final List<String> questions = new ArrayList<>();

    private static List<Contact> createAndTrash(ServerFixture fixture, String... names) {
        List<Contact> created = new ArrayList<>();
        for (String name : names) {
            Contact c = fixture.api.create(new ContactDraft(name, "Trash", name.toLowerCase() + "@example.com", null,
                    null, null));
            fixture.api.delete(c.id());
            created.add(c);
        }
        return created;
    }

    private static List<String> shown(TrashViewModel vm) {
        return vm.items().stream().map(TrashViewModel::name).toList();
    }

    private TrashViewModel vm(ServerFixture fixture, boolean answer, Runnable changed) {
        TrashViewModel vm = new TrashViewModel(fixture.user, Background.direct(), changed);
        vm.setConfirm((question, detail, yes, no) -> {
            questions.add(question + " " + detail);
            return answer;
        });
        return vm;
    }

    @Test
    void listsTheTrashNewestDeletionFirstAPageAtATime() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("trash-pages@example.com")) {
            String[] names = new String[TrashViewModel.PAGE_SIZE + 2];
            for (int i = 0; i < names.length; i++) {
                names[i] = "N" + i;
            }
            createAndTrash(fixture, names);
            TrashViewModel vm = vm(fixture, true, () -> { });
            vm.refresh();
            assertEquals(TrashViewModel.PAGE_SIZE, vm.items().size());
            assertEquals("N101 Trash", shown(vm).get(0), "the newest deletion first");
            assertEquals("102 contacts in the trash · showing 1–100", vm.pageTextProperty().get());
            assertTrue(vm.hasNextPageProperty().get());
            vm.nextPage();
            assertEquals(List.of("N1 Trash", "N0 Trash"), shown(vm));
            assertEquals("102 contacts in the trash · showing 101–102", vm.pageTextProperty().get());
            assertFalse(vm.hasNextPageProperty().get());

            // emptying the last page by restoring it shows the page before
            vm.restore(List.copyOf(vm.items()));
            assertEquals(0, vm.pageProperty().get());
            assertEquals(TrashViewModel.PAGE_SIZE, vm.items().size());
            assertEquals("100 contacts in the trash", vm.pageTextProperty().get());
        }
    }

    @Test
    void restoreAllBringsBackEveryPageOfTheTrashInOneGo() {
        // 257 contacts deleted at once, found in the trash after a log-out: three rounds of select-all and Restore
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("trash-all@example.com")) {
            int count = TrashViewModel.RESTORE_ROUND + 50; // more than one round, many pages
            StringBuilder csv = new StringBuilder("First Name,Last Name,E-mail 1 - Value\n");
            for (int i = 0; i < count; i++) {
                csv.append("Person,Number ").append(i).append(",\n");
            }
            fixture.api.importFile(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    dev.contacts.desktop.api.TransferFormat.CSV, java.nio.charset.StandardCharsets.UTF_8);
            List<Long> ids = fixture.api.idsMatching("");
            fixture.api.trash(ids.subList(0, TrashViewModel.RESTORE_ROUND));
            fixture.api.trash(ids.subList(TrashViewModel.RESTORE_ROUND, count));
            AtomicInteger changed = new AtomicInteger();
            TrashViewModel vm = vm(fixture, true, changed::incrementAndGet);
            vm.refresh();
            assertEquals(count, vm.totalProperty().get());

            vm.restoreAll();
            assertEquals(0, vm.totalProperty().get());
            assertEquals("1,050 contacts restored.", vm.messageProperty().get());
            assertEquals(1, changed.get(), "the address book reloads once");
            assertEquals(count, fixture.api.list(0, 1).total(), "every one is back in the book");
            assertEquals(List.of(), questions, "nothing is lost by it: no question asked");
        }
    }

    @Test
    void largeCountsAreGroupedByThousandsAsEverywhereElseInTheWindow() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("trash-thousands@example.com")) {
            StringBuilder vcf = new StringBuilder();
            for (int i = 0; i < 1050; i++) {
                vcf.append("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:P").append(i).append("\r\nEND:VCARD\r\n");
            }
            fixture.api.importFile(vcf.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    dev.contacts.desktop.api.TransferFormat.VCARD, java.nio.charset.StandardCharsets.UTF_8);
            List<Long> ids = fixture.api.idsMatching("");
            fixture.api.trash(ids.subList(0, 1000));
            fixture.api.trash(ids.subList(1000, ids.size()));
            TrashViewModel vm = vm(fixture, false, () -> { });
            vm.refresh();
            for (int i = 0; i < 10; i++) {
                vm.nextPage();
            }
            assertEquals("1,050 contacts in the trash · showing 1,001–1,050", vm.pageTextProperty().get());
            vm.emptyTrash();
            assertEquals(List.of("Empty the trash? 1,050 contacts are deleted for good. This cannot be undone."),
                    questions);
        }
    }

    @Test
    void restoreBringsThemBackWithTheirIdsAndReloadsTheAddressBook() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("restore@example.com")) {
            List<Contact> trashed = createAndTrash(fixture, "Ann", "Bob", "Cy");
            AtomicInteger reloads = new AtomicInteger();
            TrashViewModel vm = vm(fixture, true, reloads::incrementAndGet);
            vm.refresh();
            assertEquals(List.of("Cy Trash", "Bob Trash", "Ann Trash"), shown(vm));

            vm.restore(List.of(vm.items().get(0), vm.items().get(2)));
            assertEquals("2 contacts restored.", vm.messageProperty().get());
            assertEquals(List.of("Bob Trash"), shown(vm));
            assertEquals(1, reloads.get());
            List<Contact> back = fixture.api.list(0, 10).items();
            assertEquals(List.of(trashed.get(0).id(), trashed.get(2).id()), back.stream().map(Contact::id).toList());
            assertEquals("ann@example.com", back.get(0).email());
            assertTrue(questions.isEmpty(), "restoring takes nothing away: no question");
        }
    }

    @Test
    void restoringWhatWasRestoredElsewhereMeanwhileCountsOnlyWhatCameBack() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("meanwhile@example.com")) {
            List<Contact> trashed = createAndTrash(fixture, "Ann", "Bob");
            AtomicInteger reloads = new AtomicInteger();
            TrashViewModel vm = vm(fixture, true, reloads::incrementAndGet);
            vm.refresh();
            fixture.api.restore(trashed.get(0).id()); // another window was quicker
            vm.restore(List.copyOf(vm.items()));
            assertEquals("1 contact restored.", vm.messageProperty().get());
            assertEquals("", vm.errorProperty().get(), "nothing went wrong");
            assertEquals(List.of(), shown(vm));
            assertEquals(1, reloads.get());
            assertEquals(2, fixture.api.list(0, 10).total());
        }
    }

    @Test
    void deleteForeverAsksFirstAndChangesNothingWhenDeclined() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("forever@example.com")) {
            Contact ann = createAndTrash(fixture, "Ann", "Bob").get(0);
            TrashViewModel declining = vm(fixture, false, () -> { });
            declining.refresh();
            declining.deleteForever(List.of(declining.items().get(1)));
            assertEquals(List.of("Delete Ann Trash forever? This cannot be undone."), questions);
            assertEquals(2, fixture.api.trash(0, 10).total());

            AtomicInteger reloads = new AtomicInteger();
            TrashViewModel vm = vm(fixture, true, reloads::incrementAndGet);
            vm.refresh();
            vm.deleteForever(List.of(vm.items().get(1)));
            assertEquals(1, reloads.get(), "the contacts list counts the trash again");
            assertEquals(List.of("Bob Trash"), shown(vm));
            assertEquals("1 contact deleted forever.", vm.messageProperty().get());
            ApiFailure.Refused gone = org.junit.jupiter.api.Assertions.assertThrows(ApiFailure.Refused.class,
                    () -> fixture.api.restore(ann.id()));
            assertEquals(404, gone.status());
        }
    }

    @Test
    void emptyTrashAsksWithTheCountAndEmptiesOnlyWhenConfirmed() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("empty@example.com")) {
            createAndTrash(fixture, "Ann", "Bob", "Cy");
            Contact kept = fixture.api.create(new ContactDraft("Kept", "Alive", null, null, null, null));
            TrashViewModel declining = vm(fixture, false, () -> { });
            declining.refresh();
            declining.emptyTrash();
            assertEquals(List.of("Empty the trash? 3 contacts are deleted for good. This cannot be undone."),
                    questions);
            assertEquals(3, fixture.api.trash(0, 10).total());

            AtomicInteger reloads = new AtomicInteger();
            TrashViewModel vm = vm(fixture, true, reloads::incrementAndGet);
            vm.refresh();
            vm.emptyTrash();
            assertEquals(1, reloads.get(), "the contacts list no longer finds them in the trash");
            assertTrue(vm.items().isEmpty());
            assertEquals(0, vm.totalProperty().get());
            // said once, by the empty table: the message and the count under it said it again
            assertEquals("3 contacts deleted forever.", vm.messageProperty().get());
            assertEquals("", vm.pageTextProperty().get());
            assertTrue(vm.emptyTextProperty().get().startsWith("The trash is empty."));
            assertEquals(List.of(kept.id()), fixture.api.list(0, 10).items().stream().map(Contact::id).toList(),
                    "live contacts are untouched");
        }
    }

    @Test
    void aContactGoneMeanwhileDoesNotStopTheOthers() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("gone@example.com")) {
            createAndTrash(fixture, "Ann", "Bob");
            TrashViewModel vm = vm(fixture, true, () -> { });
            vm.refresh();
            fixture.api.deleteForever(vm.items().get(0).contact().id()); // e.g. from another window
            vm.restore(List.copyOf(vm.items()));
            assertEquals("", vm.errorProperty().get());
            assertEquals(List.of("Ann"), fixture.api.list(0, 10).items().stream().map(Contact::firstName).toList());
        }
    }

    @Test
    void eachContactSaysHowManyDaysAreLeftAndOnItsLastDaysWhenItGoes() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        java.util.Locale uk = java.util.Locale.UK;
        java.time.Instant deleted = java.time.Instant.parse("2026-11-25T10:00:00Z"); // 11:00 in Berlin
        assertEquals("Deleted today · 30 days left", TrashViewModel.deletedText(deleted,
                deleted.plusSeconds(60), berlin, uk));
        assertEquals("Deleted yesterday · 29 days left", TrashViewModel.deletedText(deleted,
                java.time.Instant.parse("2026-11-26T09:00:00Z"), berlin, uk));
        assertEquals("Deleted 3 days ago · 27 days left", TrashViewModel.deletedText(deleted,
                java.time.Instant.parse("2026-11-28T09:00:00Z"), berlin, uk));
        assertEquals("Deleted 28 days ago · 2 days left", TrashViewModel.deletedText(deleted,
                java.time.Instant.parse("2026-12-23T22:30:00Z"), berlin, uk), "23:30 in Berlin: still the 23rd");
        // the server drops it 30 days after the deletion, to the minute: near the end, say when
        assertEquals("Deleted 29 days ago · Deleted forever tomorrow at 11:00", TrashViewModel.deletedText(deleted,
                java.time.Instant.parse("2026-12-24T12:00:00Z"), berlin, uk));
        assertEquals("Deleted 30 days ago · Deleted forever today at 11:00", TrashViewModel.deletedText(deleted,
                java.time.Instant.parse("2026-12-25T09:59:00Z"), berlin, uk));
        assertEquals("Deleted 30 days ago · Being deleted forever", TrashViewModel.deletedText(deleted,
                java.time.Instant.parse("2026-12-25T10:00:00Z"), berlin, uk));
    }
}
