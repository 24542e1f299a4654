package dev.contacts.model;

import java.time.LocalDate;

/** What a client sends to create or replace a contact: every field a person can edit. */
public record ContactDraft(String firstName,
                           String lastName,
                           String email,
                           String phone,
                           LocalDate birthday,
                           String additionalData) {

    /**
     * The draft as it is checked and stored: names, email and phone trimmed of surrounding white space.
     * The note ({@code additional_data}) is kept exactly as written.
     */
    public ContactDraft normalized() {
        return new ContactDraft(strip(firstName), strip(lastName), strip(email), strip(phone), birthday,
                additionalData);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
