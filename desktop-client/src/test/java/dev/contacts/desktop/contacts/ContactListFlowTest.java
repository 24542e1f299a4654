package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import dev.contacts.desktop.support.Avatars;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import javax.imageio.ImageIO;

import javafx.scene.control.ComboBox;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The list and the detail pane as a person uses them: scrolling through a large book, sorting, reading a contact. */
class ContactListFlowTest extends UiTestBase {

    @Test
    void scrollingLoadsTheWholeBookInTheServersOrderDeleteAndUndoSpanThePagesAndTheSortIsRemembered() {
        registerAndLogIn(robot, "scroll@example.com");
        int count = ContactsViewModel.PAGE_SIZE + 20;
        for (int i = 0; i < count; i++) {
            int n = (i * 37) % count; // neither creation nor name order
            userApi().create(new ContactDraft(String.format("F%03d", count - n), String.format("L%03d", n), null,
                    null, null, null));
        }
        Fx.run(() -> window.mainView().refresh());
        waitUntil("the first page is listed", () -> listedFirstNames().size() == ContactsViewModel.PAGE_SIZE);
        assertEquals(count + " contacts", text(robot, "#summary"));

        clickOnContact(listedFirstNames().get(0) + " L000");
        robot.type(KeyCode.END); // to the end of what is loaded: the next page comes
        waitUntil("the whole book is listed", () -> listedFirstNames().size() == count);
        List<String> lastNames = Fx.call(() -> contactList().getItems().stream().map(Contact::lastName).toList());
        assertEquals(lastNames.stream().sorted().toList(), lastNames, "one order across the pages");

        // every one of them, across both pages, to the trash and back with Ctrl+Z
        List<Long> ids = Fx.call(() -> contactList().getItems().stream().map(Contact::id).sorted().toList());
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.type(KeyCode.DELETE);
        waitUntil("asked first", () -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        robot.clickOn("#confirm-yes");
        waitUntil("all gone", () -> listedFirstNames().isEmpty() && visible(robot, "#undo-toast"));
        assertEquals(0, userApi().list(0, 10).total());
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("all back", () -> text(robot, "#summary").equals(count + " contacts"));
        assertEquals(ids, userApi().list(0, 1000).items().stream().map(Contact::id).sorted().toList(),
                "restored with the same ids");

        @SuppressWarnings("unchecked")
        ComboBox<Object> sort = robot.lookup("#sort").queryAs(ComboBox.class);
        robot.clickOn(sort);
        robot.clickOn("By first name");
        waitUntil("listed again by first name", () -> listedFirstNames().size() >= ContactsViewModel.PAGE_SIZE
                && listedFirstNames().get(0).equals("F001"));
        waitUntil("the choice is written", () -> new dev.contacts.desktop.settings.Settings(dataDir)
                .get("contacts.sort").orElse("").equals("first_name"));
    }

    @Test
    void afterADeleteDownGoesOnToTheNextContactAndUpToTheOneBeforeNotToTheTop() {
        // found living in the app (user-walk6): Down after a Delete went back to the first contact of the book
        registerAndLogIn(robot, "place@example.com");
        for (String last : List.of("Adams", "Baker", "Clark", "Davis", "Evans")) {
            userApi().create(new ContactDraft("F" + last, last, null, null, null, null));
        }
        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed", () -> listedFirstNames().size() == 5);
        clickOnContact("FClark Clark");
        robot.type(KeyCode.DELETE);
        waitUntil("Clark is out", () -> listedFirstNames().size() == 4 && visible(robot, "#undo-toast"));
        assertEquals(List.of(), selectedFirstNames(), "nobody selected: a second Delete deletes no neighbour");
        robot.type(KeyCode.DOWN);
        waitUntil("the contact after Clark", () -> selectedFirstNames().equals(List.of("FDavis")));
        robot.type(KeyCode.DELETE);
        waitUntil("Davis is out", () -> listedFirstNames().size() == 3);
        robot.type(KeyCode.UP);
        waitUntil("the contact before Davis", () -> selectedFirstNames().equals(List.of("FBaker")));
    }

    @Test
    void ctrlAAndEndMeanTheWholeBookNotTheRowsLoadedSoFar() {
        registerAndLogIn(robot, "everyone@example.com");
        int count = 3 * ContactsViewModel.PAGE_SIZE + 50;
        for (int i = 0; i < count; i++) {
            userApi().create(new ContactDraft("F" + i, String.format("L%03d", i), null, null, null, null));
        }
        Fx.run(() -> window.mainView().refresh());
        waitUntil("the first page is listed", () -> listedFirstNames().size() == ContactsViewModel.PAGE_SIZE);

        clickOnContact("F0 L000");
        robot.type(KeyCode.END);
        waitUntil("End reaches the real last contact", () -> text(robot, "#detail-name").equals("F349 L349"));
        assertEquals(count, listedFirstNames().size());

        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed again from the top", () -> listedFirstNames().size() == ContactsViewModel.PAGE_SIZE);
        Fx.run(() -> contactList().requestFocus());
        robot.type(KeyCode.HOME);
        waitUntil("the first contact is selected", () -> contactList().isFocused()
                && selectedFirstNames().equals(List.of("F0")));
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.type(KeyCode.DELETE);
        waitUntil("asked first", () -> robot.lookup("#confirm-yes").tryQuery().isPresent());
        assertTrue(Fx.call(() -> robot.lookup("#confirm-dialog").queryAs(javafx.scene.control.DialogPane.class)
                .getHeaderText()).contains("Delete " + count + " contacts?"), "the real count");
        robot.clickOn("#confirm-yes");
        waitUntil("all gone", () -> listedFirstNames().isEmpty() && visible(robot, "#undo-toast"));
        assertEquals(0, userApi().list(0, 10).total(), "every contact, not only the loaded rows");
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("all back", () -> text(robot, "#summary").equals(count + " contacts"));
        assertEquals(count, userApi().list(0, 10).total());
    }

    @Test
    void theDetailPaneShowsEveryFieldMailsAndCopies() {
        registerAndLogIn(robot, "detail@example.com");
        LocalDate born = LocalDate.of(1990, 5, 17);
        userApi().create(new ContactDraft("Ada", "Lovelace",
                List.of(new LabeledValue("ada@example.com", "home"), new LabeledValue("ada@work.example", "work")),
                List.of(new LabeledValue("+44 20 7946 0018", "mobile")), born, "Met at the engine works.",
                List.of(new PostalAddress("home", "12 Square", "London", null, "SW1Y 4JH", "United Kingdom")),
                "Engines Ltd", "Analyst", "Countess", List.of("Family"), true));
        userApi().create(new ContactDraft("Grace", "Hopper", null, null, null, null));
        long adaId = userApi().list(0, 10).items().get(0).id();
        userApi().putPhoto(adaId, Avatars.redSquarePng(), "image/png");
        Fx.run(() -> window.mainView().refresh());
        waitUntil("listed, the favourite first", () -> listedFirstNames().equals(List.of("Ada", "Grace")));
        waitUntil("Ada's row shows her photo, Grace's her initials", () -> photosShown("#contacts-list") == 1);
        assertTrue(visible(robot, "#detail-empty"), "nothing selected yet");

        clickOnContact("Ada Lovelace");
        waitUntil("Ada's details show", () -> text(robot, "#detail-name").equals("Ada Lovelace"));
        assertEquals("“Countess” · Analyst · Engines Ltd", text(robot, "#detail-subtitle"));
        assertTrue(visible(robot, "#detail-favorite"));
        assertEquals("ada@work.example", text(robot, "#detail-email-1"));
        assertEquals("12 Square\nLondon\nSW1Y 4JH\nUnited Kingdom", text(robot, "#detail-address-0"));
        int age = Period.between(born, LocalDate.now()).getYears();
        assertTrue(text(robot, "#detail-birthday").endsWith("(" + age + " years old)"), text(robot, "#detail-birthday"));
        assertEquals("Met at the engine works.", text(robot, "#detail-notes"));
        assertTrue(robot.from(robot.lookup("#detail-labels").queryAll()).lookup("Family").tryQuery().isPresent());
        waitUntil("the detail shows her photo", () -> photosShown("#contact-detail") == 1);
        Screenshots.save(window.scene(), "contact-detail");

        robot.clickOn("#detail-email-1");
        waitUntil("the mail client is asked for", () -> openedLinks.equals(List.of("mailto:ada@work.example")));
        robot.clickOn("#detail-phone-0");
        waitUntil("the number is copied", () -> text(robot, "#detail-status").equals("Copied +44 20 7946 0018."));
        assertEquals("+44 20 7946 0018", Fx.call(() -> Clipboard.getSystemClipboard().getString()));

        robot.clickOn("#edit");
        waitUntil("Edit turns the detail into the form", () -> visible(robot, "#contact-form")
                && !visible(robot, "#contact-detail") && text(robot, "#first-name").equals("Ada"));
        robot.type(KeyCode.ESCAPE);
        waitUntil("Escape returns to the detail, focus in the list", () -> visible(robot, "#contact-detail")
                && contactList().isFocused());
        robot.type(KeyCode.DOWN);
        waitUntil("the next contact shows", () -> text(robot, "#detail-name").equals("Grace Hopper"));
        assertFalse(visible(robot, "#detail-email-0"), "Grace has no email");
    }

    @Test
    void aLongNoteWrapsAndLeavesEveryFieldsNameAndKindWhole() {
        registerAndLogIn(robot, "longnote@example.com");
        String note = "Une très longue note qui est pliée sur plusieurs lignes parce que Apple plie les lignes. ".repeat(8);
        userApi().create(new ContactDraft("Amélie", "Dupont", List.of(new LabeledValue("amelie@example.fr", "other")),
                List.of(new LabeledValue("+33 6 12 34 56 78", "mobile")), null, note.strip(), List.of(), null, null,
                null, List.of(), false));
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Amélie Dupont");
        waitUntil("the details show", () -> text(robot, "#detail-name").equals("Amélie Dupont"));
        // what each label draws: its text, or the text cut short with an ellipsis when its column is too narrow
        List<String> drawn = Fx.call(() -> {
            robot.lookup("#detail-fields").queryAs(javafx.scene.layout.GridPane.class).layout();
            return robot.lookup("#detail-fields").queryAs(javafx.scene.layout.GridPane.class).getChildren().stream()
                    .filter(n -> n instanceof javafx.scene.control.Label l && !l.isWrapText())
                    .map(n -> ((javafx.scene.text.Text) n.lookup(".text")).getText()).toList();
        });
        assertEquals(List.of("Email", "other", "Phone", "mobile", "Notes", ""), drawn,
                "field names and kinds are never cut to \"…\" by a long value beside them");
        assertTrue(Fx.call(() -> robot.lookup("#detail-notes").queryAs(javafx.scene.control.Label.class).getHeight())
                > 3 * Fx.call(() -> robot.lookup("#detail-name").queryAs(javafx.scene.control.Label.class)
                .getFont().getSize()), "the note wraps onto several lines");
        Screenshots.save(window.scene(), "contact-detail-long-note");
    }

    @Test
    void aLongEmailInTheDetailsWrapsWholeInsteadOfBeingCut() {
        registerAndLogIn(robot, "longemail@example.com");
        String email = "bartholomew.featherstonehaugh-cholmondeley"
                + "@accounts-payable.long-department-of-the-company.example.co.uk";
        userApi().create(new ContactDraft("Bart", "Long", email, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Bart Long");
        waitUntil("the details show", () -> text(robot, "#detail-email-0").equals(email));
        // what the link draws: the address whole on several lines, not its start cut with "…"
        String drawn = Fx.call(() -> {
            robot.lookup("#detail-fields").queryAs(javafx.scene.layout.GridPane.class).layout();
            return ((javafx.scene.text.Text) robot.lookup("#detail-email-0").query().lookup(".text")).getText();
        });
        assertEquals(email, drawn.replace("\n", "").replace("\u200A", ""), "the email is drawn whole");
        Screenshots.save(window.scene(), "contact-detail-long-email");
    }

    @Test
    void savingAContactInViewLeavesTheListWhereItWasWithTheFavouritesHeadingOnTop() {
        // found living in the app (user-walk8): after a save (or coming back from the Trash) the list was scrolled to
        // put the contact at its top, though it was in view: the "Favourites" heading and the first favourite went
        // above the edge
        registerAndLogIn(robot, "inview@example.com");
        for (String first : List.of("Ada", "Grace")) {
            userApi().create(new ContactDraft(first, "Fav", List.of(), List.of(), null, null, List.of(), null, null,
                    null, List.of(), true));
        }
        for (int i = 0; i < 20; i++) { // more than the list shows at once: it can scroll
            userApi().create(new ContactDraft("Alan" + i, "Turing", null, null, null, null));
        }
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Grace Fav");
        robot.type(KeyCode.ENTER);
        waitUntil("the form is open", () -> visible(robot, "#contact-form"));
        robot.type(KeyCode.END).write(" M."); // (the first name has the focus)
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil("saved and shown", () -> visible(robot, "#contact-detail")
                && Fx.call(() -> contactList().getSelectionModel().getSelectedItem() != null
                && "Grace M.".equals(contactList().getSelectionModel().getSelectedItem().firstName())));
        WaitForAsyncUtils.waitForFxEvents();
        int firstShown = Fx.call(() -> {
            contactList().layout();
            return ((javafx.scene.control.skin.VirtualFlow<?>) contactList().lookup(".virtual-flow"))
                    .getFirstVisibleCell().getIndex();
        });
        assertEquals(0, firstShown, "the list starts at its top, the heading and Ada in view");
    }

    @Test
    void aBirthdayWithItsAgeIsReadWholeInTheNarrowestWindow() {
        // found living in the app (user-walk8): at 800 px wide the details said "December 3, 1978 (47 y…"
        registerAndLogIn(robot, "birthday@example.com");
        LocalDate birthday = LocalDate.of(1978, 9, 30);
        userApi().create(new ContactDraft("Margaret", "Kowalski", "m.kowalski@nordwind-logistik.example", null,
                birthday, null));
        Fx.run(() -> stage.setWidth(dev.contacts.desktop.app.AppWindow.MIN_WIDTH));
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Margaret Kowalski");
        waitUntil("the details show", () -> text(robot, "#detail-birthday").startsWith("September 30, 1978"));
        int age = Period.between(birthday, LocalDate.now()).getYears();
        // what the label draws: the date and the age, on two lines if need be, not cut with "…"
        String drawn = Fx.call(() -> {
            robot.lookup("#detail-fields").queryAs(javafx.scene.layout.GridPane.class).layout();
            return ((javafx.scene.text.Text) robot.lookup("#detail-birthday").query().lookup(".text")).getText();
        });
        assertEquals("September 30, 1978 (" + age + " years old)", drawn.replace("\n", " ").replaceAll(" +", " "),
                "the birthday and the age are drawn whole");
        Screenshots.save(window.scene(), "contact-detail-birthday-narrow");
    }

    @Test
    void aLongEmailBreaksAfterItsAtAt1024PixelsNotInsideItsDomain() {
        registerAndLogIn(robot, "breaks@example.com");
        Fx.run(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        String local = "maximilian.alexander.mustermann-schmidt";
        String domain = "buchhaltung.niederlassung-sued.example-gmbh.de";
        userApi().create(new ContactDraft("Max", "Mustermann", local + "@" + domain, null, null, null));
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Max Mustermann");
        waitUntil("the details show", () -> text(robot, "#detail-email-0").equals(local + "@" + domain));
        // the drawn text's last line: where it starts, and that it is the second
        String firstLine = Fx.call(() -> {
            robot.lookup("#detail-fields").queryAs(javafx.scene.layout.GridPane.class).layout();
            javafx.scene.text.Text drawn = (javafx.scene.text.Text) robot.lookup("#detail-email-0").query()
                    .lookup(".text");
            javafx.geometry.Bounds bounds = drawn.getLayoutBounds();
            int lastLine = drawn.hitTest(new javafx.geometry.Point2D(1, bounds.getMaxY() - 2)).getCharIndex();
            int secondLine = drawn.hitTest(new javafx.geometry.Point2D(1, bounds.getMinY()
                    + drawn.getFont().getSize() * 1.9)).getCharIndex();
            return lastLine == secondLine ? drawn.getText().substring(0, lastLine).replace("\u200A", "") : "3+ lines";
        });
        Screenshots.save(window.scene(), "contact-detail-email-1024");
        assertEquals(local + "@", firstLine, "the line breaks after the @, the domain whole on the next line");
        assertEquals(local + "@" + domain, Fx.call(() -> robot.lookup("#detail-email-0").query().getAccessibleText()),
                "a screen reader reads the address itself");
        Fx.run(() -> stage.sizeToScene());
    }

    @Test
    void anAvatarWithoutInitialsShowsAPersonFillingMostOfItsCircleInTheRowAndTheDetail() {
        registerAndLogIn(robot, "nobody@example.com");
        userApi().create(new ContactDraft("(plumber)", "", "someone@example.com", null, null, null)); // no letter: no initials
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("(plumber)");
        waitUntil("the detail shows", () -> visible(robot, "#contact-detail"));
        Avatar row = robot.lookup("#contacts-list .avatar").queryAs(Avatar.class);
        Avatar detail = robot.lookup("#contact-detail .avatar").queryAs(Avatar.class);
        for (Avatar avatar : List.of(row, detail)) {
            waitUntil("a person, no initials", () -> Fx.call(avatar::showsNobody));
            // the drawn person (its visual bounds), as in GNOME Contacts: about 60% of the circle, not a quarter
            double share = Fx.call(() -> avatar.lookup(".avatar-nobody").getLayoutBounds().getHeight() / avatar.size());
            assertTrue(share > 0.5 && share < 0.75, "the person is " + share + " of a " + avatar.size() + " px circle");
        }
        Screenshots.save(window.scene(), "avatar-nobody");
    }

    @Test
    void aPhotoThatIsNotSquareShowsItsMiddleInTheCircleNotSquashed() {
        registerAndLogIn(robot, "portrait@example.com");
        long id = userApi().create(new ContactDraft("Ada", "Lovelace", "ada@example.com", null, null, null)).id();
        BufferedImage portrait = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB); // as phones take them
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(portrait, "jpeg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        userApi().putPhoto(id, jpeg.toByteArray(), "image/jpeg");
        Fx.run(() -> window.mainView().refresh());
        clickOnContact("Ada Lovelace");
        waitUntil("the row and the detail show her photo",
                () -> photosShown("#contacts-list") == 1 && photosShown("#contact-detail") == 1);

        for (String container : List.of("#contacts-list", "#contact-detail")) {
            Avatar avatar = robot.lookup(container + " .avatar").queryAs(Avatar.class);
            ImageView view = Fx.call(() -> avatar.getChildrenUnmodifiable().stream()
                    .filter(ImageView.class::isInstance).map(ImageView.class::cast).findFirst().orElseThrow());
            javafx.geometry.Rectangle2D shown = Fx.call(view::getViewport);
            double width = Fx.call(() -> view.getImage().getWidth());
            double height = Fx.call(() -> view.getImage().getHeight());
            assertEquals(Math.ceil(avatar.size() * 4 / 3), height, 1, container + ": 3:4 covering the circle");
            assertNotNull(shown, container + ": the middle square, not the whole photo squashed");
            assertEquals(width, shown.getWidth(), 0.001);
            assertEquals(width, shown.getHeight(), 0.001);
            assertEquals((height - width) / 2, shown.getMinY(), 0.001);
        }
    }

    /** How many avatars under {@code container} show a photo (not initials). */
    private int photosShown(String container) {
        return Fx.call(() -> (int) robot.lookup(container).query().lookupAll(".avatar").stream()
                .flatMap(avatar -> ((javafx.scene.Parent) avatar).getChildrenUnmodifiable().stream())
                .filter(n -> n instanceof ImageView view && view.isVisible() && view.getImage() != null)
                .count());
    }

    @Test
    void typingALetterInTheListJumpsToTheFirstContactUnderItBeyondThePagesLoaded() {
        registerAndLogIn(robot, "jump@example.com");
        for (int i = 0; i < ContactsViewModel.PAGE_SIZE + 20; i++) {
            userApi().create(new ContactDraft("A" + i, String.format("Adams%03d", i), null, null, null, null));
        }
        for (int i = 0; i < 5; i++) {
            userApi().create(new ContactDraft("T" + i, "Taylor" + i, null, null, null, null));
        }
        Fx.run(() -> window.mainView().refresh());
        waitUntil("the first page is listed", () -> listedFirstNames().size() == ContactsViewModel.PAGE_SIZE);

        clickOnContact("A0 Adams000");
        robot.type(KeyCode.T);
        waitUntil("Taylor0 is selected and shown", () -> selectedFirstNames().equals(List.of("T0"))
                && text(robot, "#detail-name").equals("T0 Taylor0"));
        assertTrue(Fx.call(() -> contactList().isFocused()), "the keys go on in the list");
        robot.type(KeyCode.DOWN);
        waitUntil("Down goes on from there", () -> selectedFirstNames().equals(List.of("T1")));
        robot.type(KeyCode.A);
        waitUntil("back up to A", () -> selectedFirstNames().equals(List.of("A0")));
    }
}
