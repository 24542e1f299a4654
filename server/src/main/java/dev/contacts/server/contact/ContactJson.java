package dev.contacts.server.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import dev.contacts.server.http.Json;

/**
 * The JSON that contacts are sent as, remembered for the stored row each was made from: reading a page's rows'
 * JSON lists into records and writing them out again took half the CPU of a page of 100 contacts (docs/benchmarks.md,
 * "Load").
 * <p>
 * The JSON (and entity tag) of a row is a function of that row alone ({@link StoredContact#contact()}), and a
 * remembered one is used only for a row equal to it field by field, so nothing has to be invalidated: a write, on
 * this instance or on another one sharing the database, changes the row, and the next read of it makes its JSON
 * anew. What is sent is always what the database returned for the request's owner. Each contact id may take any slot
 * of one bucket of {@value #WAYS}, chosen by a hash of the id ({@link #mix}): nothing is locked, and an id that finds
 * its bucket full of others takes one slot of it, chosen by the hash too. The memory is bounded by a budget of bytes,
 * since one contact may hold a note of 10,000 characters: past it, a new row's JSON is made but not kept.
 * <p>
 * The rows remembered are also how a page is read ({@link #known}): a row with the id and version of one remembered
 * has its content, since the database raises a row's version on every change of it, so its columns need not be
 * read again (their text was a third of a page's CPU).
 */
final class ContactJson {

    /**
     * A power of two. The budget, not the slots, bounds the bytes (docs/benchmarks.md, "Remembered JSON in two slots").
     */
    private static final int SLOTS = 4096;
    /**
     * Slots an id may take, a power of two. Two pages of 1,000 contacts asked in turn find all but a few of them
     * remembered, whatever the spacing of their ids; with two slots an id (the round before) about 93%, and each miss
     * took another contact's slot, which missed the next time (docs/benchmarks.md, "Remembered JSON in buckets").
     */
    static final int WAYS = 16;
    private static final int BUCKET_BITS = Integer.numberOfTrailingZeros(SLOTS / WAYS);
    /** About the most heap the remembered rows and their JSON take (about 4,000 of the benchmarks' contacts). */
    static final long BUDGET = 8L << 20;

    /** A contact's JSON with its entity tag ({@link ContactETags}); the tag is null for an upcoming birthday's. */
    record Encoded(Object row, byte[] json, String etag) {

        /** Heap taken, about: the JSON, the row (its text at most twice the JSON's bytes) and objects' headers. */
        long bytes() {
            return 3L * json.length + 600;
        }
    }

    /** An upcoming birthday depends on the day it is seen from too. */
    private record Upcoming(StoredContact row, LocalDate today) {
    }

    private final AtomicReferenceArray<Encoded> contacts = new AtomicReferenceArray<>(SLOTS);
    private final AtomicReferenceArray<Encoded> birthdays = new AtomicReferenceArray<>(SLOTS);
    /** What the remembered entries take, by {@link Encoded#bytes()}. */
    private final AtomicLong held = new AtomicLong();

    /** The contact of {@code row} as sent alone or in a page, and its entity tag. */
    Encoded contact(StoredContact row) {
        return remembered(contacts, row.id(), row, () -> {
            byte[] json = Json.bytes(row.contact());
            return new Encoded(row, json, ContactETags.of(json));
        });
    }

    /** The contact of {@code row} as an upcoming birthday seen from {@code today}. */
    byte[] upcoming(StoredContact row, LocalDate today) {
        Upcoming key = new Upcoming(row, today);
        return remembered(birthdays, row.id(), key,
                () -> new Encoded(key, Json.bytes(BirthdayCalendar.upcoming(row.contact(), today)), null)).json();
    }

    /**
     * The row remembered with this id and version, else null: the same content as the database's row of that id and
     * version (ids are never reused, and every change of a row raises its version).
     */
    StoredContact known(long id, long version) {
        int bucket = bucket(mix(id));
        for (int slot = bucket; slot < bucket + WAYS; slot++) {
            StoredContact row = known(slot, id, version);
            if (row != null) {
                return row;
            }
        }
        return null;
    }

    private StoredContact known(int slot, long id, long version) {
        Encoded contact = contacts.get(slot);
        if (contact != null && contact.row() instanceof StoredContact row && row.id() == id
                && row.version() == version) {
            return row;
        }
        Encoded birthday = birthdays.get(slot);
        if (birthday != null && birthday.row() instanceof Upcoming upcoming && upcoming.row().id() == id
                && upcoming.row().version() == version) {
            return upcoming.row();
        }
        return null;
    }

    /** The JSON array of {@code rows}' contacts, byte for byte what Jackson writes for the list of them. */
    byte[] array(List<StoredContact> rows) {
        byte[][] items = new byte[rows.size()][];
        int length = 2 + Math.max(0, rows.size() - 1);
        for (int i = 0; i < items.length; i++) {
            items[i] = contact(rows.get(i)).json();
            length += items[i].length;
        }
        byte[] array = new byte[length];
        int at = 0;
        array[at++] = '[';
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                array[at++] = ',';
            }
            System.arraycopy(items[i], 0, array, at, items[i].length);
            at += items[i].length;
        }
        array[at] = ']';
        return array;
    }

    /** What the remembered entries take now, about (for tests). */
    long heldBytes() {
        return held.get();
    }

    /** One 64-bit mix of an id (MurmurHash3's finalizer): ids in any stride spread over the buckets as random ones. */
    private static long mix(long id) {
        long h = (id ^ (id >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** The first slot of the bucket of an id of mix {@code h} (from its high bits). */
    private static int bucket(long h) {
        return (int) (h >>> (Long.SIZE - BUCKET_BITS)) * WAYS;
    }

    /** The slot an id of mix {@code h} takes when its bucket is full of others (from its low bits). */
    private static int taken(long h) {
        return bucket(h) + (int) (h & (WAYS - 1));
    }

    /** The first slot of contact {@code id}'s bucket, and the slot it takes in a full one (for tests). */
    static List<Integer> slotsOf(long id) {
        long h = mix(id);
        return List.of(bucket(h), taken(h));
    }

    private Encoded remembered(AtomicReferenceArray<Encoded> slots, long id, Object key, Supplier<Encoded> encode) {
        long h = mix(id);
        int bucket = bucket(h);
        int older = -1;
        int empty = -1;
        for (int slot = bucket; slot < bucket + WAYS; slot++) {
            Encoded entry = slots.get(slot);
            if (entry == null) {
                empty = empty < 0 ? slot : empty;
            } else if (sameContact(entry, id)) {
                // the same row object, when the page was read through known(): no field compared
                if (entry.row() == key || entry.row().equals(key)) {
                    return entry;
                }
                older = slot;
            }
        }
        Encoded made = encode.get();
        // where an older row of this contact is, else an empty slot, else the one the id's hash names
        int slot = older >= 0 ? older : empty >= 0 ? empty : taken(h);
        Encoded known = slots.get(slot);
        long freed = known == null ? 0 : known.bytes();
        // kept within the budget (requests at the same time may pass it by an entry each); only the request that
        // replaced an entry counts the change
        if (held.get() - freed + made.bytes() <= BUDGET && slots.compareAndSet(slot, known, made)) {
            held.addAndGet(made.bytes() - freed);
        }
        return made;
    }

    /** Whether {@code entry} was made from a row of contact {@code id}. */
    private static boolean sameContact(Encoded entry, long id) {
        return entry.row() instanceof StoredContact row ? row.id() == id : ((Upcoming) entry.row()).row().id() == id;
    }
}
