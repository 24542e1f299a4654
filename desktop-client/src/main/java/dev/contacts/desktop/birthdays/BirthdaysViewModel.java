package dev.contacts.desktop.birthdays;

import java.util.List;

import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Dates;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.UpcomingBirthday;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Upcoming birthdays over 7, 30 or 365 days, nearest first (the server's order). */
public final class BirthdaysViewModel {

    public static final List<Integer> RANGES = List.of(7, 30, 365);
    /** Years up to this one mean "year unknown" in address books imported from other apps (Apple uses 1604). */
    private static final int UNKNOWN_YEAR = 1604;

    private final UserSession session;
    private final Background background;
    private final IntegerProperty days = new SimpleIntegerProperty(7);
    private final ObservableList<UpcomingBirthday> birthdays = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringBinding emptyText;

    public BirthdaysViewModel(UserSession session, Background background) {
        this.session = session;
        this.background = background;
        days.addListener((obs, was, is) -> refresh());
        emptyText = Bindings.createStringBinding(() -> loading.get() ? "Loading…"
                : "No birthdays in the next " + days.get() + " days.", loading, days);
    }

    public void refresh() {
        int window = days.get();
        loading.set(true);
        background.run(() -> session.api().birthdays(window), result -> {
            if (window == days.get()) {
                error.set("");
                birthdays.setAll(result);
            }
        }, session.failures(failure -> error.set(Messages.of(failure))), () -> loading.set(false));
    }

    /** The birthday itself, as the person was born: "December 10, 1815", or "December 10" when the year is unknown. */
    public static String birthday(UpcomingBirthday b, Dates dates) {
        return dates.spelled(b.contact().birthday());
    }

    /**
     * When it comes: "today", "tomorrow", "Saturday (in 3 days)" within a week, "Saturday, January 2 (in 37 days)"
     * after. A 29 February birthday comes on the day the server says (28 February in common years), so it shows.
     */
    public static String when(UpcomingBirthday b, Dates dates) {
        return switch (b.daysUntil()) {
            case 0 -> "today";
            case 1 -> "tomorrow";
            default -> (b.daysUntil() < 7 ? dates.weekday(b.nextBirthday()) : dates.weekdayAndDate(b.nextBirthday()))
                    + " (in " + b.daysUntil() + " days)";
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
        return FXCollections.unmodifiableObservableList(birthdays);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the empty table says. */
    public ObservableStringValue emptyTextProperty() {
        return emptyText;
    }
}
