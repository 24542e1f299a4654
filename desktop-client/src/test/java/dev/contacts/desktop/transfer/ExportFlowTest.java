package dev.contacts.desktop.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.support.FixedFilePicker;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Menus;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class ExportFlowTest extends UiTestBase {

    private int contactRows() {
        ListView<Contact> list = contactList();
        return Fx.call(() -> list.getItems().size());
    }

    private void picker(FixedFilePicker picker) {
        Fx.run(() -> window.mainView().transfers().usePicker(picker));
    }

    private MenuItem exportSelectionItem() {
        return fileMenuItem("menu-export-selection");
    }

    private MenuItem fileMenuItem(String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        return Fx.call(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow());
    }

    @Test
    void exportAllIsGreyedOutWhileTheBookHoldsNobody() {
        // on an empty book it wrote an empty file and reported it done
        registerAndLogIn(robot, "export-empty@example.com");
        MenuItem item = fileMenuItem("menu-export-all");
        waitUntil("greyed out on the empty book", () -> Fx.call(item::isDisable));
        userApi().create(new ContactDraft("Ada", "Lovelace", "ada@example.com", null, null, null));
        robot.type(KeyCode.F5);
        waitUntil("offered once someone is listed", () -> !Fx.call(item::isDisable));
        type(robot, "#search", "nobody-matches-this");
        waitUntil("nothing matches", () -> text(robot, "#empty-state").contains("nobody-matches-this"));
        assertFalse(Fx.call(item::isDisable), "a search finding nobody leaves the book to export");
    }

    @Test
    void exportSelectionIsGreyedOutWhileNothingIsSelected() {
        // it was offered with nothing selected, and chosen opened a card titled "Export failed"
        registerAndLogIn(robot, "export-none@example.com");
        userApi().create(new ContactDraft("Ada", "Lovelace", "ada@example.com", null, null, null));
        robot.type(KeyCode.F5);
        waitUntil("listed", () -> contactRows() == 1);
        MenuItem item = exportSelectionItem();
        assertTrue(Fx.call(item::isDisable), "nothing is selected");
        clickOnContact("Ada Lovelace");
        waitUntil("offered for the selection", () -> !Fx.call(item::isDisable));
        assertEquals("Export 1 selected contact…", Fx.call(item::getText));
    }

    @Test
    void aVCardThreeExportIsWrittenAndTheSaveDialogProposesItNextTime() throws IOException {
        registerAndLogIn(robot, "export-three@example.com");
        userApi().create(new ContactDraft("Ada", "Lovelace", "ada@example.com", null, null, null));
        robot.type(KeyCode.F5);
        waitUntil("listed", () -> contactRows() == 1);

        Path iphone = dataDir.resolve("iphone.vcf");
        FixedFilePicker picker = new FixedFilePicker().exportingTo(iphone, TransferFormat.VCARD_3);
        picker(picker);
        Menus.choose(robot, "File", "Export all…");
        assertEquals(TransferFormat.VCARD, picker.proposed(), "vCard 4.0 is proposed first");
        waitUntil("exported", () -> text(robot, "#export-message").startsWith("All contacts exported as vCard 3.0"));
        assertTrue(Files.readString(iphone).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
        robot.clickOn("#export-close");
        waitUntil("closed", () -> !visible(robot, "#export-view"));

        picker(new FixedFilePicker()); // cancelled
        Menus.choose(robot, "File", "Export all…");
        FixedFilePicker next = new FixedFilePicker();
        picker(next);
        Menus.choose(robot, "File", "Export all…");
        assertEquals(TransferFormat.VCARD_3, next.proposed(), "the last format chosen is proposed again");
    }

    @Test
    void exportTheSelectionThenEverythingThenIntoAFolderThatIsGone() throws IOException {
        registerAndLogIn(robot, "export-ui@example.com");
        userApi().create(new ContactDraft("Ada", "Lovelace", "ada@example.com", null, null, null));
        userApi().create(new ContactDraft("Grace", "Hopper", "grace@example.com", null, null, null));
        robot.type(KeyCode.F5);
        waitUntil("both are listed", () -> contactRows() == 2);

        Path selected = dataDir.resolve("grace.vcf");
        picker(new FixedFilePicker().exportingTo(selected, TransferFormat.VCARD));
        clickOnContact("Grace Hopper");
        Menus.choose(robot, "File", "Export 1 selected contact…");
        waitUntil("exported", () -> text(robot, "#export-message").startsWith("1 contact exported as vCard"));
        for (boolean dark : new boolean[] {false, true}) {
            Fx.run(() -> theme.darkProperty().set(dark));
            Screenshots.save(window.scene(), "screen-export-done-" + (dark ? "dark" : "light"));
        }
        String vcard = Files.readString(selected);
        assertTrue(vcard.contains("FN:Grace Hopper"));
        assertFalse(vcard.contains("Ada"));
        robot.clickOn("#export-close");
        waitUntil("closed", () -> !visible(robot, "#export-view"));

        Path all = dataDir.resolve("everyone.csv");
        picker(new FixedFilePicker().exportingTo(all, TransferFormat.CSV));
        Menus.choose(robot, "File", "Export all…");
        waitUntil("exported", () -> text(robot, "#export-message").startsWith("All contacts exported as CSV"));
        List<String> lines = Files.readAllLines(all);
        assertEquals(3, lines.size());
        robot.type(KeyCode.ESCAPE);
        waitUntil("closed", () -> !visible(robot, "#export-view"));

        Path gone = dataDir.resolve("removed-folder").resolve("everyone.vcf");
        picker(new FixedFilePicker().exportingTo(gone, TransferFormat.VCARD));
        Menus.choose(robot, "File", "Export all…");
        waitUntil("the failure is shown", () -> text(robot, "#export-message")
                .equals("Could not write " + gone + ": no such file or folder."));
        assertEquals("Export failed", text(robot, "#export-title"));
        Fx.run(() -> theme.darkProperty().set(false));
        Screenshots.save(window.scene(), "screen-export-failed-light");
    }
}
