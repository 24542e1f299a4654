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
 * <p>
 * A search's total is remembered too, with the book version it was counted at (any edit of a contact's searched text
 * raises it, by SQL too: migration V16): FTS5 counting every match of a common word was a third to two fifths of a
 * search's CPU at 100,000 contacts, asked again for every page of the same search (docs/benchmarks.md, "A search's
 * total at the book version").
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
    record BirthdayRun(long owner, String from, String to) implements Ordered, Counting {
    }

    /** What a count is remembered for: a run of a birthday window, or a search. */
    sealed interface Counting permits BirthdayRun, Searched {
    }

    /**
     * An owner's live contacts that hold every word of a search's query (as the request gave them; none asks a field
     * or label), those with one favourite mark or all (null).
     */
    record Searched(long owner, List<String> words, Boolean favorite) implements Counting {

        Searched {
            words = List.copyOf(words);
        }
    }

    /**
     * How many contacts a birthday run (at the order version) or a search (at the book version) held at that version
     * of its owner's.
     */
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
    private final Map<Counting, Counted> runCounts = new ConcurrentHashMap<>();
    /** Apart from the runs' counts: a user typing a search makes a new one at every key, and would drop the runs'. */
    private final Map<Counting, Counted> searchTotals = new ConcurrentHashMap<>();
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

    /** The count remembered for {@code counting}, or null. */
    Counted count(Counting counting) {
        return counts(counting).get(counting);
    }

    void putCount(Counting counting, Counted count) {
        Map<Counting, Counted> counts = counts(counting);
        if (counts.size() >= MOST_LISTS && !counts.containsKey(counting)) {
            counts.clear();
        }
        counts.put(counting, count);
    }

    private Map<Counting, Counted> counts(Counting counting) {
        return counting instanceof Searched ? searchTotals : runCounts;
    }

    /**
     * How many contacts {@code run} holds at order version {@code version}: the count remembered at that version,
     * else the one another request is counting now if its statement read that version too, else {@code counter}'s
     * (a count and the version in one statement), remembered. So the readers that come together after a write that
     * moved a birthday count each run once between them, not once each (the year's runs are all 100,000 entries of
     * the birthday index: docs/benchmarks.md, "One count of a birthday run for the readers that miss it together").
     */
    Counted count(BirthdayRun run, long version, Supplier<Counted> counter) {
        Counted known = runCounts.get(run);
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
            known = runCounts.get(run); // remembered by a request that ended between the two looks
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
        putCount(run, count);
        return count;
    }
}
