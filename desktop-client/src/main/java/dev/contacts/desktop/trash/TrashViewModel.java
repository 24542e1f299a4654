package dev.contacts.desktop.trash;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.function.LongConsumer;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.model.NameOrder;
import dev.contacts.model.Page;
import dev.contacts.model.TrashedContact;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Confirm;
import dev.contacts.desktop.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The trash of one account, a page at a time (newest deletion first): Restore and Delete forever for one or
 * many, and Empty trash, which asks first. After a restore the address book is told to reload.
 */
public final class TrashViewModel {

    public static final int PAGE_SIZE = 100;
    /** How long the server keeps a deleted contact before it is deleted for good (the API contract's 30 days). */
    static final Duration KEPT = Duration.ofDays(30);

    private final UserSession session;
    private final Background background;
    private final Runnable trashChanged;
    private Confirm confirm = Confirm.yes();
    private final ObservableList<TrashedContact> items = FXCollections.observableArrayList();
    /** One read-only view, kept: a listener added to a fresh wrapper would be dropped with it. */
    private final ObservableList<TrashedContact> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringBinding pageText;
    private final StringBinding emptyText;
    private final BooleanBinding hasNextPage;
    private int wantedPage;
    private long latestRequest;

    /**
     * {@code trashChanged} reloads the contacts list: restored contacts are back in it, and an empty list says
     * whether the trash holds the book's contacts.
     */
    public TrashViewModel(UserSession session, Background background, Runnable trashChanged) {
        this.session = session;
        this.background = background;
        this.trashChanged = trashChanged;
        pageText = Bindings.createStringBinding(() -> {
            int count = total.get();
            if (count == 0) {
                return ""; // the empty table says it, once
            }
            String text = Messages.count(count, "contact") + " in the trash";
            if (count > PAGE_SIZE) {
                int from = page.get() * PAGE_SIZE + 1;
                text += " · showing " + Messages.number(from) + "–" + Messages.number(from + items.size() - 1);
            }
            return text;
        }, total, page, items);
        emptyText = Bindings.createStringBinding(() -> busy.get() ? "Loading…"
                : "The trash is empty. Deleted contacts stay here for " + KEPT.toDays() + " days.", busy);
        hasNextPage = Bindings.createBooleanBinding(() -> (page.get() + 1) * PAGE_SIZE < total.get(), page, total);
    }

    /**
     * When a contact was deleted and how long it stays: "Deleted 3 days ago · 27 days left", counted in calendar
     * days where the person is (so the two add up to 30); on its last two days the moment it goes, "Deleted 29 days
     * ago · Deleted forever tomorrow at 14:05", since "1 day left" could mean anything from a minute to two days.
     */
    public static String deletedText(Instant deletedAt, Instant now, ZoneId zone, Locale locale) {
        LocalDate today = now.atZone(zone).toLocalDate();
        long ago = ChronoUnit.DAYS.between(deletedAt.atZone(zone).toLocalDate(), today);
        String deleted = ago <= 0 ? "Deleted today" : ago == 1 ? "Deleted yesterday" : "Deleted " + ago + " days ago";
        Instant goes = deletedAt.plus(KEPT);
        long left = ChronoUnit.DAYS.between(today, goes.atZone(zone).toLocalDate());
        String at = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(goes.atZone(zone));
        String stays = !now.isBefore(goes) ? "Being deleted forever"
                : left >= 2 ? left + " days left"
                : left == 1 ? "Deleted forever tomorrow at " + at
                : "Deleted forever today at " + at;
        return deleted + " · " + stays;
    }

    public void setConfirm(Confirm confirm) {
        this.confirm = confirm;
    }

    /** Loads the current page again. */
    public void refresh() {
        long request = ++latestRequest;
        int pageNo = wantedPage;
        busy.set(true);
        background.run(() -> session.api().trash(pageNo * PAGE_SIZE, PAGE_SIZE), result -> {
            if (request == latestRequest) {
                show(result, pageNo);
            }
        }, session.failures(failure -> {
            if (request == latestRequest) {
                error.set(Messages.of(failure));
            }
        }), () -> {
            if (request == latestRequest) {
                busy.set(false);
            }
        });
    }

    private void show(Page<TrashedContact> result, int pageNo) {
        if (result.items().isEmpty() && pageNo > 0 && result.total() > 0) {
            wantedPage = (result.total() - 1) / PAGE_SIZE; // the page emptied: show the last one there is
            refresh();
            return;
        }
        error.set("");
        page.set(pageNo);
        total.set(result.total());
        items.setAll(result.items());
    }

    public void nextPage() {
        if (hasNextPage.get()) {
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

    /**
     * Brings the contacts back to the address book, with their ids and every field, in one request (the server
     * passes over any that left the trash meanwhile; when they would not all fit under the contact limit, it
     * restores none and says so).
     */
    public void restore(List<TrashedContact> chosen) {
        if (chosen.isEmpty()) {
            return;
        }
        List<Long> ids = chosen.stream().map(t -> t.contact().id()).toList();
        busy.set(true);
        background.run(() -> session.api().restore(ids).size(), this::restored,
                session.failures(failure -> error.set(Messages.of(failure))), () -> busy.set(false));
    }

    /**
     * Brings every contact in the trash back, a thousand per request (the trash's listing and the restore take
     * that many): 257 contacts deleted at once and found in the trash after a log-out (when Undo is gone) took three
     * rounds of select-all and Restore, one per page. A round that would pass the contact limit is refused whole
     * by the server, which says so: that is the error shown, and what earlier rounds brought back stays back.
     */
    public void restoreAll() {
        if (total.get() == 0) {
            return;
        }
        busy.set(true);
        background.run(() -> {
            int restored = 0;
            while (true) {
                List<Long> ids = session.api().trash(0, RESTORE_ROUND).items().stream()
                        .map(t -> t.contact().id()).toList();
                int back = ids.isEmpty() ? 0 : session.api().restore(ids).size();
                restored += back;
                if (back == 0) { // empty, or all left the trash meanwhile: no endless round
                    return restored;
                }
            }
        }, this::restored, session.failures(failure -> {
            error.set(Messages.of(failure));
            refresh(); // what came back before the failure is gone from the trash
        }), () -> busy.set(false));
    }

    /** The most contacts one round of Restore all lists and restores: the contract's largest page. */
    static final int RESTORE_ROUND = 1000;

    private void restored(int restored) {
        message.set(restored == 0 ? "" : Messages.count(restored, "contact") + " restored.");
        error.set("");
        if (restored > 0) {
            trashChanged.run();
        }
        refresh();
    }

    /** Deletes the contacts for good, after asking. */
    public void deleteForever(List<TrashedContact> chosen) {
        if (chosen.isEmpty()) {
            return;
        }
        String what = chosen.size() == 1 ? name(chosen.get(0)) : Messages.count(chosen.size(), "contact");
        if (confirm.ask("Delete " + what + " forever?", "This cannot be undone.", "Delete forever",
                "Cancel")) {
            eachOf(chosen, id -> session.api().deleteForever(id), "deleted forever");
        }
    }

    /** Deletes everything in the trash for good, after asking. */
    public void emptyTrash() {
        int count = total.get();
        if (count == 0 || !confirm.ask("Empty the trash?", Messages.count(count, "contact") + (count == 1 ? " is" : " are")
                + " deleted for good. This cannot be undone.", "Empty trash", "Cancel")) {
            return;
        }
        busy.set(true);
        background.run(() -> {
            session.api().emptyTrash();
            return count;
        }, emptied -> {
            // what was done, as Delete forever says it: the empty table already says the trash is empty
            message.set(Messages.count(emptied, "contact") + " deleted forever.");
            trashChanged.run();
            refresh();
        }, session.failures(failure -> error.set(Messages.of(failure))), () -> busy.set(false));
    }

    /** Runs {@code action} on each id in turn; what was done before a failure stays done and is reported. */
    private void eachOf(List<TrashedContact> chosen, LongConsumer action, String done) {
        if (chosen.isEmpty()) {
            return;
        }
        List<Long> ids = chosen.stream().map(t -> t.contact().id()).toList();
        busy.set(true);
        background.run(() -> {
            List<Long> finished = new ArrayList<>();
            for (long id : ids) {
                try {
                    action.accept(id);
                    finished.add(id);
                } catch (ApiFailure.Refused refused) {
                    if (refused.status() != 404) { // 404: gone meanwhile (purged, restored elsewhere): nothing to do
                        return new Batch(finished.size(), refused);
                    }
                } catch (ApiFailure.Unreachable | ApiFailure.Invalid failure) {
                    return new Batch(finished.size(), failure);
                }
            }
            return new Batch(finished.size(), null);
        }, batch -> {
            message.set(batch.done() == 0 ? "" : Messages.count(batch.done(), "contact") + " " + done + ".");
            error.set(batch.failure() == null ? "" : Messages.of(batch.failure()));
            if (batch.done() > 0) {
                trashChanged.run();
            }
            refresh();
        }, session.failures(failure -> error.set(Messages.of(failure))), () -> busy.set(false));
    }

    private record Batch(int done, RuntimeException failure) {
    }

    /** "Ann Lee", as the trash lists it. */
    public static String name(TrashedContact trashed) {
        return NameOrder.full(trashed.contact().firstName(), trashed.contact().lastName());
    }

    public ObservableList<TrashedContact> items() {
        return itemsView;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last action did ("3 contacts restored."). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public StringBinding pageTextProperty() {
        return pageText;
    }

    public StringBinding emptyTextProperty() {
        return emptyText;
    }

    public BooleanBinding hasNextPageProperty() {
        return hasNextPage;
    }
}
