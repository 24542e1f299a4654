package dev.contacts.desktop.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.FieldError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactFormViewModelTest {

    @TempDir
    Path dir;
    private ServerFixture fixture;
    private ContactFormViewModel vm;
    private int saves;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir).loggedIn("form@example.com");
        vm = new ContactFormViewModel(fixture.user, Background.direct());
        vm.setOnSaved(saved -> saves++);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void createSendsTheFormWithBlankOptionalFieldsAsNull() {
        vm.startNew();
        vm.firstNameProperty().set("  Ada ");
        vm.lastNameProperty().set("Lovelace");
        vm.emailProperty().set("   ");
        vm.birthdayTextProperty().set("1815-12-10");
        vm.save();
        assertEquals(1, saves);
        assertFalse(vm.openProperty().get());
        Contact saved = fixture.api.list(0, 10).items().get(0);
        assertEquals("Ada", saved.firstName());
        assertNull(saved.email());
        assertNull(saved.additionalData());
        assertEquals(LocalDate.of(1815, 12, 10), saved.birthday());
    }

    @Test
    void editFillsTheFormAndSavesTheChange() {
        Contact existing = fixture.api.create(new ContactDraft("Grace", "Hopper", "g@navy.mil", null, null, "Note"));
        vm.startEdit(existing);
        assertEquals("g@navy.mil", vm.emailProperty().get());
        assertEquals("Note", vm.additionalDataProperty().get());
        vm.lastNameProperty().set("Murray Hopper");
        vm.save();
        assertEquals("Murray Hopper", fixture.api.list(0, 10).items().get(0).lastName());
    }

    @Test
    void theSharedRulesAreCheckedBeforeSending() {
        vm.startNew();
        vm.lastNameProperty().set("x".repeat(51));
        vm.phoneProperty().set("12");
        vm.birthdayTextProperty().set(LocalDate.now().plusYears(1).toString());
        vm.save();
        assertEquals("Required.", vm.errorProperty("first_name").get());
        assertTrue(vm.errorProperty("last_name").get().contains("50"));
        assertFalse(vm.errorProperty("phone").get().isEmpty());
        assertFalse(vm.errorProperty("birthday").get().isEmpty());
        assertEquals(0, fixture.api.list(0, 10).total(), "nothing was sent");
        assertTrue(vm.openProperty().get());
    }

    @Test
    void theServersFieldErrorsAreShownBesideTheFields() {
        // a server whose rules are stricter than this client's (e.g. a newer version) answers 422
        Background answers422 = new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                onFailure.accept(new ApiFailure.Invalid(List.of(
                        FieldError.body("phone", "Value error, this number is not reachable", "value_error"))));
            }
        };
        ContactFormViewModel strict = new ContactFormViewModel(fixture.user, answers422);
        strict.startNew();
        strict.firstNameProperty().set("Ada");
        strict.lastNameProperty().set("Lovelace");
        strict.phoneProperty().set("+44 20 7946 0018");
        strict.save();
        assertEquals("This number is not reachable.", strict.errorProperty("phone").get());
        assertTrue(strict.openProperty().get(), "the form stays open with what was typed");
        assertEquals("+44 20 7946 0018", strict.phoneProperty().get());
        assertFalse(strict.savingProperty().get());
    }

    @Test
    void nothingTypedIsLostWhenTheSessionEnds() {
        vm.startNew();
        vm.firstNameProperty().set("Half");
        vm.lastNameProperty().set("Typed");
        fixture.clock.advance(Duration.ofDays(15));
        vm.save();
        assertEquals(Session.Screen.LOGIN, fixture.session.screenProperty().get());
        assertTrue(vm.openProperty().get());
        assertEquals("Half", vm.firstNameProperty().get());
        assertFalse(vm.savingProperty().get(), "Save can be pressed again after logging in");

        fixture.clock.advance(Duration.ofDays(-15));
        fixture.api.login("form@example.com", ServerFixture.PASSWORD);
        vm.save();
        assertEquals(1, fixture.api.list(0, 10).total());
    }

    @Test
    void aServerOutageKeepsTheEditAndSaysSo() {
        vm.startNew();
        vm.firstNameProperty().set("Kept");
        vm.lastNameProperty().set("Safe");
        fixture.server.stop();
        vm.save();
        assertTrue(vm.openProperty().get());
        assertEquals("Kept", vm.firstNameProperty().get());
        assertTrue(vm.formErrorProperty().get().contains("Your changes are kept"), vm.formErrorProperty().get());
    }

    @Test
    void cancelClosesWithoutSaving() {
        vm.startNew();
        vm.firstNameProperty().set("Never");
        vm.cancel();
        assertFalse(vm.openProperty().get());
        assertEquals(0, fixture.api.list(0, 10).total());
    }

    @Test
    void theBirthdayIsReadInTheLocalesFormatAndInIso() {
        ContactFormViewModel german = new ContactFormViewModel(fixture.user, Background.direct(),
                new Dates(Locale.GERMANY));
        german.startNew();
        german.firstNameProperty().set("Ada");
        german.lastNameProperty().set("Lovelace");
        german.birthdayTextProperty().set(" 10.12.1815 ");
        assertEquals(LocalDate.of(1815, 12, 10), german.draft().orElseThrow().birthday());
        german.birthdayTextProperty().set("1815-12-10");
        assertEquals(LocalDate.of(1815, 12, 10), german.draft().orElseThrow().birthday());

        ContactFormViewModel american = new ContactFormViewModel(fixture.user, Background.direct(),
                new Dates(Locale.US));
        american.startNew();
        american.birthdayTextProperty().set("12/10/1815");
        assertEquals(LocalDate.of(1815, 12, 10), american.draft().orElseThrow().birthday());
        american.birthdayTextProperty().set("Dec 10, 1815");
        assertEquals(LocalDate.of(1815, 12, 10), american.draft().orElseThrow().birthday());
        american.startEdit(fixture.api.create(new ContactDraft("Ada", "Lovelace", null, null,
                LocalDate.of(1815, 12, 10), null)));
        assertEquals("12/10/1815", american.birthdayTextProperty().get(), "shown as the table shows it");
    }

    @Test
    void anUnreadableBirthdayIsExplainedAndNothingIsSent() {
        vm.startNew();
        vm.firstNameProperty().set("Ada");
        vm.lastNameProperty().set("Lovelace");
        vm.birthdayTextProperty().set("next tuesday");
        vm.save();
        assertTrue(vm.errorProperty("birthday").get().startsWith("Use a date like"), vm.errorProperty("birthday").get());
        assertEquals(0, fixture.api.list(0, 10).total());
        assertTrue(vm.openProperty().get());
    }

    @Test
    void textLeftInTheBirthdayDoesNotSurviveEscape() {
        vm.startNew();
        vm.birthdayTextProperty().set("garbage");
        vm.cancel();
        vm.startNew();
        assertEquals("", vm.birthdayTextProperty().get());
    }

    @Test
    void unsavedChangesAreNotDroppedWithoutAsking() {
        List<String> asked = new ArrayList<>();
        boolean[] answer = {false};
        vm.setConfirm((question, detail, yes) -> {
            asked.add(question);
            return answer[0];
        });
        Contact grace = fixture.api.create(new ContactDraft("Grace", "Hopper", null, null, null, null));
        Contact alan = fixture.api.create(new ContactDraft("Alan", "Turing", null, null, null, null));

        vm.startEdit(grace);
        assertTrue(vm.startEdit(alan), "nothing typed yet: no question");
        assertEquals(List.of(), asked);

        vm.firstNameProperty().set("Alan M.");
        assertFalse(vm.startEdit(grace), "the person chose to keep editing");
        assertEquals("Alan M.", vm.firstNameProperty().get());
        assertFalse(vm.startNew());
        vm.cancel();
        assertTrue(vm.openProperty().get(), "Escape asks too");
        assertEquals(3, asked.size());

        answer[0] = true;
        assertTrue(vm.startEdit(grace));
        assertEquals("Grace", vm.firstNameProperty().get());
        assertFalse(vm.changedProperty().get());
    }
}
