package dev.contacts.desktop.contacts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.Locale;
import java.util.Optional;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.api.ContactsApi.Filter;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Confirm;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactRules;
import dev.contacts.model.FieldError;
import dev.contacts.model.LabelCount;
import dev.contacts.model.RemovedLabel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sidebar beside the list (as in Google Contacts, GNOME Contacts, Thunderbird): "All contacts", "Favourites",
 * then each label with how many contacts carry it (the server's count, trashed contacts left out). Picking one
 * sets the list's {@link Filter}; the labels are asked for again whenever the address book changes. A label can be
 * renamed (onto another: the two merge) or removed from every contact carrying it (they stay), each in one request
 * the server runs as one transaction; Undo puts a removed label back, and a rename back, while its toast shows.
 */
public final class LabelsViewModel {

    /** One entry of the sidebar: what it lists, its name, and how many contacts it holds (-1: not counted). */
    public record Entry(Filter filter, String name, int count) {

        /** "Family, 12 contacts": what a screen reader says. */
        public String spoken() {
            return count < 0 ? name : name + ", " + Messages.count(count, "contact");
        }
    }

    /** Asks for a label's new name (the view shows a dialog); empty when the person cancels. */
    @FunctionalInterface
    public interface NameQuestion {
        Optional<String> ask(Entry label);
    }

    /** Asks for a new label's name (the view shows a dialog); empty when the person cancels. */
    @FunctionalInterface
    public interface NewNameQuestion {
        Optional<String> ask();
    }

    /** Whether the contacts of a selection carry a label: all of them, some, or none. */
    public enum Mark { ALL, SOME, NONE }

    /** A label in the menu of a selection ("Manage labels"), checked, mixed or not. */
    public record Choice(String name, Mark mark) {
    }

    /** A change to a label just made, with what Undo does (on the toast, or Ctrl+Z). */
    public record Change(String message, Runnable undo) {
    }

    /** The most contacts one request adds a label back to (the server's bulk limit). */
    static final int BULK_BATCH = 1000;

    static final Entry ALL = new Entry(Filter.ALL, "All contacts", -1);
    static final Entry FAVORITES = new Entry(Filter.FAVORITES, "Favourites", -1);
    /** The sidebar's note when the labels could not be counted again: it goes on showing the counts it had. */
    static final String COUNTS_FAILED = "Labels not updated.";

    private final UserSession session;
    private final Background background;
    private final ObjectProperty<Filter> selected;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList(ALL, FAVORITES);
    /** One read-only view, kept: a new one per call would be collected with the listeners added to it. */
    private final ObservableList<Entry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** The labels as last counted by the server (the selected one is listed even once none carries it). */
    private List<LabelCount> counted = List.of();
    /**
     * Labels made with "New label…" that nobody carries yet: listed (count 0) and offered in the selection's menu
     * until a contact carries one. Kept by this window only (the server knows a label by its contacts).
     */
    private final List<String> made = new ArrayList<>();
    /** Answers can cross (two changes in a row): only the newest is shown. */
    private long generation;
    private final ReadOnlyObjectWrapper<Change> lastChange = new ReadOnlyObjectWrapper<>();
    private Confirm confirm = Confirm.yes();
    private NameQuestion nameQuestion = label -> Optional.empty();
    private NewNameQuestion newNameQuestion = Optional::empty;
    /** What lists the book again once a label changed on its contacts (the list and the details). */
    private Runnable onChanged = () -> { };
    private Function<Selection.Everyone, List<Contact>> rowsOf = everyone -> null;

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
                // short: the list's banner beside it says why (the same failure met the listing), with Retry;
                // the whole sentence again here filled the narrow sidebar in red
                error.set(COUNTS_FAILED);
            }
        }));
    }

    /** The entries: the fixed two, each label counted, and the label picked if nobody carries it any more. */
    private void show() {
        List<Entry> now = new ArrayList<>(List.of(ALL, FAVORITES));
        counted.forEach(label -> now.add(new Entry(Filter.label(label.name()), label.name(), label.count())));
        made.removeIf(name -> counted.stream().anyMatch(label -> sameLabel(label.name(), name)));
        made.forEach(name -> now.add(new Entry(Filter.label(name), name, 0)));
        Filter filter = selected.get();
        if (!filter.label().isEmpty() && now.stream().noneMatch(e -> e.filter().equals(filter))) {
            // (its last contact was deleted or changed: the list says it is empty, Undo may bring them back)
            now.add(new Entry(filter, filter.label(), 0));
        }
        if (!now.equals(entries)) {
            entries.setAll(now);
        }
    }

    public void setConfirm(Confirm confirm) {
        this.confirm = confirm;
    }

    public void setNameQuestion(NameQuestion nameQuestion) {
        this.nameQuestion = nameQuestion;
    }

    public void setNewNameQuestion(NewNameQuestion newNameQuestion) {
        this.newNameQuestion = newNameQuestion;
    }

    void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    /** Where Ctrl+A's selection finds its rows when they are all loaded (null while some are still to come). */
    void setRowsOf(Function<Selection.Everyone, List<Contact>> rowsOf) {
        this.rowsOf = rowsOf;
    }

    /** Whether {@code entry} is a label (which can be renamed and removed), not "All contacts" or "Favourites". */
    public static boolean isLabel(Entry entry) {
        return entry != null && !entry.filter().label().isEmpty();
    }

    /**
     * Why {@code name} cannot be a label (the contract's rule: trimmed, 1 to 40 characters), or empty; the rename
     * dialog says it beside the field.
     */
    public static String nameProblem(String name) {
        List<FieldError> errors = new ArrayList<>();
        ContactRules.checkLabel(List.of("body", "new_name"), ContactRules.labelName(name), errors);
        return errors.isEmpty() ? "" : Messages.of(errors.get(0));
    }

    /** The label counted that {@code name} would merge with when {@code entry} is renamed to it; empty: none. */
    public Optional<String> mergesWith(Entry entry, String name) {
        String wanted = ContactRules.labelName(name);
        return counted.stream().map(LabelCount::name)
                .filter(l -> !sameLabel(l, entry.name()) && sameLabel(l, wanted)).findFirst();
    }

    /** The label listed (counted, or made here) that a new label named {@code name} would be; empty: none. */
    public Optional<String> existing(String name) {
        String wanted = ContactRules.labelName(name);
        return counted.stream().map(LabelCount::name).filter(l -> sameLabel(l, wanted)).findFirst()
                .or(() -> made.stream().filter(l -> sameLabel(l, wanted)).findFirst());
    }

    /** Asks for the label's new name, then renames it on every contact carrying it. */
    public void rename(Entry entry) {
        if (!isLabel(entry)) {
            return;
        }
        nameQuestion.ask(entry).map(ContactRules::labelName)
                .filter(name -> nameProblem(name).isEmpty() && !name.equals(entry.name()))
                .ifPresent(name -> renameTo(entry.name(), name, mergesWith(entry, name), true));
    }

    /**
     * Renames {@code from} to {@code to}; the list goes on showing the label under its new name. Undo renames it
     * back, unless it merged with another label (then back would take that one's contacts along).
     */
    private void renameTo(String from, String to, Optional<String> merged, boolean undoable) {
        lastChange.set(null);
        background.run(() -> session.api().renameLabel(from, to), changed -> {
            error.set("");
            if (sameLabel(selected.get().label(), from)) {
                selected.set(Filter.label(merged.orElse(to)));
            }
            if (undoable && merged.isEmpty() && !changed.isEmpty()) {
                lastChange.set(new Change("Renamed “" + from + "” to “" + to + "”.",
                        () -> renameTo(to, from, Optional.empty(), false)));
            }
            onChanged.run();
        }, session.failures(failure -> error.set("Could not rename “" + from + "”: " + Messages.of(failure))));
    }

    /**
     * Asks first (saying how many contacts keep their other data), then takes the label off every contact
     * carrying it; the list shows everyone if it showed that label. Undo puts the label back on those contacts.
     */
    public void remove(Entry entry) {
        if (!isLabel(entry)) {
            return;
        }
        String name = entry.name();
        int count = Math.max(0, entry.count());
        String detail = count == 1
                ? "The contact keeps its other data; only the label is taken off it."
                : Messages.count(count, "contact") + " keep their other data; only the label is taken off them.";
        if (!confirm.ask("Remove the label “" + name + "”?", detail, "Remove label", "Keep label")) {
            return;
        }
        lastChange.set(null);
        background.run(() -> session.api().removeLabel(name), removed -> {
            List<Long> changed = removed.changed();
            error.set("");
            if (sameLabel(selected.get().label(), name)) {
                selected.set(Filter.ALL);
            }
            if (!changed.isEmpty()) {
                lastChange.set(new Change("Removed the label “" + name + "” from "
                        + Messages.count(changed.size(), "contact") + ".", () -> addBack(name, removed)));
            }
            onChanged.run();
        }, session.failures(failure -> error.set("Could not remove “" + name + "”: " + Messages.of(failure))));
    }

    /** Puts a removed label back on its contacts, where it stood among their labels, a thousand per request. */
    private void addBack(String name, RemovedLabel removed) {
        List<Long> ids = removed.changed();
        background.run(() -> {
            for (int from = 0; from < ids.size(); from += BULK_BATCH) {
                int to = Math.min(ids.size(), from + BULK_BATCH);
                session.api().addLabel(name, ids.subList(from, to), removed.places().subList(from, to));
            }
            return true;
        }, ok -> {
            error.set("");
            onChanged.run();
        }, session.failures(failure -> {
            error.set("Could not put “" + name + "” back: " + Messages.of(failure));
            onChanged.run(); // (a batch may have gone through: show what the server holds)
        }));
    }

    /** Runs {@code request} on {@code ids} a thousand at a time (the server's bulk limit); the ids it changed. */
    private List<Long> inBatches(List<Long> ids,
                                 BiFunction<List<Long>, ContactsApi, List<Long>> request) {
        List<Long> changed = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BULK_BATCH) {
            changed.addAll(request.apply(ids.subList(from, Math.min(ids.size(), from + BULK_BATCH)), session.api()));
        }
        return changed;
    }

    /*
     * A selection's labels, as Google Contacts' "Manage labels": each label checked when every selected contact
     * carries it, mixed when some do, unchecked when none does. Picking a checked one takes the selection out of
     * it; an unchecked or mixed one puts every selected contact in it. "New label…" makes a label with the
     * selection in it.
     */

    /**
     * Each label counted, marked for {@code selection}. Picked rows are known with their labels, and so are Ctrl+A's
     * once every row of its listing is loaded (a search's few matches); while rows are still to come the counts
     * tell: over the whole book a label is on all when its count is the book's, and within a label's listing that
     * label is on all; any other label that someone carries is marked mixed (some of them may carry it), so
     * picking it puts them all in it.
     */
    public List<Choice> choices(Selection selection) {
        List<Choice> choices = new ArrayList<>();
        for (LabelCount label : counted) {
            choices.add(new Choice(label.name(), mark(selection, label)));
        }
        made.forEach(name -> choices.add(new Choice(name, Mark.NONE)));
        return choices;
    }

    private Mark mark(Selection selection, LabelCount label) {
        if (selection instanceof Selection.Everyone everyone && rowsOf.apply(everyone) instanceof List<Contact> rows) {
            return mark(new Selection.Picked(rows), label);
        }
        if (selection instanceof Selection.Picked picked) {
            long carrying = picked.contacts().stream()
                    .filter(c -> c.labels().stream().anyMatch(l -> sameLabel(l, label.name()))).count();
            return carrying == 0 ? Mark.NONE : carrying == picked.size() ? Mark.ALL : Mark.SOME;
        }
        Selection.Everyone everyone = (Selection.Everyone) selection;
        if (label.count() == 0) {
            return Mark.NONE;
        }
        if (sameLabel(everyone.listing().filter().label(), label.name())
                || everyone.wholeBook() && label.count() >= everyone.size()) {
            return Mark.ALL;
        }
        return Mark.SOME;
    }

    /** The menu's pick: a checked label taken off the selection, any other put on all of it. */
    public void toggle(Selection selection, Choice choice) {
        if (selection.size() == 0) {
            return;
        }
        if (choice.mark() == Mark.ALL) {
            takeOff(selection, choice.name());
        } else {
            addTo(selection, choice.name());
        }
    }

    /** Asks for a name, then makes that label with the selection in it (a label exists while someone carries it). */
    public void newLabelFor(Selection selection) {
        if (selection.size() == 0) {
            return;
        }
        newNameQuestion.ask().map(ContactRules::labelName).filter(name -> nameProblem(name).isEmpty())
                .ifPresent(name -> addTo(selection, name));
    }

    /**
     * Puts every contact of {@code selection} in the label; Undo takes it off those that did not carry it. The toast
     * counts those: "Added 2 contacts" when 2 of the 4 selected were not in it yet.
     */
    private void addTo(Selection selection, String name) {
        lastChange.set(null);
        background.run(() -> inBatches(selection.ids(session.api()), (batch, api) -> api.addLabel(name, batch)),
                changed -> {
                    error.set("");
                    if (!changed.isEmpty()) {
                        lastChange.set(new Change("Added " + who(selection, changed) + " to “" + name + "”.",
                                () -> takeOffAgain(name, changed)));
                    }
                    onChanged.run();
                }, session.failures(failure -> {
                    error.set("Could not add to “" + name + "”: " + Messages.of(failure));
                    onChanged.run(); // (a batch may have gone through: show what the server holds)
                }));
    }

    /** Takes the label off every contact of {@code selection}; Undo puts it back on those that carried it. */
    private void takeOff(Selection selection, String name) {
        lastChange.set(null);
        background.run(() -> {
            List<Long> ids = selection.ids(session.api());
            List<Long> changed = new ArrayList<>();
            List<Integer> places = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += BULK_BATCH) {
                RemovedLabel batch = session.api().takeOffLabel(name,
                        ids.subList(from, Math.min(ids.size(), from + BULK_BATCH)));
                changed.addAll(batch.changed());
                places.addAll(batch.places());
            }
            return new RemovedLabel(changed, places);
        }, removed -> {
            List<Long> changed = removed.changed();
            error.set("");
            if (!changed.isEmpty()) {
                lastChange.set(new Change("Removed " + who(selection, changed) + " from “" + name + "”.",
                        () -> addBack(name, removed)));
            }
            onChanged.run();
        }, session.failures(failure -> {
            error.set("Could not take “" + name + "” off: " + Messages.of(failure));
            onChanged.run();
        }));
    }

    /** The contacts a change reached: the one picked by name, else how many changed (not how many were selected). */
    private static String who(Selection selection, List<Long> changed) {
        return changed.size() == 1 && selection.size() == 1 ? selection.what()
                : Messages.count(changed.size(), "contact");
    }

    /** Undo of an addition: the label off the contacts it was added to. */
    private void takeOffAgain(String name, List<Long> ids) {
        background.run(() -> inBatches(ids, (batch, api) -> api.takeOffLabel(name, batch).changed()), changed -> {
            error.set("");
            onChanged.run();
        }, session.failures(failure -> {
            error.set("Could not take “" + name + "” off again: " + Messages.of(failure));
            onChanged.run();
        }));
    }

    /**
     * The sidebar's "New label…" (Google's "Create label"): asks the name, lists it (count 0) and picks it, so the
     * list says it is empty; it stays listed, and offered in the selection's label menu, until contacts are put in it
     * (a label exists on the server only while a contact carries it, so an empty one is this window's until then).
     * A name already in use picks that label.
     */
    public void createLabel() {
        newNameQuestion.ask().map(ContactRules::labelName).filter(name -> nameProblem(name).isEmpty())
                .ifPresent(name -> {
                    Optional<String> existing = existing(name);
                    if (existing.isEmpty()) {
                        made.add(name);
                        show();
                    }
                    selected.set(Filter.label(existing.orElse(name)));
                });
    }

    /** Undoes the last label change while it is offered (its toast shows); false when there is none. */
    /** Undoes the last label change while it is offered (its toast shows); false when there is none. */
    public boolean undo() {
        Change change = lastChange.get();
        if (change == null) {
            return false;
        }
        lastChange.set(null);
        change.undo().run();
        return true;
    }

    /** The toast went away: Undo is no longer offered. */
    public void dismissChange() {
        lastChange.set(null);
    }

    /** The last label change that Undo can take back; null: none. */
    public ReadOnlyObjectProperty<Change> lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    /** Whether two labels are one for the server (case and accents aside, as {@code label=} matches). */
    static boolean sameLabel(String a, String b) {
        return !a.isEmpty() && folded(a).equals(folded(b));
    }

    private static String folded(String label) {
        return Normalizer.normalize(ContactRules.labelName(label), Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
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
