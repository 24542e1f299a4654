package dev.contacts.desktop.trash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Objects;
import java.util.List;

import dev.contacts.model.TrashedContact;
import dev.contacts.desktop.support.Avatars;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Menus;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

class TrashFlowTest extends UiTestBase {

    private List<String> trashRows() {
        TableView<TrashedContact> table = robot.lookup("#trash-table").queryTableView();
        return Fx.call(() -> table.getItems().stream().map(TrashViewModel::name).toList());
    }

    /** Clicks the row showing {@code name} (the row itself: cells of rows scrolled away keep their old text). */
    private void clickRow(String name) {
        waitUntil(name + " is shown", () -> trashRows().contains(name));
        WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.lookup(".table-row-cell").match((TableRow<TrashedContact> r) -> r.getItem() != null
                && TrashViewModel.name(r.getItem()).equals(name)).query();
        robot.clickOn(row);
    }

    private List<String> contactRows() {
        ListView<Contact> list = contactList();
        return Fx.call(() -> list.getItems().stream().filter(Objects::nonNull).map(Contact::firstName).sorted()
                .toList());
    }

    private void createAndDelete(String... names) {
        for (String name : names) {
            Contact c = userApi().create(new ContactDraft(name, "Trash", null, null, null, null));
            userApi().delete(c.id());
        }
    }

    @Test
    void restoreSeveralDeleteOneForeverAndEmptyTheTrash() {
        registerAndLogIn(robot, "trash-ui@example.com");
        createAndDelete("Ann", "Bob", "Cy");
        userApi().create(new ContactDraft("Dee", "Alive", null, null, null, null));

        Menus.choose(robot, "View", "Trash");
        waitUntil("the trash shows", () -> trashRows().equals(List.of("Cy Trash", "Bob Trash", "Ann Trash")));
        assertEquals("3 contacts in the trash", text(robot, "#trash-summary"));
        for (boolean dark : new boolean[] {false, true}) {
            Fx.run(() -> theme.darkProperty().set(dark));
            Screenshots.save(window.scene(), "screen-trash-" + (dark ? "dark" : "light"));
        }

        clickRow("Cy Trash");
        robot.press(KeyCode.CONTROL);
        clickRow("Ann Trash");
        robot.release(KeyCode.CONTROL);
        robot.clickOn("#trash-restore");
        waitUntil("two are restored", () -> trashRows().equals(List.of("Bob Trash")));
        assertEquals("2 contacts restored.", text(robot, "#trash-message"));

        clickRow("Bob Trash");
        robot.type(KeyCode.DELETE); // Delete in the trash deletes forever, after asking
        waitUntil("asked first", () -> robot.lookup("#confirm-no").tryQuery().isPresent());
        robot.clickOn("#confirm-no");
        assertEquals(List.of("Bob Trash"), trashRows());
        robot.clickOn("#trash-delete-forever");
        waitUntil("asked again", () -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        robot.clickOn("#confirm-yes");
        waitUntil("Bob is gone for good", () -> trashRows().isEmpty());
        assertEquals(0, userApi().trash(0, 10).total());

        createAndDelete("Eve", "Fay");
        Menus.choose(robot, "View", "Trash");
        waitUntil("two more in the trash", () -> trashRows().size() == 2);
        robot.clickOn("#trash-empty");
        waitUntil("asked before emptying", () -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        Screenshots.save(robot.lookup("#confirm-dialog").query().getScene(), "trash-empty-question");
        robot.clickOn("#confirm-yes");
        waitUntil("the trash is empty", () -> trashRows().isEmpty()
                && text(robot, "#trash-empty-text").startsWith("The trash is empty."));
        // said once: the line under the table said "The trash is empty." again, and "0 contacts in the trash"
        waitUntil("what was done is said", () -> text(robot, "#trash-message").equals("2 contacts deleted forever."));
        assertEquals("", text(robot, "#trash-summary"));

        robot.clickOn("#tab-contacts");
        waitUntil("the restored ones are in the list", () -> contactRows().equals(List.of("Ann", "Cy", "Dee")));
    }

    @Test
    void restoreAllBringsBackMoreThanAPageWithoutSelectingAnything() {
        registerAndLogIn(robot, "trash-all-ui@example.com");
        String[] names = new String[TrashViewModel.PAGE_SIZE + 5];
        for (int i = 0; i < names.length; i++) {
            names[i] = "P" + i;
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (String name : names) {
            ids.add(userApi().create(new ContactDraft(name, "Trash", null, null, null, null)).id());
        }
        userApi().trash(ids); // deleted together, as a select-all Delete does

        Menus.choose(robot, "View", "Trash");
        waitUntil("the first page shows", () -> trashRows().size() == TrashViewModel.PAGE_SIZE);
        robot.clickOn("#trash-restore-all");
        waitUntil("every page is restored", () -> trashRows().isEmpty()
                && text(robot, "#trash-message").equals("105 contacts restored."));
        robot.clickOn("#tab-contacts");
        waitUntil("they are back in the book", () -> text(robot, "#summary").equals("105 contacts"));
    }

    @Test
    void theNextAccountSeesNeitherTheTrashNorTheSelectionNorTheMessageOfTheLast() {
        api.register("trash-bob@example.com", PASSWORD);
        registerAndLogIn(robot, "trash-alice@example.com");
        createAndDelete("Ann", "Amy");
        Menus.choose(robot, "View", "Trash");
        waitUntil("Alice's trash", () -> trashRows().size() == 2);
        clickRow("Ann Trash");
        robot.clickOn("#trash-restore");
        waitUntil("restored", () -> text(robot, "#trash-message").equals("1 contact restored."));
        clickRow("Amy Trash"); // left selected

        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        logIn(robot, "trash-bob@example.com", PASSWORD);
        waitUntil("Bob's window opens on his contacts", () -> visible(robot, "#contacts-view"));
        Menus.choose(robot, "View", "Trash");
        waitUntil("Bob's own, empty trash", () -> visible(robot, "#trash-view")
                && text(robot, "#trash-empty-text").startsWith("The trash is empty."));
        assertEquals("", text(robot, "#trash-summary"));
        assertEquals(List.of(), trashRows());
        assertEquals("", text(robot, "#trash-message"));
    }

    @Test
    void eachRowHasTheListsAvatarWithThePhotoThisLoginHasSeen() {
        registerAndLogIn(robot, "trash-avatars@example.com");
        long ada = userApi().create(new ContactDraft("Ada", "Lovelace", null, null, null, null)).id();
        userApi().putPhoto(ada, Avatars.redSquarePng(), "image/png");
        long bo = userApi().create(new ContactDraft("Bo", "Berg", null, null, null, null)).id();
        Fx.run(() -> window.mainView().refresh());
        waitUntil("Ada's photo shows in the list", () -> Fx.call(() -> Avatars.photosShown(contactList()) == 1));
        userApi().delete(ada);
        userApi().delete(bo);

        Menus.choose(robot, "View", "Trash");
        waitUntil("both are in the trash", () -> trashRows().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        Node table = robot.lookup("#trash-table").query();
        waitUntil("an avatar per row, Ada's with her photo",
                () -> Fx.call(() -> Avatars.count(table) == 2 && Avatars.photosShown(table) == 1));
        Node adaRow = robot.lookup(".table-row-cell").match((TableRow<TrashedContact> r) -> r.getItem() != null
                && r.getItem().contact().id() == ada).query();
        assertEquals(1, Fx.call(() -> Avatars.photosShown(adaRow)), "the photo is in Ada's own row");
        Screenshots.save(window.scene(), "trash-avatars");
    }

    @Test
    void manyPagesOfTrash() {
        registerAndLogIn(robot, "trash-pages-ui@example.com");
        String[] names = new String[TrashViewModel.PAGE_SIZE + 1];
        for (int i = 0; i < names.length; i++) {
            names[i] = "P" + i;
        }
        createAndDelete(names);
        Menus.choose(robot, "View", "Trash");
        waitUntil("the first page", () -> trashRows().size() == TrashViewModel.PAGE_SIZE);
        robot.clickOn("#trash-next");
        waitUntil("the second page", () -> trashRows().equals(List.of("P0 Trash")));
        assertEquals("101 contacts in the trash · showing 101–101", text(robot, "#trash-summary"));
    }
}
