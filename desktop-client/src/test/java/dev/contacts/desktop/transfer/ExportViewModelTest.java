package dev.contacts.desktop.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import dev.contacts.desktop.api.ContactsApi.Filter;
import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.contacts.Listing;
import dev.contacts.desktop.contacts.Selection;
import dev.contacts.desktop.settings.Settings;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.transfer.ExportViewModel.State;
import dev.contacts.desktop.ui.Background;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {

    @TempDir
    Path dir;

    private static Contact create(ServerFixture fixture, String first, String last) {
        return fixture.api.create(new ContactDraft(first, last, first.toLowerCase() + "@example.com", null, null,
                null));
    }

    @Test
    void exportsEveryContactAsVCardAndAsCsv() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("export@example.com")) {
            create(fixture, "Ada", "Lovelace");
            create(fixture, "Zoë", "Ärger");
            ExportViewModel vm = new ExportViewModel(fixture.user, Background.direct());

            Path vcf = dir.resolve("all.vcf");
            vm.exportAll(TransferFormat.VCARD, vcf);
            assertEquals(State.DONE, vm.stateProperty().get());
            assertEquals("All contacts exported as vCard to " + vcf + ".", vm.messageProperty().get());
            String vcard = Files.readString(vcf);
            assertEquals(2, vcard.split("BEGIN:VCARD", -1).length - 1);
            assertTrue(vcard.contains("FN:Zoë Ärger"), vcard);

            Path csv = dir.resolve("all.csv");
            vm.exportAll(TransferFormat.CSV, csv);
            List<String> lines = Files.readAllLines(csv);
            assertTrue(lines.get(0).startsWith("First Name,Middle Name,Last Name"), lines.get(0));
            assertEquals(3, lines.size());
            assertNoPartFilesIn(dir);
        }
    }

    @Test
    void aVCardThreeExportIsWrittenAsThreeForIPhoneAndOutlookAndItsFormatIsProposedNextTime() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("export3@example.com")) {
            create(fixture, "Ada", "Lovelace");
            Settings settings = new Settings(dir);
            ExportViewModel vm = new ExportViewModel(fixture.user, Background.direct());
            vm.rememberFormatIn(settings);
            assertEquals(TransferFormat.VCARD, vm.lastFormatProperty().get(), "vCard 4.0 until another is chosen");

            Path vcf = dir.resolve("iphone.vcf");
            vm.exportAll(TransferFormat.VCARD_3, vcf);
            assertEquals(State.DONE, vm.stateProperty().get(), vm.messageProperty().get());
            assertEquals("All contacts exported as vCard 3.0 to " + vcf + ".", vm.messageProperty().get());
            String vcard = Files.readString(vcf);
            assertTrue(vcard.startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n"), vcard);
            assertTrue(vcard.contains("FN:Ada Lovelace"), vcard);

            settings.awaitWrites();
            ExportViewModel nextRun = new ExportViewModel(fixture.user, Background.direct());
            nextRun.rememberFormatIn(new Settings(dir));
            assertEquals(TransferFormat.VCARD_3, nextRun.lastFormatProperty().get(), "remembered across runs");
        }
    }

    @Test
    void anOutlookCsvExportHasOutlooksColumnsAndItsFormatIsProposedNextTime() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("outlook@example.com")) {
            create(fixture, "Ada", "Lovelace");
            Settings settings = new Settings(dir);
            ExportViewModel vm = new ExportViewModel(fixture.user, Background.direct());
            vm.rememberFormatIn(settings);

            Path csv = dir.resolve("outlook.csv");
            vm.exportAll(TransferFormat.OUTLOOK_CSV, csv);
            assertEquals(State.DONE, vm.stateProperty().get(), vm.messageProperty().get());
            assertEquals("All contacts exported as Outlook CSV to " + csv + ".", vm.messageProperty().get());
            List<String> lines = Files.readAllLines(csv);
            assertTrue(lines.get(0).startsWith("Title,First Name,Middle Name,Last Name"), lines.get(0));
            assertTrue(lines.get(0).contains(",E-mail Address,"), lines.get(0));
            assertTrue(lines.get(1).contains(",Ada,,Lovelace,"), lines.get(1)); // Commons CSV quotes an empty 1st cell

            settings.awaitWrites();
            ExportViewModel nextRun = new ExportViewModel(fixture.user, Background.direct());
            nextRun.rememberFormatIn(new Settings(dir));
            assertEquals(TransferFormat.OUTLOOK_CSV, nextRun.lastFormatProperty().get(), "remembered across runs");
        }
    }

    @Test
    void exportsOnlyTheSelection() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("selection@example.com")) {
            create(fixture, "Ada", "Lovelace");
            Contact grace = create(fixture, "Grace", "Hopper");
            ExportViewModel vm = new ExportViewModel(fixture.user, Background.direct());
            Path vcf = dir.resolve("one.vcf");
            vm.exportSelection(TransferFormat.VCARD, new Selection.Picked(List.of(grace)), vcf);
            assertEquals("1 contact exported as vCard to " + vcf + ".", vm.messageProperty().get());
            String vcard = Files.readString(vcf);
            assertTrue(vcard.contains("Grace"));
            assertFalse(vcard.contains("Ada"));
        }
    }

    @Test
    void anEmptySelectionIsExplainedAndNothingIsWritten() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("noselection@example.com")) {
            ExportViewModel vm = new ExportViewModel(fixture.user, Background.direct());
            Path target = dir.resolve("none.vcf");
            vm.exportSelection(TransferFormat.VCARD, Selection.NONE, target);
            assertEquals(State.FAILED, vm.stateProperty().get());
            assertEquals("Select the contacts to export first, or use Export all.", vm.messageProperty().get());
            assertFalse(Files.exists(target));
            vm.close();
            assertEquals(State.IDLE, vm.stateProperty().get());
        }
    }

    @Test
    void aSelectionLongerThanOneRequestsURLIsExportedWholeWithOneCsvHeader() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("maxselection@example.com")) {
            List<Contact> picked = new java.util.ArrayList<>();
            for (int i = 0; i < 250; i++) {
                picked.add(fixture.api.create(new dev.contacts.model.ContactDraft("F" + i, "L" + i, null, null, null,
                        null)));
            }
            // and ids as long as a large address book's, which are what makes a URL long (none is this user's)
            LongStream.range(0, 400).forEach(i -> picked.add(new Contact(1_000_000 + i, "Not", "Mine", null, null,
                    null, null, null, null)));
            Selection ids = new Selection.Picked(picked);
            ExportViewModel vm = new ExportViewModel(fixture.user, Background.direct());
            Path csv = dir.resolve("many.csv");
            vm.exportSelection(TransferFormat.CSV, ids, csv);
            assertEquals(State.DONE, vm.stateProperty().get(), vm.messageProperty().get());
            List<String> lines = Files.readAllLines(csv);
            assertEquals(251, lines.size(), "a header and the 250 contacts");
            assertEquals(1, lines.stream().filter(line -> line.startsWith("First Name,")).count(), "one header");
            Path vcf = dir.resolve("many.vcf");
            vm.exportSelection(TransferFormat.VCARD, ids, vcf);
            assertEquals(250, Files.readAllLines(vcf).stream().filter(line -> line.equals("BEGIN:VCARD")).count());
        }
    }

    @Test
    void everyoneSelectedIsTheWholeBookOrEveryMatchOfTheSearchNotTheRowsLoaded() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("everyone@example.com")) {
            StringBuilder vcf = new StringBuilder();
            for (int i = 0; i < 1300; i++) {
                String last = i < 1150 ? "Smith" + i : "Jones" + i;
                vcf.append("BEGIN:VCARD\r\nVERSION:4.0\r\nN:").append(last).append(";P").append(i)
                        .append(";;;\r\nFN:P").append(i).append(' ').append(last).append("\r\nEND:VCARD\r\n");
            }
            fixture.api.importFile(vcf.toString().getBytes(StandardCharsets.UTF_8), TransferFormat.VCARD,
                    StandardCharsets.UTF_8);
            ExportViewModel vm = new ExportViewModel(fixture.user, Background.direct());

            Path book = dir.resolve("book.vcf");
            vm.exportSelection(TransferFormat.VCARD, new Selection.Everyone(Listing.WHOLE_BOOK, 1300), book);
            assertEquals("All contacts exported as vCard to " + book + ".", vm.messageProperty().get());
            assertEquals(1300, cards(book));

            Path smiths = dir.resolve("smiths.vcf");
            vm.exportSelection(TransferFormat.VCARD,
                    new Selection.Everyone(new Listing("smith", Filter.ALL), 1150), smiths);
            assertEquals("1,150 contacts exported as vCard to " + smiths + ".", vm.messageProperty().get());
            assertEquals(1150, cards(smiths), "every match, more than one page of them");
            assertFalse(Files.readString(smiths).contains("Jones"));

            List<Long> gone = fixture.api.idsMatching("smith");
            fixture.api.trash(gone.subList(0, 1000)); // (at most 1,000 a request)
            fixture.api.trash(gone.subList(1000, gone.size()));
            Path none = dir.resolve("none.vcf");
            vm.exportSelection(TransferFormat.VCARD,
                    new Selection.Everyone(new Listing("smith", Filter.ALL), 1150), none);
            assertEquals(State.FAILED, vm.stateProperty().get(), "never everyone instead of no match");
            assertEquals("None of the selected contacts is left: nothing was exported.", vm.messageProperty().get());
            assertFalse(Files.exists(none));
        }
    }

    @Test
    void theMenuSaysHowManyContactsTheSelectionCovers() {
        assertEquals("Export selection…", ExportViewModel.selectionAction(Selection.NONE));
        assertEquals("Export 5,000 selected contacts…",
                ExportViewModel.selectionAction(new Selection.Everyone(Listing.WHOLE_BOOK, 5000)));
        assertEquals("Export 1 selected contact…", ExportViewModel.selectionAction(new Selection.Picked(
                List.of(new Contact(1, "Ada", "Lovelace", null, null, null, null, null, null)))));
    }

    private static long cards(Path vcf) throws IOException {
        return Files.readAllLines(vcf).stream().filter(line -> line.equals("BEGIN:VCARD")).count();
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedAndAServerFailureKeepsTheOldFile() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("fail@example.com")) {
            create(fixture, "Ada", "Lovelace");
            ExportViewModel vm = new ExportViewModel(fixture.user, Background.direct());
            Path nowhere = dir.resolve("no-such-folder").resolve("all.vcf");
            vm.exportAll(TransferFormat.VCARD, nowhere);
            assertEquals(State.FAILED, vm.stateProperty().get());
            assertEquals("Could not write " + nowhere + ": no such file or folder.", vm.messageProperty().get());

            Path existing = dir.resolve("old.vcf");
            Files.writeString(existing, "the previous export");
            fixture.server.stop();
            vm.exportAll(TransferFormat.VCARD, existing);
            assertEquals(State.FAILED, vm.stateProperty().get());
            assertTrue(vm.messageProperty().get().startsWith("Nothing was exported: Cannot reach the server"),
                    vm.messageProperty().get());
            assertEquals("the previous export", Files.readString(existing));
            assertNoPartFilesIn(dir);
        }
    }

    @Test
    void aSaveDialogNameWithoutExtensionGetsTheChosenFormats() {
        Path plain = Path.of("/tmp/contacts-2026-11-26");
        assertEquals(new FilePicker.Target(Path.of("/tmp/contacts-2026-11-26.csv"), TransferFormat.CSV),
                FxFilePicker.target(plain, TransferFormat.CSV));
        assertEquals(new FilePicker.Target(Path.of("/tmp/book.vcf"), TransferFormat.VCARD),
                FxFilePicker.target(Path.of("/tmp/book.vcf"), TransferFormat.CSV), "the name the person typed wins");
        assertEquals(new FilePicker.Target(Path.of("/tmp/iphone.vcf"), TransferFormat.VCARD_3),
                FxFilePicker.target(Path.of("/tmp/iphone.vcf"), TransferFormat.VCARD_3),
                "a .vcf keeps the vCard version chosen");
        assertEquals(new FilePicker.Target(Path.of("/tmp/iphone.vcf"), TransferFormat.VCARD_3),
                FxFilePicker.target(Path.of("/tmp/iphone"), TransferFormat.VCARD_3));
    }

    private static void assertNoPartFilesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".part")).toList());
        }
    }
}
