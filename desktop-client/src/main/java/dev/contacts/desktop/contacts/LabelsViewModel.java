package dev.contacts.desktop.contacts;

import java.util.ArrayList;
import java.util.List;

import dev.contacts.desktop.api.ContactsApi.Filter;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.LabelCount;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sidebar beside the list (as in Google Contacts, GNOME Contacts, Thunderbird): "All contacts", "Favourites",
 * then each label with how many contacts carry it (the server's count, trashed contacts left out). Picking one
 * sets the list's {@link Filter}; the labels are asked for again whenever the address book changes.
 */
public final class LabelsViewModel {

    /** One entry of the sidebar: what it lists, its name, and how many contacts it holds (-1: not counted). */
    public record Entry(Filter filter, String name, int count) {

        /** "Family, 12 contacts": what a screen reader says. */
        public String spoken() {
            return count < 0 ? name : name + ", " + Messages.count(count, "contact");
        }
    }

    static final Entry ALL = new Entry(Filter.ALL, "All contacts", -1);
    static final Entry FAVORITES = new Entry(Filter.FAVORITES, "Favourites", -1);

    private final UserSession session;
    private final Background background;
    private final ObjectProperty<Filter> selected;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList(ALL, FAVORITES);
    /** One read-only view, kept: a new one per call would be collected with the listeners added to it. */
    private final ObservableList<Entry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** The labels as last counted by the server (the selected one is listed even once none carries it). */
    private List<LabelCount> counted = List.of();
    /** Answers can cross (two changes in a row): only the newest is shown. */
    private long generation;

    /** {@code selected} is the list's filter: picking an entry sets it, and it lists again. */
    LabelsViewModel(UserSession session, Background background, ObjectProperty<Filter> selected) {
        this.session = session;
        this.background = background;
        this.selected = selected;
        selected.addListener((obs, was, is) -> show());
    }

    /** Asks the server for the labels and their counts again (after any change to the address book). */
    public void refresh() {
        long request = ++generation;
        background.run(() -> session.api().labels(), labels -> {
            if (request == generation) {
                error.set("");
                counted = List.copyOf(labels);
                show();
            }
        }, session.failures(failure -> {
            if (request == generation) {
                error.set(Messages.of(failure));
            }
        }));
    }

    /** The entries: the fixed two, each label counted, and the label picked if nobody carries it any more. */
    private void show() {
        List<Entry> now = new ArrayList<>(List.of(ALL, FAVORITES));
        counted.forEach(label -> now.add(new Entry(Filter.label(label.name()), label.name(), label.count())));
        Filter filter = selected.get();
        if (!filter.label().isEmpty() && now.stream().noneMatch(e -> e.filter().equals(filter))) {
            // (its last contact was deleted or changed: the list says it is empty, Undo may bring them back)
            now.add(new Entry(filter, filter.label(), 0));
        }
        if (!now.equals(entries)) {
            entries.setAll(now);
        }
    }

    /** Lists what {@code entry} holds (null, as a list with no selection sends: everyone). */
    public void select(Entry entry) {
        selected.set(entry == null ? Filter.ALL : entry.filter());
    }

    /** Lists the contacts with the label {@code name} (a label chip in the details was clicked). */
    public void selectLabel(String name) {
        selected.set(Filter.label(name));
    }

    /** The entry of what the list shows. */
    public Entry selectedEntry() {
        Filter filter = selected.get();
        return entries.stream().filter(e -> e.filter().equals(filter)).findFirst().orElse(ALL);
    }

    public ObjectProperty<Filter> selectedProperty() {
        return selected;
    }

    public ObservableList<Entry> entries() {
        return readOnlyEntries;
    }

    /** Why the labels could not be counted (the sidebar still lists everyone and the favourites); empty: fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
