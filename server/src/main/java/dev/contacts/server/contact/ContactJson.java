package dev.contacts.server.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import dev.contacts.server.http.Json;

/**
 * The JSON that contacts are sent as, remembered for the stored row each was made from: reading a page's rows'
 * JSON lists into records and writing them out again took half the CPU of a page of 100 contacts (README, "Load").
 * <p>
 * The JSON (and entity tag) of a row is a function of that row alone ({@link StoredContact#contact()}), and a
 * remembered one is used only for a row equal to it field by field, so nothing has to be invalidated: a write, on
 * this instance or on another one sharing the database, changes the row, and the next read of it makes its JSON
 * anew. What is sent is always what the database returned for the request's owner. Each contact id may take one of
 * two slots, both chosen by a hash of the id ({@link #slots}): nothing is locked, and ids that find both taken by
 * others only miss. The memory is bounded by a budget of bytes, since one contact may hold a note of 10,000
 * characters: past it, a new row's JSON is made but not kept.
 * <p>
 * The rows remembered are also how a page is read ({@link #known}): a row with the id and version of one remembered
 * has its content, since the database raises a row's version on every change of it, so its columns need not be
 * read again (their text was a third of a page's CPU).
 */
final class ContactJson {

    /**
     * A power of two. A page of 1,000 contacts asked again finds about 98% of them remembered, whatever the spacing of
     * their ids, and two such pages about 93% (one slot by id modulo 2,048 kept a quarter of a birthday page whose
     * ids were 84 apart; README, "Remembered JSON in two slots"). The budget, not the slots, bounds the bytes.
     */
    private static final int SLOTS = 4096;
    private static final int SLOT_BITS = Integer.numberOfTrailingZeros(SLOTS);
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
        long both = slots(id);
        StoredContact row = known(first(both), id, version);
        return row != null ? row : known(second(both), id, version);
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

    /**
     * The two slots contact {@code id} may take, from one 64-bit mix of it (MurmurHash3's finalizer): the first in
     * the high bits, the second in the low ones. Ids in any stride spread over the slots as random ones would.
     */
    private static long slots(long id) {
        long h = (id ^ (id >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** The two slots of contact {@code id} (for tests). */
    static List<Integer> slotsOf(long id) {
        long both = slots(id);
        return List.of(first(both), second(both));
    }

    private static int first(long slots) {
        return (int) (slots >>> (Long.SIZE - SLOT_BITS));
    }

    private static int second(long slots) {
        return (int) (slots & (SLOTS - 1));
    }

    private Encoded remembered(AtomicReferenceArray<Encoded> slots, long id, Object key, Supplier<Encoded> encode) {
        long both = slots(id);
        int first = first(both);
        int second = second(both);
        Encoded inFirst = slots.get(first);
        // the same row object, when the page was read through known(): no field compared
        if (inFirst != null && (inFirst.row() == key || inFirst.row().equals(key))) {
            return inFirst;
        }
        Encoded inSecond = slots.get(second);
        if (inSecond != null && (inSecond.row() == key || inSecond.row().equals(key))) {
            return inSecond;
        }
        Encoded made = encode.get();
        // where an older row of this contact is, else an empty slot, else the first: ids whose first slots collide
        // settle into their second ones, so a page asked again finds most of its contacts kept
        boolean inSecondPlace = inSecond != null && sameContact(inSecond, id)
                || inSecond == null && inFirst != null && !sameContact(inFirst, id);
        int slot = inSecondPlace ? second : first;
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
