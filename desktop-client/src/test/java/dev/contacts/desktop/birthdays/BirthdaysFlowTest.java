package dev.contacts.desktop.birthdays;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.UpcomingBirthday;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

class BirthdaysFlowTest extends UiTestBase {

    /** Each row's name and when it comes, as the table shows them. */
    private List<String> rows() {
        TableView<UpcomingBirthday> table = robot.lookup("#birthdays-table").queryTableView();
        return Fx.call(() -> java.util.stream.IntStream.range(0, table.getItems().size())
                .mapToObj(i -> table.getItems().get(i).contact().firstName() + " " + cell(table, "Next", i)).toList());
    }

    private static String cell(TableView<UpcomingBirthday> table, String column, int row) {
        return Fx.call(() -> String.valueOf(table.getColumns().stream().filter(c -> c.getText().equals(column))
                .findFirst().orElseThrow().getCellData(row)));
    }

    private void bornDaysFromNow(String name, int days, int yearsAgo) {
        LocalDate date = LocalDate.now().plusDays(days).minusYears(yearsAgo);
        userApi().create(new ContactDraft(name, "Test", null, null, date, null));
    }

    @Test
    void nextSevenDaysByDefaultThenThirtyAndAYear() {
        registerAndLogIn(robot, "birthdays@example.com");
        bornDaysFromNow("Today", 0, 30);
        bornDaysFromNow("Tomorrow", 1, 41);
        bornDaysFromNow("Soon", 5, 25);
        bornDaysFromNow("Later", 20, 50);
        bornDaysFromNow("NextSpring", 200, 60);
        userApi().create(new ContactDraft("NoDate", "Test", null, null, null, null));

        LocalDate inThree = LocalDate.now().plusDays(3);
        userApi().create(new ContactDraft("NoYear", "Test", null, null,
                LocalDate.of(ContactRules.YEAR_UNKNOWN, inThree.getMonth(), inThree.getDayOfMonth()), null));

        robot.clickOn("#tab-birthdays");
        Dates dates = Dates.local();
        waitUntil("seven days", () -> rows().equals(List.of("Today today", "Tomorrow tomorrow",
                "NoYear " + dates.weekday(inThree) + " (in 3 days)",
                "Soon " + dates.weekday(LocalDate.now().plusDays(5)) + " (in 5 days)")));
        Screenshots.save(window.scene(), "birthdays");
        TableView<UpcomingBirthday> table = robot.lookup("#birthdays-table").queryTableView();
        assertEquals(dates.spelled(LocalDate.now().minusYears(30)), cell(table, "Birthday", 0),
                "the birthday itself, with its year, not this year's");
        assertEquals("turns 30", cell(table, "Age", 0));
        assertEquals(dates.spelled(LocalDate.of(ContactRules.YEAR_UNKNOWN, inThree.getMonth(),
                inThree.getDayOfMonth())), cell(table, "Birthday", 2));
        assertEquals(false, cell(table, "Birthday", 2).contains(String.valueOf(ContactRules.YEAR_UNKNOWN)));
        assertEquals("", cell(table, "Age", 2), "no year: no age");

        robot.clickOn("#days-30");
        waitUntil("thirty days", () -> rows().size() == 5 && rows().get(4).equals("Later "
                + dates.weekdayAndDate(LocalDate.now().plusDays(20)) + " (in 20 days)"));
        robot.clickOn("#days-365");
        waitUntil("a year", () -> rows().size() == 6);
    }

    /** What each cell of "Next" that has a value draws: its text, or the text cut short with an ellipsis. */
    private java.util.Map<String, String> nextColumnDrawn() {
        return Fx.call(() -> {
            robot.lookup("#birthdays-table").query().getScene().getRoot().layout(); // at the window's size now
            java.util.Map<String, String> drawn = new java.util.TreeMap<>();
            for (javafx.scene.Node n : robot.lookup("#birthdays-table").query().lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getText() != null
                        && !cell.getText().isEmpty() && cell.getTableColumn().getText().equals("Next")
                        && cell.lookup(".text") instanceof javafx.scene.text.Text text) {
                    drawn.put(cell.getText(), text.getText());
                }
            }
            return drawn;
        });
    }

    @Test
    void atTheSmallestWindowTheNextColumnShowsWhenInFull() {
        registerAndLogIn(robot, "bd-narrow@example.com");
        for (int days = 280; days < 287; days++) { // every weekday's name, spelled with the date
            bornDaysFromNow("In" + days, days, 30);
        }
        Fx.atSize(stage, 800, 560, () -> {
            robot.clickOn("#tab-birthdays");
            robot.clickOn("#days-365");
            waitUntil("a year", () -> rows().size() == 7);
            waitUntil("laid out at 800 px", () -> Fx.call(() -> window.scene().getWidth()) <= 800);
            waitUntil("the seven rows are drawn", () -> nextColumnDrawn().size() == 7);
            java.util.Map<String, String> cut = new java.util.TreeMap<>(nextColumnDrawn());
            cut.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
            assertEquals(java.util.Map.of(), cut, "when each birthday comes, whole, in the smallest window");
            Screenshots.save(window.scene(), "birthdays-minimum-size");
        });
    }

    @Test
    void anEmptyWindowSaysSo() {
        registerAndLogIn(robot, "nobirthdays@example.com");
        robot.clickOn("#tab-birthdays");
        waitUntil("empty message", () -> text(robot, "#birthdays-empty").equals("No birthdays in the next 7 days."));
    }

    @Test
    void anOutageShowsRetryAndRetryRecovers() {
        registerAndLogIn(robot, "bd-outage@example.com");
        bornDaysFromNow("Soon", 2, 20);
        server.stop();
        robot.clickOn("#tab-birthdays");
        waitUntil("the error shows", () -> visible(robot, "#birthdays-retry"));
        restartServer();
        robot.clickOn("#birthdays-retry");
        waitUntil("the birthday shows", () -> rows().equals(List.of("Soon "
                + Dates.local().weekday(LocalDate.now().plusDays(2)) + " (in 2 days)")));
        assertEquals(false, visible(robot, "#birthdays-retry"));
    }

    @Test
    void aBirthdayShowsTheContactsDetailsAsTheListDoesNotTheForm() {
        registerAndLogIn(robot, "bd-open@example.com");
        bornDaysFromNow("Soon", 2, 20);
        bornDaysFromNow("Later", 4, 30);
        robot.clickOn("#tab-birthdays");
        waitUntil("listed", () -> rows().size() == 2);
        TableView<UpcomingBirthday> table = robot.lookup("#birthdays-table").queryTableView();
        Fx.run(() -> {
            table.getSelectionModel().select(1);
            table.requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil("Later's details", () -> text(robot, "#detail-name").equals("Later Test"));
        assertEquals(false, visible(robot, "#first-name"), "not the form: Edit is one action away");
        waitUntil("selected in the list", () -> selectedFirstNames().equals(List.of("Later")));
        Screenshots.save(window.scene(), "birthday-opens-details");
    }
}
