package dev.contacts.desktop.app;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.ui.Background;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Who is signed in to this window, and what the login screen should tell them. Each login makes a new
 * {@link UserSession}, and the window builds that account's screens fresh; logging out, a password change, an
 * account deletion or a login of another account closes the previous one whole. A session that merely ended
 * (expired) is kept behind the login screen for the same account only, so nothing typed is lost.
 */
public final class Session {

    public enum Screen { LOGIN, MAIN }

    /**
     * What the login screen tells the person: {@code error} when something went wrong (a wrong password, no
     * server, a session that ended), so it is shown as one; else a plain notice ("You have logged out.").
     */
    public record LoginNotice(String text, boolean error) {

        public static final LoginNotice NONE = notice("");

        public static LoginNotice notice(String text) {
            return new LoginNotice(text, false);
        }

        public static LoginNotice error(String text) {
            return new LoginNotice(text, true);
        }
    }

    private final ContactsApi api;
    private final Background background;
    private final ReadOnlyObjectWrapper<UserSession> user = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.LOGIN);
    private final ObjectProperty<LoginNotice> loginNotice = new SimpleObjectProperty<>(LoginNotice.NONE);

    public Session(ContactsApi api, Background background) {
        this.api = api;
        this.background = background;
    }

    /** The client for calls that need no login (registration). */
    public ContactsApi api() {
        return api;
    }

    /** The signed-in account's session; after it ended (expired) the same until another login; else null. */
    public ReadOnlyObjectProperty<UserSession> userProperty() {
        return user.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen;
    }

    /** A message for the login screen, e.g. why the person is back there. */
    public ObjectProperty<LoginNotice> loginNoticeProperty() {
        return loginNotice;
    }

    /**
     * The client to log in {@code email} with: the ended session's own when the same account logs in again (its
     * open form and the rest carry on), a new one otherwise.
     */
    public ContactsApi clientFor(String email) {
        UserSession ended = user.get();
        return ended != null && screen.get() == Screen.LOGIN && ended.isFor(email) ? ended.api() : api.newClient();
    }

    /** {@code client} (from {@link #clientFor}) has logged in {@code email}: show that account's screens. */
    public UserSession loggedIn(String email, ContactsApi client) {
        UserSession previous = user.get();
        if (previous == null || previous.api() != client) {
            if (previous != null) {
                close(previous);
            }
            user.set(new UserSession(this, email, client, background));
        }
        loginNotice.set(LoginNotice.NONE);
        screen.set(Screen.MAIN);
        return user.get();
    }

    /** Ends the session (on the server in the background) and drops everything of it at once. */
    public void logOut() {
        UserSession current = user.get();
        if (current != null) {
            close(current);
        }
        loginNotice.set(LoginNotice.notice("You have logged out."));
        screen.set(Screen.LOGIN);
    }

    /** {@code ended}'s tokens no longer work: the login screen asks for them again; its state waits for it. */
    void ended(UserSession ended) {
        if (ended == user.get() && !ended.isClosed()) {
            ended.api().forget();
            loginNotice.set(LoginNotice.error(
                    new ApiFailure.SessionEnded().getMessage() + " Anything you were typing is kept."));
            screen.set(Screen.LOGIN);
        }
    }

    /** After a password change or an account deletion: the server has ended every session already. */
    void signedOut(UserSession signedOut, String notice) {
        if (signedOut == user.get() && !signedOut.isClosed()) {
            close(signedOut);
            loginNotice.set(LoginNotice.notice(notice));
            screen.set(Screen.LOGIN);
        }
    }

    /**
     * Drops {@code session} whole; its tokens are ended on the server in the background (when that fails,
     * they still expire on their own, and this app no longer has them).
     */
    private void close(UserSession session) {
        if (user.get() == session) {
            user.set(null);
        }
        session.close().ifPresent(ended -> background.run(() -> {
            api.revoke(ended);
            return true;
        }, ok -> { }, failure -> { }));
    }
}
