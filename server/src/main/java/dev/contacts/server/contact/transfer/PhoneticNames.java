package dev.contacts.server.contact.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import ezvcard.property.RawProperty;
import ezvcard.property.VCardProperty;

/**
 * How a name is spoken ("ヤマダ" for 山田, as Japanese address books sort by it): no contact field holds it, so it is
 * kept in the form Apple's and Google's vCards write it ({@code X-PHONETIC-FIRST-NAME} ...), whichever file it came
 * from, and written back where each format has it: a vCard as it is, a Google CSV in its "Phonetic First Name" ...
 * columns. Before, a Google CSV's columns were kept as {@code X-CSV} cells, which Apple does not read, and a CSV
 * export had no column for Apple's properties: the reading was lost going either way.
 */
final class PhoneticNames {

    /** Each kept property by Google CSV's column for it ({@link #COLUMNS} has the columns in Google's order). */
    private static final Map<String, String> PROPERTIES = Map.of("Phonetic First Name", "X-PHONETIC-FIRST-NAME",
            "Phonetic Middle Name", "X-PHONETIC-MIDDLE-NAME", "Phonetic Last Name", "X-PHONETIC-LAST-NAME");
    static final List<String> COLUMNS = List.of("Phonetic First Name", "Phonetic Middle Name", "Phonetic Last Name");

    private PhoneticNames() {
    }

    /** The kept properties of a Google CSV row's phonetic columns ({@code take} reads and marks a cell). */
    static List<RawProperty> fromCsv(UnaryOperator<String> take) {
        List<RawProperty> kept = new ArrayList<>();
        for (String column : COLUMNS) {
            String value = take.apply(column);
            if (value != null && !value.isBlank()) {
                kept.add(new RawProperty(PROPERTIES.get(column), KeptEntries.escaped(value.strip())));
            }
        }
        return kept;
    }

    /** Google CSV's column for a kept phonetic property ({@code X-PHONETIC-...}); null for any other property. */
    static String column(VCardProperty p) {
        if (p instanceof RawProperty raw && raw.getValue() != null && !raw.getValue().isBlank()) {
            String name = raw.getPropertyName().toUpperCase(Locale.ROOT);
            for (Map.Entry<String, String> e : PROPERTIES.entrySet()) {
                if (e.getValue().equals(name)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /**
     * What tells a phonetic name apart from the other kept properties, in both forms it is kept in (the property,
     * or an older import's {@code X-CSV} cell of its column), so an import of either form adds nothing to the other;
     * null for any other property.
     */
    static String identity(VCardProperty p) {
        String column = column(p);
        if (column == null && p instanceof RawProperty raw
                && raw.getPropertyName().equalsIgnoreCase(CsvImport.EXTRA_PROPERTY) && raw.getValue() != null
                && PROPERTIES.containsKey(raw.getParameter(CsvImport.COLUMN_PARAMETER))) {
            column = raw.getParameter(CsvImport.COLUMN_PARAMETER);
        }
        return column == null ? null : PROPERTIES.get(column) + ":" + KeptEntries.text((RawProperty) p);
    }
}
