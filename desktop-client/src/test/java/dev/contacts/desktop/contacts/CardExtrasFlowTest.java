package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.ContactDraft;
import org.junit.jupiter.api.Test;

/** A card imported from Apple Contacts: its web sites, chat, dates and spouse in the detail pane, read-only. */
class CardExtrasFlowTest extends UiTestBase {

    @Test
    void anImportedCardsWebSiteOpensInTheBrowserAndItsOtherValuesShowBesideTheFields() {
        registerAndLogIn(robot, "apple@example.com");
        userApi().importFile(CardExtrasTest.APPLE_CARD.getBytes(StandardCharsets.UTF_8), TransferFormat.VCARD,
                StandardCharsets.UTF_8);
        userApi().create(new ContactDraft("Grace", "Hopper", null, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed", () -> listedFirstNames().equals(List.of("Grace", "Ann")));

        clickOnContact("Ann Lee");
        waitUntil("her web sites show", () -> robot.lookup("#detail-web-site-0").tryQuery().isPresent());
        assertEquals("https://ann.example", text(robot, "#detail-web-site-0"));
        assertEquals("https://globex.example/ann", text(robot, "#detail-web-site-1"));
        assertEquals("ann@jabber.example", text(robot, "#detail-chat-0"));
        assertEquals("Bob Lee", text(robot, "#detail-related-0"));
        assertEquals("ann@globex.example", text(robot, "#detail-email-0"), "her own fields as before");
        Screenshots.save(window.scene(), "card-extras");

        robot.clickOn("#detail-web-site-0");
        waitUntil("the browser is asked for", () -> openedLinks.equals(List.of("https://ann.example")));

        clickOnContact("Grace Hopper");
        waitUntil("Grace's details show", () -> text(robot, "#detail-name").equals("Grace Hopper"));
        assertFalse(robot.lookup("#detail-web-site-0").tryQuery().isPresent(), "Ann's web site is not Grace's");
    }
}
