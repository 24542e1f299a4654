package dev.contacts.desktop.contacts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.contacts.model.ContactDraft;

/**
 * The body of a PATCH: only the fields an edit changed, by their wire names, a cleared optional field as null.
 * Fields another client changed meanwhile and this edit did not touch are left alone on the server.
 */
public final class ContactPatch {

    private ContactPatch() {
    }

    /** What changed from {@code before} to {@code after} (both normalised); empty when nothing did. */
    public static Map<String, Object> between(ContactDraft before, ContactDraft after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        put(changes, "first_name", before.firstName(), after.firstName());
        put(changes, "last_name", before.lastName(), after.lastName());
        put(changes, "emails", before.emails(), after.emails());
        put(changes, "phones", before.phones(), after.phones());
        put(changes, "birthday", before.birthday(), after.birthday());
        put(changes, "additional_data", before.additionalData(), after.additionalData());
        put(changes, "addresses", before.addresses(), after.addresses());
        put(changes, "organization", before.organization(), after.organization());
        put(changes, "job_title", before.jobTitle(), after.jobTitle());
        put(changes, "nickname", before.nickname(), after.nickname());
        put(changes, "labels", before.labels(), after.labels());
        put(changes, "favorite", before.favorite(), after.favorite());
        return changes;
    }

    private static void put(Map<String, Object> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, after);
        }
    }
}
