package dev.contacts.desktop.account;

import static dev.contacts.desktop.support.ServerFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountViewModelTest {

    @TempDir
    Path dir;
    private ServerFixture fixture;
    private AccountViewModel vm;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir).loggedIn("account@example.com");
        vm = new AccountViewModel(fixture.user, Background.direct());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void fill(String current, String next, String repeat) {
        vm.currentPasswordProperty().set(current);
        vm.newPasswordProperty().set(next);
        vm.repeatPasswordProperty().set(repeat);
    }

    @Test
    void changingThePasswordLeadsBackToTheLogin() {
        vm.open(AccountViewModel.Action.CHANGE_PASSWORD);
        fill(PASSWORD, "my second secret", "my second secret");
        vm.confirm();
        assertEquals(Session.Screen.LOGIN, fixture.session.screenProperty().get());
        assertTrue(fixture.session.loginNoticeProperty().get().text().contains("password was changed"));
        assertEquals(AccountViewModel.Action.NONE, vm.actionProperty().get());
        assertEquals("", vm.currentPasswordProperty().get(), "no password stays in memory");
        fixture.api.login("account@example.com", "my second secret");
    }

    @Test
    void problemsAreShownBesideTheFieldsAndNothingChanges() {
        vm.open(AccountViewModel.Action.CHANGE_PASSWORD);
        fill("", "x", "x");
        vm.confirm();
        assertEquals("Enter your current password.", vm.currentPasswordErrorProperty().get());
        fill(PASSWORD, "short", "short");
        vm.confirm();
        assertEquals("At least 8 characters, please.", vm.newPasswordErrorProperty().get());
        fill(PASSWORD, "iloveyou", "iloveyou");
        vm.confirm();
        assertTrue(vm.newPasswordErrorProperty().get().contains("too common"));
        fill(PASSWORD, "my second secret", "my second secreT");
        vm.confirm();
        assertEquals("The two new passwords differ.", vm.repeatPasswordErrorProperty().get(), "under the second one");
        assertEquals("", vm.newPasswordErrorProperty().get());
        fill("wrong password", "my second secret", "my second secret");
        vm.confirm();
        assertEquals("This is not your current password.", vm.currentPasswordErrorProperty().get());
        assertEquals(Session.Screen.MAIN, fixture.session.screenProperty().get());
        assertFalse(vm.busyProperty().get());
        fixture.api.login("account@example.com", PASSWORD); // unchanged
    }

    @Test
    void deletingTheAccountLeadsBackToTheLoginAndTheAccountIsGone() {
        vm.open(AccountViewModel.Action.DELETE_ACCOUNT);
        fill(PASSWORD, "", "");
        vm.confirm();
        assertEquals(Session.Screen.LOGIN, fixture.session.screenProperty().get());
        assertTrue(fixture.session.loginNoticeProperty().get().text().contains("deleted"));
        ApiFailure.Refused refused = assertThrows(ApiFailure.Refused.class,
                () -> fixture.api.login("account@example.com", PASSWORD));
        assertEquals(401, refused.status());
    }
}
