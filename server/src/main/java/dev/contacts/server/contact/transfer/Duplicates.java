package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.contacts.model.Contact;
import dev.contacts.model.DuplicateGroup;
import dev.contacts.model.LabeledValue;
import dev.contacts.server.contact.ContactRepository;

/**
 * Finds the owner's contacts that look like one person: the same folded email, the same last 9 digits of a
 * phone, or the same folded full name. The address book is read a page at a time; only the keys stay in memory.
 */
final class Duplicates {

    /** Fewer digits than this say too little to call two phones the same. */
    private static final int MIN_PHONE_DIGITS = 5;

    private final ContactRepository contacts;

    Duplicates(ContactRepository contacts) {
        this.contacts = contacts;
    }

    List<DuplicateGroup> find(long owner) {
        Map<String, Set<Long>> byEmail = new LinkedHashMap<>();
        Map<String, Set<Long>> byPhone = new LinkedHashMap<>();
        Map<String, Set<Long>> byName = new LinkedHashMap<>();
        try {
            Exporter.forEachPage(contacts, owner, page -> {
                for (Contact c : page) {
                    for (LabeledValue email : c.emails()) {
                        byEmail.computeIfAbsent(Sameness.fold(email.value()), k -> new LinkedHashSet<>()).add(c.id());
                    }
                    for (LabeledValue phone : c.phones()) {
                        String tail = Sameness.phoneTail(phone.value());
                        if (tail.length() >= MIN_PHONE_DIGITS) {
                            byPhone.computeIfAbsent(tail, k -> new LinkedHashSet<>()).add(c.id());
                        }
                    }
                    byName.computeIfAbsent(Sameness.fullName(c.toDraft()), k -> new LinkedHashSet<>()).add(c.id());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading pages writes nothing: no I/O to fail
        }
        List<DuplicateGroup> groups = new ArrayList<>();
        addGroups(owner, "email", byEmail, groups);
        addGroups(owner, "phone", byPhone, groups);
        addGroups(owner, "name", byName, groups);
        return groups;
    }

    private void addGroups(long owner, String reason, Map<String, Set<Long>> byKey, List<DuplicateGroup> groups) {
        for (Set<Long> ids : byKey.values()) {
            if (ids.size() > 1) {
                List<Contact> members = ids.stream().map(id -> contacts.find(owner, id)).flatMap(Optional::stream)
                        .toList();
                if (members.size() > 1) {
                    groups.add(new DuplicateGroup(reason, members));
                }
            }
        }
    }
}
