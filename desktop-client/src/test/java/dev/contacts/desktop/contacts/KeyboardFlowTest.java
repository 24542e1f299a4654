package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.support.FixedFilePicker;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Menus;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main flows with the keyboard only, and the questions asked before anything typed is dropped. Focus always
 * lands somewhere useful: the form's first field when it opens, the list when it closes.
 */
class KeyboardFlowTest extends UiTestBase {

    private List<String> firstNames() {
        return listedFirstNames();
    }

    private List<String> selected() {
        return selectedFirstNames();
    }

    private String focused() {
        return Fx.call(() -> {
            Node owner = window.scene().getFocusOwner();
            while (owner != null && owner.getId() == null) {
                owner = owner.getParent();
            }
            return owner == null ? "" : owner.getId();
        });
    }

    private void ctrl(KeyCode key) {
        robot.press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
    }

    @Test
    void createEditAndDeleteWithTheKeyboardOnly() {
        registerAndLogIn(robot, "keys@example.com");
        ctrl(KeyCode.N);
        waitUntil("the form opens with the cursor in it", () -> focused().equals("first-name"));
        robot.write("Ada");
        robot.type(KeyCode.TAB);
        robot.write("Lovelace");
        List<String> passed = new java.util.ArrayList<>();
        for (int i = 0; i < 30 && !focused().equals("additional-data"); i++) {
            robot.type(KeyCode.TAB);
            passed.add(focused());
        }
        assertEquals("additional-data", focused(), "Tab reaches Notes, the last field: " + passed);
        List<String> rows = List.of("contact-email", "contact-email-label", "contact-email-remove", "phone",
                "phone-label", "phone-remove", "birthday", "organization", "labels");
        assertEquals(rows, passed.stream().filter(rows::contains).distinct().toList(),
                "each row's value, kind and remove button in order, then the next fields: " + passed);
        robot.press(KeyCode.SHIFT);
        for (int i = 0; i < 30 && !focused().equals("first-name"); i++) {
            robot.type(KeyCode.TAB);
        }
        robot.type(KeyCode.TAB); // (still holding Shift) back past the first name: the favourite star
        robot.release(KeyCode.SHIFT);
        assertEquals("favorite", focused(), "the star is in the Tab order");
        robot.type(KeyCode.SPACE);
        assertTrue(Fx.call(() -> robot.lookup("#favorite").queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected()), "Space marks the contact a favourite");
        for (int i = 0; i < 40 && !focused().equals("additional-data"); i++) {
            robot.type(KeyCode.TAB);
        }
        robot.write("Analyst");
        robot.type(KeyCode.TAB);
        assertEquals("save", focused(), "Tab leaves Notes instead of typing a tab");
        assertEquals("Analyst", text(robot, "#additional-data"));
        ctrl(KeyCode.S);
        waitUntil("saved and listed", () -> firstNames().equals(List.of("Ada")));
        waitUntil("the new contact is selected and the list has focus",
                () -> selected().equals(List.of("Ada")) && focused().equals("contacts-list"));

        robot.type(KeyCode.ENTER);
        waitUntil("the form opens on Ada", () -> focused().equals("first-name"));
        assertEquals("Ada", text(robot, "#first-name"));
        robot.type(KeyCode.ESCAPE);
        waitUntil("the form closes and the list has focus",
                () -> !visible(robot, "#contact-form") && focused().equals("contacts-list"));

        robot.type(KeyCode.DELETE);
        waitUntil("deleted", () -> firstNames().isEmpty());
        assertEquals(0, userApi().list(0, 10).total());
    }

    @Test
    void spaceOpensTheClosedSortListAndEscapeClosesIt() {
        registerAndLogIn(robot, "sort-space@example.com");
        Fx.run(() -> robot.lookup("#sort").query().requestFocus());
        waitUntil("the sort box has the focus", () -> focused().equals("sort"));
        robot.type(KeyCode.SPACE);
        waitUntil("Space opens its list", () -> Fx.call(() -> robot.lookup("#sort").queryComboBox().isShowing()));
        robot.type(KeyCode.ESCAPE);
        waitUntil("Escape closes it", () -> !Fx.call(() -> robot.lookup("#sort").queryComboBox().isShowing()));
        assertEquals("sort", focused());
    }

    /** Logs in as {@code email} with Grace and Alan listed, and changes Grace's first name in her open form. */
    private void editGraceWithAlanListedToo(String email) {
        registerAndLogIn(robot, email);
        userApi().create(new ContactDraft("Grace", "Hopper", null, null, null, null));
        userApi().create(new ContactDraft("Alan", "Turing", null, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed", () -> firstNames().size() == 2);
        doubleClickOnContact("Grace Hopper");
        waitUntil("Grace's form", () -> text(robot, "#first-name").equals("Grace"));
        type(robot, "#first-name", "Admiral Grace");
    }

    @Test
    void anotherContactDoesNotReplaceUnsavedChangesWithoutAsking() {
        editGraceWithAlanListedToo("unsaved@example.com");

        doubleClickOnContact("Alan Turing");
        waitUntil("asked first", () -> robot.lookup("#confirm-no").tryQuery().isPresent());
        Screenshots.save(robot.lookup("#confirm-dialog").query().getScene(), "unsaved-changes-dialog");
        // the answers say what happens: "Cancel" could mean the edit as well as the question
        assertEquals("Discard changes", Fx.call(() -> robot.lookup("#confirm-yes").queryButton().getText()));
        assertEquals("Keep editing", Fx.call(() -> robot.lookup("#confirm-no").queryButton().getText()));
        robot.clickOn("#confirm-no");
        waitUntil("the dialog closes", () -> robot.lookup("#confirm-no").tryQuery().isEmpty());
        assertEquals("Admiral Grace", text(robot, "#first-name"), "the edit is kept");

        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil("closing the window asks too", () -> robot.lookup("#confirm-no").tryQuery().isPresent());
        robot.clickOn("#confirm-no");
        waitUntil("the dialog closes", () -> robot.lookup("#confirm-no").tryQuery().isEmpty());
        assertTrue(Fx.call(stage::isShowing), "the window stays open");
        assertEquals("Admiral Grace", text(robot, "#first-name"));

        ctrl(KeyCode.N);
        waitUntil("asked again", () -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        robot.clickOn("#confirm-yes");
        waitUntil("a new, empty form with the cursor in it",
                () -> text(robot, "#first-name").isEmpty() && focused().equals("first-name"));
        assertEquals("Grace", userApi().list(0, 10).items().get(0).firstName(), "nothing was saved");
    }

    @Test
    void afterKeepingTheChangesTheFocusIsBackInTheFormAndCtrlSSavesWhereverTheFocusIs() {
        editGraceWithAlanListedToo("kept@example.com");

        clickOnContact("Alan Turing");
        waitUntil("asked first", () -> robot.lookup("#confirm-no").tryQuery().isPresent());
        robot.clickOn("#confirm-no");
        waitUntil("the focus is back in the form, on the field being edited", () -> focused().equals("first-name"));

        robot.clickOn("#search"); // the focus elsewhere in the window: the form is still open with changes
        ctrl(KeyCode.S);
        waitUntil("Ctrl+S saved them", () -> userApi().list(0, 10).items().stream()
                .anyMatch(c -> c.firstName().equals("Admiral Grace")));
    }

    @Test
    void theAccountIsNamedInTheTitleAndMenuAndItsEmailIsRemembered() {
        registerAndLogIn(robot, "named@example.com");
        waitUntil("the title names the account", () -> Fx.call(() -> stage.getTitle()).equals("Contacts – named@example.com"));
        assertEquals("named@example.com", text(robot, "#account-menu"));
        ctrl(KeyCode.L);
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        assertEquals("Contacts", Fx.call(() -> stage.getTitle()));
        assertEquals("named@example.com", text(robot, "#email"), "the last email is filled in");
        waitUntil("the cursor waits in the password field", () -> focused().equals("password"));
        robot.write(PASSWORD);
        robot.type(KeyCode.ENTER);
        waitUntil("logged in again", () -> visible(robot, "#contacts-view"));
    }

    @Test
    void enterConfirmsTheAccountCardAndADifferentRepeatIsShownUnderIt() {
        registerAndLogIn(robot, "enter@example.com");
        robot.clickOn("#account-menu");
        robot.clickOn("Change password…");
        waitUntil("the card shows", () -> visible(robot, "#account-view"));
        type(robot, "#current-password", PASSWORD);
        type(robot, "#new-password", "a much better secret");
        type(robot, "#repeat-password", "a much better secreT");
        robot.type(KeyCode.ENTER);
        waitUntil("the difference is explained under the repeat", () -> visible(robot, "#repeat-password-error"));
        assertFalse(visible(robot, "#new-password-error"));
        type(robot, "#repeat-password", "a much better secret");
        robot.type(KeyCode.ENTER);
        waitUntil("changed: back at the login", () -> visible(robot, "#email")
                && text(robot, "#login-message").contains("password was changed"));
    }

    @Test
    void aBirthdayShowsTheContactOnDoubleClick() {
        registerAndLogIn(robot, "bd-open@example.com");
        userApi().create(new ContactDraft("Today", "Born", null, null, java.time.LocalDate.now().minusYears(20), null));
        robot.clickOn("#tab-birthdays");
        clickOnText("Today Born");
        robot.doubleClickOn("Today Born");
        waitUntil("its details on the contacts view", () -> visible(robot, "#contacts-view")
                && text(robot, "#detail-name").equals("Today Born"));
        assertFalse(visible(robot, "#contact-form"), "not the form: Edit is one action away");
        waitUntil("selected in the list", () -> selectedFirstNames().equals(List.of("Today")));
    }

    private boolean focusIsIn(String card) {
        return Fx.call(() -> {
            Node container = robot.lookup(card).query();
            for (Node n = window.scene().getFocusOwner(); n != null; n = n.getParent()) {
                if (n == container) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void aCardOverTheScreensKeepsTheKeyboardUntilItClosesThenTheFocusIsBackInTheList() {
        registerAndLogIn(robot, "card-keys@example.com");
        userApi().create(new ContactDraft("Ada", "Lovelace", "ada@example.com", null, null, null));
        robot.type(KeyCode.F5);
        clickOnContact("Ada Lovelace");
        Fx.run(() -> window.mainView().transfers().usePicker(new FixedFilePicker()
                .exportingTo(dataDir.resolve("everyone.vcf"), TransferFormat.VCARD)));
        Menus.choose(robot, "File", "Export all…");
        waitUntil("the export's card says it is done", () -> text(robot, "#export-title").equals("Export finished"));
        waitUntil("its Close button has the focus", () -> focused().equals("export-close"));
        for (int i = 0; i < 4; i++) {
            robot.type(KeyCode.TAB);
            assertTrue(focusIsIn("#export-view"), "Tab stays in the card, not on the screens beneath it: "
                    + focused());
        }
        ctrl(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(visible(robot, "#contact-form"), "Ctrl+N opens no form beneath the card");
        assertTrue(focusIsIn("#export-view"), "the focus is still in the card: " + focused());
        robot.type(KeyCode.ESCAPE);
        waitUntil("Escape closes the card", () -> !visible(robot, "#export-view"));
        waitUntil("the focus is back in the list", () -> focused().equals("contacts-list"));
        ctrl(KeyCode.N);
        waitUntil("and the shortcuts work again", () -> focused().equals("first-name"));
    }
}
