package dev.contacts.desktop.api;

import java.util.List;

import dev.contacts.model.Contact;

/** One page of contacts and the total the server reported ({@code X-Total-Count}). */
public record Page(List<Contact> items, int total) {
}
