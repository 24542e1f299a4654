package dev.contacts.desktop.birthdays;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.UpcomingBirthday;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BirthdaysViewModelTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheChosenWindowNearestFirst() {
        try (ServerFixture fixture = new ServerFixture(dir).loggedIn("bd@example.com")) {
            LocalDate today = LocalDate.now();
            fixture.api.create(new ContactDraft("In20", "X", null, null, today.plusDays(20).minusYears(30), null));
            fixture.api.create(new ContactDraft("In3", "X", null, null, today.plusDays(3).minusYears(30), null));
            BirthdaysViewModel vm = new BirthdaysViewModel(fixture.user, Background.direct());
            vm.refresh();
            assertEquals(List.of("In3"), vm.birthdays().stream().map(b -> b.contact().firstName()).toList());
            vm.daysProperty().set(30);
            assertEquals(List.of("In3", "In20"), vm.birthdays().stream().map(b -> b.contact().firstName()).toList());
        }
    }

    private static UpcomingBirthday upcoming(LocalDate born, LocalDate next, int daysUntil) {
        return new UpcomingBirthday(new Contact(1, "A", "B", null, null, born, null, Instant.EPOCH, Instant.EPOCH),
                next, daysUntil);
    }

    @Test
    void theBirthdayItselfThenWhenItComesAndTheAgeTheyTurn() {
        Dates us = new Dates(Locale.US);
        UpcomingBirthday born1990 = upcoming(LocalDate.of(1990, 3, 1), LocalDate.of(2027, 3, 1), 5);
        assertEquals("March 1, 1990", BirthdaysViewModel.birthday(born1990, us), "the birthday, not the next one");
        assertEquals("Monday (in 5 days)", BirthdaysViewModel.when(born1990, us));
        assertEquals("turns 37", BirthdaysViewModel.turning(born1990));
        assertEquals("today", BirthdaysViewModel.when(upcoming(LocalDate.of(1990, 3, 1), LocalDate.of(2027, 3, 1), 0), us));
        assertEquals("tomorrow",
                BirthdaysViewModel.when(upcoming(LocalDate.of(1990, 3, 1), LocalDate.of(2027, 3, 1), 1), us));
        assertEquals("Monday, March 1 (in 37 days)",
                BirthdaysViewModel.when(upcoming(LocalDate.of(1990, 3, 1), LocalDate.of(2027, 3, 1), 37), us),
                "further than a week: the date too");

        UpcomingBirthday yearUnknown = upcoming(LocalDate.of(ContactRules.YEAR_UNKNOWN, 3, 1), LocalDate.of(2027, 3, 1), 5);
        assertEquals("March 1", BirthdaysViewModel.birthday(yearUnknown, us), "no placeholder year");
        assertEquals("", BirthdaysViewModel.turning(yearUnknown));

        // 29 February: the birthday says so, and in a common year it comes on the 28th (the server's rule)
        UpcomingBirthday leap = upcoming(LocalDate.of(1996, 2, 29), LocalDate.of(2027, 2, 28), 94);
        assertEquals("February 29, 1996", BirthdaysViewModel.birthday(leap, us));
        assertEquals("Sunday, February 28 (in 94 days)", BirthdaysViewModel.when(leap, us));
        assertEquals("turns 31", BirthdaysViewModel.turning(leap));
        UpcomingBirthday leapNoYear = upcoming(LocalDate.of(ContactRules.YEAR_UNKNOWN, 2, 29), LocalDate.of(2027, 2, 28), 94);
        assertEquals("February 29", BirthdaysViewModel.birthday(leapNoYear, us));

        Dates de = new Dates(Locale.GERMANY);
        assertEquals("1. März 1990", BirthdaysViewModel.birthday(born1990, de), "in the person's language and order");
        assertEquals("Montag (in 5 days)", BirthdaysViewModel.when(born1990, de));
        assertEquals("29. Februar", BirthdaysViewModel.birthday(leapNoYear, de));
    }
}
