package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * One account's state never reaches the next account that logs in on the same window: user A works, presses
 * Ctrl+L (or their session expires), user B logs in and sees only their own address book, untouched.
 */
class SessionLeakFlowTest extends UiTestBase {

    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";

    private javafx.scene.control.ListView<Contact> table() {
        return contactList();
    }

    private List<String> firstNames() {
        return listedFirstNames();
    }

    /** Alice signs in with one contact (Ann, born today) listed; Bob has an account with one contact (Bert). */
    private void aliceWithAnn() {
        api.register(BOB, PASSWORD);
        ContactsApi bob = api.newClient();
        bob.login(BOB, PASSWORD);
        bob.create(new ContactDraft("Bert", "Bob's", null, null, null, null));
        registerAndLogIn(robot, ALICE);
        userApi().create(new ContactDraft("Ann", "Alice's", "ann@example.com", null,
                LocalDate.now().minusYears(30), null));
        Fx.run(() -> window.mainView().refresh());
        waitUntil("Ann is listed", () -> firstNames().equals(List.of("Ann")));
    }

    private void ctrl(KeyCode key) {
        robot.press(KeyCode.CONTROL).press(key).release(key).release(KeyCode.CONTROL);
    }

    /** Alice presses Ctrl+L; Bob logs in on the same window and his list has loaded. */
    private void bobTakesOver() {
        ctrl(KeyCode.L);
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        logIn(robot, BOB, PASSWORD);
        waitUntil("Bob's contacts show", () -> visible(robot, "#contacts-view") && firstNames().equals(List.of("Bert")));
    }

    private List<String> bobsContacts() {
        return userApi().list(0, 10).items().stream().map(Contact::firstName).toList();
    }

    @Test
    void theFormAliceLeftOpenIsNotShownToBob() {
        aliceWithAnn();
        doubleClickOnContact("Ann Alice's");
        waitUntil("Ann's form opens", () -> visible(robot, "#contact-form") && text(robot, "#first-name").equals("Ann"));

        bobTakesOver();
        assertFalse(visible(robot, "#contact-form"), "no form is open for Bob");
        ctrl(KeyCode.N);
        waitUntil("Bob's new form opens", () -> visible(robot, "#contact-form"));
        assertEquals("", text(robot, "#first-name"));
        assertEquals("", text(robot, "#contact-email"));
        assertEquals("New contact", text(robot, "#contact-form .title-3"));
        robot.type(KeyCode.ESCAPE);
        assertEquals(List.of("Bert"), bobsContacts(), "nothing of Alice's was saved into Bob's account");

        ctrl(KeyCode.L); // Bob's own Ctrl+L works too
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
    }

    @Test
    void aFormKeptOverAnExpiredSessionIsDroppedWhenAnotherAccountLogsIn() {
        aliceWithAnn();
        robot.clickOn("#new-contact");
        type(robot, "#first-name", "Half");
        type(robot, "#last-name", "Typed");
        clock.advance(Duration.ofDays(15)); // every token has expired: Save meets an ended session
        robot.clickOn("#save");
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        clock.advance(Duration.ofDays(-15));

        logIn(robot, BOB, PASSWORD);
        waitUntil("Bob's contacts show", () -> visible(robot, "#contacts-view") && firstNames().equals(List.of("Bert")));
        assertFalse(visible(robot, "#contact-form"), "Alice's half-typed form is not Bob's");
        assertEquals(List.of("Bert"), bobsContacts());
    }

    @Test
    void aliceUndoToastIsNotShownToBobAndCannotRecreateHerContactInHisAccount() {
        aliceWithAnn();
        clickOnContact("Ann Alice's");
        robot.type(KeyCode.DELETE);
        waitUntil("the Undo toast shows", () -> visible(robot, "#undo-toast"));

        bobTakesOver();
        assertFalse(visible(robot, "#undo-toast"), "no Undo of Alice's delete for Bob");
        assertEquals(List.of("Bert"), bobsContacts());
    }

    @Test
    void aliceSearchTextIsNotKeptForBob() {
        aliceWithAnn();
        ctrl(KeyCode.F);
        robot.write("ann");
        waitUntil("the summary counts matches", () -> text(robot, "#summary").equals("1 match"));

        bobTakesOver();
        assertEquals("", text(robot, "#search"));
        assertEquals("1 contact", text(robot, "#summary"));
    }

    @Test
    void aliceRowsAndSelectionAreNotShownToBobEvenBeforeHisListLoads() {
        aliceWithAnn();
        clickOnContact("Ann Alice's");
        waitUntil("Ann is selected", () -> Fx.call(() -> table().getSelectionModel().getSelectedItems().size()) == 1);
        ctrl(KeyCode.L);
        waitUntil("the login screen shows", () -> visible(robot, "#email"));

        // what the table holds at the very moment Bob's screens appear, before his list has come back
        List<String> atFirstSight = new ArrayList<>();
        Fx.run(() -> session.screenProperty().addListener((obs, was, is) -> {
            if (is == Session.Screen.MAIN) {
                table().getItems().forEach(c -> atFirstSight.add("row " + c.firstName()));
                table().getSelectionModel().getSelectedItems().forEach(c -> atFirstSight.add("selected " + c.firstName()));
            }
        }));
        logIn(robot, BOB, PASSWORD);
        waitUntil("Bob's contacts show", () -> visible(robot, "#contacts-view") && firstNames().equals(List.of("Bert")));
        assertEquals(List.of(), Fx.call(() -> List.copyOf(atFirstSight)));
        assertTrue(Fx.call(() -> table().getSelectionModel().getSelectedItems().isEmpty()), "nothing selected");
        assertTrue(Fx.call(() -> robot.lookup("#delete").query().isDisabled()), "Delete has nothing to delete");
    }

    @Test
    void aliceBirthdaysViewIsNotShownToBob() {
        aliceWithAnn();
        robot.clickOn("#tab-birthdays");
        robot.clickOn("#days-30");
        waitUntil("Ann's birthday shows", () -> Fx.call(() -> robot.lookup("#birthdays-table")
                .queryTableView().getItems().size()) == 1);

        ctrl(KeyCode.L);
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        logIn(robot, BOB, PASSWORD);
        waitUntil("Bob is signed in", () -> visible(robot, "#main-view"));
        assertTrue(visible(robot, "#contacts-view"), "Bob starts on his contacts");
        assertFalse(visible(robot, "#birthdays-view"));
        robot.clickOn("#tab-birthdays");
        assertTrue(Fx.call(() -> ((ToggleButton) robot.lookup("#days-7").query()).isSelected()),
                "Bob's range is the default, not Alice's choice");
        waitUntil("Bob's (empty) birthdays show", () -> text(robot, "#birthdays-empty")
                .equals("No birthdays in the next 7 days."));
        assertTrue(Fx.call(() -> robot.lookup("#birthdays-table").queryTableView().getItems().isEmpty()));
    }
}
