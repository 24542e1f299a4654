package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import atlantafx.base.controls.Notification;
import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.support.FixedFilePicker;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Menus;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

/**
 * Ctrl+A in a list that loads its pages as it scrolls means every contact listed, also the rows not loaded
 * yet: Export selection and Delete act on all of them and say how many, and Undo brings all of them back.
 */
class SelectEveryoneFlowTest extends UiTestBase {

    /** Four pages: the rows beyond the first are loaded only as the list scrolls. */
    private static final int COUNT = 4 * ContactsViewModel.PAGE_SIZE;

    /** Imports {@code COUNT} people, "Smith000".. for the first {@code smiths}, through the API in one request. */
    private void importPeople(int smiths) {
        StringBuilder vcf = new StringBuilder();
        for (int i = 0; i < COUNT; i++) {
            String last = i < smiths ? String.format("Smith%03d", i) : String.format("Jones%04d", i);
            vcf.append("BEGIN:VCARD\r\nVERSION:4.0\r\nN:").append(last).append(";P").append(i)
                    .append(";;;\r\nFN:P").append(i).append(' ').append(last).append("\r\nEND:VCARD\r\n");
        }
        userApi().importFile(vcf.toString().getBytes(StandardCharsets.UTF_8), TransferFormat.VCARD,
                StandardCharsets.UTF_8);
    }

    private void ctrlA() {
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
    }

    private int serverTotal(String query) {
        return query.isEmpty() ? userApi().list(0, 1).total() : userApi().search(query, 0, 1).total();
    }

    @Test
    void ctrlAThenExportSelectionWritesEveryContactNotOnlyTheLoadedRows() throws IOException {
        registerAndLogIn(robot, "select-export@example.com");
        importPeople(0);
        robot.type(KeyCode.F5);
        waitUntil("the first page is listed", () -> listedFirstNames().size() == ContactsViewModel.PAGE_SIZE);

        clickOnContact(listedFirstNames().get(0) + " Jones0000");
        // Ctrl+A and Export selection at once: before any further page can have come
        Path atOnce = dataDir.resolve("at-once.vcf");
        Fx.run(() -> {
            window.mainView().transfers().usePicker(new FixedFilePicker().exportingTo(atOnce, TransferFormat.VCARD));
            contactList().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.A, false, true, false, false));
            window.mainView().transfers().exportSelection();
        });
        waitForTheExport();
        assertEquals(COUNT, cards(atOnce), "every contact of the book, not the rows loaded when Ctrl+A was pressed");
        robot.clickOn("#export-close");

        waitUntil("the count the actions cover is shown", () -> text(robot, "#selection-summary")
                .equals("400 selected") && text(robot, "#delete").equals("Delete 400"));
        Fx.run(() -> contactList().scrollTo(ContactsViewModel.PAGE_SIZE - 1)); // the next page comes
        waitUntil("the next page is listed, selected too", () -> listedFirstNames().size() > ContactsViewModel.PAGE_SIZE
                && selectedFirstNames().size() == listedFirstNames().size());
        assertEquals("400 selected", text(robot, "#selection-summary"), "still every contact");
        Screenshots.save(window.scene(), "select-everyone-light");

        Path file = dataDir.resolve("everyone.vcf");
        Fx.run(() -> window.mainView().transfers().usePicker(new FixedFilePicker()
                .exportingTo(file, TransferFormat.VCARD)));
        Menus.choose(robot, "File", "Export 400 selected contacts…");
        waitForTheExport();
        assertEquals("All contacts exported as vCard to " + file + ".", text(robot, "#export-message"));
        assertEquals(COUNT, cards(file));
    }

    /** Waits until the export card says how it ended (Close is enabled again). */
    private void waitForTheExport() {
        waitUntil("the export ends", () -> visible(robot, "#export-close")
                && !robot.lookup("#export-close").query().isDisabled());
    }

    private static long cards(Path vcf) throws IOException {
        return Files.readAllLines(vcf).stream().filter(line -> line.equals("BEGIN:VCARD")).count();
    }

    @Test
    void ctrlAUnderASearchDeletesEveryMatchAcrossThePagesAndUndoBringsThemBackWithTheirIds() {
        registerAndLogIn(robot, "select-delete@example.com");
        importPeople(150);
        List<Long> smiths = userApi().search("smith", 0, 1000).items().stream().map(Contact::id).sorted().toList();
        assertEquals(150, smiths.size());
        robot.type(KeyCode.F5);
        waitUntil("the first page is listed", () -> listedFirstNames().size() == ContactsViewModel.PAGE_SIZE);
        type(robot, "#search", "smith");
        waitUntil("the first page of matches is listed", () -> text(robot, "#summary").equals("150 matches")
                && listedFirstNames().size() == ContactsViewModel.PAGE_SIZE);

        clickOnContact("P0 Smith000");
        ctrlA();
        robot.type(KeyCode.DELETE);
        waitUntil("asked first", () -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        assertEquals("Delete 150 contacts?", Fx.call(() -> robot.lookup("#confirm-dialog")
                .queryAs(DialogPane.class).getHeaderText()), "every match, not the loaded rows");
        robot.clickOn("#confirm-yes");
        waitUntil("the matches are gone", () -> listedFirstNames().isEmpty() && visible(robot, "#undo-toast"));
        assertEquals("Deleted 150 contacts.", Fx.call(() -> robot.lookup("#undo-toast").queryAs(Notification.class)
                .getMessage()));
        assertEquals(0, serverTotal("smith"), "every match is in the trash");
        assertEquals(COUNT - 150, serverTotal(""), "and nobody else");

        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("all back", () -> text(robot, "#summary").equals("150 matches"));
        assertEquals(smiths, userApi().search("smith", 0, 1000).items().stream().map(Contact::id).sorted().toList(),
                "restored with the same ids");
        assertTrue(listedFirstNames().size() >= ContactsViewModel.PAGE_SIZE);
    }
}
