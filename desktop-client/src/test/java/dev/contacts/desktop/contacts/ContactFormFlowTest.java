package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.contacts.desktop.support.Avatars;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.io.TempDir;

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
    void aPhotoChosenInTheFormIsSavedAndShownThenRemovedAgain(@TempDir Path files) throws IOException {
        registerAndLogIn(robot, "formphoto@example.com");
        Contact ada = userApi().create(new ContactDraft("Ada", "Lovelace", "ada@example.com", null, null, null));
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Ada Lovelace");
        robot.clickOn("#edit");
        waitUntil("the form opens on Ada", () -> text(robot, "#first-name").equals("Ada"));
        Path png = Files.write(files.resolve("ada.png"), Avatars.redSquarePng());
        ContactFormView form = robot.lookup("#contact-form").queryAs(ContactFormView.class);
        Fx.run(() -> form.usePhotoPicker(owner -> Optional.of(png))); // the file the person picks in the dialog

        robot.clickOn("#choose-photo");
        waitUntil("the form shows the chosen photo", () -> Avatars.photosShown(form) == 1);
        robot.clickOn("#save");
        waitUntil("saved: the details and the list show her photo", () -> !visible(robot, "#contact-form")
                && Avatars.photosShown(robot.lookup("#contact-detail").query()) == 1
                && Avatars.photosShown(contactList()) == 1);
        assertTrue(userApi().get(ada.id()).contact().hasPhoto());

        robot.clickOn("#edit");
        waitUntil("the form shows her photo", () -> Avatars.photosShown(form) == 1);
        robot.clickOn("#remove-photo");
        waitUntil("the form shows her initials", () -> Avatars.photosShown(form) == 0);
        robot.clickOn("#save");
        waitUntil("saved: her initials again", () -> !visible(robot, "#contact-form")
                && Avatars.photosShown(robot.lookup("#contact-detail").query()) == 0
                && Avatars.photosShown(contactList()) == 0);
        assertFalse(userApi().get(ada.id()).contact().hasPhoto());
    }

    @Test
    void aTransparentPhotoIsDrawnOnNothingNotOnTheInitialsColour(@TempDir Path files) throws IOException {
        registerAndLogIn(robot, "formlogo@example.com");
        userApi().create(new ContactDraft("Acme", "Logo", null, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Acme Logo");
        robot.clickOn("#edit");
        waitUntil("the form opens", () -> text(robot, "#first-name").equals("Acme"));
        Avatar avatar = robot.lookup("#contact-form .avatar").queryAs(Avatar.class);
        assertTrue(Fx.call(() -> paintsColour(avatar)), "the initials on their colour");

        var logo = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        logo.setRGB(32, 32, 0xFF000000); // one black pixel; the rest transparent, as a logo's corners are
        Path png = files.resolve("logo.png");
        javax.imageio.ImageIO.write(logo, "png", png.toFile());
        ContactFormView form = robot.lookup("#contact-form").queryAs(ContactFormView.class);
        Fx.run(() -> form.usePhotoPicker(owner -> Optional.of(png)));
        robot.clickOn("#choose-photo");
        waitUntil("the form shows the chosen photo", () -> Avatars.photosShown(form) == 1);
        WaitForAsyncUtils.waitForFxEvents();
        // the colour showed through the transparent parts, and as a ring round the photo's edge
        assertFalse(Fx.call(() -> paintsColour(avatar)), "no colour behind the photo");
        robot.clickOn("#remove-photo");
        waitUntil("the initials again", () -> Avatars.photosShown(form) == 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Fx.call(() -> paintsColour(avatar)), "on their colour again");
    }

    /** Whether the avatar's circle is painted (the initials' colour): not while a photo shows. */
    private static boolean paintsColour(Avatar avatar) {
        avatar.applyCss();
        var background = avatar.getBackground();
        return background != null && background.getFills().stream()
                .anyMatch(fill -> fill.getFill() instanceof javafx.scene.paint.Color c && c.getOpacity() > 0);
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

    @Test
    void theLabelsFieldSuggestsTheLabelsInUseAndTheKeysPickOne() {
        registerAndLogIn(robot, "labels@example.com");
        for (String label : List.of("Family", "Family", "Football")) {
            userApi().create(new ContactDraft("Someone", label, List.of(), List.of(), null, null, List.of(), null,
                    null, null, List.of(label), false));
        }
        Fx.run(() -> window.mainView().refresh());
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.N)
                .release(javafx.scene.input.KeyCode.N).release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil("the form is open", () -> visible(robot, "#contact-form"));
        type(robot, "#first-name", "Ada");
        type(robot, "#labels", "f");
        waitUntil("both labels in use are offered, the most used first",
                () -> suggestions().equals(List.of("Family", "Football")));
        Screenshots.save(robot.lookup("#label-suggestions").query().getScene(), "label-suggestions-"
                + (theme.darkProperty().get() ? "dark" : "light"));
        robot.type(javafx.scene.input.KeyCode.DOWN);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil("Football is taken, and Enter did not save", () -> text(robot, "#labels").equals("Football")
                && visible(robot, "#contact-form") && suggestions().isEmpty());

        robot.write(", ");
        robot.type(javafx.scene.input.KeyCode.DOWN);
        waitUntil("Down offers the labels not there yet", () -> suggestions().equals(List.of("Family")));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil("Escape closes the list, not the form", () -> suggestions().isEmpty()
                && visible(robot, "#contact-form"));
        robot.write("fam");
        waitUntil("offered again", () -> suggestions().equals(List.of("Family")));
        robot.type(javafx.scene.input.KeyCode.TAB);
        waitUntil("Tab takes it", () -> text(robot, "#labels").equals("Football, Family"));
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.S).release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil("saved", () -> !visible(robot, "#contact-form"));
        Contact ada = userApi().search("Ada", 0, 10).items().get(0);
        assertEquals(List.of("Football", "Family"), ada.labels());
    }

    /** The labels offered under the labels field now (none when the list is closed). */
    private List<String> suggestions() {
        return Fx.call(() -> robot.lookup("#label-suggestions").tryQuery()
                .filter(node -> node.getScene() != null && node.getScene().getWindow() != null
                        && node.getScene().getWindow().isShowing())
                .map(node -> ((javafx.scene.layout.VBox) node).getChildren().stream()
                        .map(child -> ((javafx.scene.control.Label) child).getText()).toList())
                .orElse(List.of()));
    }

    @Test
    void aRefusedSavePutsTheCursorOnTheFieldToCorrectNotWhereCtrlSWasPressed() {
        registerAndLogIn(robot, "form-refused@example.com");
        robot.clickOn("#new-contact");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        robot.write("Ada");
        type(robot, "#phone", "not a phone!!");
        type(robot, "#organization", "Analytical Engine Society");
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil("the phone is at fault and has the cursor", () -> visible(robot, "#phone-error")
                && window.scene().getFocusOwner() == robot.lookup("#phone").query());
        Screenshots.save(window.scene(), "form-refused-save");
        robot.write("+44 7700 900456"); // typed where it belongs, not over the organization
        assertEquals("Analytical Engine Society", text(robot, "#organization"));
        robot.type(KeyCode.ENTER);
        waitUntil("saved", () -> !visible(robot, "#contact-form"));
        Contact saved = userApi().list(0, 10).items().get(0);
        assertEquals("Analytical Engine Society", saved.organization());
    }

    @Test
    void aRowAddedWithTheKeyboardIsScrolledIntoSightWithTheCursorInIt() {
        registerAndLogIn(robot, "form-add-row@example.com");
        robot.clickOn("#new-contact");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        robot.write("Ada");
        Fx.run(() -> robot.lookup("#nickname").query().requestFocus());
        robot.type(KeyCode.TAB); // to "Add address"
        robot.type(KeyCode.SPACE);
        waitUntil("the cursor is in the new address's first field, its country", () -> window.scene()
                .getFocusOwner() == robot.lookup("#address-0-country").query());
        Node country = robot.lookup("#address-0-country").query();
        Node scroll = robot.lookup("#form-scroll").query();
        waitUntil("the country field is in sight", () -> scroll.localToScene(scroll.getLayoutBounds())
                .contains(country.localToScene(country.getLayoutBounds())));
        robot.write("United Kingdom");
        robot.type(KeyCode.TAB);
        waitUntil("on to the street", () -> window.scene().getFocusOwner()
                == robot.lookup("#address-0-street").query());
        robot.write("12 St James's Square");
        Screenshots.save(window.scene(), "form-address-added");
        assertEquals("12 St James's Square", text(robot, "#address-0-street"));
    }

    @Test
    void anEntrysKindAndAnAddresssPartsSayWhatTheyAreAlsoWithTheCursorInThem() {
        registerAndLogIn(robot, "form-kind@example.com");
        robot.clickOn("#new-contact");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        robot.clickOn("#contact-email-label");
        waitUntil("the cursor is in the email's kind", () -> isInEmailKind(window.scene().getFocusOwner()));
        assertEquals("other", text(robot, "#contact-email-label .text-field"), "a real kind, not a prompt");
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        waitUntil("cleared", () -> text(robot, "#contact-email-label .text-field").isEmpty());
        // cleared, it is saved as "other": the prompt still says so while the cursor is there
        waitUntil("the prompt shows with the cursor in it", () -> Fx.call(() -> showsText(
                robot.lookup("#contact-email-label .text-field").query(), "other")));
        Screenshots.save(window.scene(), "form-kind-focused");

        // so do an address's parts: with the cursor in it, an empty field still says what it is for
        Fx.run(() -> robot.lookup("#nickname").query().requestFocus());
        robot.type(KeyCode.TAB); // to "Add address"
        robot.type(KeyCode.SPACE);
        waitUntil("the cursor is in the new address", () -> window.scene().getFocusOwner()
                == robot.lookup("#address-0-country").query());
        robot.write("Germany");
        robot.type(KeyCode.TAB, 4); // country, street, postal code, city, region
        waitUntil("the region's prompt shows with the cursor in it", () -> Fx.call(() -> window.scene()
                .getFocusOwner() == robot.lookup("#address-0-region").query()
                && showsText(robot.lookup("#address-0-region").query(), "Region")));
    }

    @Test
    void anAddresssFieldsTakeItsCountrysOrderAndNamesAndKeepWhatWasTypedAndTabFollowsThem() {
        registerAndLogIn(robot, "form-address-order@example.com");
        robot.clickOn("#new-contact");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        robot.write("Ada");
        Fx.run(() -> robot.lookup("#add-address").query().requestFocus()); // as Tab would: scrolled into view
        robot.type(KeyCode.SPACE);
        waitUntil("the cursor is in the address's country", () -> window.scene().getFocusOwner()
                == robot.lookup("#address-0-country").query());
        robot.write("United Kingdom");
        robot.type(KeyCode.TAB);
        assertTabsThrough("#address-0-street", "#address-0-locality", "#address-0-region", "#address-0-postal-code");
        assertEquals(List.of("Street", "Town or city", "County", "Postcode"), captions());
        assertLinesDown(List.of("#address-0-street"), List.of("#address-0-locality"), List.of("#address-0-region"),
                List.of("#address-0-postal-code"));
        type(robot, "#address-0-street", "1-1 Chiyoda");
        type(robot, "#address-0-locality", "Chiyoda-ku");
        type(robot, "#address-0-region", "Tokyo");
        type(robot, "#address-0-postal-code", "100-0001");
        Screenshots.save(window.scene(), "form-address-uk");

        // another country: the same fields, what was typed in them, in that country's order and names; Japan in
        // Latin script is written street first, as the detail pane writes it
        type(robot, "#address-0-country", "Japan");
        robot.type(KeyCode.TAB);
        assertTabsThrough("#address-0-street", "#address-0-locality", "#address-0-region", "#address-0-postal-code");
        assertEquals(List.of("Street", "City", "Prefecture", "Postal code"), captions());
        assertLinesDown(List.of("#address-0-street"),
                List.of("#address-0-locality", "#address-0-region", "#address-0-postal-code"));
        Screenshots.save(window.scene(), "form-address-japan-latin");

        // the street in Japanese script (as an input method commits it): on leaving it, Japan's own order, from
        // the postcode down, and Shift+Tab goes back along that order
        TextField street = robot.lookup("#address-0-street").query();
        Fx.run(() -> {
            street.requestFocus();
            street.setText("千代田1-1");
        });
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        waitUntil("the cursor went back to the city, shown before the street now", () -> window.scene()
                .getFocusOwner() == robot.lookup("#address-0-locality").query());
        assertEquals(List.of("Postal code", "Prefecture", "City", "Street"), captions());
        assertLinesDown(List.of("#address-0-postal-code"), List.of("#address-0-region", "#address-0-locality"),
                List.of("#address-0-street"));
        assertEquals(List.of("100-0001", "Tokyo", "Chiyoda-ku", "千代田1-1"), Fx.call(() -> Stream.of(
                "#address-0-postal-code", "#address-0-region", "#address-0-locality", "#address-0-street")
                .map(id -> text(robot, id)).toList()), "nothing typed was lost");
        Screenshots.save(window.scene(), "form-address-japan");

        robot.clickOn("#save");
        waitUntil("saved", () -> !visible(robot, "#contact-form"));
        assertEquals(new PostalAddress("other", "千代田1-1", "Chiyoda-ku", "Tokyo", "100-0001", "Japan"),
                userApi().list(0, 10).items().get(0).addresses().get(0), "nothing typed was lost");
        waitUntil("the detail writes it in the form's order", () -> text(robot, "#detail-address-0")
                .equals("〒100-0001\nTokyoChiyoda-ku\n千代田1-1\nJapan"));
    }

    /** Tab goes from the first of {@code ids} (where the cursor is) through the others, in that order. */
    private void assertTabsThrough(String... ids) {
        for (int i = 0; i < ids.length; i++) {
            Node field = robot.lookup(ids[i]).query();
            waitUntil("the cursor is in " + ids[i], () -> window.scene().getFocusOwner() == field);
            if (i + 1 < ids.length) {
                robot.type(KeyCode.TAB);
            }
        }
    }

    /** The names written over the first address's fields after its country, in the order they are shown. */
    private List<String> captions() {
        return Fx.call(() -> robot.lookup(".address-row").query().lookupAll(".address-caption").stream()
                .map(n -> ((Label) n).getText()).skip(1).toList());
    }

    /** Each line's fields are side by side, left to right, and each line is below the one before. */
    @SafeVarargs
    private void assertLinesDown(List<String>... lines) {
        double lineTop = Double.NEGATIVE_INFINITY;
        for (List<String> line : lines) {
            double left = Double.NEGATIVE_INFINITY;
            double top = Fx.call(() -> sceneBounds(line.get(0)).getMinY());
            assertTrue(top > lineTop, line + " is below the line before");
            for (String id : line) {
                javafx.geometry.Bounds field = Fx.call(() -> sceneBounds(id));
                assertEquals(top, field.getMinY(), 0.5, id + " is on its line");
                assertTrue(field.getMinX() > left, id + " is right of the field before");
                left = field.getMinX();
            }
            lineTop = top;
        }
    }

    private javafx.geometry.Bounds sceneBounds(String id) {
        Node node = robot.lookup(id).query();
        return node.localToScene(node.getLayoutBounds());
    }

    /** Whether {@code text} is drawn (visible, not transparent) under {@code node}. */
    private static boolean showsText(Node node, String text) {
        if (node instanceof javafx.scene.text.Text t) {
            return text.equals(t.getText()) && t.isVisible()
                    && t.getFill() instanceof javafx.scene.paint.Color c && c.getOpacity() > 0;
        }
        return node instanceof javafx.scene.Parent p && p.isVisible()
                && p.getChildrenUnmodifiable().stream().anyMatch(child -> showsText(child, text));
    }

    private boolean isInEmailKind(Node node) {
        Node kind = robot.lookup("#contact-email-label").query();
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == kind) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aNewContactsAvatarShowsAPersonUntilANameIsTypedThenItsInitials() {
        registerAndLogIn(robot, "form-avatar@example.com");
        robot.clickOn("#new-contact");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        Avatar avatar = robot.lookup("#contact-form .avatar").queryAs(Avatar.class);
        waitUntil("no name yet: a person, not \"#\"", () -> Fx.call(avatar::showsNobody));
        robot.write("Ada");
        waitUntil("the first name's initial", () -> !Fx.call(avatar::showsNobody)
                && "A".equals(Fx.call(() -> ((Label) avatar.lookup(".avatar-initials")).getText())));
    }

    @Test
    void theKindsListOpensOnTheKindShownSoUpPicksTheOneAboveIt() {
        registerAndLogIn(robot, "form-kind-keys@example.com");
        robot.clickOn("#new-contact");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        robot.clickOn("#contact-email-label");
        assertEquals("other", text(robot, "#contact-email-label .text-field"));
        robot.press(KeyCode.ALT).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.ALT);
        waitUntil("the list of kinds opens", () -> Fx.call(() -> robot.lookup("#contact-email-label")
                .queryComboBox().isShowing()));
        robot.type(KeyCode.UP);
        robot.type(KeyCode.ENTER);
        waitUntil("the kind above \"other\" is chosen", () -> text(robot, "#contact-email-label .text-field")
                .equals("work"));
    }

    private boolean kindListShowing() {
        return Fx.call(() -> robot.lookup("#contact-email-label").queryComboBox().isShowing());
    }

    private String emailKindTyped() {
        return text(robot, "#contact-email-label .text-field");
    }

    private void pressWith(KeyCode modifier, KeyCode key) {
        robot.press(modifier).press(key).release(key).release(modifier);
    }

    /** Down, Alt+Down and F4 open the kinds' list; the kind typed stays until another is picked, and is saved. */
    @Test
    void aKindTypedStaysWhenItsListIsOpenedAndIsSaved() {
        registerAndLogIn(robot, "form-kind-typed@example.com");
        robot.clickOn("#new-contact");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        robot.write("Ada");
        type(robot, "#contact-email", "ada@example.com");
        robot.clickOn("#contact-email-label");
        pressWith(KeyCode.CONTROL, KeyCode.A);
        robot.write("assistant");
        for (Runnable opens : List.<Runnable>of(() -> robot.type(KeyCode.DOWN),
                () -> pressWith(KeyCode.ALT, KeyCode.DOWN), () -> robot.type(KeyCode.F4))) {
            opens.run();
            waitUntil("the list of kinds opens", this::kindListShowing);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("assistant", emailKindTyped(), "what was typed stays while the list is open");
            robot.type(KeyCode.ESCAPE);
            waitUntil("Escape closes the list", () -> !kindListShowing());
            assertTrue(visible(robot, "#contact-form"), "and only the list: the form stays open");
            assertEquals("assistant", emailKindTyped());
        }
        Screenshots.save(window.scene(), "form-kind-typed");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("assistant", emailKindTyped(), "leaving the box keeps what was typed");
        pressWith(KeyCode.CONTROL, KeyCode.S);
        waitUntil("saved", () -> !visible(robot, "#contact-form") && userApi().list(0, 10).total() == 1);
        assertEquals(List.of(new LabeledValue("ada@example.com", "assistant")),
                userApi().list(0, 10).items().get(0).emails());
    }

    /** With the list open, Down moves to a usual kind, and it is what is saved (Ctrl+S straight from the box). */
    @Test
    void aKindPickedFromTheListAfterTypingIsSavedWithCtrlS() {
        registerAndLogIn(robot, "form-kind-picked@example.com");
        robot.clickOn("#new-contact");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        robot.write("Ada");
        type(robot, "#contact-email", "ada@example.com");
        robot.clickOn("#contact-email-label");
        pressWith(KeyCode.CONTROL, KeyCode.A);
        robot.write("assistant");
        robot.type(KeyCode.DOWN);
        waitUntil("the list of kinds opens", this::kindListShowing);
        robot.type(KeyCode.DOWN);
        waitUntil("the first kind is picked", () -> emailKindTyped().equals("home"));
        robot.type(KeyCode.ENTER);
        waitUntil("the list closes", () -> !kindListShowing());
        robot.clickOn("#contact-email-label");
        pressWith(KeyCode.CONTROL, KeyCode.A);
        robot.write("pager");
        pressWith(KeyCode.CONTROL, KeyCode.S);
        waitUntil("saved", () -> !visible(robot, "#contact-form") && userApi().list(0, 10).total() == 1);
        assertEquals(List.of(new LabeledValue("ada@example.com", "pager")),
                userApi().list(0, 10).items().get(0).emails());
    }

    /** Escape with a kind's list open closes the list only; on the form it asks before dropping an edit. */
    @Test
    void escapeWithAKindsListOpenClosesTheListNotTheForm() {
        registerAndLogIn(robot, "form-kind-escape@example.com");
        robot.clickOn("#new-contact");
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        robot.write("Ada");
        robot.clickOn("#contact-email-label");
        pressWith(KeyCode.ALT, KeyCode.DOWN);
        waitUntil("the list of kinds opens", this::kindListShowing);
        robot.type(KeyCode.ESCAPE);
        waitUntil("Escape closes the list", () -> !kindListShowing());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#confirm-dialog").tryQuery().isEmpty(), "nothing asked: only the list closed");
        assertTrue(visible(robot, "#contact-form"), "the form stays open");
        assertEquals("Ada", text(robot, "#first-name"));

        robot.type(KeyCode.ESCAPE);
        waitUntil("Escape on the form asks before dropping the edit",
                () -> robot.lookup("#confirm-no").tryQuery().isPresent());
        robot.clickOn("#confirm-no");
        waitUntil("the dialog closes", () -> robot.lookup("#confirm-no").tryQuery().isEmpty());
        assertEquals("Ada", text(robot, "#first-name"), "the edit is kept");
    }

    @Test
    void at1920PixelsTheFormKeepsASensibleWidthAtTheLeftAsTheDetailsDo() {
        registerAndLogIn(robot, "form-wide@example.com");
        Fx.run(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
        });
        waitUntil("the window is wide", () -> window.scene().getWidth() >= 1900);
        robot.press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        waitUntil("the form opens", () -> visible(robot, "#contact-form"));
        Node form = robot.lookup("#contact-form").query();
        double formWidth = Fx.call(() -> form.getLayoutBounds().getWidth());
        double fieldWidth = Fx.call(() -> robot.lookup("#first-name").query().getLayoutBounds().getWidth());
        Screenshots.save(window.scene(), "contact-form-1920");
        assertTrue(formWidth <= 640, "the form is " + formWidth + " px wide");
        assertTrue(fieldWidth <= 600, "a field is " + fieldWidth + " px wide");
        double left = Fx.call(() -> form.getBoundsInParent().getMinX());
        assertTrue(left < 40, "at the left of the pane, as the details, not centred: " + left);
        Fx.run(() -> stage.sizeToScene());
    }

    @Test
    void aSaveThatCannotReachTheServerSaysSoInFullInANarrowWindow() {
        registerAndLogIn(robot, "form-narrow@example.com");
        double width = dev.contacts.desktop.app.AppWindow.MIN_WIDTH;
        double height = dev.contacts.desktop.app.AppWindow.MIN_HEIGHT;
        Fx.run(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        waitUntil("the window is at its smallest", () -> window.scene().getWidth() <= width
                && window.scene().getHeight() <= height);
        robot.press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        waitUntil("the form opens with the cursor in it", () -> visible(robot, "#contact-form")
                && window.scene().getFocusOwner() == robot.lookup("#first-name").query());
        robot.write("Ada");
        server.stop();
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil("the save's failure is shown", () -> text(robot, "#form-error").contains("Cannot reach the server"));
        Screenshots.save(window.scene(), "form-unreachable-narrow");
        Label error = robot.lookup("#form-error").queryAs(Label.class);
        waitUntil("the whole message is drawn, not cut short with an ellipsis", () -> Fx.call(() ->
                ((javafx.scene.text.Text) error.lookup(".text")).getText().equals(error.getText())));
        assertTrue(text(robot, "#form-error").endsWith("Your changes are kept: press Save to try again."),
                text(robot, "#form-error"));
        assertEquals("Ada", text(robot, "#first-name"), "what was typed stays");
        restartServer();
    }
}
