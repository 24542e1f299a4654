package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import org.junit.jupiter.api.Test;

/**
 * Two windows on one account (this one, and another client: a second window or device): what the other changes
 * reaches this window at the next tick of its timer or when it comes back into focus, without F5, the rows picked
 * kept; and no timer survives a log-out.
 */
class ChangesElsewhereFlowTest extends UiTestBase {

    private final BookWatchTest.ManualTicker ticker = new BookWatchTest.ManualTicker();

    private ContactsApi elsewhere(String email) {
        ContactsApi other = api.newClient();
        other.login(email, PASSWORD);
        return other;
    }

    private long idOf(String first) {
        return Fx.call(() -> contactList().getItems().stream().filter(c -> c.firstName().equals(first))
                .findFirst().map(Contact::id).orElseThrow());
    }

    @Test
    void aChangeMadeInAnotherWindowArrivesOnTheTimerAndOnFocusKeepingThePickedRows() {
        Fx.run(() -> window.watchChangesWith(ticker));
        registerAndLogIn(robot, "two@example.com");
        userApi().create(new ContactDraft("Maria", "Schmidt", null, null, null, null));
        userApi().create(new ContactDraft("Eve", "Adams", null, null, null, null));
        userApi().create(new ContactDraft("Tom", "Young", null, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Maria Schmidt");
        waitUntil("Maria's details show", () -> text(robot, "#detail-name").equals("Maria Schmidt"));
        ContactsApi other = elsewhere("two@example.com");

        other.patch(idOf("Maria"), Map.of("last_name", "Schmidt-Weber"), null);
        Fx.run(ticker::tick);
        waitUntil("the list shows the other window's change",
                () -> listedFirstNames().equals(List.of("Eve", "Maria", "Tom"))
                        && text(robot, "#detail-name").equals("Maria Schmidt-Weber"));
        assertEquals(List.of("Maria"), selectedFirstNames(), "she stays selected");
        assertFalse(robot.lookup("#loading").tryQuery().map(n -> n.isVisible())
                .orElse(false), "no spinner");

        // the contact shown deleted in the other window: gone from the list and the details, on focus
        other.delete(idOf("Maria"));
        Fx.run(() -> window.windowFocused());
        waitUntil("she is gone from the list", () -> listedFirstNames().equals(List.of("Eve", "Tom")));
        waitUntil("and from the details", () -> visible(robot, "#detail-empty"));
        assertEquals("2 contacts", text(robot, "#summary"));
    }

    @Test
    void anOpenFormIsLeftAloneUntilItCloses() {
        Fx.run(() -> window.watchChangesWith(ticker));
        registerAndLogIn(robot, "form@example.com");
        userApi().create(new ContactDraft("Ada", "Lovelace", null, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        doubleClickOnContact("Ada Lovelace");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        elsewhere("form@example.com").create(new ContactDraft("Grace", "Hopper", null, null, null, null));
        Fx.run(ticker::tick);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Ada"), listedFirstNames(), "nothing moves under the open form");
        assertTrue(visible(robot, "#contact-form"), "the form stays open");
        robot.clickOn("#cancel");
        waitUntil("the form closes", () -> !visible(robot, "#contact-form"));
        Fx.run(ticker::tick);
        waitUntil("Grace is listed once the form closed", () -> listedFirstNames().equals(List.of("Grace", "Ada")));
    }

    @Test
    void thisWindowsOwnSaveIsNotListedAgainWhileAChangeElsewhereStillIs() {
        Fx.run(() -> window.watchChangesWith(ticker));
        registerAndLogIn(robot, "own@example.com");
        userApi().create(new ContactDraft("Ada", "Lovelace", null, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        BookWatch watch = Fx.call(() -> window.mainView().watch());
        doubleClickOnContact("Ada Lovelace");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        type(robot, "#last-name", "King");
        robot.clickOn("#save");
        waitUntil("the save is listed", () -> !visible(robot, "#contact-form")
                && Fx.call(() -> contactList().getItems().stream().anyMatch(c -> c.lastName().equals("King"))));

        Fx.run(ticker::tick);
        waitUntil("the question is answered", () -> !watch.isAsking());
        assertEquals(0, Fx.call(watch::changesTakenUp), "its own save is not a change made elsewhere");

        // another device's change at the same moment as this window's save is still shown (listed or taken up)
        doubleClickOnContact("Ada King");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        type(robot, "#last-name", "Byron");
        robot.clickOn("#save");
        elsewhere("own@example.com").create(new ContactDraft("Tom", "Young", null, null, null, null));
        waitUntil("the save is listed", () -> !visible(robot, "#contact-form")
                && Fx.call(() -> contactList().getItems().stream().anyMatch(c -> c.lastName().equals("Byron"))));
        Fx.run(ticker::tick);
        waitUntil("the other device's contact is listed", () -> listedFirstNames().contains("Tom"));
    }

    @Test
    void noTimerOrQuestionSurvivesALogOut() {
        Fx.run(() -> window.watchChangesWith(ticker));
        registerAndLogIn(robot, "out@example.com");
        BookWatch watch = Fx.call(() -> window.mainView().watch());
        assertTrue(watch.isWatching());
        assertEquals(Duration.ofSeconds(60), ticker.period, "the default: once a minute");
        Fx.run(() -> window.mainView().logOut());
        waitUntil("the login screen shows", () -> visible(robot, "#email"));
        assertTrue(ticker.cancelled, "the timer is gone with the login");
        assertFalse(watch.isWatching());
    }
}
