package dev.contacts.desktop.birthdays;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import dev.contacts.desktop.support.Fx;
import dev.contacts.desktop.support.Screenshots;
import dev.contacts.desktop.support.UiTestBase;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.UpcomingBirthday;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

class BirthdaysFlowTest extends UiTestBase {

    private List<String> rows() {
        TableView<UpcomingBirthday> table = robot.lookup("#birthdays-table").queryTableView();
        return Fx.call(() -> table.getItems().stream()
                .map(b -> b.contact().firstName() + " " + BirthdaysViewModel.when(b.daysUntil())).toList());
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

        robot.clickOn("#tab-birthdays");
        waitUntil("seven days", () -> rows().equals(List.of("Today today", "Tomorrow tomorrow", "Soon in 5 days")));
        Screenshots.save(window.scene(), "birthdays");
        TableView<UpcomingBirthday> table = robot.lookup("#birthdays-table").queryTableView();
        assertEquals("turns 30", Fx.call(() -> BirthdaysViewModel.turning(table.getItems().get(0))));

        robot.clickOn("#days-30");
        waitUntil("thirty days", () -> rows().size() == 4 && rows().get(3).equals("Later in 20 days"));
        robot.clickOn("#days-365");
        waitUntil("a year", () -> rows().size() == 5);
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
        waitUntil("the birthday shows", () -> rows().equals(List.of("Soon in 2 days")));
        assertEquals(false, visible(robot, "#birthdays-retry"));
    }
}
