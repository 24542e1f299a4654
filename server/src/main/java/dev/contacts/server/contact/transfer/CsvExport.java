package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import ezvcard.property.VCardProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes contacts in the current column layout of Google Contacts' CSV export, one row at a time, so an export
 * of any size streams. The numbered columns go as far as a contact can have entries (10 emails, 10 phones,
 * 5 addresses).
 */
final class CsvExport implements ContactFileWriter {

    private static final List<String> ADDRESS_PARTS = List.of("Formatted", "Street", "City", "PO Box", "Region",
            "Postal Code", "Country", "Extended Address");
    static final List<String> HEADER = header();

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
        return List.copyOf(h);
    }

    @Override
    public void write(TransferItem item) throws IOException {
        ContactDraft c = item.draft();
        List<String> row = new ArrayList<>(HEADER.size());
        // the kept properties are read only when they hold a prefix or suffix: most contacts' hold none
        List<VCardProperty> extras = item.extras() != null && (item.extras().contains(NameAffixes.PREFIX)
                || item.extras().contains(NameAffixes.SUFFIX)) ? new ArrayList<>(VCardExtras.read(item.extras()))
                : new ArrayList<>();
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
        printer.printRecord(row);
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
