package dev.contacts.desktop.contacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.contacts.desktop.api.ContactsApi.Filter;
import dev.contacts.desktop.api.ContactsApi.SortBy;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.settings.Settings;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Confirm;
import dev.contacts.desktop.ui.Debouncer;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.Contact;
import dev.contacts.model.Page;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The address book as one continuous list: the favourites first, then everyone else, each part sorted by the
 * server (by last or first name) and loaded a page at a time as the person scrolls, so the order is the whole
 * book's, never one page's. Typing filters through the server's search. The selected contact is shown in the
 * detail pane; deleting moves contacts to the server's trash and Undo restores them with the same ids.
 */
public final class ContactsViewModel {

    public static final int PAGE_SIZE = 100;
    /** The page asked for while the rows up to a place further down are wanted (a jump, End, select all). */
    static final int SEEK_PAGE_SIZE = 1000;
    /** The next page is asked for when a row this close to the end of what is loaded is shown. */
    public static final int LOAD_AHEAD = 30;
    /** Deleting more contacts than this at once asks first (Undo brings them back, but many are easy to miss). */
    public static final int DELETE_WITHOUT_ASKING = 3;
    /** The server takes at most this many ids in one bulk delete or bulk restore. */
    static final int BULK_BATCH = 1000;
    /** The setting that remembers the sort order ({@code last_name} or {@code first_name}). */
    static final String SORT_KEY = "contacts.sort";
    /** How long the search field waits for typing to pause before it searches. */
    public static final long TYPING_QUIET_MILLIS = 250;

    /**
     * A row to select once it is listed: the first that {@code matches}; if none does, the last row when
     * {@code orLast} (a letter after everyone's), else nothing. {@code saved}: the contact just saved, which
     * stays in the details while it is looked for, and after, when the listing leaves it out.
     */
    private record Seek(java.util.function.Predicate<Contact> matches, boolean orLast, Contact saved) {

        Seek(java.util.function.Predicate<Contact> matches, boolean orLast) {
            this(matches, orLast, null);
        }

        static Seek saved(Contact contact) {
            return new Seek(c -> c.id() == contact.id(), false, contact);
        }
    }

    /**
     * Contacts just moved to the trash, kept so that Undo can restore them; {@code what} names them. {@code
     * notRestored}: an Undo that failed (the server away) left them in the trash, and Undo is offered until the
     * person closes it (not for the usual few seconds), so it can be pressed again once the server is back.
     */
    public record Deletion(List<Long> ids, String what, boolean notRestored) {
        public Deletion {
            ids = List.copyOf(ids);
        }

        public String message() {
            return notRestored ? "Not restored: " + what + " still in the Trash." : "Deleted " + what + ".";
        }
    }

    private final UserSession session;
    private final Background background;
    private final ContactFormViewModel form;
    private final Photos photos;
    private final CardExtras cardExtras;
    private Confirm confirm = Confirm.yes();

    private final ObservableList<Contact> contacts = FXCollections.observableArrayList();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<SortBy> sort = new SimpleObjectProperty<>(SortBy.LAST_NAME);
    /** Which part of the book is listed (the sidebar's choice): everyone, the favourites or one label's. */
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(Filter.ALL);
    private final LabelsViewModel labels;
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    /** "Deleting 1,250 contacts…" or "Restoring 1,250 contacts…" while that is under way, else empty. */
    private final ReadOnlyStringWrapper underWay = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Deletion> lastDeletion = new ReadOnlyObjectWrapper<>();
    /** What Delete and Export selection act on: the rows picked, or every contact listed (Ctrl+A). */
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(Selection.NONE);
    /** The contact in the detail pane. */
    private final ReadOnlyObjectWrapper<Contact> shown = new ReadOnlyObjectWrapper<>();
    /** The contact to select and scroll to once it is listed (after a save). */
    private final ReadOnlyObjectWrapper<Contact> toSelect = new ReadOnlyObjectWrapper<>();
    /** The rows the list should show selected once deleted ones were taken out of it (and nobody else). */
    private final ReadOnlyObjectWrapper<Selection.Picked> stillSelected = new ReadOnlyObjectWrapper<>();
    /**
     * A contact just saved that the search (or the label or favourites picked) leaves out of the list: it stays
     * in the details, and the list says why and offers to show everyone; null: none.
     */
    private final ReadOnlyObjectWrapper<Contact> savedNotListed = new ReadOnlyObjectWrapper<>();
    /** The saved contact to select once the search just cleared for it lists everyone (after the typing pause). */
    private Seek seekAfterClearing;
    /** The search text of the rows shown (the field may already hold more). */
    private final ReadOnlyStringWrapper shownQuery = new ReadOnlyStringWrapper("");
    /** The filter of the rows shown (the sidebar may already have another picked). */
    private final ReadOnlyObjectWrapper<Filter> shownFilter = new ReadOnlyObjectWrapper<>(Filter.ALL);
    /**
     * Whether the listing of {@link #shownQuery} failed before its first rows came: the list then holds no rows
     * (the old ones were another search's, not its result) and says it could not search; Retry lists it again.
     */
    private final ReadOnlyBooleanWrapper listingFailed = new ReadOnlyBooleanWrapper(false);
    /**
     * How many contacts were in the trash when the address book was last found empty (asked of the server only
     * then, and after a delete); -1: not asked.
     */
    private final ReadOnlyIntegerWrapper trashed = new ReadOnlyIntegerWrapper(-1);
    /** Waits for a pause in the search field's typing before the list follows it. */
    private final Debouncer typing;
    /** The listing (search and filter; empty and all: the whole book) that a delete left empty; null: none was. */
    private Listing emptiedByDelete;
    private final ObjectBinding<EmptyState> emptyState;
    private final StringBinding emptyText;
    private final StringBinding selectionText;
    private final ObjectBinding<SelectionSummary> selectionSummary;
    private final BooleanBinding indexShown;
    private final BooleanBinding offersImport;
    private final BooleanBinding bookEmpty;

    /** Where loading stands: the favourites part first, then the others; {@code skip} within the part. */
    private boolean inFavorites = true;
    private int skip;
    private boolean complete;
    private int favoritesTotal;
    /** The rows of a new listing, gathered until its first page of non-favourites has come. */
    private List<Contact> fresh;
    /** The row to select once the pages reach it (a saved contact, the first under a letter); null: none. */
    private Seek wanted;
    /** Rows picked when their labels changed: picked again once listed anew (their labels shown as they are now). */
    private Selection.Picked pickAgain;
    /** The listing whose contacts were all selected (Ctrl+A) when their labels changed: selected again once listed. */
    private Listing everyoneAgain;
    /** Answers can arrive out of order (typing, sorting): only those of the newest listing are shown. */
    private long generation;
    /** What waits for every row of the listing to be loaded ("select all", End, delete all). */
    private final List<Runnable> whenComplete = new ArrayList<>();
    /**
     * A listing again after a change made elsewhere ({@link #changedElsewhere}): no spinner, as many rows as were
     * loaded, the selection kept; null: none is under way.
     */
    private Selection quietlyKeeping;
    /** Ctrl+A's everyone was kept by a quiet listing: chosen again once its rows are counted. */
    private boolean everyoneKeptQuietly;
    /** The rows to load at once in a quiet listing again (as many as the list had: it keeps its place). */
    private int refillTo;
    /** Whether a listing is under way that the person asked for (a quiet one shows no spinner). */
    private final BooleanBinding busy;
    /** How a listing after this window's own write runs: in the app, after the book's tag is read (BookWatch). */
    private Consumer<Runnable> afterOwnWrite = Runnable::run;
    /** The message shown while the server cannot be reached between two questions of the book's tag; else empty. */
    private String offlineMessage = "";

    /**
     * {@code typing} waits for a pause in the search field's typing ({@link #TYPING_QUIET_MILLIS} in the app),
     * {@code selectionRest} for the selection to rest before the detail pane's card is read ({@link CardExtras}).
     */
    public ContactsViewModel(UserSession session, Background background, Debouncer typing, Debouncer selectionRest,
                             ContactFormViewModel form) {
        this.session = session;
        this.typing = typing;
        this.background = background;
        this.form = form;
        this.photos = new Photos(session, background);
        this.cardExtras = new CardExtras(session, background, selectionRest);
        shown.addListener((obs, was, is) -> {
            cardExtras.show(is);
            Contact notListed = savedNotListed.get();
            if (notListed != null && is != null && is.id() != notListed.id()) {
                savedNotListed.set(null); // another contact picked: the note was about the saved one
            }
        });
        searchText.addListener((obs, was, is) -> typing.call(this::refresh));
        sort.addListener((obs, was, is) -> refresh());
        filter.addListener((obs, was, is) -> refresh());
        this.labels = new LabelsViewModel(session, background, filter);
        labels.setOnChanged(this::labelsChanged);
        labels.setRowsOf(this::rowsOf);
        form.setOnSaved(this::saved);
        form.setOnFoundChanged(this::saved); // (reloaded after a conflict: as after a save, the form still open)
        form.setOnFoundGone(this::goneMeanwhile);
        emptyState = Bindings.createObjectBinding(this::emptyState, total, loaded, loading, shownQuery, shownFilter,
                lastDeletion, trashed, underWay, listingFailed);
        emptyText = Bindings.createStringBinding(() -> emptyState.get().text(), emptyState);
        selectionText = Bindings.createStringBinding(() -> selection.get().size() > 1
                ? Messages.number(selection.get().size()) + " selected" : "", selection);
        selectionSummary = Bindings.createObjectBinding(
                () -> SelectionSummary.of(selection.get(), total.get(), shownListing()).orElse(null),
                selection, total, shownQuery, shownFilter);
        indexShown = Bindings.isNotEmpty(contacts);
        busy = Bindings.createBooleanBinding(() -> loading.get() && quietlyKeeping == null, loading);
        offersImport = Bindings.createBooleanBinding(() -> emptyState.get() == NONE_YET, emptyState);
        bookEmpty = Bindings.createBooleanBinding(() -> loaded.get() && !listingFailed.get() && total.get() == 0
                && shownListing().wholeBook() && underWay.get().isEmpty(), loaded, listingFailed, total, shownQuery,
                shownFilter, underWay);
    }

    /** Sorts as chosen last time (last name the first time) and remembers each new choice in {@code settings}. */
    public void rememberSortIn(Settings settings) {
        sort.set(settings.get(SORT_KEY).flatMap(ContactsViewModel::sortNamed).orElse(SortBy.LAST_NAME));
        sort.addListener((obs, was, is) -> settings.put(SORT_KEY, is.wire()));
    }

    private static java.util.Optional<SortBy> sortNamed(String wire) {
        return java.util.Arrays.stream(SortBy.values()).filter(s -> s.wire().equals(wire)).findFirst();
    }

    /**
     * Runs the listings that follow this window's own writes (a save, a label's rename, an Undo) through
     * {@code afterOwnWrite}: the app reads the book's tag first, so its own write is not taken for a change made
     * elsewhere and listed a second time.
     */
    public void listAfterOwnWritesWith(Consumer<Runnable> afterOwnWrite) {
        this.afterOwnWrite = afterOwnWrite;
    }

    /** How to ask before deleting many contacts at once (the view shows a dialog). */
    public void setConfirm(Confirm confirm) {
        this.confirm = confirm;
    }

    public ContactFormViewModel form() {
        return form;
    }

    /** The contacts' photos, for the avatars. */
    public Photos photos() {
        return photos;
    }

    /** What the shown contact's card holds beyond the app's fields (web sites, anniversary ...), read-only. */
    public CardExtras cardExtras() {
        return cardExtras;
    }

    /** The sidebar: everyone, the favourites, each label with its count; picking one filters the list. */
    public LabelsViewModel labels() {
        return labels;
    }

    /** Lists from the top again (e.g. F5, another search or sort); what is shown stays until the answer comes. */
    public void refresh() {
        Seek seek = seekAfterClearing;
        seekAfterClearing = null;
        relist(seek);
    }

    /**
     * The address book changed (an import, a merge, the Trash, F5): the list from the top, and the sidebar's
     * labels counted again.
     */
    public void reload() {
        labels.refresh();
        refresh();
    }

    /**
     * The book changed elsewhere (another window, another device): listed again without a spinner and as far down
     * as it is loaded now, so the list keeps its place; the rows picked are picked again (a multi-selection, or
     * Ctrl+A's everyone, too) and the contact shown is shown as it is now, or leaves the details when it was deleted
     * meanwhile; the sidebar's labels are counted again. Not while the form is open (its save finds a change made
     * meanwhile by itself) nor while a listing, a delete or an Undo is under way: false then, and nothing changes.
     */
    public boolean changedElsewhere() {
        if (form.openProperty().get() || loading.get() || fresh != null || wanted != null || !whenComplete.isEmpty()
                || !underWay.get().isEmpty() || listingFailed.get() || !loaded.get()) {
            return false;
        }
        labels.refresh();
        relist(null, selection.get(), contacts.size());
        return true;
    }

    /**
     * The server could not be reached to ask whether the book changed: the list's error banner says so (as when a
     * listing fails), until {@code message} comes empty, the server answering again.
     */
    public void serverUnreachable(String message) {
        if (message.isEmpty()) {
            if (error.get().equals(offlineMessage)) {
                error.set("");
            }
        } else {
            error.set(message);
        }
        offlineMessage = message;
    }

    /**
     * A label was renamed or removed across contacts: counted again, and listed again from the top, the contact
     * shown selected again once listed (its details then show its labels as they are now).
     */
    private void labelsChanged() {
        afterOwnWrite.accept(() -> {
            labels.refresh();
            Contact before = shown.get();
            pickAgain = selection.get() instanceof Selection.Picked picked && picked.size() > 1 ? picked : null;
            everyoneAgain = selection.get() instanceof Selection.Everyone everyone ? everyone.listing() : null;
            boolean keepsSelection = pickAgain != null || everyoneAgain != null; // (seeking the shown one picks it)
            relist(before == null || keepsSelection ? null : new Seek(c -> c.id() == before.id(), false));
        });
    }

    /** What the rows shown are the listing of. */
    private Listing shownListing() {
        return new Listing(shownQuery.get(), shownFilter.get());
    }

    /** Lists from the top, selecting the row {@code seek} finds once it is loaded. */
    private void relist(Seek seek) {
        relist(seek, null, 0);
    }

    /**
     * Lists from the top, as {@link #relist(Seek)}; {@code keeping} not null: quietly ({@link #changedElsewhere}),
     * {@code rows} at once, and the rows of {@code keeping} picked again.
     */
    private void relist(Seek seek, Selection keeping, int rows) {
        quietlyKeeping = keeping;
        refillTo = rows;
        wanted = seek;
        savedNotListed.set(null); // (another listing: found again, or said again once it is complete)
        generation++;
        inFavorites = true;
        skip = 0;
        complete = false;
        favoritesTotal = 0;
        loading.set(false);
        whenComplete.clear(); // another listing: "all" of the old one means nothing now
        loadMore();
    }

    /**
     * Runs {@code then} once every row of the listing is loaded: the pages still missing are asked for one after
     * the other in the background (at once if nothing is missing). A failure or another listing drops it.
     */
    public void loadAll(Runnable then) {
        if (complete) {
            then.run();
            return;
        }
        whenComplete.add(then);
        loadMore(); // (if a page is on its way, its answer goes on)
    }

    /** The list shows row {@code index}: near the end of what is loaded, the next page is asked for. */
    public void rowShown(int index) {
        if (index >= contacts.size() - LOAD_AHEAD) {
            loadMore();
        }
    }

    /** Asks for the next page, unless one is on its way or everything is loaded. */
    public void loadMore() {
        if (loading.get() || complete) {
            return;
        }
        long request = generation;
        String query = searchText.get().strip();
        Filter within = filter.get();
        SortBy by = sort.get();
        boolean favorites = inFavorites;
        int from = skip;
        // a place further down is wanted: fewer, larger pages get there sooner
        int limit = Math.max(wanted != null || !whenComplete.isEmpty() ? SEEK_PAGE_SIZE : PAGE_SIZE,
                quietlyKeeping == null ? 0 // (quietly: as many rows as the list had, a page at most 1,000)
                        : Math.min(SEEK_PAGE_SIZE, favorites ? refillTo : refillTo - favoritesTotal));
        boolean noFavorites = favoritesTotal == 0;
        loading.set(true);
        background.run(() -> {
                    // the favourites alone: no part of others to ask for
                    Page<Contact> page = !favorites && within.favoritesOnly() ? new Page<>(List.of(), 0)
                            : session.api().list(query, within, by, favorites, from, limit);
                    // an empty address book: whether its contacts are in the trash says what to tell the person
                    boolean emptyBook = !favorites && from == 0 && query.isEmpty() && within.isAll() && noFavorites
                            && page.total() == 0;
                    return new Listed(page, emptyBook ? trashedNow() : -1);
                },
                listed -> {
                    if (request == generation) {
                        if (listed.trashed() >= 0) {
                            trashed.set(listed.trashed());
                        }
                        append(listed.page(), new Listing(query, within), from, limit);
                    }
                },
                session.failures(failure -> {
                    if (request == generation) {
                        whenComplete.clear();
                        wanted = null;
                        quietlyKeeping = null; // (the rows shown stay, as they were)
                        refillTo = 0;
                        error.set(Messages.of(failure));
                        Listing failed = new Listing(query, within);
                        if (!failed.equals(shownListing()) || listingFailed.get()) {
                            failedListing(failed);
                        }
                    }
                }),
                () -> {
                    if (request == generation) {
                        loading.set(false);
                    }
                });
    }

    /**
     * Another search (or the whole book after one) could not be listed: the rows of the one before are not its
     * result, so they go, and the list says it could not search; the query stays in the field for Retry.
     */
    private void failedListing(Listing listing) {
        fresh = null;
        pickAgain = null;
        everyoneAgain = null;
        selection.set(Selection.NONE); // no rows: nothing for Delete or Export to act on
        shown.set(null);
        shownQuery.set(listing.query());
        shownFilter.set(listing.filter());
        listingFailed.set(true);
        contacts.clear();
        total.set(0);
        complete = true; // nothing more to load until Retry lists it again
        updateSummary();
    }

    /** A page of the listing, with the number of contacts in the trash when it showed the book empty (else -1). */
    private record Listed(Page<Contact> page, int trashed) {
    }

    /** How many contacts the trash holds now (one small request; called off the FX thread). */
    private int trashedNow() {
        return session.api().trash(0, 1).total();
    }

    private void append(Page<Contact> page, Listing listing, int from, int limit) {
        error.set("");
        listingFailed.set(false);
        if (inFavorites && from == 0) {
            fresh = new ArrayList<>(); // a new listing: its rows replace the old ones (kept on screen until then)
        }
        if (fresh != null) {
            fresh.addAll(page.items());
        } else {
            contacts.addAll(page.items());
        }
        if (fresh != null && !inFavorites) {
            shownQuery.set(listing.query());
            shownFilter.set(listing.filter());
            Contact before = shown.get(); // (replacing the rows clears the list's selection, and so the detail)
            Selection kept = quietlyKeeping;
            if (kept == null && selection.get() instanceof Selection.Everyone) {
                selection.set(Selection.NONE); // "everyone" was the old listing's; the list selects anew
            }
            contacts.setAll(fresh); // at once: no empty list in between, and the shown contact stays selected
            fresh = null;
            if (kept != null) {
                keepQuietly(kept, before);
            } else if (!keepEveryone(listing, favoritesTotal + page.total())) {
                keepShown(before);
                keepPicked();
                if (wanted != null && wanted.saved() != null && shown.get() == null) {
                    shown.set(wanted.saved()); // still looked for, maybe left out by the search: its details stay
                }
            }
        }
        skip = from + page.items().size();
        boolean partDone = page.items().size() < limit || skip >= page.total();
        boolean favoritesEnded = false;
        if (inFavorites) {
            favoritesTotal = page.total();
            if (partDone) {
                inFavorites = false;
                skip = 0;
                favoritesEnded = true;
            }
        } else {
            total.set(favoritesTotal + page.total());
            if (everyoneKeptQuietly) {
                everyoneKeptQuietly = false; // (Ctrl+A's everyone, counted anew)
                selection.set(new Selection.Everyone(listing, total.get()));
            }
            loaded.set(true);
            complete = partDone;
        }
        updateSummary();
        selectWantedOrGoOn(favoritesEnded);
    }

    /**
     * After a page: select the saved contact once listed. The others' first page follows the favourites at once,
     * and pages keep coming while a saved contact is still to be found.
     */
    private void selectWantedOrGoOn(boolean favoritesJustEnded) {
        if (wanted != null && fresh == null) {
            Seek seek = wanted;
            contacts.stream().filter(seek.matches()).findFirst()
                    .or(() -> complete && seek.orLast() && !contacts.isEmpty()
                            ? java.util.Optional.of(contacts.get(contacts.size() - 1)) : java.util.Optional.empty())
                    .ifPresent(found -> {
                        wanted = null;
                        select(found);
                    });
        }
        if (favoritesJustEnded || ((wanted != null || !whenComplete.isEmpty()) && !complete)) {
            loadMore();
        } else if (complete) {
            if (wanted != null && wanted.saved() != null) {
                // listed to the end without it: the search or the label picked leaves it out, which the list says
                shown.set(wanted.saved());
                savedNotListed.set(wanted.saved());
            }
            wanted = null;
            List<Runnable> waiting = List.copyOf(whenComplete);
            whenComplete.clear();
            waiting.forEach(Runnable::run);
        }
    }

    /**
     * After the rows were replaced quietly: the rows of {@code kept} picked again, those still listed, in their
     * newest version, and {@code before} shown as it is now. A contact shown but no longer among the rows is read
     * again: deleted meanwhile, it leaves the details; else they show it as it is now.
     */
    private void keepQuietly(Selection kept, Contact before) {
        quietlyKeeping = null;
        refillTo = 0;
        if (kept instanceof Selection.Everyone) {
            everyoneKeptQuietly = true;
        } else if (kept instanceof Selection.Picked picked) {
            Selection.Picked again = new Selection.Picked(contacts.stream().filter(picked::includes).toList());
            selection.set(again);
            stillSelected.set(null);
            stillSelected.set(again);
        }
        if (before == null) {
            return;
        }
        java.util.Optional<Contact> listed = contacts.stream().filter(c -> c.id() == before.id()).findFirst();
        if (listed.isPresent()) {
            shown.set(listed.get());
            return;
        }
        shown.set(before);
        long request = generation;
        background.run(() -> session.api().get(before.id()).contact(),
                now -> {
                    if (request == generation && shown.get() != null && shown.get().id() == now.id()) {
                        shown.set(now);
                    }
                },
                session.failures(failure -> {
                    if (failure instanceof dev.contacts.desktop.api.ApiFailure.Refused refused
                            && refused.status() == 404 && shown.get() != null && shown.get().id() == before.id()
                            && !form.openProperty().get()) {
                        shown.set(null); // deleted elsewhere
                    }
                }));
    }

    /** After the rows were replaced: the rows picked before a label change are picked again, those still listed. */
    private void keepPicked() {
        Selection.Picked before = pickAgain;
        pickAgain = null;
        if (before == null) {
            return;
        }
        Selection.Picked again = new Selection.Picked(contacts.stream().filter(before::includes).toList());
        if (again.size() > 0) {
            selection.set(again);
            stillSelected.set(null);
            stillSelected.set(again);
        }
    }

    /**
     * After the rows were replaced: Ctrl+A's selection, which a label change through the Labels menu listed anew,
     * stands again for every contact of that listing (the list then shows every row selected again).
     */
    private boolean keepEveryone(Listing listing, int count) {
        Listing before = everyoneAgain;
        everyoneAgain = null;
        if (listing.equals(before) && count > 0) {
            selection.set(new Selection.Everyone(listing, count));
            return true; // (not the shown contact alone: selecting it would pick it instead of everyone)
        }
        return false;
    }

    /** After the rows were replaced: the contact shown is selected again, in its newest version, when listed. */
    private void keepShown(Contact current) {
        if (current == null || wanted != null) {
            return;
        }
        contacts.stream().filter(c -> c.id() == current.id()).findFirst().ifPresent(now -> {
            toSelect.set(null);
            toSelect.set(now);
            shown.set(now);
        });
    }

    private void select(Contact contact) {
        toSelect.set(null);
        toSelect.set(contact);
        show(contact);
    }

    /** After a save: the list again from the top, as far as the saved contact, which is selected and shown. */
    private void saved(Contact saved) {
        show(saved);
        afterOwnWrite.accept(() -> {
            labels.refresh(); // (its labels may have changed, or it is new)
            relist(Seek.saved(saved));
        });
    }

    /**
     * "Clear the search" beside the note that a saved contact is not listed: the search is cleared and everyone
     * listed (the label or favourites picked too), the saved contact selected once its row is loaded.
     */
    public void listSavedContact() {
        Contact notListed = savedNotListed.get();
        if (notListed == null) {
            return;
        }
        Seek seek = Seek.saved(notListed);
        boolean searching = !searchText.get().isEmpty();
        searchText.set(""); // (lists again after the typing pause: that listing looks for it too)
        filter.set(Filter.ALL);
        seekAfterClearing = searching ? seek : null;
        relist(seek);
    }

    /**
     * A save found the contact deleted elsewhere (another window, another device): it leaves the details and the
     * list, listed again from the top (the rows replaced, no neighbour is picked under the open form), and the
     * labels are counted again.
     */
    private void goneMeanwhile(long id) {
        Contact before = shown.get();
        if (before != null && before.id() == id) {
            shown.set(null);
        }
        reload();
    }

    /**
     * Selects the first contact listed under {@code letter} (after the favourites), or under the next letter that
     * has someone, or the last contact when no name comes that late. Rows not loaded yet are asked for, in order,
     * until that contact is among them, so this works however little of the book is loaded.
     */
    public void jumpTo(String letter) {
        String target = ContactText.indexLetter(ContactText.initialOf(letter)); // a typed "ø": the O's
        SortBy by = sort.get();
        boolean favoritesOnly = shownFilter.get().favoritesOnly(); // (then the favourites are sorted by name too)
        Seek seek = new Seek(c -> (favoritesOnly || !c.favorite())
                && ContactText.compareInitials(ContactText.sectionOf(c, by), target) >= 0,
                true);
        if (fresh == null && contacts.stream().anyMatch(seek.matches())) {
            select(contacts.stream().filter(seek.matches()).findFirst().orElseThrow());
            return;
        }
        if (complete) {
            if (!contacts.isEmpty()) {
                select(contacts.get(contacts.size() - 1));
            }
            return;
        }
        wanted = seek;
        loadMore(); // (if a page is on its way, its answer goes on)
    }

    /** Shows {@code contact} in the detail pane (null: nothing selected). */
    public void show(Contact contact) {
        shown.set(contact);
    }

    /**
     * "New contact": an empty form, and no row of the list selected under it (the contact selected before is not
     * the one being written); false when the person chose to keep editing the open form.
     */
    public boolean startNew() {
        if (!form.startNew()) {
            return false;
        }
        selectNoRow();
        return true;
    }

    /**
     * Shows {@code contact}'s details, selected in the list, as a click on its row does (from another screen: the
     * Birthdays view); false when the person chose to keep editing the open form. A contact not listed yet is
     * looked for page by page, as after a save, among everyone when the label, the favourites or the search leave
     * it out (as Google Contacts leaves a search for the contact opened): a contact shown beside a list that does
     * not hold it had no row for Delete to act on.
     */
    public boolean open(Contact contact) {
        if (form.openProperty().get()) {
            if (!form.mayDiscardChanges()) {
                return false;
            }
            form.close();
        }
        java.util.Optional<Contact> listed = contacts.stream().filter(c -> c.id() == contact.id()).findFirst();
        if (fresh == null && listed.isPresent()) {
            select(listed.get());
            return true;
        }
        selectNoRow();
        show(contact);
        if (!holds(filter.get(), contact)) {
            // a label or the favourites are picked, and it is not among them: everyone is listed, where it is
            filter.set(Filter.ALL);
        }
        Seek seek = new Seek(c -> c.id() == contact.id(), false);
        if (searchText.get().isBlank()) {
            relist(seek);
        } else {
            searchText.set("");
            // (the search's own relist waits for the typing pause and would drop the seek: this one runs instead)
            typing.call(() -> relist(seek));
        }
        return true;
    }

    /** Whether the listing of {@code within} has {@code contact} (a label matched as the server matches it). */
    private static boolean holds(Filter within, Contact contact) {
        if (within.favoritesOnly()) {
            return contact.favorite();
        }
        return within.isAll() || contact.labels().stream().anyMatch(l -> LabelsViewModel.sameLabel(l, within.label()));
    }

    /** No row selected in the list, nor shown in the details. */
    private void selectNoRow() {
        clearSelection();
        Selection.Picked none = new Selection.Picked(List.of());
        stillSelected.set(null);
        stillSelected.set(none);
    }

    /** What the empty list says, and whether it offers the way to the Trash. */
    public record EmptyState(String text, boolean offersTrash) {
    }

    /**
     * Why the list is empty: a search (or listing) that could not be made, kept for Retry; loading; an Undo under
     * way; a delete just emptied it (Undo is still offered); the whole book's contacts are in the trash; there
     * never were any; or nothing matches the search.
     */
    private EmptyState emptyState() {
        Listing listing = shownListing();
        if (listingFailed.get()) { // (the error banner above says why, with Retry)
            return new EmptyState(listing.query().isBlank() ? "Could not load your contacts" + listing.within() + "."
                    : "Could not search for “" + listing.query() + "”" + listing.within() + ".", false);
        }
        if (!loaded.get()) {
            return new EmptyState(loading.get() ? "Loading your contacts…" : "", false);
        }
        if (total.get() > 0) {
            return new EmptyState("", false); // (rows are listed: never shown)
        }
        if (!underWay.get().isEmpty()) {
            return new EmptyState(underWay.get(), false); // "Restoring 1,500 contacts…": soon listed again
        }
        String query = listing.query();
        boolean justDeleted = lastDeletion.get() != null && listing.equals(emptiedByDelete);
        if (!query.isBlank() || !listing.filter().isAll()) {
            return justDeleted
                    ? new EmptyState("The contacts" + listing.matching() + listing.within()
                            + " moved to the Trash.\nUndo (Ctrl+Z) brings them back.", true)
                    : new EmptyState(nothingIn(listing), false);
        }
        if (justDeleted) {
            return new EmptyState("All contacts moved to the Trash.\nUndo (Ctrl+Z) brings them back.", true);
        }
        int inTrash = trashed.get();
        if (inTrash > 0) {
            return new EmptyState("No contacts here.\n" + Messages.count(inTrash, "deleted contact")
                    + (inTrash == 1 ? " is" : " are") + " in the Trash.", true);
        }
        return NONE_YET;
    }

    /** What an empty search or filtered listing says ("No favourites yet.", "No contacts match “x” in “Family”."). */
    private static String nothingIn(Listing listing) {
        if (!listing.query().isBlank()) {
            return "No contacts" + listing.within() + " match “" + listing.query() + "”.";
        }
        return listing.filter().favoritesOnly() ? "No favourites yet."
                : "No contacts are labelled “" + listing.filter().label() + "”.";
    }

    /** What a book says that has no contacts, nor any in the trash: it also offers to import an address book. */
    private static final EmptyState NONE_YET =
            new EmptyState("No contacts yet.\nPress “New contact” (Ctrl+N) to add your first one.", false);

    /**
     * The search emptied (its Escape or ✕, Escape in the list): everyone listed, the contact shown selected again,
     * looked for page by page when it is further down than the first page (before, it was left unselected).
     */
    public void clearSearch() {
        Contact before = shown.get();
        if (before != null && !searchText.get().isEmpty()) {
            seekAfterClearing = new Seek(c -> c.id() == before.id(), false);
        }
        searchText.set("");
    }

    /**
     * The heading above row {@code index}, or null: "Favourites" above the first favourite, then one above the first
     * contact of each part of the list: "No last name" (by last name, those without one come first), "#" (names
     * that start with a digit or a sign), then a letter each.
     */
    public String headingAt(int index) {
        Contact contact = contacts.get(index);
        Contact before = index == 0 ? null : contacts.get(index - 1);
        if (contact.favorite()) {
            return before == null ? "Favourites" : null;
        }
        String section = ContactText.sectionOf(contact, sort.get());
        if (before != null && !before.favorite() && section.equals(ContactText.sectionOf(before, sort.get()))) {
            return null;
        }
        return ContactText.heading(section, sort.get());
    }

    /** The person picked these rows in the list (one by one, with Shift or Ctrl): what the actions act on. */
    public void pick(List<Contact> picked) {
        selection.set(new Selection.Picked(picked));
    }

    /**
     * Ctrl+A: every contact listed, the rows not loaded yet included (every match while searching), until the
     * person picks rows again or the listing changes.
     */
    public void selectEveryone() {
        if (loaded.get() && total.get() > 0) {
            selection.set(new Selection.Everyone(shownListing(), total.get()));
        }
    }

    /**
     * Every row of Ctrl+A's {@code everyone} when its listing is loaded to the end (a search's few matches, a small
     * book), each known with its labels; null while rows are still to come.
     */
    private List<Contact> rowsOf(Selection.Everyone everyone) {
        return complete && fresh == null && everyone.listing().equals(shownListing())
                && contacts.size() == everyone.size() ? List.copyOf(contacts) : null;
    }

    /** Nothing selected any more (the detail pane says to pick a contact). */
    public void clearSelection() {
        selection.set(Selection.NONE);
        shown.set(null);
    }

    /** Whether Ctrl+A chose every contact listed (the list then shows every row it loads as selected). */
    public boolean isEveryoneSelected() {
        return selection.get() instanceof Selection.Everyone;
    }

    /** The delete button of the form: deletes the contact being edited (with Undo) and closes the form. */
    public void deleteEdited() {
        Contact editing = form.editingProperty().get();
        if (editing != null) {
            delete(new Selection.Picked(List.of(editing)));
        }
    }

    /** Delete: moves what is selected to the trash (every contact listed after Ctrl+A, loaded or not). */
    public void deleteSelection() {
        delete(selection.get());
    }

    /** Moves these rows to the trash (see {@link #delete(Selection)}). */
    public void delete(List<Contact> rows) {
        delete(new Selection.Picked(rows));
    }

    /**
     * Moves the contacts to the trash (asking first when they are more than a few), then offers Undo for them
     * all. A form editing one of them closes: there is nothing left to save it into. Every contact listed is
     * resolved on the server first, so the rows not loaded yet go too, whatever the list has loaded meanwhile.
     */
    private void delete(Selection chosen) {
        if (chosen.size() == 0) {
            return;
        }
        String what = chosen.what();
        if (chosen.size() > DELETE_WITHOUT_ASKING && !confirm.ask("Delete " + what + "?",
                "They go to the trash; Undo (Ctrl+Z) brings them back.",
                "Delete " + Messages.number(chosen.size()), "Cancel")) {
            return;
        }
        Contact editing = form.editingProperty().get();
        if (editing != null && chosen.includes(editing)) {
            form.close();
        }
        List<Long> deleted = new ArrayList<>(); // (kept outside: a failure after the first batch keeps its Undo)
        working("Deleting " + what + "…");
        background.run(() -> {
            List<Long> ids = chosen.ids(session.api());
            for (int from = 0; from < ids.size(); from += BULK_BATCH) {
                deleted.addAll(session.api().trash(ids.subList(from, Math.min(ids.size(), from + BULK_BATCH))));
            }
            return trashedNow(); // (should the book be empty now, the list says where its contacts went)
        }, inTrash -> {
            trashed.set(inTrash);
            labels.refresh(); // their labels are counted no more
            if (chosen instanceof Selection.Everyone everyone) {
                emptiedByDelete = everyone.listing();
                selection.set(Selection.NONE); // they are gone: the pane beside the list no longer sums them up
                // at once, the rows not loaded too: the list does not show them while it reloads
                removeListed(new HashSet<>(deleted));
                total.set(contacts.size());
                updateSummary();
                refresh(); // the whole listing went, loaded or not: what is left is listed from the top
            } else {
                removeListed(new HashSet<>(deleted));
                emptiedByDelete = total.get() == 0 ? shownListing() : null;
            }
            offerUndo(deleted, chosen.size() == deleted.size() ? what : Messages.count(deleted.size(), "contact"));
            Contact stillEditing = form.editingProperty().get();
            if (stillEditing != null && deleted.contains(stillEditing.id())) {
                form.close();
            }
        }, session.failures(failure -> {
            offerUndo(deleted, Messages.count(deleted.size(), "contact"));
            error.set(Messages.of(failure));
            // a batch may have gone through before the failure: show what the server holds
            reload();
        }), () -> working(""));
    }

    private void offerUndo(List<Long> deleted, String what) {
        if (!deleted.isEmpty()) {
            lastDeletion.set(new Deletion(deleted, what, false));
        }
    }

    /** Takes deleted contacts out of the rows shown, keeping the place in the list (no reload from the top). */
    private void removeListed(Set<Long> ids) {
        Selection before = selection.get(); // (the list may pick other rows while these are taken out)
        Contact shownBefore = shown.get(); // (and show the row it moved its selection onto)
        int favoritesGone = (int) contacts.stream().filter(c -> c.favorite() && ids.contains(c.id())).count();
        int othersGone = (int) contacts.stream().filter(c -> !c.favorite() && ids.contains(c.id())).count();
        contacts.removeIf(c -> ids.contains(c.id()));
        favoritesTotal -= favoritesGone;
        if (inFavorites) {
            skip -= favoritesGone;
        } else {
            skip -= othersGone;
        }
        total.set(Math.max(0, total.get() - favoritesGone - othersGone));
        if (before instanceof Selection.Picked picked) { // what is gone is no longer selected, nor anyone else
            Selection.Picked left = new Selection.Picked(
                    picked.contacts().stream().filter(c -> !ids.contains(c.id())).toList());
            selection.set(left);
            stillSelected.set(null);
            stillSelected.set(left);
        }
        // a deleted contact's details go, and no neighbour the list's selection slid onto takes their place
        shown.set(shownBefore != null && ids.contains(shownBefore.id()) ? null : shownBefore);
        updateSummary();
    }

    /**
     * Brings every contact of the last deletion back from the trash, with the same ids, a thousand per request;
     * the summary says what is under way meanwhile.
     */
    public void undoDelete() {
        Deletion deletion = lastDeletion.get();
        if (deletion == null) {
            return;
        }
        lastDeletion.set(null);
        working("Restoring " + deletion.what() + "…");
        Set<Long> handled = ConcurrentHashMap.newKeySet();
        background.run(() -> {
            restoreAll(deletion.ids(), handled);
            return true;
        }, ok -> afterOwnWrite.accept(() -> {
            labels.refresh();
            if (deletion.ids().size() == 1) {
                long id = deletion.ids().get(0);
                relist(new Seek(c -> c.id() == id, false)); // the one contact back is selected and shown again
            } else {
                refresh();
            }
        }), session.failures(failure -> {
            // nothing is lost: what was not restored yet can be tried again
            List<Long> remaining = deletion.ids().stream().filter(id -> !handled.contains(id)).toList();
            if (!remaining.isEmpty()) {
                lastDeletion.set(new Deletion(remaining, Messages.count(remaining.size(), "contact"), true));
            }
            error.set(Messages.of(failure));
            reload();
        }), () -> working(""));
    }

    /** What is under way ("Deleting 1,250 contacts…"), shown in place of the count; empty: done. */
    private void working(String work) {
        underWay.set(work);
        updateSummary();
    }

    /**
     * Restores {@code ids} in batches, adding each batch's ids to {@code handled} once the server has answered
     * for it (the ids it did not restore had left the trash meanwhile, through the Trash view); stops at a failure.
     */
    private void restoreAll(List<Long> ids, Set<Long> handled) {
        for (int from = 0; from < ids.size(); from += BULK_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BULK_BATCH));
            session.api().restore(batch);
            handled.addAll(batch);
        }
    }

    /** The toast went away: Undo (Ctrl+Z) is no longer offered. */
    public void dismissDeletion() {
        lastDeletion.set(null);
    }

    private void updateSummary() {
        int count = total.get();
        if (selection.get() instanceof Selection.Everyone everyone && everyone.size() != count) {
            selection.set(new Selection.Everyone(everyone.listing(), count)); // as counted now
        }
        boolean searching = !shownQuery.get().isBlank();
        if (!underWay.get().isEmpty()) {
            summary.set(underWay.get());
        } else if (listingFailed.get()) {
            summary.set(searching ? "Search failed" : "Not loaded");
        } else if (!loaded.get()) {
            summary.set(""); // not counted yet: the favourites come first, and "0 contacts" said the book was empty
        } else if (searching) {
            summary.set(count == 0 ? "No matches" : Messages.count(count, "match", "matches"));
        } else {
            summary.set(Messages.count(count, "contact"));
        }
    }

    /** True once loaded, when the whole address book (not just a search) has no contacts. */
    public boolean isAddressBookEmpty() {
        return loaded.get() && total.get() == 0 && shownListing().wholeBook();
    }

    /** Whether every row of the listing is loaded. */
    public boolean isComplete() {
        return complete;
    }

    public ObservableList<Contact> contacts() {
        return FXCollections.unmodifiableObservableList(contacts);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** By whose name the list is sorted; a change lists again from the top. */
    public ObjectProperty<SortBy> sortProperty() {
        return sort;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Whether a listing the person asked for is under way (the spinner); a quiet one after changes elsewhere is not. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "Deleting 1,250 contacts…" or "Restoring 1,250 contacts…" while that is under way, else empty. */
    public ReadOnlyStringProperty underWayProperty() {
        return underWay.getReadOnlyProperty();
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

    /** What the empty list says: loading, no contacts yet, or nothing matches the search. */
    public ObservableStringValue emptyTextProperty() {
        return emptyText;
    }

    /** What Delete and Export selection act on, and so how many contacts they say they cover. */
    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The summary the pane beside the list shows while several contacts are selected; null: one or none. */
    public ObjectBinding<SelectionSummary> selectionSummaryProperty() {
        return selectionSummary;
    }

    /** What the empty list says, and whether it offers the way to the Trash. */
    public ObjectBinding<EmptyState> emptyStateProperty() {
        return emptyState;
    }

    /**
     * Whether the index strip (# and A to Z) shows beside the list: only while rows are listed, since beside an
     * empty book, an empty search or a list emptied by a delete its letters would lead nowhere.
     */
    public BooleanBinding indexShownProperty() {
        return indexShown;
    }

    /**
     * Whether the empty list offers to import an address book: only when there has never been anyone (none
     * listed, none in the trash), as a new user coming from another address book would start.
     */
    public BooleanBinding offersImportProperty() {
        return offersImport;
    }

    /**
     * Whether the book is known to hold nobody (listed without a search, none found; the trash aside): "Export all"
     * would write an empty file and say it was done.
     */
    public BooleanBinding bookEmptyProperty() {
        return bookEmpty;
    }

    /** "1,250 selected" while more than one contact is selected, else empty. */
    public ObservableStringValue selectionTextProperty() {
        return selectionText;
    }

    public ReadOnlyObjectProperty<Deletion> lastDeletionProperty() {
        return lastDeletion.getReadOnlyProperty();
    }

    /** The contact the detail pane shows. */
    public ReadOnlyObjectProperty<Contact> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** A contact just saved that the listing leaves out (still shown in the details); null: none. */
    public ReadOnlyObjectProperty<Contact> savedNotListedProperty() {
        return savedNotListed.getReadOnlyProperty();
    }

    /**
     * Why the contact just saved is not in the list ("“Ada Lovelace” is not among the contacts matching “hop”."),
     * or empty.
     */
    public String savedNotListedText() {
        Contact notListed = savedNotListed.get();
        Listing listing = shownListing();
        return notListed == null ? "" : "“" + ContactText.name(notListed) + "” is saved, but not among the contacts"
                + listing.matching() + listing.within() + ".";
    }

    /** What the note's button says: "Clear the search", or "Show everyone" when a label alone leaves it out. */
    public String savedNotListedAction() {
        return shownQuery.get().isBlank() ? "Show everyone" : "Clear the search";
    }

    /** A contact the list should select and scroll to (set after a save, once it is listed). */
    public ReadOnlyObjectProperty<Contact> toSelectProperty() {
        return toSelect.getReadOnlyProperty();
    }

    /**
     * The rows to show selected, and no others, after deleted ones were taken out of the list (which can shift
     * its own selection onto their neighbours as they go).
     */
    public ReadOnlyObjectProperty<Selection.Picked> stillSelectedProperty() {
        return stillSelected.getReadOnlyProperty();
    }
}
