package dev.contacts.model;

import java.time.LocalDate;

/**
 * A contact whose birthday is near: on the wire the contact's fields plus {@code next_birthday} and
 * {@code days_until} (0 = today).
 */
public record UpcomingBirthday(Contact contact, LocalDate nextBirthday, int daysUntil) {

    /** The age the contact turns on {@link #nextBirthday()}; meaningless when the year is unknown. */
    public int ageTurning() {
        return nextBirthday.getYear() - contact.birthday().getYear();
    }

    /** Whether an age can be shown: the birth year is known (see {@link ContactRules#YEAR_UNKNOWN}). */
    public boolean hasKnownYear() {
        return ContactRules.hasKnownYear(contact.birthday());
    }
}
