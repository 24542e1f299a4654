package dev.contacts.model;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A contact in the trash: on the wire the contact's fields plus {@code deleted_at}. */
@JsonDeserialize(using = TrashedContact.Reader.class)
public record TrashedContact(@JsonUnwrapped Contact contact, Instant deletedAt) {

    /** Reads the flat wire form (Jackson cannot yet read an unwrapped record component by itself). */
    static final class Reader extends StdDeserializer<TrashedContact> {

        Reader() {
            super(TrashedContact.class);
        }

        @Override
        public TrashedContact deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            ObjectNode json = parser.readValueAsTree();
            return new TrashedContact(context.readTreeAsValue(json, Contact.class),
                    context.readTreeAsValue(json.get("deleted_at"), Instant.class));
        }
    }
}
