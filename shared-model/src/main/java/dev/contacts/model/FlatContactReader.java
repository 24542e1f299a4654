package dev.contacts.model;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a record that is on the wire a contact's own fields plus a few of its own (its contact component is
 * {@code @JsonUnwrapped}, which Jackson 2.20 can write but not yet read for a record).
 */
abstract class FlatContactReader<T> extends StdDeserializer<T> {

    FlatContactReader(Class<T> type) {
        super(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        // The context's reader, not parser.readValueAsTree(): that one checks for trailing tokens as if this
        // value were the whole document, and so refused every item of a list but the last.
        JsonNode tree = context.readTree(parser);
        if (!(tree instanceof ObjectNode json)) {
            return (T) context.handleUnexpectedToken(handledType(), parser);
        }
        return read(context.readTreeAsValue(json, Contact.class), json, context);
    }

    /** The record of {@code contact} and the fields of its own in {@code json}. */
    abstract T read(Contact contact, ObjectNode json, DeserializationContext context) throws IOException;
}
