package dev.contacts.desktop.birthdays;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
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

    @Test
    void wordsForWhenAndAge() {
        assertEquals("today", BirthdaysViewModel.when(0));
        assertEquals("tomorrow", BirthdaysViewModel.when(1));
        assertEquals("in 12 days", BirthdaysViewModel.when(12));
        Contact born1990 = new Contact(1, "A", "B", null, null, LocalDate.of(1990, 3, 1), null, Instant.EPOCH,
                Instant.EPOCH);
        assertEquals("turns 37", BirthdaysViewModel.turning(new UpcomingBirthday(born1990, LocalDate.of(2027, 3, 1), 5)));
        Contact yearUnknown = new Contact(2, "A", "B", null, null, LocalDate.of(1604, 3, 1), null, Instant.EPOCH,
                Instant.EPOCH);
        assertEquals("", BirthdaysViewModel.turning(new UpcomingBirthday(yearUnknown, LocalDate.of(2027, 3, 1), 5)));
    }
}
