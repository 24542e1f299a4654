package dev.contacts.desktop.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import dev.contacts.desktop.api.TransferFormat;
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
    void exportsOnlyTheSelection() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("selection@example.com")) {
            create(fixture, "Ada", "Lovelace");
            Contact grace = create(fixture, "Grace", "Hopper");
            ExportViewModel vm = new ExportViewModel(fixture.user, Background.direct());
            Path vcf = dir.resolve("one.vcf");
            vm.exportSelection(TransferFormat.VCARD, List.of(grace.id()), vcf);
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
            vm.exportSelection(TransferFormat.VCARD, List.of(), target);
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
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 250; i++) {
                ids.add(fixture.api.create(new dev.contacts.model.ContactDraft("F" + i, "L" + i, null, null, null,
                        null)).id());
            }
            // and ids as long as a large address book's, which are what makes a URL long (none is this user's)
            ids.addAll(LongStream.range(0, 400).map(i -> 1_000_000 + i).boxed().toList());
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
    }

    private static void assertNoPartFilesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".part")).toList());
        }
    }
}
