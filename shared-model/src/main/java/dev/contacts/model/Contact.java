package dev.contacts.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A stored contact as the server returns it. v1's {@code email} and {@code phone} are not stored apart: they
 * are always the first entries of {@code emails} and {@code phones} (or null), so v1 clients see the primary
 * ones.
 */
@JsonPropertyOrder({"id", "first_name", "last_name", "email", "phone", "birthday", "additional_data"})
public record Contact(long id,
                      String firstName,
                      String lastName,
                      LocalDate birthday,
                      String additionalData,
                      List<LabeledValue> emails,
                      List<LabeledValue> phones,
                      List<PostalAddress> addresses,
                      String organization,
                      String jobTitle,
                      String nickname,
                      List<String> labels,
                      boolean favorite,
                      boolean hasPhoto,
                      Instant createdAt,
                      Instant updatedAt) {

    public Contact {
        emails = ContactDraft.copyOrEmpty(emails);
        phones = ContactDraft.copyOrEmpty(phones);
        addresses = ContactDraft.copyOrEmpty(addresses);
        labels = ContactDraft.copyOrEmpty(labels);
    }

    /** A contact with only v1's fields. */
    public Contact(long id, String firstName, String lastName, String email, String phone, LocalDate birthday,
                   String additionalData, Instant createdAt, Instant updatedAt) {
        this(id, new ContactDraft(firstName, lastName, email, phone, birthday, additionalData), false, createdAt,
                updatedAt);
    }

    /** The stored form of {@code draft}. */
    public Contact(long id, ContactDraft draft, boolean hasPhoto, Instant createdAt, Instant updatedAt) {
        this(id, draft.firstName(), draft.lastName(), draft.birthday(), draft.additionalData(), draft.emails(),
                draft.phones(), draft.addresses(), draft.organization(), draft.jobTitle(), draft.nickname(),
                draft.labels(), draft.favorite(), hasPhoto, createdAt, updatedAt);
    }

    /** The primary email, {@code emails[0].value}, or null. */
    @JsonProperty(value = "email", access = JsonProperty.Access.READ_ONLY)
    public String email() {
        return LabeledValue.primary(emails);
    }

    /** The primary phone, {@code phones[0].value}, or null. */
    @JsonProperty(value = "phone", access = JsonProperty.Access.READ_ONLY)
    public String phone() {
        return LabeledValue.primary(phones);
    }

    /** The editable part of this contact, e.g. to fill a form or to put it back after a delete. */
    public ContactDraft toDraft() {
        return new ContactDraft(firstName, lastName, emails, phones, birthday, additionalData, addresses,
                organization, jobTitle, nickname, labels, favorite);
    }
}
