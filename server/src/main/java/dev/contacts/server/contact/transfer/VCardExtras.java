package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.property.Photo;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;

/**
 * The properties of a card that no contact field holds (URL, IMPP, ANNIVERSARY, RELATED, X-...), kept as the
 * text of a vCard 4.0 card that has only them, so an export can write them back exactly.
 */
final class VCardExtras {

    private VCardExtras() {
    }

    /** The properties as stored text, or null when there are none. */
    static String write(List<VCardProperty> properties) {
        if (properties.isEmpty()) {
            return null;
        }
        VCard card = new VCard();
        properties.forEach(card::addProperty);
        StringWriter out = new StringWriter();
        try (VCardWriter writer = new VCardWriter(out, VCardVersion.V4_0)) {
            writer.setAddProdId(false);
            writer.write(card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The stored properties, ready to add to a card. */
    static List<VCardProperty> read(String stored) {
        if (stored == null) {
            return List.of();
        }
        VCard card = Ezvcard.parse(stored).first();
        if (card == null) {
            return List.of();
        }
        List<VCardProperty> properties = new ArrayList<>();
        card.forEach(properties::add);
        return properties;
    }

    /** Both sets of properties, each once: what {@code first} has, then what only {@code second} adds. */
    static String union(String first, String second) {
        if (second == null || second.equals(first)) {
            return first;
        }
        if (first == null) {
            return second;
        }
        Set<String> seen = new LinkedHashSet<>();
        List<VCardProperty> all = new ArrayList<>();
        for (VCardProperty p : read(first)) {
            if (seen.add(lineOf(p))) {
                all.add(p);
            }
        }
        boolean added = false;
        for (VCardProperty p : read(second)) {
            if (seen.add(lineOf(p))) {
                all.add(p);
                added = true;
            }
        }
        return added ? write(all) : first;
    }

    /**
     * What tells a property apart from the others: its line, but only the address of a web site or a photo's link,
     * which a CSV carries without the parameters and group a vCard gave them (an export to CSV imported again
     * adds nothing).
     */
    private static String lineOf(VCardProperty property) {
        if (property instanceof Url url && url.getValue() != null) {
            return "URL:" + url.getValue().strip();
        }
        if (property instanceof Photo photo && photo.getUrl() != null) {
            return "PHOTO:" + photo.getUrl().strip();
        }
        VCard card = new VCard();
        card.addProperty(property);
        return Ezvcard.write(card).version(VCardVersion.V4_0).prodId(false).go();
    }
}
