package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.LabeledValue;
import org.junit.jupiter.api.Test;

/** The v2 form as a person uses it: rows added and removed, the star, and a contact changed meanwhile (412). */
class ContactFormFlowTest extends UiTestBase {

    @Test
    void anEditWithNewRowsMeetsAChangeMadeElsewhereAndOverwritesOnlyWhatItChanged() {
        registerAndLogIn(robot, "form412@example.com");
        Contact ada = userApi().create(new ContactDraft("Ada", "Lovelace",
                List.of(new LabeledValue("ada@example.com", "home")), List.of(), null, null, List.of(), null, null,
                null, List.of(), false));
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Ada Lovelace");
        waitUntil("Ada's details show", () -> text(robot, "#detail-name").equals("Ada Lovelace"));
        robot.clickOn("#edit");
        waitUntil("the form opens on Ada", () -> text(robot, "#first-name").equals("Ada"));

        robot.clickOn("#add-email");
        waitUntil("a second email row", () -> visible(robot, "#contact-email-1"));
        robot.write("ada@work.example");
        robot.clickOn("#favorite");
        type(robot, "#labels", "Family, Science");
        robot.clickOn("#add-address");
        type(robot, "#address-0-locality", "London");
        Screenshots.save(window.scene(), "form-v2-rows");

        // meanwhile another client gives her a nickname
        userApi().patch(ada.id(), Map.of("nickname", "Countess"), null);
        robot.clickOn("#save");
        waitUntil("asked what to do", () -> robot.lookup("#conflict-overwrite").tryQuery().isPresent());
        Screenshots.save(robot.lookup("#conflict-dialog").query().getScene(), "conflict-dialog");
        robot.clickOn("#conflict-overwrite");
        waitUntil("saved: the detail is back with the new email", () -> !visible(robot, "#contact-form")
                && text(robot, "#detail-email-1").equals("ada@work.example"));

        Contact saved = userApi().get(ada.id()).contact();
        assertEquals(List.of(new LabeledValue("ada@example.com", "home"), new LabeledValue("ada@work.example", "other")),
                saved.emails());
        assertEquals(List.of("Family", "Science"), saved.labels());
        assertTrue(saved.favorite());
        assertEquals("London", saved.addresses().get(0).locality());
        assertEquals("Countess", saved.nickname(), "the other client's change to another field is kept");
        waitUntil("the focus is back in the list", () -> contactList().isFocused());
    }

    @Test
    void reloadShowsTheOtherVersionAndDropsTheEdit() {
        registerAndLogIn(robot, "reload412@example.com");
        Contact grace = userApi().create(new ContactDraft("Grace", "Hopper", null, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        doubleClickOnContact("Grace Hopper");
        waitUntil("the form opens on Grace", () -> text(robot, "#first-name").equals("Grace"));
        type(robot, "#last-name", "Murray");
        userApi().patch(grace.id(), Map.of("first_name", "Admiral Grace"), null);
        robot.clickOn("#save");
        waitUntil("asked what to do", () -> robot.lookup("#conflict-reload").tryQuery().isPresent());
        robot.clickOn("#conflict-reload");
        waitUntil("the form shows the other version", () -> text(robot, "#first-name").equals("Admiral Grace")
                && text(robot, "#last-name").equals("Hopper"));
        assertEquals("Hopper", userApi().get(grace.id()).contact().lastName(), "nothing of the edit was written");
    }
}
