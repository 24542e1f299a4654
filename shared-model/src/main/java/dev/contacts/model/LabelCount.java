package dev.contacts.model;

/** A label on the caller's live contacts and how many carry it ({@code GET /contacts/labels/}). */
public record LabelCount(String name, int count) {
}
