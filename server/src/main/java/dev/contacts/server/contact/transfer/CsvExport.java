package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import ezvcard.property.Photo;
import ezvcard.property.RawProperty;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes contacts in the current column layout of Google Contacts' CSV export, one row at a time, so an export
 * of any size streams. The numbered columns go as far as a contact can have entries (10 emails, 10 phones,
 * 5 addresses); web sites have {@value #WEBSITES} pairs, the last holding the rest, " ::: " between them, as
 * Google puts several values in one cell. Kept properties that Google has columns for go there: a vCard's URL in
 * "Website", a link to a photo in "Photo", and a kept cell of a CSV in its own column.
 */
final class CsvExport implements ContactFileWriter {

    private static final List<String> ADDRESS_PARTS = List.of("Formatted", "Street", "City", "PO Box", "Region",
            "Postal Code", "Country", "Extended Address");
    static final int WEBSITES = 3;
    static final List<String> HEADER = header();
    private static final Map<String, Integer> COLUMNS = columns();

    private final CSVPrinter printer;

    CsvExport(Writer out) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get());
    }

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("First Name", "Middle Name", "Last Name", "Phonetic First Name",
                "Phonetic Middle Name", "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
                "Organization Name", "Organization Title", "Organization Department", "Birthday", "Notes", "Photo",
                "Labels"));
        for (int n = 1; n <= ContactRules.EMAILS_MAX; n++) {
            h.add("E-mail " + n + " - Label");
            h.add("E-mail " + n + " - Value");
        }
        for (int n = 1; n <= ContactRules.PHONES_MAX; n++) {
            h.add("Phone " + n + " - Label");
            h.add("Phone " + n + " - Value");
        }
        for (int n = 1; n <= ContactRules.ADDRESSES_MAX; n++) {
            h.add("Address " + n + " - Label");
            for (String part : ADDRESS_PARTS) {
                h.add("Address " + n + " - " + part);
            }
        }
        for (int n = 1; n <= WEBSITES; n++) {
            h.add("Website " + n + " - Label");
            h.add("Website " + n + " - Value");
        }
        return List.copyOf(h);
    }

    private static Map<String, Integer> columns() {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < HEADER.size(); i++) {
            columns.put(HEADER.get(i), i);
        }
        return Map.copyOf(columns);
    }

    @Override
    public void write(TransferItem item) throws IOException {
        ContactDraft c = item.draft();
        List<String> row = new ArrayList<>(HEADER.size());
        // the kept properties are read only when some have a column here: most contacts' have none
        String kept = item.extras();
        List<VCardProperty> extras = kept != null && (kept.contains(CsvImport.EXTRA_PROPERTY) || kept.contains("URL")
                || kept.contains("PHOTO")) ? new ArrayList<>(VCardExtras.read(kept)) : new ArrayList<>();
        row.addAll(List.of(c.firstName(), "", c.lastName(), "", "", "",
                nz(NameAffixes.take(extras, NameAffixes.PREFIX)), nz(NameAffixes.take(extras, NameAffixes.SUFFIX)),
                nz(c.nickname()), "",
                nz(c.organization()), nz(c.jobTitle()), "", birthday(c), nz(c.additionalData()), ""));
        List<String> labels = new ArrayList<>(c.labels());
        labels.add("* myContacts");
        if (c.favorite()) {
            labels.add("* " + DraftBuilder.STARRED);
        }
        row.add(String.join(" ::: ", labels));
        entries(row, c.emails(), ContactRules.EMAILS_MAX);
        entries(row, c.phones(), ContactRules.PHONES_MAX);
        for (int n = 0; n < ContactRules.ADDRESSES_MAX; n++) {
            if (n < c.addresses().size()) {
                PostalAddress a = c.addresses().get(n);
                row.addAll(List.of(EntryLabels.toCsv(a.label()), formatted(a), nz(a.street()), nz(a.locality()), "",
                        nz(a.region()), nz(a.postalCode()), nz(a.country()), ""));
            } else {
                for (int i = 0; i <= ADDRESS_PARTS.size(); i++) {
                    row.add("");
                }
            }
        }
        websites(row, extras);
        for (VCardProperty p : extras) {
            if (p instanceof Photo photo && photo.getUrl() != null) {
                row.set(COLUMNS.get("Photo"), photo.getUrl());
                break;
            }
        }
        // a cell kept from a CSV whose column is here ("File As", "Phonetic First Name"), where it came from
        for (VCardProperty p : extras) {
            if (p instanceof RawProperty raw && raw.getPropertyName().equalsIgnoreCase(CsvImport.EXTRA_PROPERTY)
                    && raw.getValue() != null) {
                Integer column = COLUMNS.get(raw.getParameter(CsvImport.COLUMN_PARAMETER));
                if (column != null && row.get(column).isEmpty()) {
                    row.set(column, raw.getValue());
                }
            }
        }
        printer.printRecord(row);
    }

    /** The URLs, each with its label (its TYPE, or Apple's label beside it); the last pair holds the rest. */
    private static void websites(List<String> row, List<VCardProperty> extras) {
        List<Url> urls = new ArrayList<>();
        for (VCardProperty p : extras) {
            if (p instanceof Url url && url.getValue() != null && !url.getValue().isBlank()) {
                urls.add(url);
            }
        }
        for (int n = 0; n < WEBSITES; n++) {
            if (n < urls.size()) {
                String label = EntryLabels.fromVCard(urls.get(n).getParameters().getTypes(),
                        appleLabel(urls.get(n), extras), EntryLabels.Kind.EMAIL);
                List<Url> values = n == WEBSITES - 1 ? urls.subList(n, urls.size()) : urls.subList(n, n + 1);
                row.add(label == null ? "" : EntryLabels.toCsv(label));
                row.add(String.join(" ::: ", values.stream().map(u -> u.getValue().strip()).toList()));
            } else {
                row.add("");
                row.add("");
            }
        }
    }

    /** Apple's label of a value: the {@code X-ABLabel} in its group ({@code item1.URL}, {@code item1.X-ABLabel}). */
    private static String appleLabel(VCardProperty property, List<VCardProperty> extras) {
        if (property.getGroup() == null) {
            return null;
        }
        for (VCardProperty p : extras) {
            if (p instanceof RawProperty raw && raw.getPropertyName().equalsIgnoreCase("X-ABLABEL")
                    && property.getGroup().equalsIgnoreCase(raw.getGroup())) {
                return raw.getValue();
            }
        }
        return null;
    }

    private static void entries(List<String> row, List<LabeledValue> entries, int max) {
        for (int n = 0; n < max; n++) {
            if (n < entries.size()) {
                row.add(EntryLabels.toCsv(entries.get(n).label()));
                row.add(entries.get(n).value());
            } else {
                row.add("");
                row.add("");
            }
        }
    }

    /** Google writes a birthday without a year as {@code --MM-DD}. */
    private static String birthday(ContactDraft c) {
        if (c.birthday() == null) {
            return "";
        }
        return ContactRules.hasKnownYear(c.birthday()) ? c.birthday().toString()
                : "-" + c.birthday().toString().substring(4);
    }

    private static String formatted(PostalAddress a) {
        return String.join("\n", a.parts().filter(p -> p != null).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
