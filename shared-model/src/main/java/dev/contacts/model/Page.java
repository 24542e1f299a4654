package dev.contacts.model;

import java.util.List;

/**
 * One page of a listing as a client reads it: the items of the JSON array and the total the server reported in
 * {@code X-Total-Count} (everything that matches, not only this page).
 */
public record Page<T>(List<T> items, int total) {

    public Page {
        items = List.copyOf(items);
    }
}
