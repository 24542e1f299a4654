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
 * anew. What is sent is always what the database returned for the request's owner. One slot per contact id (modulo
 * the number of slots): nothing is locked, and two ids in one slot only miss. The memory is bounded by a budget of
 * bytes, since one contact may hold a note of 10,000 characters: past it, a new row's JSON is made but not kept.
 * <p>
 * The rows remembered are also how a page is read ({@link #known}): a row with the id and version of one remembered
 * has its content, since the database raises a row's version on every change of it, so its columns need not be
 * read again (their text was a third of a page's CPU).
 */
final class ContactJson {

    /** A power of two; a book of up to this many contacts (ids are given in order) fits without collisions. */
    private static final int SLOTS = 2048;
    /** About the most heap the remembered rows and their JSON take (2,048 contacts of both kinds take about 5 MB). */
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
        int slot = (int) (id & (SLOTS - 1));
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

    private Encoded remembered(AtomicReferenceArray<Encoded> slots, long id, Object key, Supplier<Encoded> encode) {
        int slot = (int) (id & (SLOTS - 1));
        Encoded known = slots.get(slot);
        // the same row object, when the page was read through known(): no field compared
        if (known != null && (known.row() == key || known.row().equals(key))) {
            return known;
        }
        Encoded made = encode.get();
        long freed = known == null ? 0 : known.bytes();
        // kept within the budget (requests at the same time may pass it by an entry each); only the request that
        // replaced an entry counts the change
        if (held.get() - freed + made.bytes() <= BUDGET && slots.compareAndSet(slot, known, made)) {
            held.addAndGet(made.bytes() - freed);
        }
        return made;
    }
}
