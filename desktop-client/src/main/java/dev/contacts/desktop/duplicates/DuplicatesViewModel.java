package dev.contacts.desktop.duplicates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.Contact;
import dev.contacts.model.DuplicateGroup;
import dev.contacts.model.NameOrder;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The server's groups of contacts that look like the same person. Merging a group keeps the chosen contact
 * (its values win; the server fills its empty fields from the others, unites their lists and joins their notes)
 * and moves the others to the trash. The name, photo and birthday may be taken from another of the group
 * ({@link Choice}): the kept contact is given them first (with If-Match), its own photo going to the card the
 * chosen one came from. Undo restores the others from the trash and puts the kept one back as it was.
 */
public final class DuplicatesViewModel {

    /**
     * What the merged contact takes from which of the group: the name, the photo (null: the kept one's, else the
     * first of the others that has one) and the birthday (null: the kept one's, else the first other's).
     */
    public record Choice(Contact nameFrom, Contact photoFrom, Contact birthdayFrom) {
        /** Everything from the kept contact, as a merge without a choice. */
        public static Choice of(Contact keep) {
            return new Choice(keep, keep.hasPhoto() ? keep : null, keep.birthday() != null ? keep : null);
        }
    }

    /** Photos swapped before a merge, to swap back on undo: the kept one's and the other's, as they were. */
    record SwappedPhotos(long otherId, byte[] keptPhoto, byte[] otherPhoto) {
    }

    /**
     * What one merge changed, to undo it: the kept contact before, the merged one, the ids sent to the trash, and the
     * photos swapped (null when none were).
     */
    public record Merge(Contact keptBefore, Contact merged, List<Long> trashed, SwappedPhotos swapped) {
        public String message() {
            int count = trashed.size() + 1;
            String name = name(merged);
            // a name ending in its own full stop ("Maria S.") ends the sentence: "Maria S.." read as a typo
            return "Merged " + count + " contacts into " + name + (name.endsWith(".") ? " " : ". ")
                    + (trashed.size() == 1 ? "The other one is" : "The others are") + " in the trash.";
        }
    }

    private final UserSession session;
    private final Background background;
    private final Runnable addressBookChanged;
    private final ObservableList<Group> groups = FXCollections.observableArrayList();
    /** One read-only view, kept: a listener added to a fresh wrapper would be dropped with it. */
    private final ObservableList<Group> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Merge> lastMerge = new ReadOnlyObjectWrapper<>();

    /** {@code addressBookChanged} reloads the contacts list after a merge or its undo. */
    public DuplicatesViewModel(UserSession session, Background background, Runnable addressBookChanged) {
        this.session = session;
        this.background = background;
        this.addressBookChanged = addressBookChanged;
    }

    /**
     * Contacts the server groups for several reasons (the same email and the same name) are one group here,
     * with every reason: merging it once settles them all.
     */
    public record Group(List<String> reasons, List<Contact> contacts) {
        public Group {
            reasons = List.copyOf(reasons);
            contacts = List.copyOf(contacts);
        }
    }

    /** Looks for duplicates again. */
    public void refresh() {
        error.set("");
        load();
    }

    /**
     * The book changed elsewhere (a merge or delete on another device): the groups are read again quietly, so no
     * pair that is gone stays on offer; not while a merge or its Undo is under way (it reads them again itself).
     */
    public void changedElsewhere() {
        if (busy.get()) {
            return;
        }
        background.run(() -> session.api().duplicates(), result -> {
            if (!busy.get()) {
                groups.setAll(grouped(result));
            }
        }, session.failures(failure -> { })); // (the next question, or the screen opened again, reads them again)
    }

    /** Loads the groups, leaving a failure already shown in place. */
    private void load() {
        busy.set(true);
        background.run(() -> session.api().duplicates(), result -> {
            groups.setAll(grouped(result));
            loaded.set(true);
        }, session.failures(failure -> error.set(Messages.of(failure))), () -> busy.set(false));
    }

    /**
     * Why a merge did nothing: a group changed elsewhere since it was listed (one of its contacts merged, deleted
     * or edited on another device: 404, 412) is said in plain words, as the groups are read again.
     */
    static String notMerged(Throwable failure) {
        if (failure instanceof ApiFailure.Refused refused && (refused.status() == 404 || refused.status() == 412)) {
            return "Nothing was merged: these contacts were changed elsewhere meanwhile (merged, deleted or edited"
                    + " on another device). The duplicates below are as they are now.";
        }
        return "Nothing was merged: " + Messages.of(failure);
    }

    /** The server's groups with the same contacts as one, in the server's order. */
    static List<Group> grouped(List<DuplicateGroup> fromServer) {
        Map<Set<Long>, Group> byContacts = new LinkedHashMap<>();
        for (DuplicateGroup g : fromServer) {
            Set<Long> ids = g.contacts().stream().map(Contact::id).collect(Collectors.toSet());
            byContacts.merge(ids, new Group(List.of(g.reason()), g.contacts()), (was, more) -> new Group(
                    Stream.concat(was.reasons().stream(), more.reasons().stream()).distinct().toList(),
                    was.contacts()));
        }
        return List.copyOf(byContacts.values());
    }

    /** Merges {@code group} into {@code keep} (one of its contacts), all of whose values win. */
    public void merge(Group group, Contact keep) {
        merge(group, keep, Choice.of(keep));
    }

    /** Merges {@code group} into {@code keep}, with the name, photo and birthday {@code choice} says. */
    public void merge(Group group, Contact keep, Choice choice) {
        List<Long> ids = new ArrayList<>();
        ids.add(keep.id());
        group.contacts().stream().map(Contact::id).filter(id -> id != keep.id()).forEach(ids::add);
        busy.set(true);
        background.run(() -> {
            ContactsApi api = session.api();
            Contact before = keep;
            Map<String, Object> changes = chosenValues(keep, choice);
            boolean changed = false;
            boolean photoPut = false;
            SwappedPhotos swapped = null;
            try {
                if (!changes.isEmpty()) {
                    ContactsApi.Tagged current = api.get(keep.id());
                    before = current.contact();
                    api.patch(keep.id(), chosenValues(before, choice), current.etag()); // 412 if changed between
                    changed = true;
                }
                Contact photoFrom = choice.photoFrom();
                if (photoFrom != null && photoFrom.id() != keep.id() && photoFrom.hasPhoto()) {
                    byte[] chosen = api.photo(photoFrom.id());
                    byte[] own = before.hasPhoto() ? api.photo(keep.id()) : null;
                    api.putPhoto(keep.id(), chosen, imageType(chosen));
                    changed = true;
                    photoPut = true;
                    if (own != null) { // the kept one's photo stays on the other card, in the trash with it
                        api.putPhoto(photoFrom.id(), own, imageType(own));
                        swapped = new SwappedPhotos(photoFrom.id(), own, chosen);
                    }
                }
                return new Merge(before, api.merge(ids), List.copyOf(ids.subList(1, ids.size())), swapped);
            } catch (RuntimeException failed) {
                if (changed) { // nothing was merged: the kept contact gets its own values back
                    putBack(before, photoPut, swapped, failed);
                }
                throw failed;
            }
        }, merge -> {
            lastMerge.set(merge);
            message.set(merge.message());
            error.set("");
            addressBookChanged.run();
            load();
        }, session.failures(failure -> {
            error.set(notMerged(failure));
            load(); // the group may have changed meanwhile
        }), () -> busy.set(false));
    }

    /** Undoes the last merge: the others come back from the trash, the kept contact gets its values back. */
    public void undoMerge() {
        Merge merge = lastMerge.get();
        if (merge == null) {
            return;
        }
        lastMerge.set(null);
        busy.set(true);
        background.run(() -> {
            for (long id : merge.trashed()) {
                try {
                    session.api().restore(id);
                } catch (ApiFailure.Refused refused) {
                    if (refused.status() != 404) { // 404: back already (an earlier try), or purged meanwhile
                        throw refused;
                    }
                }
            }
            Contact before = merge.keptBefore();
            session.api().update(before.id(), before.toDraft());
            SwappedPhotos swapped = merge.swapped();
            if (swapped != null) {
                swapBack(before.id(), swapped);
            } else if (!before.hasPhoto() && merge.merged().hasPhoto()) {
                session.api().deletePhoto(before.id()); // the photo came from one of the others
            }
            return merge;
        }, undone -> {
            message.set("Merge undone: " + (undone.trashed().size() + 1) + " contacts as they were.");
            error.set("");
            addressBookChanged.run();
            load();
        }, session.failures(failure -> {
            lastMerge.set(merge); // nothing is lost: it can be tried again
            error.set("Could not undo the merge: " + Messages.of(failure));
            addressBookChanged.run();
        }), () -> busy.set(false));
    }

    /**
     * The fields to change on the kept contact before the merge for the chosen name and birthday (none when they are
     * its own). The ones replaced are the person's choice (Undo puts them back), as Google Contacts' merge does; the
     * other cards keep theirs, in the trash.
     */
    static Map<String, Object> chosenValues(Contact keep, Choice choice) {
        Map<String, Object> changes = new LinkedHashMap<>();
        Contact nameFrom = choice.nameFrom();
        if (nameFrom != null && !name(nameFrom).equals(name(keep))) {
            changes.put("first_name", nameFrom.firstName());
            changes.put("last_name", nameFrom.lastName() == null ? "" : nameFrom.lastName());
        }
        Contact birthdayFrom = choice.birthdayFrom();
        if (birthdayFrom != null && birthdayFrom.birthday() != null
                && !birthdayFrom.birthday().equals(keep.birthday())) {
            changes.put("birthday", birthdayFrom.birthday().toString());
        }
        return changes;
    }

    /** Puts the kept contact back as it was before a merge that then failed; a failure here joins {@code failed}. */
    private void putBack(Contact before, boolean photoPut, SwappedPhotos swapped, RuntimeException failed) {
        try {
            session.api().update(before.id(), before.toDraft());
            if (swapped != null) {
                swapBack(before.id(), swapped);
            } else if (photoPut && !before.hasPhoto()) {
                session.api().deletePhoto(before.id());
            }
        } catch (RuntimeException alsoFailed) {
            failed.addSuppressed(alsoFailed);
        }
    }

    private void swapBack(long keptId, SwappedPhotos swapped) {
        session.api().putPhoto(keptId, swapped.keptPhoto(), imageType(swapped.keptPhoto()));
        session.api().putPhoto(swapped.otherId(), swapped.otherPhoto(), imageType(swapped.otherPhoto()));
    }

    /** The type of an image the server sent (it keeps JPEG or PNG). */
    private static String imageType(byte[] image) {
        return image.length > 3 && (image[0] & 0xFF) == 0x89 && image[1] == 'P' ? "image/png" : "image/jpeg";
    }

    /** The different names, photos and birthdays in {@code group}: whether a merge has anything to choose. */
    public static boolean hasChoices(Group group) {
        List<Contact> contacts = group.contacts();
        return contacts.stream().map(DuplicatesViewModel::name).distinct().count() > 1
                || contacts.stream().filter(Contact::hasPhoto).count() > 1
                || contacts.stream().map(Contact::birthday).filter(Objects::nonNull).distinct().count() > 1;
    }

    /**
     * The contact to keep unless the person chooses another: the one with the most filled in (the least is
     * lost or replaced), the oldest on a tie.
     */
    public static Contact suggestedKeep(Group group) {
        return group.contacts().stream()
                .max(Comparator.comparingInt(DuplicatesViewModel::filled).thenComparing(c -> -c.id()))
                .orElseThrow();
    }

    private static int filled(Contact c) {
        int scalars = (int) Stream.of(c.lastName(), c.organization(), c.jobTitle(), c.nickname(), c.additionalData())
                .filter(v -> v != null && !v.isBlank()).count();
        return scalars + (c.birthday() == null ? 0 : 1) + (c.hasPhoto() ? 1 : 0) + c.emails().size()
                + c.phones().size() + c.addresses().size() + c.labels().size();
    }

    /** Why the server grouped them, in words: "Same email address · Same name". */
    public static String reasons(Group group) {
        return group.reasons().stream().map(reason -> switch (reason) {
            case "email" -> "Same email address";
            case "phone" -> "Same phone number";
            case "name" -> "Same name";
            default -> "Look alike";
        }).collect(Collectors.joining(" · "));
    }

    /** "Ann Lee · ann@example.com · +1 555 0100 · Acme": enough to tell them apart. */
    public static String describe(Contact c) {
        List<String> parts = new ArrayList<>();
        parts.add(name(c));
        c.emails().forEach(e -> parts.add(e.value()));
        c.phones().forEach(p -> parts.add(p.value()));
        if (c.organization() != null && !c.organization().isBlank()) {
            parts.add(c.organization());
        }
        return String.join(" · ", parts);
    }

    static String name(Contact c) {
        return NameOrder.full(c.firstName(), c.lastName());
    }

    public ObservableList<Group> groups() {
        return groupsView;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the groups were loaded at least once (so "no duplicates" is an answer, not a guess). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Merge> lastMergeProperty() {
        return lastMerge.getReadOnlyProperty();
    }
}
