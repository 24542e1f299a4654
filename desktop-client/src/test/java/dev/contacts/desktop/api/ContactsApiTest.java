package dev.contacts.desktop.api;

import static dev.contacts.desktop.support.ServerFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.contacts.desktop.support.RequestCounter;
import dev.contacts.desktop.support.ServerFixture;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.FieldError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP client against a real server: tokens in memory, renewal, and failures a person can act on. */
class ContactsApiTest {

    @TempDir
    Path dir;
    private ServerFixture fixture;
    private ContactsApi api;

    @BeforeEach
    void setUp() {
        fixture = new ServerFixture(dir).loggedIn("api@example.com");
        api = fixture.api;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void theAccessTokenIsRenewedBeforeItExpires() {
        ContactsApi.Tokens before = api.forget().orElseThrow();
        api.login("api@example.com", PASSWORD);
        ContactsApi.Tokens first = api.forget().orElseThrow();
        assertFalse(first.equals(before));
        api.login("api@example.com", PASSWORD);
        fixture.clock.advance(Duration.ofMinutes(29).plusSeconds(30)); // within a minute of expiry, not past it
        assertEquals(0, api.list(0, 10).total());
        fixture.clock.advance(Duration.ofMinutes(29));
        assertEquals(0, api.list(0, 10).total(), "renewed again");
        assertTrue(api.isLoggedIn());
    }

    @Test
    void aServerPublishedBelowAPathIsAskedThere() {
        // --server http://host/address-book: every request went to http://host/token/, /contacts/... instead
        try (RequestCounter proxy = new RequestCounter(fixture.server.uri("127.0.0.1"), "/address-book")) {
            ContactsApi below = new ContactsApi(() -> URI.create(proxy.uri() + "/address-book/"),
                    Duration.ofSeconds(5));
            below.login("api@example.com", PASSWORD);
            below.create(new ContactDraft("Ada", "Lovelace", null, null, null, null));
            assertEquals(1, below.list(0, 10).total());
            assertEquals(1, proxy.count("POST /address-book/token/"));
            assertEquals(1, proxy.count("POST /address-book/contacts/"));
        }
    }

    @Test
    void aSessionThatCannotBeRenewedHasEnded() {
        fixture.clock.advance(Duration.ofDays(15));
        assertThrows(ApiFailure.SessionEnded.class, () -> api.list(0, 10));
        assertFalse(api.isLoggedIn(), "the dead tokens are forgotten");
    }

    @Test
    void revokedTokensEndTheSessionOnTheNextCall() {
        ContactsApi other = new ContactsApi(() -> fixture.server.uri("127.0.0.1"), Duration.ofSeconds(5),
                fixture.clock);
        other.login("api@example.com", PASSWORD);
        other.changePassword(PASSWORD, "my second secret");
        assertFalse(other.isLoggedIn());
        assertThrows(ApiFailure.SessionEnded.class, () -> api.list(0, 10), "this session ended with the change");
    }

    @Test
    void aWrongPasswordOnAnAccountActionIsNotAnEndedSession() {
        ApiFailure.Refused refused = assertThrows(ApiFailure.Refused.class,
                () -> api.changePassword("not the password", "my second secret"));
        assertEquals(401, refused.status());
        assertTrue(api.isLoggedIn(), "still logged in");
        assertEquals(0, api.list(0, 10).total());
    }

    @Test
    void fieldErrorsComeBackInTheSharedShape() {
        ApiFailure.Invalid invalid = assertThrows(ApiFailure.Invalid.class,
                () -> api.create(new ContactDraft("", "x".repeat(60), null, null, null, null)));
        assertEquals(List.of("first_name", "last_name"), invalid.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void logoutEndsTheTokensOnTheServer() {
        ContactsApi.Tokens ended = api.forget().orElseThrow();
        api.revoke(ended);
        ContactsApi stale = new ContactsApi(() -> fixture.server.uri("127.0.0.1"), Duration.ofSeconds(5),
                fixture.clock);
        ApiFailure.Refused refused = assertThrows(ApiFailure.Refused.class, () -> stale.register("api@example.com",
                PASSWORD));
        assertEquals(409, refused.status(), "the account itself is still there");
    }

    @Test
    void tooManyAttemptsSayWhenToTryAgain() {
        for (int i = 0; i < 5; i++) {
            assertThrows(ApiFailure.Refused.class, () -> api.login("api@example.com", "wrong password"));
        }
        ApiFailure.Refused locked = assertThrows(ApiFailure.Refused.class,
                () -> api.login("api@example.com", PASSWORD));
        assertEquals(429, locked.status());
        assertEquals(Duration.ofSeconds(30), locked.retryAfter().orElseThrow());
        assertEquals("Too many attempts. Try again in 30 seconds.", Messages.of(locked));
    }

    @Test
    void theAppsOwnServerAnsweringSlowlyIsNotCalledAServerToStart() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + silent.getLocalPort());
            ContactsApi builtIn = new ContactsApi(() -> uri, Duration.ofMillis(300)).builtIn(Duration.ofMillis(600));
            ApiFailure.Unreachable slow = assertThrows(ApiFailure.Unreachable.class,
                    () -> builtIn.login("api@example.com", PASSWORD));
            assertEquals("The app's address book did not answer in time: this computer is busy. Wait a moment, then try"
                    + " again.", Messages.of(slow), "no server to start: the person runs none");
            ContactsApi remote = new ContactsApi(() -> uri, Duration.ofMillis(300));
            assertEquals("The server did not answer in time. Check that it is running, then try again.",
                    Messages.of(assertThrows(ApiFailure.Unreachable.class,
                            () -> remote.login("api@example.com", PASSWORD))), "a server elsewhere as before");
        }
    }

    @Test
    void anUnreachableServerIsAFailureOfItsOwnKind() {
        fixture.server.stop();
        assertThrows(ApiFailure.Unreachable.class, () -> api.list(0, 10));
    }
}
