package dev.contacts.desktop.app;

import static dev.contacts.desktop.support.ServerFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.contacts.ContactFormViewModel;
import dev.contacts.desktop.support.HeldBack;
import dev.contacts.desktop.support.ServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who is signed in, without a screen: work of a closed login can neither call with nor answer into the next. */
class SessionTest {

    @TempDir
    Path dir;
    private ServerFixture fixture;
    private final HeldBack held = new HeldBack();
    private Session session;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir);
        fixture.api.register("alice@example.com", PASSWORD);
        fixture.api.register("bob@example.com", PASSWORD);
        session = new Session(fixture.api, held);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private UserSession logIn(String email) {
        ContactsApi client = session.clientFor(email);
        client.login(email, PASSWORD);
        return session.loggedIn(email, client);
    }

    @Test
    void aliceSaveStillInFlightAtLogoutWritesNothingIntoBobsAccount() {
        UserSession alice = logIn("alice@example.com");
        ContactFormViewModel form = new ContactFormViewModel(alice, alice.background());
        form.startNew();
        form.firstNameProperty().set("Ann");
        form.lastNameProperty().set("Alice's");
        form.save(); // held back: not sent yet

        session.logOut();
        UserSession bob = logIn("bob@example.com");
        held.runAll(); // Alice's save runs now, with Alice's client, which has no tokens any more

        assertEquals(0, bob.api().list(0, 10).total(), "nothing reached Bob's account");
        assertSame(bob, session.userProperty().get());
        assertEquals(Session.Screen.MAIN, session.screenProperty().get(), "Alice's ended call does not log Bob out");
        assertTrue(form.savingProperty().get(), "the closed form got no answer at all");
    }

    @Test
    void eachLoginHasItsOwnClientAndLoggingOutDropsIt() {
        UserSession alice = logIn("alice@example.com");
        assertNotSame(fixture.api, alice.api());
        session.logOut();
        assertTrue(alice.isClosed());
        assertFalse(alice.api().isLoggedIn());
        assertNull(session.userProperty().get());
        assertNotSame(alice.api(), session.clientFor("alice@example.com"), "a logout is not resumed");
    }

    @Test
    void anExpiredSessionIsResumedByTheSameAccountOnlyAndDroppedByAnother() {
        UserSession alice = logIn("alice@example.com");
        alice.ended();
        assertEquals(Session.Screen.LOGIN, session.screenProperty().get());
        assertSame(alice, session.userProperty().get(), "kept behind the login screen");
        assertSame(alice.api(), session.clientFor(" Alice@Example.com "), "the same account carries on");
        assertSame(alice, logIn("alice@example.com"));

        alice.ended();
        UserSession bob = logIn("bob@example.com");
        assertNotSame(alice, bob);
        assertTrue(alice.isClosed(), "another account's login drops the ended session whole");
    }
}
