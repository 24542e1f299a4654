package dev.contacts.server.contact;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Places remembered in owners' sorted lists, so that a page deep in one seeks the sort key's index near its start
 * instead of stepping over every entry its offset skips (SQLite stepped over 50,000 index entries for a page at
 * 50,000: docs/benchmarks.md, "Deep pages from remembered places"). A list's places are its entries at every {@link
 * #SPACING}th position, read with an owner's version which the database raises in the same transaction as every write
 * that can change what the list holds or its order: the book version (migration V12) for a list by update time, which
 * any edit changes, else the order version (V15), which an edit of no sort key, favourite mark or birthday leaves (a
 * notes edit kept none before: docs/benchmarks.md, "Reads after a write"). A place is used only by a page whose own
 * statement reads that same version (one snapshot), so a write on any instance, or by SQL behind the server's back,
 * leaves every place read before it unused; nothing here is told of writes.
 * <p>
 * A run of a birthday window (month-days in the birthday index's order) is such a list too, read at the order
 * version, which a birthday changed raises too (V14, V15), and its count is remembered with the version it was read
 * at: the year's window counted all 100,000 entries of the index on every request (docs/benchmarks.md, "Deep birthday
 * pages from remembered places").
 */
final class ListAnchors {

    /** Entries from one place to the next: a page steps over fewer than this many before its own. */
    static final int SPACING = 1000;
    /** The most lists remembered at once; past it, all are forgotten (a list holds its book's size / SPACING places). */
    static final int MOST_LISTS = 128;

    /** What places are remembered in: a sorted list, or a run of a birthday window. */
    sealed interface Ordered permits Listed, BirthdayRun {
    }

    /** A list: an owner's live contacts in one order, all of them or those with one favourite mark (null: all). */
    record Listed(long owner, ListOptions.Sort sort, boolean descending, Boolean favorite) implements Ordered {
    }

    /**
     * An owner's live contacts with a stored month-day from {@code from} to {@code to}, in the birthday index's order
     * (month-day, last and first name keys, id).
     */
    record BirthdayRun(long owner, String from, String to) implements Ordered {
    }

    /** How many contacts a birthday run held at book version {@code version}. */
    record Counted(long version, int count) {
    }

    /**
     * An entry of a list: its sort key as the database's driver gives it (the id again in id order; a birthday run's
     * month-day and name keys, a list of text), and its id.
     */
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

    private final Map<Ordered, Places> lists = new ConcurrentHashMap<>();
    /** The lists whose places one request is reading now (see {@link #startReading}). */
    private final Map<Ordered, Boolean> reading = new ConcurrentHashMap<>();
    private final Map<BirthdayRun, Counted> counts = new ConcurrentHashMap<>();
    /** The birthday runs one request counts now, and the count its statement will give (see {@link #count}). */
    private final Map<BirthdayRun, CompletableFuture<Counted>> counting = new ConcurrentHashMap<>();

    /** The places remembered for {@code list}, or null. */
    Places get(Ordered list) {
        return lists.get(list);
    }

    void put(Ordered list, Places places) {
        if (lists.size() >= MOST_LISTS && !lists.containsKey(list)) {
            lists.clear();
        }
        lists.put(list, places);
    }

    /**
     * Whether the caller may read {@code list}'s places now, which it must then end with {@link #doneReading}: false
     * while another request reads them. Reading them costs about four pages read from their offset, so the readers
     * that come together right after a write read their pages from the offset instead of the places each on its own.
     */
    boolean startReading(Ordered list) {
        return reading.putIfAbsent(list, Boolean.TRUE) == null;
    }

    void doneReading(Ordered list) {
        reading.remove(list);
    }

    /** The count remembered for {@code run}, or null. */
    Counted count(BirthdayRun run) {
        return counts.get(run);
    }

    /**
     * How many contacts {@code run} holds at order version {@code version}: the count remembered at that version,
     * else the one another request is counting now if its statement read that version too, else {@code counter}'s
     * (a count and the version in one statement), remembered. So the readers that come together after a write that
     * moved a birthday count each run once between them, not once each (the year's runs are all 100,000 entries of
     * the birthday index: docs/benchmarks.md, "One count of a birthday run for the readers that miss it together").
     */
    Counted count(BirthdayRun run, long version, Supplier<Counted> counter) {
        Counted known = counts.get(run);
        if (known != null && known.version() == version) {
            return known;
        }
        CompletableFuture<Counted> mine = new CompletableFuture<>();
        CompletableFuture<Counted> theirs = counting.putIfAbsent(run, mine);
        if (theirs != null) {
            Counted shared = outcome(theirs);
            return shared != null && shared.version() == version ? shared : remembered(run, counter.get());
        }
        try {
            known = counts.get(run); // remembered by a request that ended between the two looks
            Counted counted = known != null && known.version() == version ? known : remembered(run, counter.get());
            mine.complete(counted);
            return counted;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            counting.remove(run, mine);
        }
    }

    /** Another request's count once it has it, or null when its statement failed (this one counts on its own). */
    private static Counted outcome(CompletableFuture<Counted> counting) {
        try {
            return counting.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    private Counted remembered(BirthdayRun run, Counted count) {
        if (count.version() < 0) {
            return count; // the account is gone
        }
        if (counts.size() >= MOST_LISTS && !counts.containsKey(run)) {
            counts.clear();
        }
        counts.put(run, count);
        return count;
    }
}
