package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 * of any size streams. The numbered columns of emails, phones and addresses go as far as a contact can have entries
 * (10 emails, 10 phones, 5 addresses); those of kept properties ("Relation", "Website", "Event", "Custom Field")
 * as far as the export's contacts need ({@link Columns}, counted before the first row), each entry in a pair of
 * its own. Kept properties that Google has columns for go there: a vCard's URL in "Website", RELATED in "Relation",
 * ANNIVERSARY in "Event" ({@link KeptEntries}), a link to a photo in "Photo", and a kept cell of a CSV in its own
 * column (Google's numbered columns that have no group here, "IM 1 - Service" say, included).
 */
final class CsvExport implements ContactFileWriter {

    private static final List<String> ADDRESS_PARTS = List.of("Formatted", "Street", "City", "PO Box", "Region",
            "Postal Code", "Country", "Extended Address");
    private static final List<String> FIXED = fixed();
    private static final Set<String> FIXED_NAMES = Set.copyOf(FIXED);
    private static final String WEBSITE = "Website";
    /** A column of one of Google's numbered groups ("IM 1 - Service"), unlike Outlook's ("E-mail 2 Address"). */
    private static final Pattern NUMBERED = Pattern.compile(".+ \\d+ - .+");
    /**
     * Kept properties that may need columns of their own, found where a property begins: at a line's start (the kept
     * text is ez-vcard's, whose folded lines go on after a space), after its group, if any. The others are not read
     * when the columns are counted (most contacts' have none).
     */
    private static final Pattern NEEDS_COLUMNS = Pattern.compile(
            "^([A-Za-z0-9-]+\\.)?(URL|RELATED|X-ABRELATEDNAMES|ANNIVERSARY|X-ANNIVERSARY|X-ABDATE|X-CSV)[;:]",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    /** Kept properties that may have a column here, a photo's link too: the others are not read. */
    private static final Pattern COLUMNED = Pattern.compile(
            "^([A-Za-z0-9-]+\\.)?(URL|PHOTO|RELATED|X-ABRELATEDNAMES|ANNIVERSARY|X-ANNIVERSARY|X-ABDATE|X-CSV)[;:]",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    /**
     * The columns of an export beyond the fixed ones: how many entries of each kept group its contacts need at most,
     * and the names of Google's numbered columns kept from a CSV that have no group here, in the order first met.
     */
    record Columns(int websites, int relations, int events, int customFields, List<String> others) {

        /** The columns that the contacts with these kept properties need. */
        static Columns of(Iterable<String> extras) {
            Counter counter = new Counter();
            extras.forEach(counter::add);
            return counter.columns();
        }
    }

    /** Counts the columns an export needs, one contact's kept properties at a time. */
    static final class Counter {
        private int websites;
        private int relations;
        private int events;
        private int customFields;
        private final Set<String> others = new LinkedHashSet<>();

        void add(String kept) {
            if (kept == null || !NEEDS_COLUMNS.matcher(kept).find()) {
                return;
            }
            List<VCardProperty> extras = new ArrayList<>(VCardExtras.read(kept));
            websites = Math.max(websites, urls(extras).size());
            Map<String, List<KeptEntries.Entry>> entries = KeptEntries.take(extras);
            relations = Math.max(relations, entries.get(KeptEntries.RELATION).size());
            events = Math.max(events, entries.get(KeptEntries.EVENT).size());
            customFields = Math.max(customFields, entries.get(KeptEntries.CUSTOM_FIELD).size());
            for (VCardProperty p : extras) {
                String column = keptColumn(p);
                if (column != null && !FIXED_NAMES.contains(column) && NUMBERED.matcher(column).matches()) {
                    others.add(column);
                }
            }
        }

        Columns columns() {
            return new Columns(websites, relations, events, customFields, List.copyOf(others));
        }
    }

    private final CSVPrinter printer;
    private final Columns counts;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();

    CsvExport(Writer out, Columns counts) throws IOException {
        this.counts = counts;
        this.header = header(counts);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
    }

    private static List<String> fixed() {
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

    /** Google's order: the fixed columns, then relations, web sites, events and custom fields. */
    private static List<String> header(Columns counts) {
        List<String> h = new ArrayList<>(FIXED);
        pairs(h, KeptEntries.RELATION, counts.relations());
        pairs(h, WEBSITE, counts.websites());
        pairs(h, KeptEntries.EVENT, counts.events());
        pairs(h, KeptEntries.CUSTOM_FIELD, counts.customFields());
        h.addAll(counts.others());
        return List.copyOf(h);
    }

    private static void pairs(List<String> header, String group, int count) {
        for (int n = 1; n <= count; n++) {
            header.add(group + " " + n + " - Label");
            header.add(group + " " + n + " - Value");
        }
    }

    /** The header this export writes. */
    List<String> header() {
        return header;
    }

    @Override
    public void write(TransferItem item) throws IOException {
        ContactDraft c = item.draft();
        List<String> row = new ArrayList<>(header.size());
        String kept = item.extras();
        List<VCardProperty> extras = kept != null && COLUMNED.matcher(kept).find()
                ? new ArrayList<>(VCardExtras.read(kept)) : new ArrayList<>();
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
        List<KeptEntries.Entry> sites = websites(extras);
        Map<String, List<KeptEntries.Entry>> entries = KeptEntries.take(extras);
        pairs(row, entries.get(KeptEntries.RELATION), counts.relations());
        pairs(row, sites, counts.websites());
        pairs(row, entries.get(KeptEntries.EVENT), counts.events());
        pairs(row, entries.get(KeptEntries.CUSTOM_FIELD), counts.customFields());
        for (int i = 0; i < counts.others().size(); i++) {
            row.add("");
        }
        for (VCardProperty p : extras) {
            if (p instanceof Photo photo && photo.getUrl() != null) {
                row.set(columns.get("Photo"), photo.getUrl());
                break;
            }
        }
        // a cell kept from a CSV whose column is here ("File As", "Phonetic First Name"), where it came from
        for (VCardProperty p : extras) {
            Integer column = columns.get(keptColumn(p));
            if (column != null && row.get(column).isEmpty()) {
                row.set(column, KeptEntries.unescaped(((RawProperty) p).getValue()));
            }
        }
        printer.printRecord(row);
    }

    /** The column a kept CSV cell came from; null for any other property. */
    private static String keptColumn(VCardProperty p) {
        return p instanceof RawProperty raw && raw.getPropertyName().equalsIgnoreCase(CsvImport.EXTRA_PROPERTY)
                && raw.getValue() != null ? raw.getParameter(CsvImport.COLUMN_PARAMETER) : null;
    }

    /**
     * {@code count} label-and-value pairs: the entries, then empty pairs. Should a contact have gained entries since
     * the columns were counted (an import while the export ran), the last pair holds the rest of the values, joined
     * as Google joins several values in one cell.
     */
    private static void pairs(List<String> row, List<KeptEntries.Entry> entries, int count) {
        for (int n = 0; n < count; n++) {
            row.add(n < entries.size() ? entries.get(n).label() : "");
            row.add(n >= entries.size() ? "" : n < count - 1 || entries.size() == count ? entries.get(n).value()
                    : String.join(" ::: ", entries.subList(n, entries.size()).stream().map(KeptEntries.Entry::value)
                            .toList()));
        }
    }

    private static List<Url> urls(List<VCardProperty> extras) {
        List<Url> urls = new ArrayList<>();
        for (VCardProperty p : extras) {
            if (p instanceof Url url && url.getValue() != null && !url.getValue().isBlank()) {
                urls.add(url);
            }
        }
        return urls;
    }

    /** The URLs, each with its label (its TYPE, or Apple's label beside it). */
    private static List<KeptEntries.Entry> websites(List<VCardProperty> extras) {
        List<KeptEntries.Entry> sites = new ArrayList<>();
        for (Url url : urls(extras)) {
            String label = EntryLabels.fromVCard(url.getParameters().getTypes(), KeptEntries.appleLabel(url, extras),
                    EntryLabels.Kind.EMAIL);
            sites.add(new KeptEntries.Entry(label == null ? "" : EntryLabels.toCsv(label), url.getValue().strip()));
        }
        return sites;
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
