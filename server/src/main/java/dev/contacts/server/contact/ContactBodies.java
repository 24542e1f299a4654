package dev.contacts.server.contact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.FieldError;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import dev.contacts.model.Texts;
import dev.contacts.server.http.BodyFields;
import dev.contacts.server.http.ValidationException;

/**
 * Contact request bodies: a whole contact (POST, PUT) or a partial change (PATCH), checked against the shared
 * {@link ContactRules}. Server-owned fields ({@code id}, {@code user_id}, {@code has_photo}, timestamps) are
 * never read. v1's {@code email}/{@code phone} and v2's {@code emails}/{@code phones} are two views of one
 * list: a body may give either, or both when they agree on the first value.
 */
final class ContactBodies {

    private ContactBodies() {
    }

    /** A whole contact: the names are required, a field left out is null (a list, empty; favourite, false). */
    static ContactDraft draft(ObjectNode node) {
        Reader body = new Reader(node);
        ContactDraft draft = new ContactDraft(
                body.fields.requiredString("first_name"),
                body.fields.requiredString("last_name"),
                body.entries("emails", "email", ContactDraft.DEFAULT_EMAIL_LABEL),
                body.entries("phones", "phone", ContactDraft.DEFAULT_PHONE_LABEL),
                body.fields.optionalDate("birthday"),
                body.fields.optionalString("additional_data"),
                body.addresses(),
                body.fields.optionalString("organization"),
                body.fields.optionalString("job_title"),
                body.fields.optionalString("nickname"),
                body.labels(),
                body.favorite()).normalized();
        List<FieldError> errors = body.withoutTypeErrorFields(ContactRules.validate(draft));
        ValidationException.throwIfAny(body.v1Locations(errors));
        return draft;
    }

    /**
     * A PATCH body as the {@link ContactPatch} it gives, checked once here against the rules of the fields it
     * gives (before anything is read from the database, so a bad body is a 422 whether or not the contact exists).
     */
    static ContactPatch patch(ObjectNode node) {
        Reader body = new Reader(node);
        String firstName = node.has("first_name") ? body.fields.requiredString("first_name") : null;
        String lastName = node.has("last_name") ? body.fields.requiredString("last_name") : null;
        ContactDraft values = new ContactDraft(firstName, lastName,
                body.entries("emails", "email", ContactDraft.DEFAULT_EMAIL_LABEL),
                body.entries("phones", "phone", ContactDraft.DEFAULT_PHONE_LABEL),
                body.fields.optionalDate("birthday"), body.fields.optionalString("additional_data"),
                body.addresses(), body.fields.optionalString("organization"),
                body.fields.optionalString("job_title"), body.fields.optionalString("nickname"), body.labels(),
                body.favorite()).normalized();
        // the rules of the fields present; absent names are stood in for by valid ones
        ContactDraft probe = new ContactDraft(Objects.requireNonNullElse(values.firstName(), "x"),
                Objects.requireNonNullElse(values.lastName(), ""), values.emails(), values.phones(),
                values.birthday(), values.additionalData(), values.addresses(), values.organization(),
                values.jobTitle(), values.nickname(), values.labels(), values.favorite());
        List<FieldError> ruleErrors = ContactRules.validate(probe).stream()
                .filter(e -> body.given(String.valueOf(e.loc().get(1))))
                .toList();
        ValidationException.throwIfAny(body.v1Locations(body.withoutTypeErrorFields(ruleErrors)));
        Set<String> given = new HashSet<>();
        node.fieldNames().forEachRemaining(given::add);
        return new ContactPatch(values, given);
    }

    /** Typed reading of the v2 fields on top of {@link BodyFields}, collecting every type error. */
    private static final class Reader {

        private final ObjectNode node;
        private final BodyFields fields;

        Reader(ObjectNode node) {
            this.node = node;
            this.fields = BodyFields.of(node);
        }

        List<FieldError> errors() {
            return fields.errors();
        }

        /** Whether the body gives this field (a list counts as given through its v1 single field too). */
        boolean given(String field) {
            return node.has(field) || field.equals("emails") && node.has("email")
                    || field.equals("phones") && node.has("phone");
        }

        boolean singleOnly(String listField, String singleField) {
            return node.has(singleField) && !node.has(listField);
        }

        /** The rules' errors join the type errors, except for a field that already has a type error. */
        List<FieldError> withoutTypeErrorFields(List<FieldError> ruleErrors) {
            Set<Object> typed = errors().stream().map(e -> e.loc().get(1)).collect(Collectors.toSet());
            List<FieldError> all = new ArrayList<>(errors());
            ruleErrors.stream().filter(e -> !typed.contains(e.loc().get(1))
                            && !(typed.contains("email") && e.loc().get(1).equals("emails"))
                            && !(typed.contains("phone") && e.loc().get(1).equals("phones")))
                    .forEach(all::add);
            return all;
        }

        /** Errors of the first entry located at v1's field, for a body that gave only that field. */
        List<FieldError> v1Locations(List<FieldError> errors) {
            return ContactRules.asV1(errors, singleOnly("emails", "email"), singleOnly("phones", "phone"));
        }

        /**
         * A labelled list, given as the list or as v1's single field ({@code "email": X} is
         * {@code [{"value": X, "label": default}]}); both given must agree on the first value.
         */
        List<LabeledValue> entries(String listField, String singleField, String defaultLabel) {
            String single = fields.optionalString(singleField);
            if (!node.has(listField)) {
                return single == null ? List.of() : List.of(new LabeledValue(single, defaultLabel));
            }
            List<LabeledValue> list = new ArrayList<>();
            forEachObject(listField, (entry, loc) -> {
                JsonNode value = entry.get("value");
                String text = null;
                if (value == null || value.isNull()) {
                    errors().add(new FieldError(with(loc, "value"), "Field required", "missing"));
                } else {
                    text = BodyFields.text(value, with(loc, "value"), errors());
                }
                list.add(new LabeledValue(text, optionalText(entry, "label", loc)));
            });
            if (node.has(singleField) && errors().stream().noneMatch(e -> e.loc().get(1).equals(singleField))) {
                String first = list.isEmpty() || list.get(0).value() == null ? null : Texts.strip(list.get(0).value());
                if (!Objects.equals(single == null ? null : Texts.strip(single), first)) {
                    errors().add(FieldError.body(singleField, "Value error, " + singleField + " must be the first "
                            + listField + " value when both are given", "value_error"));
                }
            }
            return list;
        }

        List<PostalAddress> addresses() {
            List<PostalAddress> list = new ArrayList<>();
            forEachObject("addresses", (a, loc) -> list.add(new PostalAddress(optionalText(a, "label", loc),
                    optionalText(a, "street", loc), optionalText(a, "locality", loc),
                    optionalText(a, "region", loc), optionalText(a, "postal_code", loc),
                    optionalText(a, "country", loc))));
            return list;
        }

        List<String> labels() {
            List<String> labels = new ArrayList<>();
            JsonNode array = list("labels");
            for (int i = 0; i < array.size(); i++) {
                String label = BodyFields.text(array.get(i), List.of("body", "labels", i), errors());
                if (label != null) {
                    labels.add(label);
                }
            }
            return labels;
        }

        boolean favorite() {
            JsonNode value = node.get("favorite");
            if (value == null || value.isNull()) {
                return false;
            }
            if (!value.isBoolean()) {
                errors().add(FieldError.body("favorite", "Input should be a valid boolean", "bool_type"));
                return false;
            }
            return value.booleanValue();
        }

        /** The elements of a list field, each of which must be an object; absent or null is an empty list. */
        private void forEachObject(String field, BiConsumer<JsonNode, List<Object>> each) {
            JsonNode array = list(field);
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                List<Object> loc = List.of("body", field, i);
                if (!element.isObject()) {
                    errors().add(new FieldError(loc, "Input should be a valid dictionary or object to extract "
                            + "fields from", "model_attributes_type"));
                } else {
                    each.accept(element, loc);
                }
            }
        }

        private JsonNode list(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return node.arrayNode();
            }
            if (!value.isArray()) {
                errors().add(FieldError.body(field, "Input should be a valid list", "list_type"));
                return node.arrayNode();
            }
            return value;
        }

        private String optionalText(JsonNode object, String name, List<Object> loc) {
            JsonNode value = object.get(name);
            return value == null || value.isNull() ? null : BodyFields.text(value, with(loc, name), errors());
        }

        private static List<Object> with(List<Object> loc, Object part) {
            List<Object> longer = new ArrayList<>(loc);
            longer.add(part);
            return longer;
        }
    }

}
