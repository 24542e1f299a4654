package dev.contacts.desktop.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.app.BookWatch;
import dev.contacts.desktop.support.Avatars;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Menus;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.LabeledValue;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;

class DuplicatesFlowTest extends UiTestBase {

    /** The timer of the question "did the book change elsewhere?", ticked when the test says. */
    private final Ticks ticker = new Ticks();

    private static final class Ticks implements BookWatch.Ticker {
        private Runnable tick = () -> { };

        @Override
        public Runnable every(java.time.Duration period, Runnable tick) {
            this.tick = tick;
            return () -> this.tick = () -> { };
        }

        void tick() {
            tick.run();
        }
    }

    private Contact create(String first, String last, String email, String phone, String organization) {
        return userApi().create(new ContactDraft(first, last, List.of(new LabeledValue(email, "home")),
                phone == null ? List.of() : List.of(new LabeledValue(phone, "mobile")), null, null, List.of(),
                organization, null, null, List.of(), false));
    }

    @Test
    void mergeAGroupIntoTheChosenContactThenUndo() {
        registerAndLogIn(robot, "dupes-ui@example.com");
        Contact ann = create("Ann", "Lee", "ann@example.com", null, null);
        Contact annWork = create("Ann", "Lee", "ann@example.com", "+44 20 7946 0000", "Acme");
        create("Bo", "Berg", "bo@example.com", "+46 8 123 456 78", null);
        create("Bo", "Berg", "bo.berg@example.com", "+46 8 123 456 78", "Volvo");

        Menus.choose(robot, "View", "Duplicates");
        waitUntil("two groups show", () -> visible(robot, "#duplicate-group-1"));
        for (boolean dark : new boolean[] {false, true}) {
            Fx.run(() -> theme.darkProperty().set(dark));
            Screenshots.save(window.scene(), "screen-duplicates-" + (dark ? "dark" : "light"));
        }

        robot.clickOn("#keep-" + ann.id()); // not the proposed one
        robot.clickOn("#merge-0");
        waitUntil("merged", () -> text(robot, "#duplicates-message")
                .equals("Merged 2 contacts into Ann Lee. The other one is in the trash."));
        waitUntil("one group is left", () -> !visible(robot, "#duplicate-group-1"));
        assertEquals(List.of(annWork.id()), userApi().trash(0, 10).items().stream().map(t -> t.contact().id()).toList());
        assertEquals("Acme", userApi().list(0, 10).items().stream().filter(c -> c.id() == ann.id()).findFirst()
                .orElseThrow().organization());
        Screenshots.save(window.scene(), "duplicates-merged");

        robot.clickOn("#duplicates-undo");
        waitUntil("undone", () -> text(robot, "#duplicates-message").startsWith("Merge undone"));
        waitUntil("both groups are back", () -> visible(robot, "#duplicate-group-1"));
        assertEquals(0, userApi().trash(0, 10).total());
        assertEquals(null, userApi().list(0, 10).items().stream().filter(c -> c.id() == ann.id()).findFirst()
                .orElseThrow().organization());
    }

    @Test
    void whereNamesAndBirthdaysDifferTheDialogAsksWhichToKeepAndCancelMergesNothing() {
        registerAndLogIn(robot, "merge-dialog@example.com");
        Contact ann = userApi().create(new ContactDraft("Ann", "Lee", List.of(new LabeledValue("ann@example.com",
                "home")), List.of(new LabeledValue("0170 1234567", "mobile")), java.time.LocalDate.of(1980, 1, 2),
                null, List.of(), "Acme", null, null, List.of(), false));
        Contact annabel = userApi().create(new ContactDraft("Annabel", "Lee", List.of(new LabeledValue(
                "ann@example.com", "work")), List.of(new LabeledValue("+49 170 1234567", "work")),
                java.time.LocalDate.of(1981, 2, 3), null, List.of(), null, null, null, List.of(), false));

        Menus.choose(robot, "View", "Duplicates");
        waitUntil("the group shows", () -> visible(robot, "#duplicate-group-0"));
        robot.clickOn("#keep-" + ann.id());
        robot.clickOn("#merge-0");
        waitUntil("asked what to keep", () -> robot.lookup("#merge-dialog").tryQuery().isPresent());
        assertTrue(robot.lookup("#merge-name-" + ann.id()).queryAs(javafx.scene.control.RadioButton.class)
                .isSelected(), "the kept card's name is chosen at first");
        javafx.scene.Scene dialog = robot.lookup("#merge-dialog").query().getScene();
        for (boolean dark : new boolean[] {false, true}) {
            Fx.run(() -> theme.darkProperty().set(dark));
            Screenshots.save(dialog, "merge-dialog-" + (dark ? "dark" : "light"));
        }
        Fx.run(() -> theme.darkProperty().set(false));
        robot.clickOn("#merge-cancel");
        waitUntil("the dialog is gone", () -> robot.lookup("#merge-dialog").tryQuery().isEmpty());
        assertEquals(0, userApi().trash(0, 10).total(), "Cancel merges nothing");

        robot.clickOn("#merge-0");
        waitUntil("asked again", () -> robot.lookup("#merge-dialog").tryQuery().isPresent());
        robot.clickOn("#merge-name-" + annabel.id());
        robot.clickOn("#merge-birthday-" + annabel.id());
        robot.clickOn("#merge-confirm");
        waitUntil("merged", () -> text(robot, "#duplicates-message")
                .equals("Merged 2 contacts into Annabel Lee. The other one is in the trash."));
        Contact merged = userApi().get(ann.id()).contact();
        assertEquals("Annabel", merged.firstName());
        assertEquals(java.time.LocalDate.of(1981, 2, 3), merged.birthday());
        assertEquals("Acme", merged.organization());
        assertEquals(List.of("0170 1234567"), merged.phones().stream().map(LabeledValue::value).toList(),
                "one number written two ways is one phone");
        assertNull(merged.additionalData(), "nothing added to the notes");
    }

    @Test
    void eachContactOfAGroupHasTheListsAvatarItsPhotoOrItsInitials() {
        registerAndLogIn(robot, "dupes-avatars@example.com");
        Contact ann = create("Ann", "Lee", "ann@example.com", null, null);
        create("Ann", "Lee", "ann@example.com", "+44 20 7946 0000", "Acme");
        userApi().putPhoto(ann.id(), Avatars.redSquarePng(), "image/png");

        Menus.choose(robot, "View", "Duplicates");
        waitUntil("the group shows", () -> visible(robot, "#duplicate-group-0"));
        waitUntil("Ann's photo shows, the other Ann's initials", () -> Fx.call(() -> {
            javafx.scene.Node group = robot.lookup("#duplicate-group-0").query();
            return Avatars.count(group) == 2 && Avatars.photosShown(group) == 1;
        }));
        javafx.scene.Node withPhoto = robot.lookup("#keep-" + ann.id()).query();
        assertEquals(1, Fx.call(() -> Avatars.photosShown(withPhoto)), "the photo is beside its own contact");
        Screenshots.save(window.scene(), "duplicates-avatars");
    }

    @Test
    void manyGroupsShowAPageAtATimeAndShowMoreAddsTheNextOnes() {
        // a book of thousands of look-alike names has hundreds of groups: a card for each at once froze the window
        registerAndLogIn(robot, "dupes-many@example.com");
        int groups = DuplicatesView.PAGE * 2 + 20;
        StringBuilder cards = new StringBuilder();
        for (int i = 0; i < groups; i++) {
            for (int copy = 0; copy < 2; copy++) {
                cards.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Twin").append(i).append(";Ann;;;\r\nFN:Ann Twin")
                        .append(i).append("\r\nEMAIL:twin").append(i).append("@example.com\r\nNOTE:copy ")
                        .append(copy).append("\r\nEND:VCARD\r\n");
            }
        }
        userApi().importFile(cards.toString().getBytes(StandardCharsets.UTF_8), TransferFormat.VCARD,
                StandardCharsets.UTF_8);

        Menus.choose(robot, "View", "Duplicates");
        waitUntil("the first groups show", () -> visible(robot, "#duplicate-group-0"));
        assertEquals(DuplicatesView.PAGE, cardsShown(), "one page of groups, not all " + groups);
        assertEquals("Show more (70 groups left)", text(robot, "#duplicates-more"));

        robot.clickOn("#duplicate-group-0"); // (the window has the keyboard: focus moves as for a person)
        showMore(); // (at the end of the scrolled list: out of sight until scrolled to)
        waitUntil("a second page", () -> cardsShown() == DuplicatesView.PAGE * 2);
        String firstNew = "#duplicate-group-" + DuplicatesView.PAGE;
        waitUntil("the first new card has the keyboard", () -> Fx.call(() -> {
            Node focused = robot.lookup(firstNew).query().getScene().getFocusOwner();
            return focused != null && focused.getId() != null && focused.getId().startsWith("keep-")
                    && robot.lookup(firstNew).query().lookup("#" + focused.getId()) != null;
        }));
        assertTrue(inSight(firstNew), "the list is scrolled to the first new card");
        Screenshots.save(window.scene(), "duplicates-show-more");
        showMore();
        waitUntil("all of them", () -> cardsShown() == groups);
        assertFalse(visible(robot, "#duplicates-more"), "nothing more to show");
    }

    /** Whether the top of {@code query}'s node is inside the scrolled view of the groups. */
    private boolean inSight(String query) {
        return Fx.call(() -> {
            Node node = robot.lookup(query).query();
            ScrollPane scroll = robot.lookup("#duplicates-scroll").queryAs(ScrollPane.class);
            Bounds view = scroll.localToScene(scroll.getBoundsInLocal());
            double top = node.localToScene(node.getBoundsInLocal()).getMinY();
            return top >= view.getMinY() && top < view.getMaxY();
        });
    }

    private void showMore() {
        Fx.run(() -> robot.lookup("#duplicates-more").queryButton().fire());
    }

    private int cardsShown() {
        return Fx.call(() -> robot.lookup(".duplicate-group").queryAll().size());
    }

    @Test
    void aMergeOnAnotherDeviceLeavesNoStalePairAndActingOnOneSaysWhyNothingWasMerged() {
        Fx.run(() -> window.watchChangesWith(ticker));
        registerAndLogIn(robot, "dupes-elsewhere@example.com");
        Contact ann = create("Ann", "Lee", "ann@example.com", null, null);
        Contact annWork = create("Ann", "Lee", "ann@example.com", "+44 20 7946 0000", "Acme");
        Contact bo = create("Bo", "Berg", "bo@example.com", "+46 8 123 456 78", null);
        Contact boWork = create("Bo", "Berg", "bo.berg@example.com", "+46 8 123 456 78", "Volvo");
        Menus.choose(robot, "View", "Duplicates");
        waitUntil("two groups show", () -> visible(robot, "#duplicate-group-1"));
        ContactsApi other = api.newClient();
        other.login("dupes-elsewhere@example.com", PASSWORD);

        // merged on another device: the pair goes at the next question, no stale card is left to act on
        other.merge(List.of(bo.id(), boWork.id()));
        Fx.run(ticker::tick);
        waitUntil("one group is left", () -> !visible(robot, "#duplicate-group-1"));

        // deleted on another device just before Merge is clicked here: said in plain words, nothing is lost
        other.trash(List.of(annWork.id()));
        robot.clickOn("#merge-0");
        waitUntil("why nothing was merged", () -> text(robot, "#duplicates-error")
                .startsWith("Nothing was merged: these contacts were changed elsewhere meanwhile"));
        waitUntil("the stale pair is gone", () -> visible(robot, "#duplicates-empty"));
        assertTrue(userApi().trash(0, 10).items().stream().anyMatch(t -> t.contact().id() == annWork.id()),
                "the one deleted elsewhere is still in the trash");
        assertEquals("Ann", userApi().get(ann.id()).contact().firstName(), "the other is as it was");
    }

    @Test
    void noDuplicatesSaysSo() {
        registerAndLogIn(robot, "nodupes-ui@example.com");
        create("Solo", "One", "solo@example.com", null, null);
        Menus.choose(robot, "View", "Duplicates");
        waitUntil("the empty state shows", () -> visible(robot, "#duplicates-empty"));
    }
}
