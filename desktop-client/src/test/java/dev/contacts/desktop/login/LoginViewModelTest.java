package dev.contacts.desktop.login;

import static dev.contacts.desktop.support.ServerFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login screen's logic, without a screen: direct background, real server. */
class LoginViewModelTest {

    @TempDir
    Path dir;
    private ServerFixture fixture;
    private LoginViewModel vm;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir);
        vm = new LoginViewModel(fixture.session, Background.direct());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void fill(String email, String password) {
        vm.emailProperty().set(email);
        vm.passwordProperty().set(password);
    }

    @Test
    void registeringCreatesTheAccountAndLogsIn() {
        vm.toggleMode();
        fill(" new@example.com ", PASSWORD);
        vm.submit();
        assertEquals(Session.Screen.MAIN, fixture.session.screenProperty().get());
        assertTrue(fixture.session.userProperty().get().api().isLoggedIn());
        assertEquals("", vm.passwordProperty().get(), "the password is cleared from memory once used");
        assertFalse(vm.registeringProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void emptyFieldsAreCaughtBeforeAnythingIsSent() {
        vm.submit();
        assertEquals("Enter your email address.", vm.emailErrorProperty().get());
        assertEquals("Enter your password.", vm.passwordErrorProperty().get());
        assertEquals(Session.Screen.LOGIN, fixture.session.screenProperty().get());
    }

    @Test
    void registrationUsesTheSharedRulesLocally() {
        vm.toggleMode();
        fill("nope", "short");
        vm.submit();
        assertEquals("This is not a valid email address.", vm.emailErrorProperty().get());
        assertEquals("At least 8 characters, please.", vm.passwordErrorProperty().get());
    }

    @Test
    void aWrongPasswordSaysSoAndKeepsTheEmail() {
        fixture.api.register("ada@example.com", PASSWORD);
        fill("ada@example.com", "wrong password");
        vm.submit();
        assertEquals("Wrong email or password.", vm.messageProperty().get());
        assertEquals("ada@example.com", vm.emailProperty().get());
        assertEquals(Session.Screen.LOGIN, fixture.session.screenProperty().get());
    }

    @Test
    void anEmailThatIsTakenIsExplainedBesideTheEmail() {
        fixture.api.register("taken@example.com", PASSWORD);
        vm.toggleMode();
        fill("taken@example.com", PASSWORD);
        vm.submit();
        assertTrue(vm.emailErrorProperty().get().contains("already exists"));
    }

    @Test
    void anEndedSessionExplainsWhyTheLoginIsBack() {
        fixture.loggedIn("ended@example.com");
        fixture.user.ended();
        assertTrue(vm.messageProperty().get().contains("session has ended"));
        assertFalse(fixture.api.isLoggedIn());
    }

    @Test
    void anUnreachableServerIsExplained() {
        fixture.server.stop();
        fill("a@example.com", PASSWORD);
        vm.submit();
        assertTrue(vm.messageProperty().get().startsWith("Cannot reach the server"), vm.messageProperty().get());
        assertFalse(vm.busyProperty().get(), "the form can be submitted again");
    }
}
