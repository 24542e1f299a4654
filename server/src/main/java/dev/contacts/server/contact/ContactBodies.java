package dev.contacts.server.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.FieldError;
import dev.contacts.server.http.BodyFields;
import dev.contacts.server.http.ValidationException;

/**
 * Contact request bodies: a whole contact (POST, PUT) or a partial change (PATCH), checked against the shared
 * {@link ContactRules}. Server-owned fields ({@code id}, {@code user_id}, timestamps) are never read.
 */
final class ContactBodies {

    private ContactBodies() {
    }

    /** A whole contact: the names are required, a field left out is null. */
    static ContactDraft draft(ObjectNode node) {
        BodyFields body = BodyFields.of(node);
        ContactDraft draft = new ContactDraft(
                body.requiredString("first_name"),
                body.requiredString("last_name"),
                body.optionalString("email"),
                body.optionalString("phone"),
                body.optionalDate("birthday"),
                body.optionalString("additional_data")).normalized();
        return checked(draft, body.errors());
    }

    /**
     * A partial change: only the fields present are changed, {@code null} clears an optional one. Checked once
     * against the body alone (before anything is read from the database), then applied by {@link #apply}.
     */
    record Patch(ObjectNode node, ContactDraft values) {

        ContactDraft apply(ContactDraft current) {
            ContactDraft merged = new ContactDraft(
                    node.has("first_name") ? values.firstName() : current.firstName(),
                    node.has("last_name") ? values.lastName() : current.lastName(),
                    node.has("email") ? values.email() : current.email(),
                    node.has("phone") ? values.phone() : current.phone(),
                    node.has("birthday") ? values.birthday() : current.birthday(),
                    node.has("additional_data") ? values.additionalData() : current.additionalData());
            return checked(merged, new ArrayList<>());
        }
    }

    static Patch patch(ObjectNode node) {
        BodyFields body = BodyFields.of(node);
        String firstName = body.has("first_name") ? body.requiredString("first_name") : null;
        String lastName = body.has("last_name") ? body.requiredString("last_name") : null;
        ContactDraft values = new ContactDraft(firstName, lastName, body.optionalString("email"),
                body.optionalString("phone"), body.optionalDate("birthday"), body.optionalString("additional_data"))
                .normalized();
        List<FieldError> errors = body.errors();
        Set<String> typeErrors = fieldsOf(errors);
        List<FieldError> ruleErrors = new ArrayList<>();
        if (body.has("first_name") && !typeErrors.contains("first_name")) {
            ContactRules.checkName("first_name", values.firstName(), ruleErrors);
        }
        if (body.has("last_name") && !typeErrors.contains("last_name")) {
            ContactRules.checkLastName(values.lastName(), ruleErrors);
        }
        ContactRules.checkEmails(values.emails(), ruleErrors);
        ContactRules.checkPhones(values.phones(), ruleErrors);
        ruleErrors = new ArrayList<>(ContactRules.asV1(ruleErrors, true, true));
        ContactRules.checkBirthday(values.birthday(), ruleErrors);
        ContactRules.checkAdditionalData(values.additionalData(), ruleErrors);
        errors.addAll(ruleErrors);
        ValidationException.throwIfAny(errors);
        return new Patch(node, values);
    }

    /** The rules' errors join the type errors, except for a field that already has a type error. */
    private static ContactDraft checked(ContactDraft draft, List<FieldError> typeErrors) {
        Set<String> fieldsWithTypeErrors = fieldsOf(typeErrors);
        List<FieldError> errors = new ArrayList<>(typeErrors);
        ContactRules.asV1(ContactRules.validate(draft), true, true).stream()
                .filter(e -> !fieldsWithTypeErrors.contains(e.field()))
                .forEach(errors::add);
        ValidationException.throwIfAny(errors);
        return draft;
    }

    private static Set<String> fieldsOf(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).collect(Collectors.toSet());
    }
}
