package dev.contacts.model;

/**
 * One email address or phone number of a contact and what kind it is: {@code "work"}, {@code "mobile"}, or any
 * text a person chose. A {@code null} label takes the list's default when the draft is normalised.
 */
public record LabeledValue(String value, String label) {
}
