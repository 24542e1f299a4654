package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.desktop.settings.Settings;
import dev.contacts.desktop.theme.ThemeManager;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The contacts screen as a person uses it: create, fix mistakes, edit, search, delete and undo. */
class ContactsFlowTest extends UiTestBase {

    private List<String> firstNames() {
        return listedFirstNames();
    }

    private void addThroughApi(String first, String last, String email, LocalDate birthday) {
        userApi().create(new ContactDraft(first, last, email, null, birthday, null));
    }

    @Test
    void createAContact() {
        registerAndLogIn(robot, "create@example.com");
        robot.clickOn("#new-contact");
        type(robot, "#first-name", "Ada");
        type(robot, "#last-name", "Lovelace");
        type(robot, "#contact-email", "ada@example.com");
        type(robot, "#phone", "+44 20 7946 0018");
        type(robot, "#birthday", "1815-12-10");
        robot.clickOn("#save");
        waitUntil("the contact is listed", () -> firstNames().equals(List.of("Ada")));
        assertFalse(visible(robot, "#contact-form"), "the form closes after saving");
        Contact saved = userApi().list(0, 10).items().get(0);
        assertEquals("ada@example.com", saved.email());
        assertEquals(LocalDate.of(1815, 12, 10), saved.birthday());
        assertEquals("1 contact", text(robot, "#summary"));
    }

    @Test
    void theDetailsOfAnotherContactOrOfOneJustSavedAreShownFromTheTop() {
        registerAndLogIn(robot, "detail-top@example.com");
        for (String name : List.of("Ada", "Bea")) { // cards longer than the pane: it scrolls
            List<dev.contacts.model.LabeledValue> emails = java.util.stream.IntStream.range(0, 10)
                    .mapToObj(i -> new dev.contacts.model.LabeledValue(name + i + "@example.com", "work")).toList();
            List<dev.contacts.model.LabeledValue> phones = java.util.stream.IntStream.range(0, 10)
                    .mapToObj(i -> new dev.contacts.model.LabeledValue("+1 555 010 " + (1000 + i), "mobile")).toList();
            userApi().create(new ContactDraft(name, "Long", emails, phones, null, "Notes\n".repeat(20), List.of(),
                    null, null, null, List.of(), false));
        }
        Fx.run(() -> window.mainView().refresh());
        javafx.scene.control.ScrollPane details = robot.lookup("#contact-detail .scroll-pane").query();

        clickOnContact("Ada Long");
        waitUntil("Ada's details show", () -> text(robot, "#detail-name").equals("Ada Long"));
        scrollToTheEnd(details);
        clickOnContact("Bea Long");
        waitUntil("Bea's details show", () -> text(robot, "#detail-name").equals("Bea Long"));
        assertEquals(0.0, Fx.call(details::getVvalue), "Bea's card from its top, not where Ada's was left");

        // and after a save: the card saved is read from its top, not left at the bottom
        scrollToTheEnd(details);
        doubleClickOnContact("Bea Long"); // edits her
        waitUntil("the form opens on Bea", () -> visible(robot, "#contact-form")
                && text(robot, "#first-name").equals("Bea"));
        type(robot, "#last-name", "Longer");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil("saved", () -> !visible(robot, "#contact-form") && text(robot, "#detail-name").equals("Bea Longer"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, Fx.call(details::getVvalue), "the saved card from its top");
    }

    private static void scrollToTheEnd(javafx.scene.control.ScrollPane details) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.call(() -> details.getContent().getBoundsInLocal().getHeight()
                > details.getViewportBounds().getHeight()), "the card is longer than the pane");
        Fx.run(() -> details.setVvalue(details.getVmax()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clientSideValidationShowsBesideTheFieldsAndSendsNothing() {
        registerAndLogIn(robot, "validate@example.com");
        robot.press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        type(robot, "#last-name", "x".repeat(51));
        type(robot, "#contact-email", "not an email");
        type(robot, "#phone", "12");
        robot.clickOn("#save");
        waitUntil("errors show", () -> visible(robot, "#first-name-error") && visible(robot, "#last-name-error")
                && visible(robot, "#contact-email-error") && visible(robot, "#phone-error"));
        Screenshots.save(window.scene(), "form-validation-errors");
        assertEquals(0, userApi().list(0, 10).total(), "nothing was sent");
        assertTrue(visible(robot, "#contact-form"), "the form stays open with what was typed");
        assertEquals("not an email", text(robot, "#contact-email"));
    }

    @Test
    void serverSideValidationErrorsAreShownToo() {
        registerAndLogIn(robot, "server422@example.com");
        robot.clickOn("#new-contact");
        type(robot, "#first-name", "Future");
        type(robot, "#last-name", "Child");
        // a date the client accepts (today somewhere on Earth) but that is later than the server allows
        String inTwoDays = LocalDate.now().plusDays(2).toString();
        type(robot, "#birthday", inTwoDays);
        robot.clickOn("#save");
        waitUntil("the birthday error shows", () -> visible(robot, "#birthday-error"));
        assertTrue(text(robot, "#birthday-error").toLowerCase().contains("future"));
        assertEquals(0, userApi().list(0, 10).total());
    }

    @Test
    void editAContactWithEnterAndEscapeCancels() {
        registerAndLogIn(robot, "edit@example.com");
        addThroughApi("Grace", "Hopper", null, null);
        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed", () -> firstNames().equals(List.of("Grace")));

        clickOnContact("Grace Hopper");
        robot.type(KeyCode.ENTER);
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        assertEquals("Grace", text(robot, "#first-name"));
        type(robot, "#first-name", "Admiral Grace");
        robot.type(KeyCode.ESCAPE);
        waitUntil("asked before the change is dropped", () -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        robot.clickOn("#confirm-yes");
        waitUntil("the form closes", () -> !visible(robot, "#contact-form"));
        assertEquals("Grace", userApi().list(0, 10).items().get(0).firstName(), "Escape saved nothing");

        doubleClickOnContact("Grace Hopper");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        type(robot, "#first-name", "Admiral Grace");
        robot.clickOn("#save");
        waitUntil("the edit is listed", () -> firstNames().equals(List.of("Admiral Grace")));
        assertEquals("Admiral Grace", userApi().list(0, 10).items().get(0).firstName());
    }

    @Test
    void searchFiltersAsYouTypeAndClears() {
        registerAndLogIn(robot, "search@example.com");
        addThroughApi("Ada", "Lovelace", "ada@example.com", null);
        addThroughApi("Grace", "Hopper", "grace@navy.mil", null);
        addThroughApi("Émile", "Zola", null, null);
        Fx.run(() -> window.mainView().refresh());
        waitUntil("all three listed", () -> firstNames().size() == 3);

        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("navy");
        waitUntil("filtered to Grace", () -> firstNames().equals(List.of("Grace")));
        assertEquals("1 match", text(robot, "#summary"));
        type(robot, "#search", "ÉMI");
        waitUntil("filtered to Émile", () -> firstNames().equals(List.of("Émile")));
        type(robot, "#search", "nobody");
        waitUntil("nothing matches", () -> firstNames().isEmpty());
        assertTrue(text(robot, "#empty-state").contains("nobody"));
        robot.clickOn("#clear-search");
        waitUntil("all three again", () -> firstNames().size() == 3);
        Screenshots.save(window.scene(), "contacts-light");
    }

    /** The id of the node that has the focus, or of its nearest parent that has one. */
    private String focused() {
        return Fx.call(() -> {
            javafx.scene.Node owner = window.scene().getFocusOwner();
            while (owner != null && owner.getId() == null) {
                owner = owner.getParent();
            }
            return owner == null ? "" : owner.getId();
        });
    }

    @Test
    void aSavedContactTheSearchLeavesOutStaysInTheDetailsAndEscapeClearsTheSearch() {
        registerAndLogIn(robot, "saved-aside@example.com");
        addThroughApi("Ada", "Lovelace", "ada@example.com", null);
        addThroughApi("Grace", "Hopper", "grace@navy.mil", null);
        Fx.run(() -> window.mainView().refresh());
        waitUntil("both listed", () -> firstNames().size() == 2);
        type(robot, "#search", "hop");
        waitUntil("filtered to Grace", () -> firstNames().equals(List.of("Grace")));

        // Grace's name is changed so that "hop" no longer finds her
        doubleClickOnContact("Grace Hopper");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        type(robot, "#last-name", "Murray");
        robot.clickOn("#save");
        waitUntil("saved: the details still show her, and the list says why she is not in it",
                () -> !visible(robot, "#contact-form") && visible(robot, "#detail-name")
                        && text(robot, "#detail-name").equals("Grace Murray") && visible(robot, "#not-listed"));
        assertEquals(List.of(), firstNames());
        assertEquals("“Grace Murray” is saved, but not among the contacts matching “hop”.",
                text(robot, "#not-listed-text"));
        Screenshots.save(window.scene(), "saved-not-listed");
        robot.clickOn("#list-saved");
        waitUntil("the search is cleared and Grace selected",
                () -> text(robot, "#search").isEmpty() && selectedFirstNames().equals(List.of("Grace")));
        assertFalse(visible(robot, "#not-listed"));

        // Escape in the search: the first clears it, the second goes back to the list
        type(robot, "#search", "ada");
        waitUntil("filtered to Ada", () -> firstNames().equals(List.of("Ada")));
        robot.type(KeyCode.ESCAPE);
        waitUntil("Escape clears the search, the cursor stays in it",
                () -> firstNames().size() == 2 && text(robot, "#search").isEmpty() && focused().equals("search"));
        robot.type(KeyCode.ESCAPE);
        waitUntil("a second Escape goes back to the list", () -> focused().equals("contacts-list"));
    }

    @Test
    void escapeInTheListLetsGoOfSeveralRowsFirstThenClearsTheSearchKeepingTheContactSelected() {
        registerAndLogIn(robot, "escape-list@example.com");
        addThroughApi("Ada", "Lovelace", "ada@example.com", null);
        addThroughApi("Grace", "Hopper", "grace@navy.mil", null);
        addThroughApi("Alan", "Turing", "alan@example.com", null);
        Fx.run(() -> window.mainView().refresh());
        waitUntil("all listed", () -> firstNames().size() == 3);
        type(robot, "#search", "ac");
        waitUntil("Grace Hopper and Ada Lovelace match", () -> firstNames().equals(List.of("Grace", "Ada")));
        robot.type(KeyCode.DOWN);
        robot.press(KeyCode.SHIFT).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.SHIFT);
        waitUntil("both selected", () -> selectedFirstNames().equals(List.of("Grace", "Ada")));

        robot.type(KeyCode.ESCAPE);
        waitUntil("the first Escape lets go of the rows", () -> selectedFirstNames().isEmpty());
        assertEquals("ac", text(robot, "#search"), "the search stays while there were rows to let go of");

        clickOnContact("Ada Lovelace");
        waitUntil("Ada shows", () -> text(robot, "#detail-name").equals("Ada Lovelace"));
        robot.type(KeyCode.ESCAPE);
        waitUntil("the next Escape clears the search, as in the field; Ada stays selected and shown",
                () -> text(robot, "#search").isEmpty() && firstNames().size() == 3
                        && selectedFirstNames().equals(List.of("Ada"))
                        && text(robot, "#detail-name").equals("Ada Lovelace"));
        assertEquals("contacts-list", focused(), "the keyboard stays in the list");
    }

    @Test
    void deleteThenUndoBringsTheContactBack() {
        registerAndLogIn(robot, "undo@example.com");
        addThroughApi("Keep", "Me", "keep@example.com", LocalDate.of(1990, 5, 17));
        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed", () -> firstNames().equals(List.of("Keep")));

        clickOnContact("Keep Me");
        robot.type(KeyCode.DELETE);
        waitUntil("gone from the table", () -> firstNames().isEmpty());
        waitUntil("the toast shows", () -> visible(robot, "#undo-toast"));
        assertEquals(0, userApi().list(0, 10).total());
        robot.clickOn("#undo");
        waitUntil("back in the table", () -> firstNames().equals(List.of("Keep")));
        Contact back = userApi().list(0, 10).items().get(0);
        assertEquals("keep@example.com", back.email());
        assertEquals(LocalDate.of(1990, 5, 17), back.birthday());
    }

    @Test
    void deletingTheShownContactShowsNoOtherInItsPlaceAndUndoShowsItAgain() {
        registerAndLogIn(robot, "delete-shown@example.com");
        addThroughApi("Grace", "Hopper", null, null);
        addThroughApi("Ada", "Lovelace", "ada@example.com", null);
        addThroughApi("Alan", "Turing", null, null);
        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed", () -> firstNames().equals(List.of("Grace", "Ada", "Alan")));
        clickOnContact("Ada Lovelace");
        waitUntil("Ada's details show", () -> text(robot, "#detail-name").equals("Ada Lovelace"));

        robot.type(KeyCode.DELETE);
        waitUntil("gone from the list", () -> firstNames().equals(List.of("Grace", "Alan")));
        waitUntil("the pane asks to pick a contact", () -> visible(robot, "#detail-empty"));
        assertEquals(List.of(), selectedFirstNames(), "nobody else is selected in her place");
        assertFalse(visible(robot, "#detail-name"), "nor shown: the Delete key would act on who is selected");
        Screenshots.save(window.scene(), "deleted-shown-contact");

        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("Ada is back, selected and shown", () -> selectedFirstNames().equals(List.of("Ada"))
                && text(robot, "#detail-name").equals("Ada Lovelace"));
    }

    @Test
    void severalSelectedContactsDeleteAtOnceAndUndoBringsThemAllBack() {
        registerAndLogIn(robot, "multi@example.com");
        for (String name : List.of("One", "Two", "Three")) {
            addThroughApi(name, "Person", null, null);
        }
        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed", () -> firstNames().size() == 3);
        List<Long> ids = userApi().list(0, 10).items().stream().map(Contact::id).sorted().toList();
        Fx.run(() -> contactList().getSelectionModel().selectAll());
        robot.clickOn("#delete");
        waitUntil("all gone", () -> firstNames().isEmpty());
        assertEquals(0, userApi().list(0, 10).total());
        waitUntil("the toast shows", () -> visible(robot, "#undo-toast"));
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("all back", () -> firstNames().size() == 3);
        assertEquals(ids, userApi().list(0, 10).items().stream().map(Contact::id).sorted().toList(),
                "restored from the trash with the same ids");
        assertFalse(visible(robot, "#undo-toast"));
    }

    @Test
    void darkThemeIsRememberedAcrossStarts() {
        registerAndLogIn(robot, "dark@example.com");
        addThroughApi("Ada", "Lovelace", "ada@example.com", LocalDate.of(1815, 12, 10));
        addThroughApi("Grace", "Hopper", "grace@navy.mil", LocalDate.of(1906, 12, 9));
        addThroughApi("Alan", "Turing", "alan@example.org", LocalDate.of(1912, 6, 23));
        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed", () -> firstNames().size() == 3);
        robot.clickOn("#theme-toggle");
        waitUntil("dark", () -> theme.darkProperty().get());
        Screenshots.save(window.scene(), "contacts-dark");
        waitUntil("a new start reads the dark theme back", () -> new ThemeManager(new Settings(dataDir)).darkProperty().get());
        robot.clickOn("#theme-toggle");
        waitUntil("light again", () -> !theme.darkProperty().get());
    }

    @Test
    void newContactLeavesNoContactHighlightedUnderTheFormAndTheSavedOneIsSelected() {
        registerAndLogIn(robot, "new-unselects@example.com");
        userApi().create(new ContactDraft("Ada", "Lovelace", null, null, null, null));
        userApi().create(new ContactDraft("Grace", "Hopper", null, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Grace Hopper");
        waitUntil("Grace's details", () -> text(robot, "#detail-name").equals("Grace Hopper"));

        robot.clickOn("#new-contact");
        waitUntil("an empty form", () -> visible(robot, "#first-name") && text(robot, "#first-name").isEmpty());
        assertEquals(List.of(), selectedFirstNames(), "Grace is not the contact being written");
        Screenshots.save(window.scene(), "new-contact-nothing-selected");

        type(robot, "#first-name", "Katherine");
        type(robot, "#last-name", "Johnson");
        robot.clickOn("#save");
        waitUntil("the new one selected once saved", () -> selectedFirstNames().equals(List.of("Katherine")));
    }

    @Test
    void aSearchTheServerCouldNotAnswerListsNoOldRowsAndRetrySearchesAgain() {
        registerAndLogIn(robot, "search-outage@example.com");
        userApi().create(new ContactDraft("Ada", "Lovelace", null, null, null, null));
        userApi().create(new ContactDraft("Grace", "Hopper", null, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed", () -> listedFirstNames().size() == 2);
        server.stop();
        type(robot, "#search", "ada");
        waitUntil("the error shows", () -> visible(robot, "#error-banner"));
        waitUntil("no rows pass for the result", () -> listedFirstNames().isEmpty());
        assertEquals("Could not search for “ada”.", text(robot, "#empty-state"));
        assertEquals("ada", text(robot, "#search"), "the query stays");
        Screenshots.save(window.scene(), "search-failed");
        restartServer();
        robot.clickOn("#retry");
        waitUntil("searched again", () -> listedFirstNames().equals(List.of("Ada")) && !visible(robot, "#error-banner"));
    }
}
