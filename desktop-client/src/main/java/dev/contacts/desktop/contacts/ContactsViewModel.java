package dev.contacts.desktop.contacts;

import java.util.ArrayList;
import java.util.List;

import dev.contacts.model.Page;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Confirm;
import dev.contacts.desktop.ui.Debouncer;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.Contact;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The contact list: one page at a time from the server, filtered as the person types (through the server's
 * search), deleted with an Undo that brings every deleted contact back. It drives the form beside it: a saved
 * contact is reloaded and selected, a deleted one closes the form.
 */
public final class ContactsViewModel {

    public static final int PAGE_SIZE = 100;
    /** Deleting more contacts than this at once asks first (there is no trash yet, only an 8-second Undo). */
    public static final int DELETE_WITHOUT_ASKING = 3;

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
    private final ContactFormViewModel form;
    private Confirm confirm = Confirm.yes();

    private final ObservableList<Contact> contacts = FXCollections.observableArrayList();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Deletion> lastDeletion = new ReadOnlyObjectWrapper<>();
    /** The contact to select and scroll to once it is listed (after a save). */
    private final ReadOnlyObjectWrapper<Contact> toSelect = new ReadOnlyObjectWrapper<>();
    /** The page to load next; {@link #page} is the page shown, so the pager never runs ahead of the rows. */
    private int wantedPage;
    /** The search text of the rows shown (the field may already hold more). */
    private final ReadOnlyStringWrapper shownQuery = new ReadOnlyStringWrapper("");
    private final StringBinding emptyText;
    private final StringBinding pageText;
    private final BooleanBinding hasNextPage;
    /** Answers can arrive out of order while typing: only the newest request's answer is shown. */
    private long latestRequest;

    public ContactsViewModel(UserSession session, Background background, Debouncer debouncer,
                             ContactFormViewModel form) {
        this.session = session;
        this.background = background;
        this.form = form;
        searchText.addListener((obs, was, is) -> debouncer.call(() -> {
            wantedPage = 0;
            refresh();
        }));
        total.addListener((obs, was, is) -> updateSummary());
        contacts.addListener((ListChangeListener<Contact>) c -> updateSummary());
        form.setOnSaved(this::saved);
        emptyText = Bindings.createStringBinding(this::emptyText, total, loaded, loading, shownQuery);
        pageText = Bindings.createStringBinding(() -> "Page " + (page.get() + 1) + " of " + pageCount(), page, total);
        hasNextPage = Bindings.createBooleanBinding(() -> (page.get() + 1) * PAGE_SIZE < total.get(), page, total);
    }

    /** How to ask before deleting many contacts at once (the view shows a dialog). */
    public void setConfirm(Confirm confirm) {
        this.confirm = confirm;
    }

    public ContactFormViewModel form() {
        return form;
    }

    /** Loads the current page (of the search, when there is search text). */
    public void refresh() {
        long request = ++latestRequest;
        String query = searchText.get().strip();
        int pageNo = wantedPage;
        int skip = pageNo * PAGE_SIZE;
        loading.set(true);
        background.run(() -> query.isEmpty()
                        ? session.api().list(skip, PAGE_SIZE)
                        : session.api().search(query, skip, PAGE_SIZE),
                result -> {
                    if (request == latestRequest) {
                        show(result, query, pageNo);
                    }
                },
                session.failures(failure -> {
                    if (request == latestRequest) {
                        error.set(Messages.of(failure));
                    }
                }),
                () -> {
                    if (request == latestRequest) {
                        loading.set(false);
                    }
                });
    }

    private void show(Page<Contact> result, String query, int pageNo) {
        shownQuery.set(query);
        page.set(pageNo);
        error.set("");
        total.set(result.total());
        contacts.setAll(result.items());
        loaded.set(true);
        updateSummary();
        if (result.items().isEmpty() && pageNo > 0) {
            wantedPage = pageCount() - 1; // the last page emptied (e.g. after a delete): show the one before
            refresh();
            return;
        }
        Contact wanted = toSelect.get();
        if (wanted != null) {
            toSelect.set(null);
            contacts.stream().filter(c -> c.id() == wanted.id()).findFirst().ifPresent(toSelect::set);
        }
    }

    /** After a save: reload, on the page where the contact now is, and select it there. */
    private void saved(Contact saved) {
        boolean listedAtTheEnd = searchText.get().isBlank() && contacts.stream().noneMatch(c -> c.id() == saved.id());
        if (listedAtTheEnd) {
            // new contacts come last in the server's order
            wantedPage = total.get() / PAGE_SIZE;
        }
        toSelect.set(null);
        toSelect.set(saved);
        refresh();
    }

    private int pageCount() {
        return Math.max(1, (total.get() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private String emptyText() {
        if (!loaded.get()) {
            return loading.get() ? "Loading your contacts…" : "";
        }
        if (isAddressBookEmpty()) {
            return "No contacts yet.\nPress “New contact” (Ctrl+N) to add your first one.";
        }
        return "No contacts match “" + shownQuery.get() + "”.";
    }

    public void clearSearch() {
        searchText.set("");
    }

    public boolean hasNextPage() {
        return hasNextPage.get();
    }

    public void nextPage() {
        if (hasNextPage()) {
            wantedPage = page.get() + 1;
            refresh();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            wantedPage = page.get() - 1;
            refresh();
        }
    }

    /** The delete button of the form: deletes the contact being edited (with Undo) and closes the form. */
    public void deleteEdited() {
        Contact editing = form.editingProperty().get();
        if (editing != null) {
            delete(List.of(editing));
        }
    }

    /**
     * Deletes the contacts (asking first when they are more than a few), then offers Undo for them all. A form
     * editing one of them closes: there is nothing left to save it into.
     */
    public void delete(List<Contact> selected) {
        if (selected.isEmpty()) {
            return;
        }
        if (selected.size() > DELETE_WITHOUT_ASKING && !confirm.ask("Delete " + selected.size() + " contacts?",
                "You can bring them back with Undo for a few seconds afterwards.", "Delete " + selected.size())) {
            return;
        }
        List<Contact> toDelete = List.copyOf(selected);
        Contact editing = form.editingProperty().get();
        if (editing != null && toDelete.stream().anyMatch(c -> c.id() == editing.id())) {
            form.close();
        }
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
        boolean searching = !shownQuery.get().isBlank();
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

    /** True once loaded, when the whole address book (not just a search) has no contacts. */
    public boolean isAddressBookEmpty() {
        return loaded.get() && total.get() == 0 && shownQuery.get().isBlank();
    }

    public ObservableList<Contact> contacts() {
        return FXCollections.unmodifiableObservableList(contacts);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the empty table says: loading, no contacts yet, or nothing matches the search. */
    public ObservableStringValue emptyTextProperty() {
        return emptyText;
    }

    /** "Page 2 of 5". */
    public ObservableStringValue pageTextProperty() {
        return pageText;
    }

    public ObservableBooleanValue hasNextPageProperty() {
        return hasNextPage;
    }

    /** Whether there is more than one page, so the pager is worth showing. */
    public ObservableBooleanValue pagedProperty() {
        return total.greaterThan(PAGE_SIZE);
    }

    public ReadOnlyObjectProperty<Deletion> lastDeletionProperty() {
        return lastDeletion.getReadOnlyProperty();
    }

    /** A contact the list should select and scroll to (set after a save, once it is listed). */
    public ReadOnlyObjectProperty<Contact> toSelectProperty() {
        return toSelect.getReadOnlyProperty();
    }
}
