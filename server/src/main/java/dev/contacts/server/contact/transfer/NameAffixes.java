package dev.contacts.server.contact.transfer;

import java.util.Iterator;
import java.util.List;

import ezvcard.property.RawProperty;
import ezvcard.property.VCardProperty;

/**
 * A name's prefix ("Dr.", "Mme") and suffix ("Jr.", "PhD"): no contact field holds them, so they are kept with the
 * other properties, in one form whatever the file was (Google's CSV columns "Name Prefix" and "Name Suffix"), and
 * written back where each format has them: a vCard's N (and FN), a CSV's columns. In the notes, as before, they
 * were the contact's text ("Name: Dr. Ann Lee") and never came back as a title.
 */
final class NameAffixes {

    static final String PREFIX = "Name Prefix";
    static final String SUFFIX = "Name Suffix";

    private NameAffixes() {
    }

    /** The kept form of a prefix or suffix ({@code column} is {@link #PREFIX} or {@link #SUFFIX}); null if blank. */
    static RawProperty kept(String column, List<String> parts) {
        String value = String.join(" ", parts.stream().filter(p -> p != null && !p.isBlank()).map(String::strip)
                .toList());
        if (value.isEmpty()) {
            return null;
        }
        RawProperty property = new RawProperty(CsvImport.EXTRA_PROPERTY, value);
        property.getParameters().put(CsvImport.COLUMN_PARAMETER, column);
        return property;
    }

    /** The first kept value of {@code column}, taken out of {@code properties}; null when there is none. */
    static String take(List<VCardProperty> properties, String column) {
        for (Iterator<VCardProperty> it = properties.iterator(); it.hasNext(); ) {
            if (it.next() instanceof RawProperty raw && raw.getPropertyName().equalsIgnoreCase(CsvImport.EXTRA_PROPERTY)
                    && column.equals(raw.getParameter(CsvImport.COLUMN_PARAMETER)) && raw.getValue() != null) {
                it.remove();
                return raw.getValue();
            }
        }
        return null;
    }
}
