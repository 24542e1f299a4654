package dev.contacts.desktop.api;

import java.util.List;

/** One page of the trash and how many contacts it holds in all ({@code X-Total-Count}). */
public record TrashPage(List<TrashedContact> items, int total) {

    public TrashPage {
        items = List.copyOf(items);
    }
}
