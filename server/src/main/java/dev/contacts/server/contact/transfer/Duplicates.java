package dev.contacts.server.contact.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.LongStream;

import dev.contacts.model.Contact;
import dev.contacts.model.DuplicateGroup;
import dev.contacts.server.contact.ContactRepository;
import dev.contacts.server.db.Database;

/**
 * Finds the owner's contacts that look like one person: the same folded email, the same last 9 digits of a
 * phone, or the same folded full name. The address book is read a page at a time, and only a 32-bit hash of each
 * key stays in memory, with where it was seen (a {@link KeyIndex}): the keys themselves, in maps of sets, took
 * about 400 bytes each, so 100,000 contacts' three keys ran a 96 MiB heap out of memory (a 500). Contacts whose
 * hashes agree are read again and grouped by their keys, so two keys that only share a hash never make a group.
 */
final class Duplicates {

    /** Fewer digits than this say too little to call two phones the same. */
    private static final int MIN_PHONE_DIGITS = 5;
    /** The most contacts read again in one database call, as many as a page of the first pass. */
    private static final int BATCH = Exporter.PAGE;

    private final Database database;
    private final ContactRepository contacts;

    Duplicates(Database database, ContactRepository contacts) {
        this.database = database;
        this.contacts = contacts;
    }

    /**
     * Gives {@code action} each group, email groups first, then phone and name groups: one at a time, so that an
     * answer of many groups is never held whole (100,000 contacts in pairs make 150,000 groups). The pages of the
     * first pass and the contacts read again are each read in a {@link Database#read} of its own (at most
     * {@value #BATCH} contacts), and {@code action} runs between them: a client that reads the groups slowly holds
     * no database thread.
     */
    void forEachGroup(long owner, Consumer<DuplicateGroup> action) throws Exception {
        KeyIndex byEmail = new KeyIndex();
        KeyIndex byPhone = new KeyIndex();
        KeyIndex byName = new KeyIndex();
        Exporter.forEachPage(database, contacts, owner, page -> {
            for (Contact c : page) {
                for (String key : emailKeys(c)) {
                    byEmail.add(key, c.id());
                }
                for (String key : phoneKeys(c)) {
                    byPhone.add(key, c.id());
                }
                byName.add(nameKey(c), c.id());
            }
        });
        forEachGroup(owner, "email", byEmail, Duplicates::emailKeys, action);
        forEachGroup(owner, "phone", byPhone, Duplicates::phoneKeys, action);
        forEachGroup(owner, "name", byName, c -> List.of(nameKey(c)), action);
    }

    private static List<String> emailKeys(Contact c) {
        return c.emails().stream().map(email -> Sameness.fold(email.value())).toList();
    }

    private static List<String> phoneKeys(Contact c) {
        return c.phones().stream().map(phone -> Sameness.phoneTail(phone.value()))
                .filter(tail -> tail.length() >= MIN_PHONE_DIGITS).toList();
    }

    private static String nameKey(Contact c) {
        return Sameness.fullName(c.toDraft());
    }

    /**
     * The groups of one kind, in the order their keys were first seen, each's contacts in the order they were read
     * (by id), as a map of keys to sets gave them before. Hashes shared by contacts are taken a batch at a time: as
     * many as hold {@value #BATCH} contacts together (or one that holds more), read again and grouped before the
     * next.
     */
    private void forEachGroup(long owner, String reason, KeyIndex index, Function<Contact, List<String>> keysOf,
                              Consumer<DuplicateGroup> action) throws Exception {
        List<KeyIndex.Run> batch = new ArrayList<>();
        int batchIds = 0;
        for (KeyIndex.Run run : index.sharedHashes()) {
            if (!batch.isEmpty() && batchIds + run.ids().length > BATCH) {
                groups(owner, reason, batch, keysOf).forEach(action);
                batch = new ArrayList<>();
                batchIds = 0;
            }
            batch.add(run);
            batchIds += run.ids().length;
        }
        groups(owner, reason, batch, keysOf).forEach(action);
    }

    /** The groups of {@code runs}, in order; their contacts read again in calls of at most {@value #BATCH}. */
    private List<DuplicateGroup> groups(long owner, String reason, List<KeyIndex.Run> runs,
                                        Function<Contact, List<String>> keysOf) throws Exception {
        long[] ids = runs.stream().flatMapToLong(run -> LongStream.of(run.ids())).distinct().toArray();
        Map<Long, Contact> found = new HashMap<>();
        for (int from = 0; from < ids.length; from += BATCH) {
            long[] some = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + BATCH));
            found.putAll(database.read(() -> {
                Map<Long, Contact> read = new HashMap<>();
                for (long id : some) {
                    contacts.find(owner, id).ifPresent(c -> read.put(id, c));
                }
                return read;
            }));
        }
        List<DuplicateGroup> groups = new ArrayList<>();
        for (KeyIndex.Run run : runs) {
            Map<String, List<Contact>> byKey = new LinkedHashMap<>();
            for (long id : run.ids()) {
                Contact member = found.get(id);
                if (member == null) {
                    continue; // deleted since the first pass
                }
                for (String key : new LinkedHashSet<>(keysOf.apply(member))) {
                    if (KeyIndex.hash(key) == run.hash()) {
                        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(member);
                    }
                }
            }
            for (List<Contact> group : byKey.values()) {
                if (group.size() > 1) {
                    groups.add(new DuplicateGroup(reason, group));
                }
            }
        }
        return groups;
    }

    /**
     * Each key's hash and the contact it was seen on, in the order seen: 8 bytes for the pair (the hash, and the
     * position of the id in an array of ids) plus 8 for the id.
     */
    static final class KeyIndex {

        private long[] entries = new long[1024];
        private long[] ids = new long[1024];
        private int size;

        static int hash(String key) {
            return key.hashCode();
        }

        void add(String key, long id) {
            if (size == ids.length) {
                entries = Arrays.copyOf(entries, size * 2);
                ids = Arrays.copyOf(ids, size * 2);
            }
            entries[size] = (long) hash(key) << 32 | size;
            ids[size] = id;
            size++;
        }

        /** The contacts seen under one hash, without repeats, in the order seen. */
        record Run(int hash, int firstSeen, long[] ids) {
        }

        /** Each hash that more than one contact has, in the order first seen. */
        List<Run> sharedHashes() {
            long[] sorted = Arrays.copyOf(entries, size);
            Arrays.sort(sorted); // by hash, then by position: the order seen
            List<Run> runs = new ArrayList<>();
            for (int start = 0, end; start < size; start = end) {
                int hash = (int) (sorted[start] >> 32);
                end = start + 1;
                while (end < size && (int) (sorted[end] >> 32) == hash) {
                    end++;
                }
                long[] seen = LongStream.range(start, end).map(i -> ids[(int) sorted[(int) i]]).distinct().toArray();
                if (seen.length > 1) {
                    runs.add(new Run(hash, (int) sorted[start], seen));
                }
            }
            runs.sort(Comparator.comparingInt(Run::firstSeen));
            return runs;
        }
    }
}
