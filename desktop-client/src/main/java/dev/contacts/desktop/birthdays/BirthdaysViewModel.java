package dev.contacts.desktop.birthdays;

import java.util.List;

import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.UpcomingBirthday;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Upcoming birthdays over 7, 30 or 365 days, nearest first (the server's order). */
public final class BirthdaysViewModel {

    public static final List<Integer> RANGES = List.of(7, 30, 365);

    private final UserSession session;
    private final Background background;
    private final IntegerProperty days = new SimpleIntegerProperty(7);
    private final ObservableList<UpcomingBirthday> birthdays = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");

    public BirthdaysViewModel(UserSession session, Background background) {
        this.session = session;
        this.background = background;
        days.addListener((obs, was, is) -> refresh());
    }

    public void refresh() {
        int window = days.get();
        loading.set(true);
        background.run(() -> session.api().birthdays(window), result -> {
            if (window == days.get()) {
                loading.set(false);
                error.set("");
                birthdays.setAll(result);
            }
        }, session.failures(failure -> {
            loading.set(false);
            error.set(Messages.of(failure));
        }));
    }

    /** "today", "tomorrow" or "in N days". */
    public static String when(int daysUntil) {
        return switch (daysUntil) {
            case 0 -> "today";
            case 1 -> "tomorrow";
            default -> "in " + daysUntil + " days";
        };
    }

    /**
     * "turns 37", or empty when the year of birth is unknown: address books imported from other apps mark that
     * with a placeholder year such as 1604 (Apple) or 0001.
     */
    public static String turning(UpcomingBirthday b) {
        return b.hasKnownYear() ? "turns " + b.ageTurning() : "";
    }

    public IntegerProperty daysProperty() {
        return days;
    }

    public ObservableList<UpcomingBirthday> birthdays() {
        return birthdays;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
