package dev.contacts.desktop.account;

import java.util.ArrayList;
import java.util.List;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.AccountRules;
import dev.contacts.model.FieldError;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Change password" and "Delete account", each confirmed by the current password. Success ends every
 * session, so both lead back to the login screen with a message saying what happened.
 */
public final class AccountViewModel {

    /** Which account action is open, if any. */
    public enum Action { NONE, CHANGE_PASSWORD, DELETE_ACCOUNT }

    private final UserSession session;
    private final Background background;
    private final ObjectProperty<Action> action = new SimpleObjectProperty<>(Action.NONE);
    private final StringProperty currentPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty repeatPassword = new SimpleStringProperty("");
    private final StringProperty currentPasswordError = new SimpleStringProperty("");
    private final StringProperty newPasswordError = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public AccountViewModel(UserSession session, Background background) {
        this.session = session;
        this.background = background;
    }

    public void open(Action which) {
        clear();
        action.set(which);
    }

    public void close() {
        if (!busy.get()) {
            clear();
            action.set(Action.NONE);
        }
    }

    public void confirm() {
        if (busy.get()) {
            return;
        }
        clearErrors();
        String current = currentPassword.get();
        if (current.isEmpty()) {
            currentPasswordError.set("Enter your current password.");
            return;
        }
        if (action.get() == Action.CHANGE_PASSWORD) {
            changePassword(current);
        } else if (action.get() == Action.DELETE_ACCOUNT) {
            deleteAccount(current);
        }
    }

    private void changePassword(String current) {
        String next = newPassword.get();
        List<FieldError> errors = new ArrayList<>();
        AccountRules.checkPassword("new_password", next, errors);
        if (!errors.isEmpty()) {
            newPasswordError.set(readable(errors.get(0)));
            return;
        }
        if (!next.equals(repeatPassword.get())) {
            newPasswordError.set("The two new passwords differ.");
            return;
        }
        busy.set(true);
        background.run(() -> {
            session.api().changePassword(current, next);
            return true;
        }, ok -> done("Your password was changed and every session ended. Log in with the new password."),
                this::failed);
    }

    private void deleteAccount(String current) {
        busy.set(true);
        background.run(() -> {
            session.api().deleteAccount(current);
            return true;
        }, ok -> done("Your account and all its contacts were deleted."), this::failed);
    }

    private void done(String notice) {
        busy.set(false);
        clear();
        action.set(Action.NONE);
        session.backToLogin(notice);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof ApiFailure.SessionEnded) {
            session.ended();
        } else if (failure instanceof ApiFailure.Refused refused && refused.status() == 401) {
            currentPasswordError.set("This is not your current password.");
        } else if (failure instanceof ApiFailure.Invalid invalid) {
            invalid.errors().stream().findFirst().ifPresent(e -> newPasswordError.set(readable(e)));
        } else {
            message.set(Messages.of(failure));
        }
    }

    private static String readable(FieldError error) {
        if (AccountRules.TOO_COMMON.equals(error.msg())) {
            return "This password is too common: choose one that is harder to guess.";
        }
        return switch (error.type()) {
            case "missing", "string_too_short" -> "At least " + AccountRules.PASSWORD_MIN + " characters, please.";
            case "string_too_long" -> "At most " + AccountRules.PASSWORD_MAX + " characters, please.";
            default -> error.msg();
        };
    }

    private void clear() {
        currentPassword.set("");
        newPassword.set("");
        repeatPassword.set("");
        clearErrors();
    }

    private void clearErrors() {
        currentPasswordError.set("");
        newPasswordError.set("");
        message.set("");
    }

    public ObjectProperty<Action> actionProperty() {
        return action;
    }

    public StringProperty currentPasswordProperty() {
        return currentPassword;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty repeatPasswordProperty() {
        return repeatPassword;
    }

    public StringProperty currentPasswordErrorProperty() {
        return currentPasswordError;
    }

    public StringProperty newPasswordErrorProperty() {
        return newPasswordError;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
