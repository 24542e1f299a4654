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
    /**
     * A middle name (a vCard N's additional names, Google's and Outlook's "Middle Name"): joined into the first
     * name, as the person reads the name ("Ivan Sergeyevich"), and kept beside it in this column, so that an export
     * writes it apart again while the first name still ends with it.
     */
    static final String MIDDLE = "Middle Name";

    private NameAffixes() {
    }

    /** The kept form of a prefix or suffix ({@code column} is {@link #PREFIX} or {@link #SUFFIX}); null if blank. */
    static RawProperty kept(String column, List<String> parts) {
        String value = TextParts.joined(" ", parts);
        if (value == null) {
            return null;
        }
        RawProperty property = new RawProperty(CsvImport.EXTRA_PROPERTY, value);
        property.getParameters().put(CsvImport.COLUMN_PARAMETER, column);
        return property;
    }

    /** The first name as the contact has it, the middle names joined in; null when both are blank. */
    static String withMiddle(String given, String middle) {
        return TextParts.joined(" ", given, middle);
    }

    /** The kept middle name, when there is a given name it was joined to (else it is the first name itself). */
    static RawProperty keptMiddle(String given, String middle) {
        return given == null || given.isBlank() ? null : kept(MIDDLE, List.of(middle));
    }

    /**
     * The given and the middle name of {@code firstName}, the kept middle name taken out of {@code properties}:
     * apart while the first name still ends with it (else the person changed the name: written whole).
     */
    static GivenAndMiddle givenAndMiddle(String firstName, List<VCardProperty> properties) {
        String middle = take(properties, MIDDLE);
        String tail = middle == null ? null : " " + middle;
        if (firstName != null && tail != null && firstName.endsWith(tail) && firstName.length() > tail.length()) {
            return new GivenAndMiddle(firstName.substring(0, firstName.length() - tail.length()), middle);
        }
        return new GivenAndMiddle(firstName, null);
    }

    /** A first name's given name and middle name (null: none). */
    record GivenAndMiddle(String given, String middle) {
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
