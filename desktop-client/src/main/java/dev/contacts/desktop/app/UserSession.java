package dev.contacts.desktop.app;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.ui.Background;

/**
 * One login of one account: its own API client (so its own tokens) and a guard on its background work. The
 * window builds the signed-in screens fresh for each {@code UserSession} and drops them with it, so nothing of
 * one account (an open form, an Undo, a search, a selection) can be shown in, or saved into, another account.
 * Once closed, answers to work started for it are dropped and its client has no tokens left to call with.
 */
public final class UserSession {

    private final Session owner;
    private final String account;
    private final ContactsApi api;
    private final Background background;
    private boolean closed;

    UserSession(Session owner, String account, ContactsApi api, Background background) {
        this.owner = owner;
        this.account = account;
        this.api = api;
        this.background = new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                background.run(work, result -> {
                    if (!closed) {
                        onSuccess.accept(result);
                    }
                }, failure -> {
                    if (!closed) {
                        onFailure.accept(failure);
                    }
                });
            }
        };
    }

    /** The email this session logged in with. */
    public String account() {
        return account;
    }

    /** Whether {@code email} names this session's account (emails compare without case or outer spaces). */
    boolean isFor(String email) {
        return normalized(account).equals(normalized(email));
    }

    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public ContactsApi api() {
        return api;
    }

    /** Runs work for this session: its answer is dropped if the session has closed meanwhile. */
    public Background background() {
        return background;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The session has ended on the server (expired or revoked): back to the login screen, state kept for it. */
    public void ended() {
        owner.ended(this);
    }

    /** The account's sessions ended on purpose (password changed, account deleted): this state goes. */
    public void backToLogin(String notice) {
        owner.signedOut(this, notice);
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

    /** Closes for good: no answer reaches this session's screens any more, and its tokens are handed back. */
    Optional<ContactsApi.Tokens> close() {
        closed = true;
        return api.forget();
    }
}
