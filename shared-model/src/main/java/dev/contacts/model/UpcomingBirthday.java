package dev.contacts.model;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A contact whose birthday is near: on the wire the contact's fields plus {@code next_birthday} and
 * {@code days_until} (0 = today).
 */
@JsonDeserialize(using = UpcomingBirthday.Reader.class)
public record UpcomingBirthday(@JsonUnwrapped Contact contact, LocalDate nextBirthday, int daysUntil) {

    /** Reads the flat wire form. */
    static final class Reader extends FlatContactReader<UpcomingBirthday> {

        Reader() {
            super(UpcomingBirthday.class);
        }

        @Override
        UpcomingBirthday read(Contact contact, ObjectNode json, DeserializationContext context) throws IOException {
            return new UpcomingBirthday(contact, context.readTreeAsValue(json.get("next_birthday"), LocalDate.class),
                    json.get("days_until").intValue());
        }
    }

    /** The age the contact turns on {@link #nextBirthday()}; meaningless when the year is unknown. */
    public int ageTurning() {
        return nextBirthday.getYear() - contact.birthday().getYear();
    }

    /** Whether an age can be shown: the birth year is known (see {@link ContactRules#YEAR_UNKNOWN}). */
    public boolean hasKnownYear() {
        return ContactRules.hasKnownYear(contact.birthday());
    }
}
