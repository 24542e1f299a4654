package dev.contacts.desktop.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.contacts.desktop.support.HeldBack;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.transfer.ImportViewModel.State;
import dev.contacts.desktop.ui.Background;
import dev.contacts.model.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {

    @TempDir
    Path dir;

    /** A vCard file whose second card has nothing to name it by, between two good ones. */
    static Path brokenInTheMiddle(Path dir) throws IOException {
        Path file = dir.resolve("broken-in-the-middle.vcf");
        try (InputStream in = ImportViewModelTest.class.getResourceAsStream("broken-in-the-middle.vcf")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static List<String> names(ServerFixture fixture) {
        return fixture.api.list(0, 100).items().stream().map(c -> c.firstName() + " " + c.lastName()).sorted()
                .toList();
    }

    @Test
    void aBrokenCardInTheMiddleIsReportedWithItsPositionAndTheOthersAreImported() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("import@example.com")) {
            AtomicInteger reloads = new AtomicInteger();
            ImportViewModel vm = new ImportViewModel(fixture.user, Background.direct(), reloads::incrementAndGet);
            vm.importFiles(List.of(brokenInTheMiddle(dir)));

            assertEquals(State.DONE, vm.stateProperty().get());
            assertEquals("2 created · 0 merged · 0 skipped · 1 problem", vm.totalsProperty().get());
            assertEquals(1, vm.problems().size());
            assertTrue(vm.problems().get(0).startsWith("contact 2 (line 7): "), vm.problems().get(0));
            assertEquals("Not imported (the rest of the file was):", vm.problemsHeadingProperty().get());
            assertEquals(List.of("Ada Lovelace", "Grace Hopper"), names(fixture));
            assertEquals(1, reloads.get(), "the list reloads once");

            vm.close();
            assertEquals(State.IDLE, vm.stateProperty().get());
            assertTrue(vm.problems().isEmpty());
        }
    }

    @Test
    void theSameFileAgainCreatesNothingAndSaysItsContactsAreThereAlready() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("again@example.com")) {
            ImportViewModel vm = new ImportViewModel(fixture.user, Background.direct(), () -> { });
            Path file = brokenInTheMiddle(dir);
            vm.importFiles(List.of(file));
            vm.close();
            vm.importFiles(List.of(file));
            // nothing in it that the book lacks: skipped, not "merged" (it changed nothing)
            assertEquals("0 created · 0 merged · 2 skipped · 1 problem", vm.totalsProperty().get());
            assertEquals(2, fixture.api.list(0, 100).total());
        }
    }

    @Test
    void severalFilesAreSummedUpAndAFileThatIsNoAddressBookIsNamed() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("several@example.com")) {
            Path csv = dir.resolve("google.csv");
            Files.writeString(csv, "First Name,Middle Name,Last Name,E-mail 1 - Label,E-mail 1 - Value\n"
                    + "Alan,,Turing,* Home,alan@example.com\n");
            Path notes = dir.resolve("notes.txt");
            Files.writeString(notes, "hello");
            Path notVcard = dir.resolve("fake.vcf");
            Files.writeString(notVcard, "this is not a vCard");
            HeldBack held = new HeldBack();
            ImportViewModel vm = new ImportViewModel(fixture.user, held, () -> { });

            vm.importFiles(List.of(brokenInTheMiddle(dir), csv));
            assertEquals(State.RUNNING, vm.stateProperty().get());
            assertEquals("Importing broken-in-the-middle.vcf (1 of 2)…", vm.progressProperty().get());
            vm.importFiles(List.of(notes, notVcard)); // dropped while the first runs: queued
            held.runAll();

            assertEquals(State.DONE, vm.stateProperty().get());
            assertEquals("3 created · 0 merged · 0 skipped · 3 problems", vm.totalsProperty().get());
            assertTrue(vm.problems().get(0).startsWith("broken-in-the-middle.vcf, contact 2 (line 7): "));
            assertEquals("notes.txt: Not a vCard (.vcf) or CSV (.csv) file.", vm.problems().get(1));
            assertEquals("fake.vcf: Not a vCard file: it should begin with BEGIN:VCARD", vm.problems().get(2));
            assertEquals("Not imported:", vm.problemsHeadingProperty().get(), "not all the rest was imported");
            assertEquals(List.of("Ada Lovelace", "Alan Turing", "Grace Hopper"), names(fixture));
        }
    }

    @Test
    void whileAFileIsSentTheCardCountsItsBytesThenSaysTheServerIsImporting() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("progress@example.com")) {
            StringBuilder rows = new StringBuilder("First Name,Last Name,E-mail 1 - Value\n");
            for (int i = 0; i < 2000; i++) { // ~70 KB: sent in several parts
                rows.append("Person").append(i).append(",Family").append(i).append(",p").append(i)
                        .append("@example.com\n");
            }
            Path csv = Files.writeString(dir.resolve("google.csv"), rows);
            ImportViewModel vm = new ImportViewModel(fixture.user, Background.direct(), () -> { });
            List<String> said = new java.util.ArrayList<>();
            vm.progressProperty().addListener((obs, was, is) -> said.add(is));

            vm.importFiles(List.of(csv));

            // it used to say "Importing google.csv…" and nothing more until the server's totals
            assertEquals("Importing google.csv…", said.get(0));
            List<String> sending = said.stream().filter(text -> text.startsWith("Sending google.csv… ")).toList();
            assertTrue(sending.size() >= 2, "the bytes are counted as they go: " + said);
            // 76,708 bytes: it said "0.1 MB", and a file under 50 KB "0.0 MB"
            assertTrue(sending.get(0).endsWith("% of 77 KB"), sending.get(0));
            assertEquals("Sent google.csv (77 KB). The server is importing its contacts…", said.get(said.size() - 2),
                    "then the server's work, until its totals: " + said);
            assertEquals("", said.get(said.size() - 1));
            assertEquals("2,000 created · 0 merged · 0 skipped", vm.totalsProperty().get());
        }
    }

    @Test
    void thunderbirdsTabSeparatedFileIsImported() throws IOException {
        // Thunderbird's "Tab separated" export (.tab) was "Not a vCard (.vcf) or CSV (.csv) file"
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("tabs@example.com")) {
            Path tab = dir.resolve("thunderbird.tab");
            Files.writeString(tab, "First Name\tLast Name\tDisplay Name\tPrimary Email\tMobile Number\n"
                    + "Ingrid\tBergström\tIngrid Bergström\tingrid@example.se\t+46 70 111 22 33\n");
            HeldBack held = new HeldBack();
            ImportViewModel vm = new ImportViewModel(fixture.user, held, () -> { });
            vm.importFiles(List.of(tab));
            held.runAll();
            assertEquals("1 created · 0 merged · 0 skipped", vm.totalsProperty().get());
            assertEquals(List.of("Ingrid Bergström"), names(fixture));
        }
    }

    @Test
    void thunderbirdsTabSeparatedExportSavedAsTxtIsImportedAndOtherTextFilesAreNotSent() throws IOException {
        // Thunderbird saves "Tab separated" as .txt too: it was "Not a vCard (.vcf) or CSV (.csv) file"
        try (ServerFixture fixture = ServerFixture.counted(dir).loggedIn("txt@example.com")) {
            Path export = dir.resolve("Adressbuch.txt");
            Files.write(export, ("\uFEFFVorname\tNachname\tAnzeigename\tPrimäre E-Mail-Adresse\tMobil-Tel.-Nr.\t\r\n"
                    + "Jürgen\tMüller\tJürgen Müller\tjm@example.de\t+49 171 2345678\t\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            Path notes = dir.resolve("notes.txt");
            Files.writeString(notes, "Call Ann, Bob and Eve\n\tabout the party\n");
            Path table = dir.resolve("prices.txt");
            Files.writeString(table, "Item\tPrice\nTea\t3\n");
            ImportViewModel vm = new ImportViewModel(fixture.user, Background.direct(), () -> { });
            vm.importFiles(List.of(export, notes, table));
            assertEquals("1 created · 0 merged · 0 skipped · 2 problems", vm.totalsProperty().get());
            assertEquals(List.of("Jürgen Müller"), names(fixture));
            assertEquals("notes.txt: Not a vCard (.vcf) or CSV (.csv) file.", vm.problems().get(0));
            assertEquals("prices.txt: Not a contacts CSV: the header row is not Google Contacts', Outlook's or "
                    + "Thunderbird's", vm.problems().get(1), "a table of another kind: the server says why");
            assertEquals(2, fixture.requests.count("POST /contacts/import/"), "the notes were never sent");
        }
    }

    @Test
    void aLargeImportsTotalsAreGroupedByThousandsAsTheListsCount() throws IOException {
        // "1200 created" sat over the list's "1,209 contacts"
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("thousands@example.com")) {
            StringBuilder csv = new StringBuilder("First Name,Last Name,E-mail 1 - Value\n");
            for (int i = 0; i < 1200; i++) {
                csv.append("Person,Number ").append(i).append(",\n");
            }
            Path file = dir.resolve("big.csv");
            Files.writeString(file, csv);
            HeldBack held = new HeldBack();
            ImportViewModel vm = new ImportViewModel(fixture.user, held, () -> { });
            vm.importFiles(List.of(file));
            held.runAll();
            assertEquals("1,200 created · 0 merged · 0 skipped", vm.totalsProperty().get());
        }
    }

    @Test
    void aFileOverTheServersLimitIsRefusedBeforeSending() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("large@example.com")) {
            Path large = dir.resolve("large.vcf");
            try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
                file.setLength(ImportViewModel.MAX_FILE_BYTES + 1);
            }
            AtomicInteger reloads = new AtomicInteger();
            ImportViewModel vm = new ImportViewModel(fixture.user, Background.direct(), reloads::incrementAndGet);
            vm.importFiles(List.of(large));
            assertEquals(List.of("large.vcf: Too large: a file of at most 10 MB can be imported at once. "
                    + "Split it, or export it in parts."), vm.problems());
            assertEquals("0 created · 0 merged · 0 skipped · 1 problem", vm.totalsProperty().get());
            assertEquals("Not imported:", vm.problemsHeadingProperty().get(),
                    "nothing of the file was imported: no \"the rest of the file was\"");
            assertEquals(0, reloads.get(), "nothing changed, nothing to reload");
        }
    }

    @Test
    void severalFilesWithBrokenItemsSayTheRestOfEachWasImported() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("each@example.com")) {
            Path csv = dir.resolve("semicolons.csv");
            // Excel and Outlook in much of Europe separate cells with ";"
            Files.writeString(csv, "First Name;Last Name;E-mail Address\r\nJürgen;Müller;jm@example.de\r\n;;\r\n");
            ImportViewModel vm = new ImportViewModel(fixture.user, Background.direct(), () -> { });
            vm.importFiles(List.of(brokenInTheMiddle(dir), csv));
            assertEquals("3 created · 0 merged · 0 skipped · 2 problems", vm.totalsProperty().get());
            assertEquals("semicolons.csv, contact 2 (line 3): Empty row", vm.problems().get(1));
            assertEquals("Not imported (the rest of each file was):", vm.problemsHeadingProperty().get());
        }
    }

    @Test
    void anOutlookCsvInWindows1252KeepsItsAccents() throws IOException {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("ansi@example.com")) {
            Path csv = dir.resolve("outlook.csv");
            Files.write(csv, ("First Name,Middle Name,Last Name,E-mail Address\r\n"
                    + "Jürgen,,Müller,jurgen@example.com\r\n").getBytes(Charset.forName("windows-1252")));
            ImportViewModel vm = new ImportViewModel(fixture.user, Background.direct(), () -> { });
            vm.importFiles(List.of(csv));
            assertEquals("1 created · 0 merged · 0 skipped", vm.totalsProperty().get());
            Contact imported = fixture.api.list(0, 10).items().get(0);
            assertEquals("Jürgen Müller", imported.firstName() + " " + imported.lastName());
        }
    }

    @Test
    void ofDroppedFilesOnlyAddressBooksAreImported() throws IOException {
        Path vcf = Files.writeString(dir.resolve("Family.VCF"), "x");
        Path csv = Files.writeString(dir.resolve("google.csv"), "x");
        Path photo = Files.writeString(dir.resolve("photo.jpg"), "x");
        Path folder = Files.createDirectory(dir.resolve("old.vcf"));
        assertEquals(List.of(vcf, csv), Transfers.importable(List.of(vcf.toFile(), photo.toFile(), folder.toFile(),
                csv.toFile())));
        Path export = Files.writeString(dir.resolve("thunderbird.txt"), "First Name\tLast Name\tPrimary Email\t\n");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Buy milk\n");
        // a .txt by its name: its first line is read by the import, in the background, not at the drop
        assertEquals(List.of(notes, export), Transfers.importable(List.of(notes.toFile(), export.toFile())));
    }

    @Test
    void textIsSentAsUtf8WhateverItsEncoding() {
        byte[] utf8 = "Zoë".getBytes(StandardCharsets.UTF_8);
        assertEquals("Zoë", new String(FileText.asUtf8(utf8), StandardCharsets.UTF_8));
        byte[] withMark = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'Z', 'o', (byte) 0xC3, (byte) 0xAB};
        assertEquals("Zoë", new String(FileText.asUtf8(withMark), StandardCharsets.UTF_8));
        byte[] utf16 = "Zoë".getBytes(StandardCharsets.UTF_16); // with its byte-order mark
        assertEquals("Zoë", new String(FileText.asUtf8(utf16), StandardCharsets.UTF_8));
        byte[] ansi = "Zoë".getBytes(Charset.forName("windows-1252"));
        assertEquals("Zoë", new String(FileText.asUtf8(ansi), StandardCharsets.UTF_8));
    }
}
