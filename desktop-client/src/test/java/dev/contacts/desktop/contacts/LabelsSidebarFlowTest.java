package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.contacts.LabelsViewModel.Entry;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

/**
 * The sidebar beside the list in the window: a click on a label lists only its contacts (and the count says how
 * many), a label chip in the details picks that label, and nothing of one account's labels is left for the next.
 */
class LabelsSidebarFlowTest extends UiTestBase {

    private void add(String first, String last, boolean favorite, String... labels) {
        ContactsApi user = userApi();
        Contact made = user.create(new ContactDraft(first, last, null, null, null, null));
        user.patch(made.id(), Map.of("favorite", favorite, "labels", List.of(labels)), null);
    }

    private void addPeople() {
        add("Ada", "Lovelace", true, "Family");
        add("Grace", "Hopper", false, "Family", "Work");
        add("Alan", "Turing", false);
        add("Edsger", "Dijkstra", false, "Work", "Distributed systems reading group 2026");
        robot.type(KeyCode.F5);
        waitUntil("listed", () -> listedFirstNames().size() == 4);
        waitUntil("the labels counted", () -> sidebar().getItems().size() == 5);
    }

    @SuppressWarnings("unchecked")
    private ListView<Entry> sidebar() {
        return (ListView<Entry>) robot.lookup("#labels-list").queryAs(ListView.class);
    }

    /** The sidebar's entry selected, by name. */
    private String picked() {
        return Fx.call(() -> {
            Entry entry = sidebar().getSelectionModel().getSelectedItem();
            return entry == null ? "" : entry.name();
        });
    }

    private void clickOnEntry(String name) {
        waitUntil(name + " is in the sidebar", () -> entryCell(name) != null);
        robot.clickOn(Fx.call(() -> entryCell(name)));
    }

    private Node entryCell(String name) {
        return sidebar().lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> cell && cell.getItem() instanceof Entry e
                        && e.name().equals(name))
                .findFirst().orElse(null);
    }

    /** The text the sidebar's row of label {@code name} draws (cut with "…" when it does not fit). */
    private String shownName(String name) {
        return Fx.call(() -> entryCell(name).lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && l.getText().equals(name)).findFirst()
                .map(n -> n.lookup(".text")).map(t -> ((Text) t).getText()).orElse("(not shown)"));
    }

    @Test
    void aClickOnALabelListsItsContactsAndAChipInTheDetailsPicksItsLabel() {
        registerAndLogIn(robot, "sidebar@example.com");
        addPeople();
        assertEquals("All contacts", picked());

        clickOnEntry("Work");
        waitUntil("only Work's contacts", () -> listedFirstNames().equals(List.of("Edsger", "Grace")));
        assertEquals("2 contacts", text(robot, "#summary"));
        screenshotsInBothThemes("labels-sidebar-work");

        clickOnContact("Grace Hopper");
        waitUntil("her details", () -> text(robot, "#detail-name").equals("Grace Hopper"));
        Button family = robot.lookup("#contact-detail .label-chip").lookup((Button b) -> "Family".equals(b.getText()))
                .queryButton();
        robot.clickOn(family);
        waitUntil("Family picked in the sidebar", () -> picked().equals("Family"));
        waitUntil("Family's contacts", () -> listedFirstNames().equals(List.of("Ada", "Grace")));

        clickOnEntry("Favourites");
        waitUntil("the favourites alone", () -> listedFirstNames().equals(List.of("Ada")));
        clickOnEntry("All contacts");
        waitUntil("everyone again", () -> listedFirstNames().size() == 4);
    }

    @Test
    void aFavouritesStarIsReadOutAsSuch() {
        registerAndLogIn(robot, "sidebar-star@example.com");
        addPeople();
        clickOnContact("Ada Lovelace");
        waitUntil("her details", () -> text(robot, "#detail-name").equals("Ada Lovelace"));
        Node star = robot.lookup("#detail-favorite").query();
        assertTrue(Fx.call(star::isVisible));
        // (before: no text, so a screen reader said nothing, or the icon font's private character)
        assertEquals("Favourite", Fx.call(star::getAccessibleText));
        Node rowStar = robot.lookup("#contacts-list .favorite-star").match(Node::isVisible).query();
        assertEquals("Favourite", Fx.call(rowStar::getAccessibleText));
    }

    @Test
    void theSidebarStaysNarrowAtTheSmallestWindowAndTheListAndDetailsKeepTheirRoom() {
        registerAndLogIn(robot, "sidebar-small@example.com");
        addPeople();
        Fx.atSize(stage, 800, 600, () -> {
            waitUntil("laid out at 800×600", () -> Fx.call(() -> window.scene().getWidth()) <= 800);
            clickOnContact("Edsger Dijkstra");
            waitUntil("his details", () -> text(robot, "#detail-name").equals("Edsger Dijkstra"));
            Screenshots.save(window.scene(), "labels-sidebar-800x600");
            double sidebarWidth = Fx.call(() -> sidebar().getWidth());
            double listWidth = Fx.call(() -> contactList().getWidth());
            double detailWidth = Fx.call(() -> robot.lookup("#contact-detail").query().getBoundsInParent().getWidth());
            assertTrue(sidebarWidth >= 150 && sidebarWidth <= 190, "the sidebar is " + sidebarWidth + " wide");
            assertTrue(listWidth >= 200, "the list is " + listWidth + " wide");
            assertTrue(detailWidth >= 260, "the details are " + detailWidth + " wide");
        });
    }

    @Test
    void theSidebarWidensInALargeWindowSoThatLongerLabelsAreReadWhole() {
        registerAndLogIn(robot, "sidebar-large@example.com");
        addPeople();
        Fx.atSize(stage, 1920, 1080, () -> {
            waitUntil("laid out at 1920×1080", () -> Fx.call(() -> window.scene().getWidth()) >= 1900);
            clickOnContact("Edsger Dijkstra");
            waitUntil("his details", () -> text(robot, "#detail-name").equals("Edsger Dijkstra"));
            Screenshots.save(window.scene(), "labels-sidebar-1920x1080");
            double sidebarWidth = Fx.call(() -> sidebar().getWidth());
            double listWidth = Fx.call(() -> contactList().getWidth());
            double detailWidth = Fx.call(() -> robot.lookup("#contact-detail").query().getBoundsInParent().getWidth());
            // (before: 180, the details taking all the room to spare, label names cut at 1920 as at 1024)
            assertTrue(sidebarWidth >= 250 && sidebarWidth <= 260, "the sidebar is " + sidebarWidth + " wide");
            // (before: 340, the list kept its width while the details took all the room to spare)
            assertTrue(listWidth >= 440, "the list is " + listWidth + " wide");
            assertTrue(detailWidth >= 1000, "the details are " + detailWidth + " wide");
            // (before: "Distributed systems reading gr…", cut even at the sidebar's widest)
            assertEquals("Distributed systems reading group 2026", shownName("Distributed systems reading group 2026"),
                    "a long label name is read whole, on two lines");
        });
    }

    @Test
    void theNextAccountSeesNoneOfTheLastOnesLabels() {
        registerAndLogIn(robot, "labels-first@example.com");
        addPeople();
        clickOnEntry("Work");
        waitUntil("Work picked", () -> listedFirstNames().size() == 2);
        robot.clickOn("#account-menu");
        robot.clickOn("Log out");
        waitUntil("logged out", () -> visible(robot, "#email"));

        registerAndLogIn(robot, "labels-second@example.com");
        waitUntil("the new book is listed", () -> Fx.call(() -> !contactList().isDisabled())
                && text(robot, "#summary").equals("0 contacts"));
        assertEquals(List.of("All contacts", "Favourites"),
                Fx.call(() -> sidebar().getItems().stream().map(Entry::name).toList()));
        assertEquals("All contacts", picked());
    }
}
