package dev.contacts.model;

/** The body of every error answer but validation errors: {@code {"detail": "..."}}. */
public record ErrorDetail(String detail) {
}
