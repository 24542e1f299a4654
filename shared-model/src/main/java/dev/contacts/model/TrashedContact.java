package dev.contacts.model;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A contact in the trash: on the wire the contact's fields plus {@code deleted_at}. */
@JsonDeserialize(using = TrashedContact.Reader.class)
public record TrashedContact(@JsonUnwrapped Contact contact, Instant deletedAt) {

    /** Reads the flat wire form. */
    static final class Reader extends FlatContactReader<TrashedContact> {

        Reader() {
            super(TrashedContact.class);
        }

        @Override
        TrashedContact read(Contact contact, ObjectNode json, DeserializationContext context) throws IOException {
            return new TrashedContact(contact, context.readTreeAsValue(json.get("deleted_at"), Instant.class));
        }
    }
}
