package dev.contacts.model;

import java.time.Instant;
import java.time.LocalDate;

/** A stored contact as the server returns it. */
public record Contact(long id,
                      String firstName,
                      String lastName,
                      String email,
                      String phone,
                      LocalDate birthday,
                      String additionalData,
                      Instant createdAt,
                      Instant updatedAt) {

    /** The editable part of this contact, e.g. to fill a form or to put it back after a delete. */
    public ContactDraft toDraft() {
        return new ContactDraft(firstName, lastName, email, phone, birthday, additionalData);
    }
}
