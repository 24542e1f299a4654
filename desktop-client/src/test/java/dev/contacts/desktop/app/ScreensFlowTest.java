package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;

/** Every main screen in the light and the dark theme (saved as screenshots), and the smallest window. */
class ScreensFlowTest extends UiTestBase {

    private void withContacts() {
        registerAndLogIn(robot, "screens@example.com");
        userApi().create(new ContactDraft("Ada", "Lovelace",
                List.of(new LabeledValue("ada@example.com", "home"), new LabeledValue("ada@analytical.org", "work")),
                List.of(new LabeledValue("+44 20 7946 0018", "mobile")), LocalDate.of(1815, 12, 10),
                "Wrote the first program for the Analytical Engine.",
                List.of(new PostalAddress("home", "12 St James's Square", "London", null, "SW1Y 4JH",
                        "United Kingdom")),
                "Analytical Engine Ltd", "Analyst", "Countess", List.of("Family", "Science"), true));
        userApi().create(new ContactDraft("Émile", "Zola", "emile@example.fr", null, null, null));
        userApi().create(new ContactDraft("Charles", "Babbage", null, "+44 20 7946 0999", null, null));
        userApi().create(new ContactDraft("Grace", "Hopper", "grace@navy.mil", null, LocalDate.now().minusYears(40),
                null));
        userApi().create(new ContactDraft("Alan", "Turing", "alan@example.org", null,
                LocalDate.now().plusDays(3).minusYears(60), null));
        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed", () -> listedFirstNames().size() == 5);
    }

    @Test
    void everyMainScreenInBothThemes() {
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            Fx.run(() -> this.theme.darkProperty().set(dark));
            Screenshots.save(window.scene(), "screen-login-" + theme);
            if (!dark) {
                withContacts();
            } else {
                logIn(robot, "screens@example.com", PASSWORD);
                waitUntil("back in", () -> visible(robot, "#contacts-view"));
            }
            clickOnContact("Ada Lovelace");
            waitUntil("Ada's details show", () -> text(robot, "#detail-name").equals("Ada Lovelace"));
            Screenshots.save(window.scene(), "screen-contacts-" + theme);
            doubleClickOnContact("Ada Lovelace");
            waitUntil("the form opens", () -> visible(robot, "#contact-form"));
            Screenshots.save(window.scene(), "screen-form-" + theme);
            robot.clickOn("#cancel");
            robot.clickOn("#tab-birthdays");
            robot.clickOn("#days-30");
            waitUntil("birthdays listed", () -> Fx.call(() -> robot.lookup("#birthdays-table").queryTableView()
                    .getItems().size()) >= 2);
            Screenshots.save(window.scene(), "screen-birthdays-" + theme);
            robot.clickOn("#account-menu");
            robot.clickOn("Change password…");
            waitUntil("the card shows", () -> visible(robot, "#account-view"));
            Screenshots.save(window.scene(), "screen-account-" + theme);
            robot.clickOn("#account-cancel");
            robot.clickOn("#account-menu");
            robot.clickOn("Log out");
            waitUntil("logged out", () -> visible(robot, "#email"));
        }
    }

    @Test
    void theSmallestWindowKeepsTheListTheFormAndEveryButtonUsable() {
        withContacts();
        Fx.atSize(stage, 800, 560, this::atTheSmallestSize);
    }

    private void atTheSmallestSize() {
        Fx.run(() -> window.mainView().newContact()); // Ctrl+N
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        waitUntil("laid out at 800×560", () -> Fx.call(() -> window.scene().getWidth()) <= 800);
        Screenshots.save(window.scene(), "screen-minimum-size");
        double listWidth = Fx.call(() -> contactList().getWidth());
        assertTrue(listWidth >= 200, "the list is " + listWidth + " wide");
        double formWidth = Fx.call(() -> robot.lookup("#contact-form").query().getBoundsInParent().getWidth());
        assertTrue(formWidth >= 260, "the form is " + formWidth + " wide");
        for (String id : new String[] {"#new-contact", "#delete", "#save", "#cancel"}) {
            Button button = robot.lookup(id).queryButton();
            assertTrue(Fx.call(() -> button.getWidth() >= button.prefWidth(-1) - 0.5), id + " is cut off");
        }
        robot.clickOn("#cancel");
        // the account menu, at the window's right edge, opens inside the window (it reached past its edge)
        robot.clickOn("#account-menu");
        waitUntil("the account menu opens", () -> robot.lookup("#logout").tryQuery().isPresent()
                || Fx.call(() -> javafx.stage.Window.getWindows().stream()
                        .anyMatch(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.scene(), "account-menu-at-minimum-size");
        javafx.stage.Window menu = Fx.call(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing()).findFirst().orElseThrow());
        double windowRight = Fx.call(() -> stage.getX() + stage.getWidth());
        double menuRight = Fx.call(() -> menu.getX() + menu.getWidth());
        javafx.geometry.Bounds button = Fx.call(() -> robot.lookup("#account-menu").query()
                .localToScreen(robot.lookup("#account-menu").query().getLayoutBounds()));
        javafx.scene.Node firstItem = Fx.call(() -> ((javafx.scene.control.ContextMenu) menu).getSkin().getNode());
        javafx.geometry.Bounds items = Fx.call(() -> firstItem.localToScreen(firstItem.getLayoutBounds()));
        assertTrue(items.getMaxX() <= windowRight, "the menu ends at " + items.getMaxX() + ", past the window's "
                + windowRight + " (its window at " + menuRight + ")");
        assertTrue(Math.abs(items.getMaxX() - button.getMaxX()) <= 2, "under the button, ending at its right edge: "
                + items.getMaxX() + " / " + button.getMaxX());
        assertTrue(items.getMinY() >= button.getMaxY() - 1, "under the button");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }
}
