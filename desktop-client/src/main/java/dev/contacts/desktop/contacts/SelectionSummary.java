package dev.contacts.desktop.contacts;

import java.util.List;
import java.util.Optional;

import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.Contact;

/**
 * What the pane beside the list shows while several contacts are selected, in place of one contact's details (as
 * Google Contacts and GNOME Contacts do): how many, a few of the picked ones by name, and the actions that apply
 * to them all.
 *
 * @param title      "3 contacts selected", "All 1,500 contacts selected", "All 150 contacts matching “smith”
 *                   selected"
 * @param people     the first few picked contacts, to show by name and avatar (none for everyone: they are not
 *                   all loaded)
 * @param more       "and 12 more" when more were picked than {@code people} holds, else empty
 * @param delete     the delete button's text ("Delete 3 contacts")
 * @param export     the export button's text ("Export 3 contacts…")
 * @param selectAll  "Select all 1,500 contacts" while fewer than every contact listed are picked, else empty
 */
public record SelectionSummary(String title, List<Contact> people, String more, String delete, String export,
                               String selectAll) {

    /** How many of the picked contacts are shown by name. */
    public static final int PEOPLE_SHOWN = 5;

    public SelectionSummary {
        people = List.copyOf(people);
    }

    /**
     * The summary of {@code selection} in a listing of {@code listed} contacts (the listing {@code shown}: a search,
     * within a label or the favourites, or the whole book); empty when it is one contact or none, which the detail
     * pane shows as usual.
     */
    static Optional<SelectionSummary> of(Selection selection, int listed, Listing shown) {
        int size = selection.size();
        if (size < 2) {
            return Optional.empty();
        }
        String contacts = Messages.count(size, "contact");
        Listing listing = selection instanceof Selection.Everyone everyone ? everyone.listing() : shown;
        String matching = listing.within() + listing.matching();
        String delete = "Delete " + contacts;
        String export = "Export " + contacts + "…";
        if (selection instanceof Selection.Picked picked) {
            List<Contact> people = picked.contacts().subList(0, Math.min(PEOPLE_SHOWN, size));
            String more = size > people.size() ? "and " + Messages.number(size - people.size()) + " more" : "";
            String selectAll = listed > size
                    ? "Select all " + Messages.count(listed, "contact") + matching : "";
            return Optional.of(new SelectionSummary(contacts + " selected", people, more, delete, export,
                    selectAll));
        }
        return Optional.of(new SelectionSummary("All " + contacts + matching + " selected", List.of(), "",
                delete, export, ""));
    }
}
