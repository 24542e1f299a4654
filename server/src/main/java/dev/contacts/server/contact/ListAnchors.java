package dev.contacts.server.contact;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Places remembered in owners' sorted lists, so that a page deep in one seeks the sort key's index near its start
 * instead of stepping over every entry its offset skips (SQLite stepped over 50,000 index entries for a page at
 * 50,000: README, "Deep pages from remembered places"). A list's places are its entries at every {@link #SPACING}th
 * position, read with the owner's book version (migration V12), which the database raises in the same transaction as
 * every write that can change what the list holds or its order. A place is used only by a page whose own statement
 * reads that same version (one snapshot), so a write on any instance, or by SQL behind the server's back, leaves every
 * place read before it unused; nothing here is told of writes.
 */
final class ListAnchors {

    /** Entries from one place to the next: a page steps over fewer than this many before its own. */
    static final int SPACING = 1000;
    /** The most lists remembered at once; past it, all are forgotten (a list holds its book's size / SPACING places). */
    static final int MOST_LISTS = 128;

    /** A list: an owner's live contacts in one order, all of them or those with one favourite mark (null: all). */
    record Listed(long owner, ListOptions.Sort sort, boolean descending, Boolean favorite) {
    }

    /** An entry of a list: its sort key as the database's driver gives it (the id again in id order), and its id. */
    record Place(Object key, long id) {
    }

    /**
     * A list's places at book version {@code version}: {@code places.get(i)} is its entry at position
     * {@code (i + 1) * SPACING} (counted from 1), so {@code (i + 1) * SPACING} entries lie up to it. None: the list
     * was seen at that version, its places not read yet.
     */
    record Places(long version, List<Place> places) {

        Places {
            places = List.copyOf(places);
        }
    }

    private final Map<Listed, Places> lists = new ConcurrentHashMap<>();

    /** The places remembered for {@code list}, or null. */
    Places get(Listed list) {
        return lists.get(list);
    }

    void put(Listed list, Places places) {
        if (lists.size() >= MOST_LISTS && !lists.containsKey(list)) {
            lists.clear();
        }
        lists.put(list, places);
    }
}
