package dev.contacts.desktop.app;

import java.util.function.Consumer;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.ui.Background;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Whether the person is logged in, and what the login screen should tell them. Any view model that meets an
 * ended session reports it here; the screens follow {@link #screenProperty()}. Open forms are kept: only the
 * screen changes, so nothing typed is lost.
 */
public final class Session {

    public enum Screen { LOGIN, MAIN }

    private final ContactsApi api;
    private final Background background;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.LOGIN);
    private final StringProperty loginNotice = new SimpleStringProperty("");

    public Session(ContactsApi api, Background background) {
        this.api = api;
        this.background = background;
    }

    public ContactsApi api() {
        return api;
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    /** A message for the login screen, e.g. why the person is back there. */
    public StringProperty loginNoticeProperty() {
        return loginNotice;
    }

    public void loggedIn() {
        loginNotice.set("");
        screen.set(Screen.MAIN);
    }

    /**
     * Forgets the tokens and shows the login screen at once; ending them on the server happens in the
     * background (when that fails, they still expire on their own, and this app no longer has them).
     */
    public void logOut() {
        api.forget().ifPresent(ended -> background.run(() -> {
            api.revoke(ended);
            return true;
        }, ok -> { }, failure -> { }));
        backToLogin("You have logged out.");
    }

    public void ended() {
        api.forget();
        backToLogin(new ApiFailure.SessionEnded().getMessage() + " Anything you were typing is kept.");
    }

    /** After a password change or an account deletion: the server has ended every session already. */
    public void backToLogin(String notice) {
        api.forget();
        loginNotice.set(notice);
        screen.set(Screen.LOGIN);
    }

    /**
     * A failure handler for view models: an ended session goes back to the login screen; anything else is
     * passed to {@code otherwise} to be shown where it happened.
     */
    public Consumer<Throwable> failures(Consumer<Throwable> otherwise) {
        return failure -> {
            if (failure instanceof ApiFailure.SessionEnded) {
                ended();
            } else {
                otherwise.accept(failure);
            }
        };
    }
}
