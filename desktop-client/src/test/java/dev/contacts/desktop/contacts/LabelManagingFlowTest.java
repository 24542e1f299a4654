package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.contacts.LabelsViewModel.Entry;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Managing a label in the window: its row's menu renames it through the dialog, Delete removes it after a question
 * that says how many contacts keep their data, the toast's Undo (or Ctrl+Z) takes either back, F2 opens the dialog
 * from the keyboard; and a birthday opened while a label leaves its contact out selects it among everyone.
 */
class LabelManagingFlowTest extends UiTestBase {

    private void add(String first, String last, LocalDate birthday, String... labels) {
        ContactsApi user = userApi();
        Contact made = user.create(new ContactDraft(first, last, null, null, birthday, null));
        user.patch(made.id(), Map.of("labels", List.of(labels)), null);
    }

    private void addPeople() {
        add("Ada", "Lovelace", null, "Family");
        add("Grace", "Hopper", null, "Family", "Work");
        add("Alan", "Turing", LocalDate.now().withYear(1990));
        add("Edsger", "Dijkstra", null, "Work");
        robot.type(KeyCode.F5);
        waitUntil("listed", () -> listedFirstNames().size() == 4);
        waitUntil("the labels counted", () -> sidebarNames().size() == 4);
    }

    @SuppressWarnings("unchecked")
    private ListView<Entry> sidebar() {
        return (ListView<Entry>) robot.lookup("#labels-list").queryAs(ListView.class);
    }

    /** The sidebar as "name count" lines. */
    private List<String> sidebarNames() {
        return Fx.call(() -> sidebar().getItems().stream()
                .map(e -> e.count() < 0 ? e.name() : e.name() + " " + e.count()).toList());
    }

    private String picked() {
        return Fx.call(() -> {
            Entry entry = sidebar().getSelectionModel().getSelectedItem();
            return entry == null ? "" : entry.name();
        });
    }

    private Node entryCell(String name) {
        return Fx.call(() -> sidebar().lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> cell && cell.getItem() instanceof Entry e
                        && e.name().equals(name))
                .findFirst().orElse(null));
    }

    @Test
    void aLabelIsRenamedFromItsMenuAndRemovedWithDeleteEachWithUndo() {
        registerAndLogIn(robot, "label-manage@example.com");
        addPeople();
        assertEquals(List.of("All contacts", "Favourites", "Family 2", "Work 2"), sidebarNames());

        Node family = entryCell("Family");
        robot.clickOn(family, MouseButton.SECONDARY);
        if (robot.lookup("Rename label…").tryQuery().isEmpty()) {
            // (headless Monocle makes no context-menu request of a right click: the row's own menu is shown)
            Fx.run(() -> ((ListCell<?>) family).getContextMenu().show(family, javafx.geometry.Side.BOTTOM, 0, 0));
        }
        waitUntil("the label's menu", () -> robot.lookup("Rename label…").tryQuery().isPresent());
        robot.clickOn("Rename label…");
        waitUntil("the rename dialog", () -> visible(robot, "#label-name-dialog"));
        robot.clickOn("#label-name").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("Work ");
        waitUntil("it says they merge", () -> visible(robot, "#label-name-merge"));
        assertEquals("“Work” exists: its contacts and these will share it.", text(robot, "#label-name-merge"));
        robot.eraseText(5).write("Kin");
        waitUntil("no merge now", () -> !visible(robot, "#label-name-merge"));
        screenshotsInBothThemes("label-rename-dialog");
        robot.clickOn("#label-name-rename");
        waitUntil("renamed", () -> sidebarNames().equals(List.of("All contacts", "Favourites", "Kin 2", "Work 2")));
        waitUntil("the toast", () -> visible(robot, "#undo"));
        assertTrue(robot.lookup("Renamed “Family” to “Kin”.").tryQuery().isPresent(), "the toast says what changed");
        screenshotsInBothThemes("label-renamed-toast");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("renamed back", () -> sidebarNames().equals(
                List.of("All contacts", "Favourites", "Family 2", "Work 2")));

        robot.clickOn(entryCell("Work"));
        waitUntil("Work's contacts", () -> listedFirstNames().equals(List.of("Edsger", "Grace")));
        robot.type(KeyCode.DELETE);
        waitUntil("asked first", () -> visible(robot, "#confirm-dialog"));
        assertTrue(robot.lookup("2 contacts keep their other data; only the label is taken off them.").tryQuery()
                .isPresent());
        screenshotsInBothThemes("label-remove-question");
        robot.clickOn("#confirm-yes");
        waitUntil("removed", () -> sidebarNames().equals(List.of("All contacts", "Favourites", "Family 2")));
        waitUntil("everyone listed, nobody deleted", () -> listedFirstNames().size() == 4);
        assertEquals("All contacts", picked());
        robot.clickOn("#undo");
        waitUntil("put back", () -> sidebarNames().equals(List.of("All contacts", "Favourites", "Family 2", "Work 2")));

        // from the keyboard: F2 on the label selected; a name too long is refused in the dialog, Escape cancels
        robot.clickOn(entryCell("Family"));
        robot.type(KeyCode.F2);
        waitUntil("the rename dialog", () -> visible(robot, "#label-name-dialog"));
        robot.clickOn("#label-name").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("x".repeat(41));
        waitUntil("refused beside the field", () -> visible(robot, "#label-name-problem"));
        assertEquals("Too long: at most 40 characters.", text(robot, "#label-name-problem"));
        assertTrue(Fx.call(() -> robot.lookup("#label-name-rename").query().isDisabled()));
        robot.type(KeyCode.ESCAPE);
        waitUntil("closed", () -> robot.lookup("#label-name-dialog").tryQuery().isEmpty());
        assertEquals(List.of("All contacts", "Favourites", "Family 2", "Work 2"), sidebarNames());
    }

    /** The marks of the selection pane's label menu, in its order (checked, mixed, not checked). */
    private List<String> labelMenu() {
        return Fx.call(() -> robot.lookup("#selection-labels").queryAs(javafx.scene.control.MenuButton.class)
                .getItems().stream().filter(i -> i.getStyleClass().contains("label-choice"))
                .map(i -> i.getProperties().get("mark") + "").toList());
    }

    private void chooseInOpenMenu(String item) {
        waitUntil("\"" + item + "\" in the menu", () -> !robot.from(robot.lookup(".context-menu").queryAll())
                .lookup((javafx.scene.control.Labeled l) -> item.equals(l.getText())).queryAll().isEmpty());
        Node entry = robot.from(robot.lookup(".context-menu").queryAll())
                .lookup((javafx.scene.control.Labeled l) -> item.equals(l.getText())).query();
        robot.clickOn(entry);
    }

    @Test
    void aSelectionIsPutInALabelAndTakenOutFromItsLabelMenuAndANewLabelIsMadeFromTheSidebar() {
        registerAndLogIn(robot, "label-selection@example.com");
        addPeople();
        clickOnContact("Ada Lovelace");
        robot.press(KeyCode.CONTROL).clickOn(Fx.call(() -> contactList().lookupAll(".contact-name").stream()
                .filter(n -> "Grace Hopper".equals(((javafx.scene.control.Labeled) n).getText())).findFirst()
                .orElseThrow())).release(KeyCode.CONTROL);
        waitUntil("the pane of two", () -> visible(robot, "#selection-pane")
                && text(robot, "#selection-title").equals("2 contacts selected"));

        robot.clickOn("#selection-labels");
        waitUntil("the label menu", () -> labelMenu().size() == 2);
        assertEquals(List.of("checked", "mixed"), labelMenu(), "both in Family, only Grace in Work");
        screenshotsInBothThemes("selection-label-menu");
        chooseInOpenMenu("Work");
        waitUntil("both in Work", () -> sidebarNames().equals(
                List.of("All contacts", "Favourites", "Family 2", "Work 3")));
        waitUntil("the toast", () -> robot.lookup("Added 1 contact to “Work”.").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("undone", () -> sidebarNames().equals(List.of("All contacts", "Favourites", "Family 2", "Work 2")));

        // the sidebar's "New label…": listed empty and picked, then Ctrl+A in All contacts puts everyone in it
        robot.clickOn("#labels-new");
        waitUntil("the new-label dialog", () -> visible(robot, "#label-name-dialog"));
        robot.clickOn("#label-name").write("Book club");
        screenshotsInBothThemes("label-new-dialog");
        robot.clickOn("#label-name-create");
        waitUntil("listed empty and picked", () -> sidebarNames().contains("Book club 0")
                && picked().equals("Book club"));
        robot.clickOn(entryCell("All contacts"));
        waitUntil("everyone listed", () -> listedFirstNames().size() == 4);
        assertTrue(sidebarNames().contains("Book club 0"), "still listed while nobody carries it");
        clickOnContact("Ada Lovelace");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        waitUntil("all selected", () -> text(robot, "#selection-title").startsWith("All 4 contacts"));
        robot.clickOn("#selection-labels");
        waitUntil("the label menu", () -> labelMenu().size() == 3);
        chooseInOpenMenu("Book club");
        waitUntil("everyone in it", () -> sidebarNames().equals(
                List.of("All contacts", "Favourites", "Book club 4", "Family 2", "Work 2")));
        // everyone stays selected (not the contact shown before Ctrl+A alone), every row of the list too
        waitUntil("everyone still selected", () -> text(robot, "#selection-title").startsWith("All 4 contacts")
                && Fx.call(() -> contactList().getSelectionModel().getSelectedIndices().size()) == 4);
        screenshotsInBothThemes("label-new-with-everyone");
    }

    private int firstRowShown() {
        return Fx.call(() -> {
            contactList().layout();
            return ((javafx.scene.control.skin.VirtualFlow<?>) contactList().lookup(".virtual-flow"))
                    .getFirstVisibleCell().getIndex();
        });
    }

    @Test
    void threeContactsPutInALabelStayInViewWhereTheyWere() {
        // found by a user walk: after labelling three contacts the list put the last one at its top, the other two
        // above the edge
        registerAndLogIn(robot, "label-three@example.com");
        add("Zed", "Worker", null, "Work");
        for (int i = 10; i < 50; i++) { // more than the list shows at once: it can scroll
            userApi().create(new ContactDraft("Alan" + i, "Turing", null, null, null, null));
        }
        robot.type(KeyCode.F5);
        waitUntil("listed", () -> listedFirstNames().size() == 41);
        Fx.run(() -> contactList().scrollTo(10)); // Alan20 at the top
        waitUntil("scrolled", () -> firstRowShown() == 10);
        clickOnContact("Alan23 Turing");
        robot.press(KeyCode.SHIFT).clickOn(Fx.call(() -> contactList().lookupAll(".contact-name").stream()
                .filter(n -> "Alan25 Turing".equals(((javafx.scene.control.Labeled) n).getText())).findFirst()
                .orElseThrow())).release(KeyCode.SHIFT);
        waitUntil("the pane of three", () -> visible(robot, "#selection-pane")
                && text(robot, "#selection-title").equals("3 contacts selected"));
        int before = firstRowShown();

        robot.clickOn("#selection-labels");
        chooseInOpenMenu("Work");
        waitUntil("the three in Work", () -> sidebarNames().contains("Work 4"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, firstRowShown(), "the list stays where it was, the three in view");
        assertEquals(List.of("Alan23", "Alan24", "Alan25"), Fx.call(() -> contactList().getSelectionModel()
                .getSelectedItems().stream().map(Contact::firstName).toList()), "still selected");
    }

    @Test
    void aBirthdayOpenedWhileALabelLeavesItsContactOutIsSelectedAmongEveryone() {
        registerAndLogIn(robot, "label-birthday@example.com");
        addPeople();
        robot.clickOn(entryCell("Work"));
        waitUntil("Work's contacts", () -> listedFirstNames().equals(List.of("Edsger", "Grace")));

        robot.clickOn("#tab-birthdays");
        waitUntil("Alan's birthday", () -> Fx.call(() -> robot.lookup("#birthdays-table").queryTableView()
                .getItems().size()) == 1);
        waitUntil("his row drawn", () -> robot.lookup("#birthdays-table .table-row-cell").tryQuery().isPresent());
        robot.clickOn((Node) robot.lookup("#birthdays-table .table-row-cell").nth(0).query()).type(KeyCode.ENTER);

        waitUntil("his row selected among everyone", () -> selectedFirstNames().equals(List.of("Alan")));
        assertEquals("All contacts", picked());
        assertEquals("Alan Turing", text(robot, "#detail-name"));
        Screenshots.save(window.scene(), "label-birthday-opened");
    }
}
