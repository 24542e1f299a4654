package dev.contacts.server.contact;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.LabeledValue;

/**
 * A partial change (PATCH), already checked: the values of the fields the body gave, and the names of those
 * fields. Only they change, {@code null} clears an optional one; {@code "email": X} replaces the first email's
 * value (keeping its label), {@code "email": null} removes the first email, {@code "emails": [...]} replaces the
 * list (the same for phones).
 *
 * @param values the given fields' values (the others are placeholders, never read)
 * @param given the JSON names of the fields the body gave
 */
record ContactPatch(ContactDraft values, Set<String> given) {

    ContactPatch {
        given = Set.copyOf(given);
    }

    /**
     * {@code current} with this change made. Every rule is per field, so a change whose fields passed their
     * rules, made to a stored (valid) contact, needs no second check.
     */
    ContactDraft apply(ContactDraft current) {
        return new ContactDraft(
                pick("first_name", values.firstName(), current.firstName()),
                pick("last_name", values.lastName(), current.lastName()),
                entries("emails", "email", values.emails(), current, ContactDraft::withEmail).emails(),
                entries("phones", "phone", values.phones(), current, ContactDraft::withPhone).phones(),
                pick("birthday", values.birthday(), current.birthday()),
                pick("additional_data", values.additionalData(), current.additionalData()),
                pick("addresses", values.addresses(), current.addresses()),
                pick("organization", values.organization(), current.organization()),
                pick("job_title", values.jobTitle(), current.jobTitle()),
                pick("nickname", values.nickname(), current.nickname()),
                pick("labels", values.labels(), current.labels()),
                pick("favorite", values.favorite(), current.favorite())).normalized();
    }

    private <T> T pick(String field, T changed, T current) {
        return given.contains(field) ? changed : current;
    }

    /** {@code current} with its list replaced ({@code listField} given) or its first entry ({@code singleField}). */
    private ContactDraft entries(String listField, String singleField, List<LabeledValue> changed,
                                 ContactDraft current, BiFunction<ContactDraft, String, ContactDraft> replaceFirst) {
        if (given.contains(listField)) {
            return listField.equals("emails") ? current.withEmails(changed) : current.withPhones(changed);
        }
        if (given.contains(singleField)) {
            return replaceFirst.apply(current, changed.isEmpty() ? null : changed.get(0).value());
        }
        return current;
    }
}
