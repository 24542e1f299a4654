package dev.contacts.desktop.login;

import static dev.contacts.desktop.support.ServerFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.settings.Settings;
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
    private Settings settings;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir);
        settings = new Settings(dir);
        vm = new LoginViewModel(fixture.session, Background.direct(), settings, fixture.clock);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        settings.awaitWrites(); // before the temporary folder is removed
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
        assertTrue(vm.emailErrorProperty().get().contains("not a valid email address"), vm.emailErrorProperty().get());
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
    void aWrongPasswordIsAnErrorLoggingOutANoticeAndANewAttemptClearsTheError() {
        fixture.api.register("kind@example.com", PASSWORD);
        fill("kind@example.com", "wrong password");
        vm.submit();
        assertTrue(vm.messageIsErrorProperty().get(), "a wrong password is shown as an error");

        dev.contacts.desktop.support.HeldBack held = new dev.contacts.desktop.support.HeldBack();
        LoginViewModel retrying = new LoginViewModel(fixture.session, held, settings, fixture.clock);
        retrying.emailProperty().set("kind@example.com");
        retrying.passwordProperty().set(PASSWORD);
        retrying.submit();
        assertTrue(retrying.busyProperty().get(), "the attempt is on its way");
        assertEquals("", retrying.messageProperty().get(), "while the new attempt runs, the old error is gone");
        assertFalse(retrying.messageIsErrorProperty().get());
        held.runAll();
        assertEquals(Session.Screen.MAIN, fixture.session.screenProperty().get());

        fixture.session.logOut();
        assertEquals("You have logged out.", retrying.messageProperty().get());
        assertFalse(retrying.messageIsErrorProperty().get(), "logging out is a notice, not an error");
    }

    @Test
    void anEndedSessionAndNoServerAreErrorsAPasswordChangeANotice() {
        fixture.loggedIn("ended@example.com");
        fixture.user.ended();
        assertTrue(vm.messageIsErrorProperty().get(), "an ended session is an error");

        fixture.loggedIn("changed@example.com");
        fixture.user.backToLogin("Your password was changed. Log in with the new one.");
        assertFalse(vm.messageIsErrorProperty().get(), "done on purpose: a notice");

        fixture.server.stop();
        fill("a@example.com", PASSWORD);
        vm.submit();
        assertTrue(vm.messageIsErrorProperty().get(), "no server is an error");
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
    void anAddressWhereNoContactsServerAnswersIsExplained() {
        // --server http://host:8000/api/v1, a path the server does not have: the login said "Not Found" alone
        java.net.URI wrong = java.net.URI.create(fixture.server.uri("127.0.0.1") + "/api/v1/");
        Session elsewhere = new Session(new dev.contacts.desktop.api.ContactsApi(() -> wrong,
                java.time.Duration.ofSeconds(5)), Background.direct());
        LoginViewModel login = new LoginViewModel(elsewhere, Background.direct(), settings, fixture.clock,
                java.util.Optional.of(wrong));
        login.emailProperty().set("a@example.com");
        login.passwordProperty().set(PASSWORD);
        login.submit();
        assertEquals("No Contacts server answers at " + wrong + ". Check the address.",
                login.messageProperty().get());
        assertTrue(login.messageIsErrorProperty().get());
        assertEquals(Session.Screen.LOGIN, elsewhere.screenProperty().get());
    }

    @Test
    void anUnreachableServerIsExplained() {
        fixture.server.stop();
        fill("a@example.com", PASSWORD);
        vm.submit();
        assertTrue(vm.messageProperty().get().startsWith("Cannot reach the server"), vm.messageProperty().get());
        assertFalse(vm.busyProperty().get(), "the form can be submitted again");
    }

    @Test
    void theWaitAfterTooManyAttemptsCountsDown() {
        fixture.api.register("locked@example.com", PASSWORD);
        for (int i = 0; i < 5; i++) {
            fill("locked@example.com", "wrong password");
            vm.submit();
        }
        fill("locked@example.com", PASSWORD);
        vm.submit();
        String first = vm.messageProperty().get();
        assertTrue(first.matches("Too many attempts\\. Try again in [0-9]+ seconds?\\."), first);
        assertTrue(vm.isCountingDown());
        int seconds = Integer.parseInt(first.replaceAll("[^0-9]", ""));

        fixture.clock.advance(java.time.Duration.ofSeconds(seconds - 1));
        vm.tick();
        assertEquals("Too many attempts. Try again in 1 second.", vm.messageProperty().get());
        assertTrue(vm.messageIsErrorProperty().get());
        fixture.clock.advance(java.time.Duration.ofSeconds(1));
        vm.tick();
        assertEquals("You can try again now.", vm.messageProperty().get());
        assertFalse(vm.messageIsErrorProperty().get(), "the wait is over: a notice");
        assertFalse(vm.isCountingDown());
        vm.submit();
        assertEquals(Session.Screen.MAIN, fixture.session.screenProperty().get());
    }

    @Test
    void theLastEmailThatLoggedInIsRemembered() {
        fixture.api.register("again@example.com", PASSWORD);
        fill("again@example.com", PASSWORD);
        vm.submit();
        assertEquals("again@example.com", settings.get("last-email").orElseThrow());
        LoginViewModel nextScreen = new LoginViewModel(fixture.session, Background.direct(), settings, fixture.clock);
        assertEquals("again@example.com", nextScreen.emailProperty().get());
        assertTrue(nextScreen.knowsEmail());
    }

    @Test
    void theRememberedEmailIsPerServerNotPerDataFolder() {
        java.util.Optional<java.net.URI> work = java.util.Optional.of(java.net.URI.create("http://work.example:8000/"));
        fixture.api.register("me@work.example", PASSWORD);
        LoginViewModel atWork = new LoginViewModel(fixture.session, Background.direct(), settings, fixture.clock, work);
        atWork.emailProperty().set("me@work.example");
        atWork.passwordProperty().set(PASSWORD);
        atWork.submit();
        assertEquals(Session.Screen.MAIN, fixture.session.screenProperty().get());

        LoginViewModel elsewhere = new LoginViewModel(fixture.session, Background.direct(), settings, fixture.clock,
                java.util.Optional.of(java.net.URI.create("http://home.example:8000/")));
        assertEquals("", elsewhere.emailProperty().get(), "another server's accounts are not this one's");
        assertEquals("", new LoginViewModel(fixture.session, Background.direct(), settings, fixture.clock)
                .emailProperty().get(), "nor the app's own server's");
        LoginViewModel workAgain = new LoginViewModel(fixture.session, Background.direct(), settings, fixture.clock,
                java.util.Optional.of(java.net.URI.create("HTTP://Work.Example:8000")));
        assertEquals("me@work.example", workAgain.emailProperty().get(), "the same server, however it is written");
    }

    @Test
    void registrationNeverShowsTheValidatorsPrefix() {
        vm.toggleMode();
        fill("new@example.com", "password1");
        vm.submit();
        assertEquals("This password is too common: choose one that is harder to guess.",
                vm.passwordErrorProperty().get());
    }

    @Test
    void aNewInstallOpensOnCreateYourAccount() {
        vm.offerAccountCreation();
        assertTrue(vm.registeringProperty().get(), "someone with no account is not asked to log in");
        fill("first@example.com", PASSWORD);
        vm.submit();
        assertEquals(Session.Screen.MAIN, fixture.session.screenProperty().get());
    }

    @Test
    void aRememberedEmailMeansAnAccountExistsSoLogInStays() {
        settings.putAllNow(Map.of("last-email", "known@example.com"));
        LoginViewModel nextStart = new LoginViewModel(fixture.session, Background.direct(), settings, fixture.clock);
        nextStart.offerAccountCreation();
        assertFalse(nextStart.registeringProperty().get());
    }

    @Test
    void createAnAccountNeverStartsWithTheRememberedEmailAndLogInGetsItBack() {
        fixture.api.register("previous@example.com", PASSWORD);
        fill("previous@example.com", PASSWORD);
        vm.submit();
        fixture.session.logOut();
        assertEquals("previous@example.com", vm.emailProperty().get(), "Log in offers the remembered email");
        vm.toggleMode();
        assertEquals("", vm.emailProperty().get(), "a new account is not the previous one's");
        vm.toggleMode();
        assertEquals("previous@example.com", vm.emailProperty().get(), "back in Log in");
        vm.toggleMode();
        vm.emailProperty().set("typed@example.com");
        vm.toggleMode();
        vm.toggleMode();
        assertEquals("typed@example.com", vm.emailProperty().get(), "what the person typed stays");
    }

    @Test
    void whileTheAppsOwnServerStartsTheScreenSaysSoAndThenWhyItCouldNotStart() {
        dev.contacts.desktop.support.HeldBack held = new dev.contacts.desktop.support.HeldBack();
        LoginViewModel waiting = new LoginViewModel(fixture.session, held, settings, fixture.clock);
        waiting.waitForServer(() -> { });
        assertEquals("Starting your address book…", waiting.serverStatusProperty().get());
        held.runAll();
        assertEquals("", waiting.serverStatusProperty().get(), "started: nothing to say");

        waiting.waitForServer(() -> {
            throw new dev.contacts.desktop.api.ApiFailure.Unreachable("The built-in server could not start (disk full).",
                    new java.io.IOException("disk full"));
        });
        held.runAll();
        assertEquals("The built-in server could not start (disk full).", waiting.serverStatusProperty().get());
    }
}
