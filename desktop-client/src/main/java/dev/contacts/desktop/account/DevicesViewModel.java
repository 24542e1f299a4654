package dev.contacts.desktop.account;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.SessionInfo;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Devices": the sessions of the account (each login on a device, kept alive by its refreshes), this device first
 * and marked, and "Log out" for each of the others, as an account page lists "your devices".
 */
public final class DevicesViewModel {

    /** One device as the list shows it: which, when it logged in, when it was last active. */
    public record Device(String id, String name, String loggedIn, String lastActive, boolean thisDevice) {
    }

    private final UserSession session;
    private final Background background;
    private final DateTimeFormatter times;
    private final ObservableList<Device> devices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public DevicesViewModel(UserSession session, Background background) {
        this(session, background, ZoneId.systemDefault());
    }

    /** With times shown in {@code zone} (tests fix it). */
    DevicesViewModel(UserSession session, Background background, ZoneId zone) {
        this.session = session;
        this.background = background;
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(zone);
    }

    /** Shows the card and loads the list. */
    public void open() {
        devices.clear();
        message.set("");
        showing.set(true);
        load("");
    }

    /** Hides the card and forgets the list (it is another account's after a log-out). */
    public void close() {
        showing.set(false);
        devices.clear();
        message.set("");
    }

    /** Logs out the other device {@code device}; this one is logged out with File → Log out. */
    public void logOut(Device device) {
        if (busy.get() || device.thisDevice()) {
            return;
        }
        busy.set(true);
        background.run(() -> {
            session.api().endSession(device.id());
            return session.api().sessions();
        }, sessions -> show(sessions, ""), this::failed, () -> busy.set(false));
    }

    /** Loads the list, then says {@code notice} (when not empty) in place of what the list itself would say. */
    private void load(String notice) {
        busy.set(true);
        background.run(() -> session.api().sessions(), sessions -> show(sessions, notice), this::failed,
                () -> busy.set(false));
    }

    private void show(List<SessionInfo> sessions, String notice) {
        if (!showing.get()) {
            return; // closed meanwhile
        }
        // this device first, then the others as the server orders them (the most recently active first)
        devices.setAll(sessions.stream()
                .sorted((a, b) -> Boolean.compare(b.current(), a.current()))
                .map(this::device)
                .toList());
        boolean alone = devices.size() == 1 && devices.getFirst().thisDevice();
        message.set(!notice.isEmpty() ? notice : alone ? "No other device is logged in." : "");
    }

    private Device device(SessionInfo info) {
        return new Device(info.id(), info.current() ? "This device" : "Another device",
                "Logged in " + times.format(info.startedAt()), "Last active " + times.format(info.lastActiveAt()),
                info.current());
    }

    private void failed(Throwable failure) {
        if (failure instanceof ApiFailure.SessionEnded) {
            close();
            session.ended();
        } else if (failure instanceof ApiFailure.Refused refused && refused.status() == 404) {
            load("That device was logged out already.");
        } else {
            message.set(Messages.of(failure));
        }
    }

    public ObservableList<Device> devices() {
        return FXCollections.unmodifiableObservableList(devices);
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
