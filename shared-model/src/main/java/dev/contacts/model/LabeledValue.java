package dev.contacts.model;

import java.util.List;

/**
 * One email address or phone number of a contact and what kind it is: {@code "work"}, {@code "mobile"}, or any
 * text a person chose. A {@code null} label takes the list's default when the draft is normalised.
 */
public record LabeledValue(String value, String label) {

    /** The primary entry's value, which v1's single {@code email} or {@code phone} shows: the first, or null. */
    public static String primary(List<LabeledValue> entries) {
        return entries.isEmpty() ? null : entries.get(0).value();
    }
}
