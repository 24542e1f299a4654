package dev.contacts.desktop.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Objects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.contacts.desktop.support.Avatars;
import dev.contacts.desktop.support.Drops;
import dev.contacts.desktop.support.FixedFilePicker;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.HeldBack;
import dev.contacts.desktop.support.Menus;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class ImportFlowTest extends UiTestBase {

    private List<String> contactRows() {
        ListView<Contact> list = contactList();
        return Fx.call(() -> list.getItems().stream().filter(Objects::nonNull)
                .map(c -> c.firstName() + " " + c.lastName()).sorted().toList());
    }

    @Test
    void aVCardFileWithABrokenCardInTheMiddle() throws IOException {
        registerAndLogIn(robot, "import-ui@example.com");
        Path file = ImportViewModelTest.brokenInTheMiddle(dataDir);
        Fx.run(() -> window.mainView().transfers().usePicker(new FixedFilePicker().importing(file)));

        Menus.choose(robot, "File", "Import…");
        waitUntil("the summary shows", () -> visible(robot, "#import-totals")
                && text(robot, "#import-totals").equals("2 created · 0 merged · 0 skipped · 1 problem"));
        ListView<String> problems = robot.lookup("#import-problems").queryListView();
        String problem = Fx.call(() -> problems.getItems().get(0));
        assertTrue(problem.startsWith("contact 2 (line 7): "), problem);
        waitUntil("the list has reloaded", () -> contactRows().equals(List.of("Ada Lovelace", "Grace Hopper")));
        for (boolean dark : new boolean[] {false, true}) {
            Fx.run(() -> theme.darkProperty().set(dark));
            Screenshots.save(window.scene(), "screen-import-summary-" + (dark ? "dark" : "light"));
        }

        robot.type(KeyCode.ESCAPE);
        waitUntil("the summary closes", () -> !visible(robot, "#import-view"));

        // the same file again: nothing new, and nothing merged either (the two are there as the file has them)
        robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);
        waitUntil("the second summary", () -> visible(robot, "#import-totals")
                && text(robot, "#import-totals").equals("0 created · 0 merged · 2 skipped · 1 problem"));
        robot.clickOn("#import-close");
        waitUntil("closed", () -> !visible(robot, "#import-view"));
        assertEquals(List.of("Ada Lovelace", "Grace Hopper"), contactRows());
    }

    @Test
    void whileTheServerWorksTheCardSaysWhichFileAndCannotBeDismissed() throws IOException {
        registerAndLogIn(robot, "import-progress-ui@example.com");
        Path first = ImportViewModelTest.brokenInTheMiddle(dataDir);
        Path second = java.nio.file.Files.writeString(dataDir.resolve("more.vcf"),
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alan Turing\r\nEND:VCARD\r\n");
        HeldBack held = new HeldBack(); // the server's answer is held back: the card shows the work in progress
        ImportViewModel vm = Fx.call(() -> new ImportViewModel(window.mainView().user(), held, () -> { }));
        ImportView card = Fx.call(() -> new ImportView(vm));
        Fx.run(() -> {
            window.mainView().getChildren().add(card);
            vm.importFiles(List.of(first, second));
        });
        // this card, not the window's own (idle) import card
        waitUntil("the progress shows", () -> card.isVisible() && card.lookup("#import-progress").isVisible());
        assertEquals("Importing broken-in-the-middle.vcf (1 of 2)…",
                Fx.call(() -> ((Label) card.lookup("#import-progress-text")).getText()));
        for (boolean dark : new boolean[] {false, true}) {
            Fx.run(() -> theme.darkProperty().set(dark));
            Screenshots.save(window.scene(), "screen-import-progress-" + (dark ? "dark" : "light"));
        }
        robot.type(KeyCode.ESCAPE);
        assertTrue(Fx.call(card::isVisible), "Escape does not hide work that is still running");
        Fx.run(held::runAll);
        waitUntil("the summary shows", () -> ((Label) card.lookup("#import-totals")).getText()
                .equals("3 created · 0 merged · 0 skipped · 1 problem"));
    }

    @Test
    void aFileThatIsNoAddressBookChangesNothingAndSaysWhy() throws IOException {
        registerAndLogIn(robot, "import-bad-ui@example.com");
        Path notVcard = dataDir.resolve("holiday.vcf");
        java.nio.file.Files.writeString(notVcard, "Dear all, see you in August");
        Fx.run(() -> window.mainView().transfers().usePicker(new FixedFilePicker().importing(notVcard)));
        Menus.choose(robot, "File", "Import…");
        waitUntil("the summary shows", () -> visible(robot, "#import-totals"));
        assertEquals("0 created · 0 merged · 0 skipped · 1 problem", text(robot, "#import-totals"));
        ListView<String> problems = robot.lookup("#import-problems").queryListView();
        assertEquals("holiday.vcf: Not a vCard file: it should begin with BEGIN:VCARD",
                Fx.call(() -> problems.getItems().get(0)));
        assertFalse(userApi().list(0, 10).total() > 0);
    }

    @Test
    void filesDroppedOnTheWindowAreImportedAlsoOverTheOpenFormWhichTakesOnlyAPhoto() throws IOException {
        registerAndLogIn(robot, "import-drop@example.com");
        userApi().create(new ContactDraft("Zoë", "Adams", null, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Zoë Adams");
        robot.clickOn("#edit");
        waitUntil("the form opens on Zoë", () -> text(robot, "#first-name").equals("Zoë"));
        Node form = robot.lookup("#contact-form").query();

        // an address book dropped on the form, as on any other part of the window, is imported
        Path book = ImportViewModelTest.brokenInTheMiddle(dataDir);
        assertTrue(Fx.call(() -> Drops.drop(form, List.of(book.toFile()))), "the drop is taken");
        waitUntil("the summary shows", () -> visible(robot, "#import-totals")
                && text(robot, "#import-totals").equals("2 created · 0 merged · 0 skipped · 1 problem"));
        assertEquals("", text(robot, "#photo-error"), "not taken for a photo");
        robot.clickOn("#import-close");
        waitUntil("imported, and the form still open on Zoë", () -> contactRows().size() == 3
                && visible(robot, "#contact-form") && text(robot, "#first-name").equals("Zoë"));

        // an image dropped on the form is the photo, and imports nothing
        Path png = Files.write(dataDir.resolve("zoe.png"), Avatars.redSquarePng());
        assertTrue(Fx.call(() -> Drops.drop(form, List.of(png.toFile()))));
        waitUntil("the form shows the dropped photo", () -> Avatars.photosShown(form) == 1);
        assertFalse(visible(robot, "#import-view"));

        // several address books dropped on the form are imported one after the other
        Path google = Files.writeString(dataDir.resolve("google.vcf"),
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Katherine Johnson\r\nN:Johnson;Katherine;;;\r\nEND:VCARD\r\n");
        Path apple = Files.writeString(dataDir.resolve("apple.vcf"),
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alan Turing\r\nN:Turing;Alan;;;\r\nEND:VCARD\r\n");
        assertTrue(Fx.call(() -> Drops.drop(form, List.of(google.toFile(), apple.toFile()))));
        waitUntil("both files imported", () -> visible(robot, "#import-totals")
                && text(robot, "#import-totals").equals("2 created · 0 merged · 0 skipped"));
    }

    @Test
    void aDroppedTextFileIsReadInTheBackgroundAndRefusedWhenItIsNoTabSeparatedExport() throws IOException {
        registerAndLogIn(robot, "import-drop-txt@example.com");
        Node list = robot.lookup("#contacts-list").query();
        // its first line is read by the import, not at the drop (on the FX thread): refused there, and said so
        Path notes = Files.writeString(dataDir.resolve("notes.txt"), "Buy milk\nCall Ann\n");
        assertTrue(Fx.call(() -> Drops.drop(list, List.of(notes.toFile()))), "the drop is taken");
        waitUntil("the refusal shows", () -> visible(robot, "#import-totals"));
        ListView<String> problems = robot.lookup("#import-problems").queryListView();
        assertEquals(List.of("notes.txt: Not a vCard (.vcf) or CSV (.csv) file."), Fx.call(() -> List.copyOf(
                problems.getItems())));
        robot.clickOn("#import-close");

        Path export = Files.writeString(dataDir.resolve("thunderbird.txt"),
                "First Name\tLast Name\tPrimary Email\nAda\tLovelace\tada@example.com\n");
        assertTrue(Fx.call(() -> Drops.drop(list, List.of(export.toFile()))));
        waitUntil("the export is imported", () -> visible(robot, "#import-totals")
                && text(robot, "#import-totals").equals("1 created · 0 merged · 0 skipped"));
    }

    @Test
    void aNewBooksEmptyListOffersToImportAndTheImportFillsIt() throws IOException {
        registerAndLogIn(robot, "import-empty@example.com");
        waitUntil("the empty book offers an import", () -> visible(robot, "#import-contacts"));
        Screenshots.save(window.scene(), "empty-book-offers-import");
        Path file = ImportViewModelTest.brokenInTheMiddle(dataDir);
        Fx.run(() -> window.mainView().transfers().usePicker(new FixedFilePicker().importing(file)));
        robot.clickOn("#import-contacts");
        waitUntil("the summary shows", () -> visible(robot, "#import-totals"));
        assertEquals("2 created · 0 merged · 0 skipped · 1 problem", text(robot, "#import-totals"));
        robot.clickOn("#import-close");
        waitUntil("listed, and nothing more to offer", () -> contactRows().size() == 2
                && !visible(robot, "#import-contacts"));
    }
}
