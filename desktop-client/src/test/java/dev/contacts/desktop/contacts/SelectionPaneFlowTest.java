package dev.contacts.desktop.contacts;

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
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.ContactDraft;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Several contacts selected: the pane beside the list sums them up (how many, a few by name) with Delete, Export
 * and Clear selection instead of showing one of them. After deleting every contact, the empty list says they are
 * in the Trash, not that there are none yet.
 */
class SelectionPaneFlowTest extends UiTestBase {

    private static final List<String> PEOPLE = List.of("Charles Babbage", "Edsger Dijkstra", "Grace Hopper",
            "Katherine Johnson", "Ada Lovelace", "Alan Turing");

    private void addPeople() {
        for (String name : PEOPLE) {
            String[] parts = name.split(" ");
            userApi().create(new ContactDraft(parts[0], parts[1], null, null, null, null));
        }
        robot.type(KeyCode.F5);
        waitUntil("listed", () -> listedFirstNames().size() == PEOPLE.size());
    }

    /** Adds {@code name} to the selection with Ctrl+click, and waits until the list has it selected. */
    private void ctrlClickOnContact(String name) {
        int before = selectedFirstNames().size();
        robot.press(KeyCode.CONTROL);
        try {
            clickOnContact(name);
        } finally {
            robot.release(KeyCode.CONTROL);
        }
        // the next click waits for this one: in the whole suite a Ctrl+click sent at once after another was lost
        waitUntil(name + " is added to the selection", () -> selectedFirstNames().size() == before + 1);
    }

    private void ctrl(KeyCode key) {
        robot.press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
    }

    /** The names the selection pane shows, in its order. */
    private List<String> namesInThePane() {
        return Fx.call(() -> robot.lookup("#selection-people").queryAs(Node.class).lookupAll(".contact-name")
                .stream().map(n -> ((Labeled) n).getText()).toList());
    }

    @Test
    void severalSelectedContactsAreSummedUpBesideTheListWithTheActionsForThemAll() throws IOException {
        registerAndLogIn(robot, "selection-pane@example.com");
        addPeople();
        clickOnContact("Grace Hopper");
        waitUntil("one contact: its details", () -> text(robot, "#detail-name").equals("Grace Hopper"));
        ctrlClickOnContact("Ada Lovelace");
        ctrlClickOnContact("Alan Turing");
        waitUntil("the pane sums the selection up", () -> visible(robot, "#selection-pane")
                && text(robot, "#selection-title").equals("3 contacts selected"));
        assertFalse(visible(robot, "#detail-name"), "not one of them in place of the others");
        assertEquals(List.of("Grace Hopper", "Ada Lovelace", "Alan Turing"), namesInThePane());
        assertEquals("Delete 3 contacts", text(robot, "#selection-delete"));
        assertEquals("Export 3 contacts…", text(robot, "#selection-export"));
        assertEquals("Select all 6 contacts", text(robot, "#selection-select-all"));
        screenshotsInBothThemes("selection-pane");

        Path file = dataDir.resolve("three.vcf");
        Fx.run(() -> window.mainView().transfers().usePicker(new FixedFilePicker()
                .exportingTo(file, TransferFormat.VCARD)));
        robot.clickOn("#selection-export");
        waitUntil("the export ends", () -> visible(robot, "#export-close")
                && !robot.lookup("#export-close").query().isDisabled());
        assertEquals(List.of("FN:Grace Hopper", "FN:Ada Lovelace", "FN:Alan Turing").stream().sorted().toList(),
                Files.readAllLines(file).stream().filter(l -> l.startsWith("FN:")).sorted().toList(),
                "the three selected, nobody else");
        robot.clickOn("#export-close");

        robot.clickOn("#selection-clear");
        waitUntil("nothing selected", () -> selectedFirstNames().isEmpty() && visible(robot, "#detail-empty"));
        assertFalse(visible(robot, "#selection-pane"));
        assertTrue(robot.lookup("#delete").query().isDisabled(), "Delete has nothing to act on");

        clickOnContact("Charles Babbage");
        ctrlClickOnContact("Edsger Dijkstra");
        waitUntil("two selected", () -> text(robot, "#selection-title").equals("2 contacts selected"));
        robot.type(KeyCode.ESCAPE); // in the list, as in GNOME Contacts: the selection ends
        waitUntil("Escape clears it", () -> selectedFirstNames().isEmpty() && !visible(robot, "#selection-pane"));

        clickOnContact("Charles Babbage");
        ctrlClickOnContact("Edsger Dijkstra");
        robot.type(KeyCode.ENTER);
        waitUntil("the focused contact alone is edited, and selected", () -> visible(robot, "#contact-form")
                && selectedFirstNames().equals(List.of("Edsger")) && text(robot, "#delete").equals("Delete"));
        robot.type(KeyCode.ESCAPE);
        waitUntil("the form closes on its details", () -> !visible(robot, "#contact-form")
                && text(robot, "#detail-name").equals("Edsger Dijkstra"));

        clickOnContact("Charles Babbage");
        ctrlClickOnContact("Katherine Johnson");
        robot.clickOn("#selection-select-all");
        waitUntil("everyone", () -> text(robot, "#selection-title").equals("All 6 contacts selected")
                && selectedFirstNames().size() == PEOPLE.size());
        assertTrue(namesInThePane().isEmpty(), "everyone: not a few names");

        clickOnContact("Charles Babbage");
        ctrlClickOnContact("Katherine Johnson");
        ctrlClickOnContact("Alan Turing");
        robot.clickOn("#selection-delete"); // three: Undo is enough, no question
        waitUntil("deleted", () -> listedFirstNames().equals(List.of("Edsger", "Grace", "Ada"))
                && visible(robot, "#undo-toast"));
        assertEquals(3, userApi().list(0, 10).total());
        waitUntil("nothing is selected: not the rows beside the deleted ones either",
                () -> selectedFirstNames().isEmpty() && !visible(robot, "#selection-pane"));
        assertEquals("Delete", text(robot, "#delete"));
    }

    @Test
    void afterDeletingEveryoneTheEmptyListSaysTheyAreInTheTrashAndLeadsThere() {
        registerAndLogIn(robot, "deleted-all@example.com");
        addPeople();
        clickOnContact("Ada Lovelace");
        ctrl(KeyCode.A);
        waitUntil("everyone", () -> text(robot, "#selection-title").equals("All 6 contacts selected"));
        robot.clickOn("#selection-delete");
        waitUntil("asked first", () -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        robot.clickOn("#confirm-yes");
        waitUntil("all gone, Undo offered", () -> listedFirstNames().isEmpty() && visible(robot, "#undo-toast"));
        waitUntil("the list says where they went", () -> text(robot, "#empty-state")
                .equals("All contacts moved to the Trash.\nUndo (Ctrl+Z) brings them back."));
        assertTrue(visible(robot, "#open-trash"));
        assertFalse(visible(robot, "#selection-pane"), "nothing selected any more");
        screenshotsInBothThemes("contacts-all-deleted");

        ctrl(KeyCode.Z);
        waitUntil("all back", () -> listedFirstNames().size() == PEOPLE.size());

        Fx.run(() -> contactList().requestFocus());
        ctrl(KeyCode.A);
        robot.type(KeyCode.DELETE);
        waitUntil("asked first", () -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        robot.clickOn("#confirm-yes");
        waitUntil("all gone again", () -> listedFirstNames().isEmpty() && visible(robot, "#undo-toast"));
        robot.clickOn("#undo-toast .close-button"); // Undo is no longer offered: the trash still holds them
        waitUntil("the list says they are in the Trash", () -> text(robot, "#empty-state").equals(
                "No contacts here.\n6 deleted contacts are in the Trash."));

        type(robot, "#search", "zzz");
        waitUntil("a search finds nothing", () -> text(robot, "#empty-state").equals("No contacts match “zzz”."));
        assertFalse(visible(robot, "#open-trash"), "nothing of this search is in the trash");
        robot.type(KeyCode.ESCAPE);
        waitUntil("the whole book again", () -> text(robot, "#empty-state").startsWith("No contacts here"));

        robot.clickOn("#open-trash");
        waitUntil("the Trash lists them", () -> visible(robot, "#trash-table") && Fx.call(() -> robot
                .lookup("#trash-table").queryTableView().getItems().size()) == PEOPLE.size());
    }
}
