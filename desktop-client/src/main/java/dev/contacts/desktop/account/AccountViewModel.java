package dev.contacts.desktop.account;

import java.util.ArrayList;
import java.util.List;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.AccountRules;
import dev.contacts.model.FieldError;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private final ReadOnlyObjectWrapper<Action> action = new ReadOnlyObjectWrapper<>(Action.NONE);
    private final StringProperty currentPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty repeatPassword = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper currentPasswordError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper newPasswordError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper repeatPasswordError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

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
            newPasswordError.set(Messages.of(errors.get(0)));
            return;
        }
        if (!next.equals(repeatPassword.get())) {
            repeatPasswordError.set("The two new passwords differ.");
            return;
        }
        busy.set(true);
        background.run(() -> {
            session.api().changePassword(current, next);
            return true;
        }, ok -> done("Your password was changed and every session ended. Log in with the new password."),
                this::failed, () -> busy.set(false));
    }

    private void deleteAccount(String current) {
        busy.set(true);
        background.run(() -> {
            session.api().deleteAccount(current);
            return true;
        }, ok -> done("Your account and all its contacts were deleted."), this::failed, () -> busy.set(false));
    }

    private void done(String notice) {
        clear();
        action.set(Action.NONE);
        session.backToLogin(notice);
    }

    private void failed(Throwable failure) {
        if (failure instanceof ApiFailure.SessionEnded) {
            session.ended();
        } else if (failure instanceof ApiFailure.Refused refused && refused.status() == 401) {
            currentPasswordError.set("This is not your current password.");
        } else if (failure instanceof ApiFailure.Invalid invalid) {
            invalid.errors().stream().findFirst().ifPresent(e -> newPasswordError.set(Messages.of(e)));
        } else {
            message.set(Messages.of(failure));
        }
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
        repeatPasswordError.set("");
        message.set("");
    }

    public ReadOnlyObjectProperty<Action> actionProperty() {
        return action.getReadOnlyProperty();
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

    public ReadOnlyStringProperty currentPasswordErrorProperty() {
        return currentPasswordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty newPasswordErrorProperty() {
        return newPasswordError.getReadOnlyProperty();
    }

    /** "The two new passwords differ", under the second one. */
    public ReadOnlyStringProperty repeatPasswordErrorProperty() {
        return repeatPasswordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
