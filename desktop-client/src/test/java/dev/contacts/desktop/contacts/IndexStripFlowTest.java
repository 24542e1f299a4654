package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.contacts.desktop.api.TransferFormat;
import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.ContactDraft;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The index strip beside the list: a click on a letter jumps as typing it does, loaded yet or not. */
class IndexStripFlowTest extends UiTestBase {

    private void clickOnIndex(String letter) {
        Node entry = robot.lookup("#index-strip").lookup((Labeled l) -> letter.equals(l.getText())).query();
        robot.clickOn(entry);
    }

    /** The heading drawn over the row of the contact whose first name is {@code firstName}; "" for none. */
    private String headingOver(String firstName) {
        return robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(cell -> cell.isVisible() && cell.getItem() instanceof dev.contacts.model.Contact c
                        && c.firstName().equals(firstName))
                .map(cell -> (Labeled) cell.lookup(".list-heading"))
                .filter(heading -> heading != null && heading.isVisible()).map(Labeled::getText)
                .findFirst().orElse("");
    }

    /** The height in the scene of the middle of the {@code part} of the row of {@code firstName}. */
    private double middleOf(String part, String firstName) {
        Node node = robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(cell -> cell.isVisible() && cell.getItem() instanceof dev.contacts.model.Contact c
                        && c.firstName().equals(firstName))
                .map(cell -> cell.lookup(part)).findFirst().orElseThrow();
        javafx.geometry.Bounds bounds = node.localToScene(node.getLayoutBounds());
        return (bounds.getMinY() + bounds.getMaxY()) / 2;
    }

    /** The headings the list shows now, in order. */
    private List<String> headingsShown() {
        return Fx.call(() -> robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(cell -> cell.isVisible() && cell.getItem() != null)
                .sorted(java.util.Comparator.comparingInt(javafx.scene.control.ListCell::getIndex))
                .map(cell -> (Labeled) cell.lookup(".list-heading"))
                .filter(heading -> heading != null && heading.isVisible()).map(Labeled::getText).toList());
    }

    @Test
    void aHeadingOutsideAToZIsTheStripsLetterThatReachesIt() {
        registerAndLogIn(robot, "index-o@example.com");
        for (String[] name : new String[][] {{"Zoë", "O'Brien"}, {"Søren", "Østergaard"}, {"Wilfred", "Owen"},
                {"Rosa", "Pike"}, {"Priya", "Raman"}}) {
            userApi().create(new ContactDraft(name[0], name[1], null, null, null, null));
        }
        robot.type(KeyCode.F5);
        waitUntil("all five are listed", () -> listedFirstNames().size() == 5);
        List<String> strip = Fx.call(() -> robot.lookup("#index-strip").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().stream().map(n -> ((Labeled) n).getText()).toList());
        // the server lists Østergaard among the O's: one O heading, not O, Ø, O, and each heading is in the strip
        assertEquals(List.of("O", "P", "R"), headingsShown());
        assertTrue(strip.containsAll(headingsShown()), strip.toString());

        clickOnIndex("P");
        waitUntil("P selects Pike, not Østergaard", () -> selectedFirstNames().equals(List.of("Rosa")));
        clickOnIndex("O");
        waitUntil("O selects the first of the O's", () -> selectedFirstNames().equals(List.of("Zoë")));
        Screenshots.save(window.scene(), "list-o-with-slashed-o");
    }

    @Test
    void aLetterOfTheStripSelectsTheFirstContactUnderItAlsoOnPagesNotLoadedYet() {
        registerAndLogIn(robot, "index@example.com");
        StringBuilder vcf = new StringBuilder("BEGIN:VCARD\r\nVERSION:4.0\r\nN:7eleven;Seven;;;\r\nFN:Seven 7eleven\r\n"
                + "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nN:;Cher;;;\r\nFN:Cher\r\nEND:VCARD\r\n");
        for (int i = 0; i < 250; i++) {
            vcf.append(String.format("BEGIN:VCARD\r\nVERSION:4.0\r\nN:Adams%03d;A%d;;;\r\nFN:A%d Adams%03d\r\n"
                    + "END:VCARD\r\n", i, i, i, i));
        }
        vcf.append("BEGIN:VCARD\r\nVERSION:4.0\r\nN:Turing;Alan;;;\r\nFN:Alan Turing\r\nEND:VCARD\r\n");
        vcf.append("BEGIN:VCARD\r\nVERSION:4.0\r\nN:Zuse;Konrad;;;\r\nFN:Konrad Zuse\r\nEND:VCARD\r\n");
        userApi().importFile(vcf.toString().getBytes(StandardCharsets.UTF_8), TransferFormat.VCARD,
                StandardCharsets.UTF_8);
        robot.type(KeyCode.F5);
        waitUntil("the first page is listed", () -> listedFirstNames().size() == ContactsViewModel.PAGE_SIZE);
        assertTrue(listedFirstNames().stream().noneMatch(n -> n.equals("Alan")), "Turing is not loaded yet");

        clickOnIndex("T");
        waitUntil("the first under T is selected and shown", () -> selectedFirstNames().equals(List.of("Alan"))
                && text(robot, "#detail-name").equals("Alan Turing"));
        assertTrue(Fx.call(() -> contactList().isFocused()), "the keyboard goes on in the list");
        clickOnIndex("X");
        waitUntil("nobody under X: the next letter that has someone", () -> selectedFirstNames().equals(List.of("Konrad")));
        clickOnIndex("#");
        waitUntil("#: the names without a letter, not those without a last name", () -> selectedFirstNames()
                .equals(List.of("Seven")));
        waitUntil("Seven under #", () -> headingOver("Seven").equals("#"));
        robot.type(KeyCode.HOME);
        waitUntil("Cher, who has no last name, is listed first, under a heading that says so", () -> selectedFirstNames()
                .equals(List.of("Cher")) && headingOver("Cher").equals("No last name"));
        Screenshots.save(window.scene(), "list-no-last-name");
        assertEquals(0, Fx.call(() -> middleOf(".contact-name", "Cher") - middleOf(".avatar", "Cher")), 1.0,
                "her name alone (no line under it) is level with her avatar, not at its top");
        robot.type(KeyCode.T);
        waitUntil("typing still jumps the same way", () -> selectedFirstNames().equals(List.of("Alan")));
        assertEquals(27, Fx.call(() -> robot.lookup("#index-strip").lookup(".button").queryAll().size()));

        for (boolean dark : new boolean[] {false, true}) {
            Fx.run(() -> theme.darkProperty().set(dark));
            Screenshots.save(window.scene(), "index-strip-" + (dark ? "dark" : "light"));
        }
    }

    @Test
    void theStripShowsOnlyBesideListedRows() {
        registerAndLogIn(robot, "index-empty@example.com");
        waitUntil("the empty book says so", () -> text(robot, "#empty-state").startsWith("No contacts yet."));
        assertFalse(visible(robot, "#index-strip"), "no letters beside an empty book");

        userApi().create(new ContactDraft("Ada", "Lovelace", null, null, null, null));
        robot.type(KeyCode.F5);
        waitUntil("listed, with the strip beside", () -> listedFirstNames().equals(List.of("Ada"))
                && visible(robot, "#index-strip"));

        robot.clickOn("#search").write("zzz");
        waitUntil("no match", () -> text(robot, "#empty-state").equals("No contacts match “zzz”."));
        assertFalse(visible(robot, "#index-strip"), "no letters beside an empty search");
        Screenshots.save(window.scene(), "index-strip-empty-search");
    }

    @Test
    void theAddressBookKeepsItsLookWhenTheThemeChangedWhileAnotherViewWasShown() {
        registerAndLogIn(robot, "index-theme@example.com");
        userApi().create(new ContactDraft("Ada", "Lovelace", null, null, null, null));
        robot.type(KeyCode.F5);
        waitUntil("listed, with the strip laid out beside", () -> visible(robot, "#index-strip")
                && robot.lookup("#index-strip").lookup(".button").query().getLayoutBounds().getHeight() > 0);
        Node letter = robot.lookup("#index-strip").lookup(".button").query();
        double height = Fx.call(() -> letter.getLayoutBounds().getHeight());
        double statusHeight = Fx.call(() -> robot.lookup("#list-status").query().getLayoutBounds().getHeight());
        try {
            for (boolean dark : new boolean[] {true, false}) {
                Fx.run(() -> window.mainView().showTrash());
                Fx.run(() -> theme.darkProperty().set(dark)); // the theme button, pressed in the Trash
                Fx.run(() -> window.mainView().showContacts());
                waitUntil("laid out again", () -> visible(robot, "#index-strip"));
                Fx.run(() -> window.scene().getRoot().layout());
                Screenshots.save(window.scene(), "index-strip-after-theme-" + (dark ? "dark" : "light"));
                assertEquals(height, Fx.call(() -> letter.getLayoutBounds().getHeight()), 0.5,
                        "the strip's letters keep their own style, not a plain button's");
                assertEquals(statusHeight, Fx.call(() -> robot.lookup("#list-status").query().getLayoutBounds()
                        .getHeight()), 0.5, "the line over the list too");
                assertTrue(Fx.call(() -> window.scene().getRoot().getLayoutBounds().getHeight()
                        <= window.scene().getHeight() + 0.5), "nothing pushes the window's top off screen");
            }
        } finally {
            Fx.run(() -> theme.darkProperty().set(false));
        }
    }
}
