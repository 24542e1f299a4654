package dev.contacts.desktop.contacts;

import java.util.ArrayList;
import java.util.List;

import dev.contacts.desktop.api.Page;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Debouncer;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.Contact;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The contact list: one page at a time from the server, filtered as the person types (through the server's
 * search), deleted with an Undo that brings every deleted contact back.
 */
public final class ContactsViewModel {

    public static final int PAGE_SIZE = 100;

    /** Contacts just deleted, kept so that Undo can bring them back. */
    public record Deletion(List<Contact> contacts) {
        public String message() {
            return contacts.size() == 1
                    ? "Deleted " + contacts.get(0).firstName() + " " + contacts.get(0).lastName() + "."
                    : "Deleted " + contacts.size() + " contacts.";
        }
    }

    private final UserSession session;
    private final Background background;
    private final Debouncer debouncer;

    private final ObservableList<Contact> contacts = FXCollections.observableArrayList();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final IntegerProperty total = new SimpleIntegerProperty(0);
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Deletion> lastDeletion = new SimpleObjectProperty<>();
    /** Answers can arrive out of order while typing: only the newest request's answer is shown. */
    private long latestRequest;

    public ContactsViewModel(UserSession session, Background background, Debouncer debouncer) {
        this.session = session;
        this.background = background;
        this.debouncer = debouncer;
        searchText.addListener((obs, was, is) -> debouncer.call(() -> {
            page.set(0);
            refresh();
        }));
        total.addListener((obs, was, is) -> updateSummary());
        contacts.addListener((ListChangeListener<Contact>) c -> updateSummary());
    }

    /** Loads the current page (of the search, when there is search text). */
    public void refresh() {
        long request = ++latestRequest;
        String query = searchText.get().strip();
        int skip = page.get() * PAGE_SIZE;
        loading.set(true);
        background.run(() -> query.isEmpty()
                        ? session.api().list(skip, PAGE_SIZE)
                        : session.api().search(query, skip, PAGE_SIZE),
                result -> {
                    if (request == latestRequest) {
                        show(result);
                    }
                },
                session.failures(failure -> {
                    if (request == latestRequest) {
                        loading.set(false);
                        error.set(Messages.of(failure));
                    }
                }));
    }

    private void show(Page result) {
        loading.set(false);
        error.set("");
        total.set(result.total());
        contacts.setAll(result.items());
        loaded.set(true);
        updateSummary();
        if (result.items().isEmpty() && page.get() > 0) {
            page.set(page.get() - 1); // the last page emptied (e.g. after a delete): show the one before
            refresh();
        }
    }

    public void clearSearch() {
        searchText.set("");
    }

    public boolean hasNextPage() {
        return (page.get() + 1) * PAGE_SIZE < total.get();
    }

    public void nextPage() {
        if (hasNextPage()) {
            page.set(page.get() + 1);
            refresh();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            refresh();
        }
    }

    /** Deletes the contacts, then offers Undo for them all. */
    public void delete(List<Contact> selected) {
        if (selected.isEmpty()) {
            return;
        }
        List<Contact> toDelete = List.copyOf(selected);
        background.run(() -> {
            List<Contact> deleted = new ArrayList<>();
            try {
                for (Contact c : toDelete) {
                    session.api().delete(c.id());
                    deleted.add(c);
                }
                return new DeleteOutcome(deleted, null);
            } catch (RuntimeException e) {
                return new DeleteOutcome(deleted, e); // those already deleted can still be brought back
            }
        }, outcome -> {
            if (!outcome.deleted().isEmpty()) {
                lastDeletion.set(new Deletion(outcome.deleted()));
            }
            if (outcome.failure() != null) {
                session.failures(failure -> error.set(Messages.of(failure))).accept(outcome.failure());
            }
            refresh();
        }, session.failures(failure -> error.set(Messages.of(failure))));
    }

    private record DeleteOutcome(List<Contact> deleted, RuntimeException failure) {
    }

    /** Brings back every contact of the last deletion (as new contacts with the same content). */
    public void undoDelete() {
        Deletion deletion = lastDeletion.get();
        if (deletion == null) {
            return;
        }
        lastDeletion.set(null);
        List<Contact> remaining = new ArrayList<>(deletion.contacts());
        background.run(() -> {
            while (!remaining.isEmpty()) {
                session.api().create(remaining.get(0).toDraft());
                remaining.remove(0);
            }
            return true;
        }, ok -> refresh(), session.failures(failure -> {
            // nothing is lost: what was not brought back yet can be tried again
            lastDeletion.set(new Deletion(List.copyOf(remaining)));
            error.set(Messages.of(failure));
            refresh();
        }));
    }

    public void dismissDeletion() {
        lastDeletion.set(null);
    }

    private void updateSummary() {
        int count = total.get();
        boolean searching = !searchText.get().isBlank();
        String text;
        if (searching) {
            text = count == 0 ? "No matches" : count == 1 ? "1 match" : count + " matches";
        } else {
            text = count == 1 ? "1 contact" : count + " contacts";
        }
        if (count > PAGE_SIZE) {
            int from = page.get() * PAGE_SIZE + 1;
            text += " · showing " + from + "–" + (from + contacts.size() - 1);
        }
        summary.set(text);
    }

    /** True when the person has no contacts at all (not merely no search matches): show the welcome. */
    public boolean isAddressBookEmpty() {
        return loaded.get() && total.get() == 0 && searchText.get().isBlank();
    }

    public ObservableList<Contact> contacts() {
        return contacts;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObjectProperty<Deletion> lastDeletionProperty() {
        return lastDeletion;
    }
}
