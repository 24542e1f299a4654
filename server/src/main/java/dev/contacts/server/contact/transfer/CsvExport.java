package dev.contacts.server.contact.transfer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * Writes contacts in the current column layout of Google Contacts' CSV export. The numbered columns of emails,
 * phones and addresses go as far as a contact can have entries (10 emails, 10 phones, 5 addresses); those of kept
 * properties ("Relation", "Website", "Event", "Custom Field") as far as the export's contacts need, each entry in a
 * pair of its own: each contact's row is kept in a {@link Spool} (memory holds one row) while the columns are
 * counted, and laid out in them when the export ends. Kept properties that Google has columns for go there: a vCard's URL in "Website", RELATED in "Relation",
 * ANNIVERSARY in "Event" ({@link KeptEntries}), a link to a photo in "Photo", and a kept cell of a CSV in its own
 * column (Google's numbered columns that have no group here, "IM 1 - Service" say, included).
 */
final class CsvExport implements ContactFileWriter {

    private static final List<String> ADDRESS_PARTS = List.of("Formatted", "Street", "City", "PO Box", "Region",
            "Postal Code", "Country", "Extended Address");
    private static final List<String> FIXED = fixed();
    private static final Set<String> FIXED_NAMES = Set.copyOf(FIXED);
    private static final List<String> EMPTY_FIXED = java.util.Collections.nCopies(FIXED.size(), "");
    private static final String WEBSITE = "Website";
    /** The label of the blog Evolution or KAddressBook keeps apart from the card's URLs. */
    private static final String BLOG = "Blog";
    /** The groups of numbered label-and-value pairs after the addresses, in Google's order. */
    private static final List<String> GROUPS = List.of(KeptEntries.RELATION, WEBSITE, KeptEntries.EVENT,
            KeptEntries.CUSTOM_FIELD);
    private static final int PHOTO_COLUMN = FIXED.indexOf("Photo");
    /** A column of one of Google's numbered groups ("IM 1 - Service"), unlike Outlook's ("E-mail 2 Address"). */
    private static final Pattern NUMBERED = Pattern.compile(".+ \\d+ - .+");
    /** Kept properties that may have a column here, a photo's link too: the others are not read. */
    private static final Pattern COLUMNED = Pattern.compile(
            "^([A-Za-z0-9-]+\\.)?(URL|PHOTO|RELATED|X-ABRELATEDNAMES|ANNIVERSARY|X-ANNIVERSARY|X-ABDATE|X-CSV"
                    + "|X-EVOLUTION-[A-Z-]+|X-KADDRESSBOOK-[A-Z-]+|X-MS-(?:ANNIVERSARY|SPOUSE|MANAGER|ASSISTANT)|X-PHONETIC-[A-Z-]+|X-SOCIALPROFILE)[;:]",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private final Writer out;
    private final Spool spool;
    private final DataOutputStream rows;
    private int rowCount;
    // the most entries of each group (RELATION, WEBSITE, EVENT, CUSTOM_FIELD) a row has, and the other columns
    private final int[] most = new int[GROUPS.size()];
    private final Set<String> others = new LinkedHashSet<>();

    /** An export to {@code out}, written there whole by {@link #close}. */
    CsvExport(Writer out) throws IOException {
        this.out = out;
        this.spool = new Spool();
        this.rows = new DataOutputStream(spool.output());
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
    private static List<String> header(int[] most, Set<String> others) {
        List<String> h = new ArrayList<>(FIXED);
        for (int g = 0; g < GROUPS.size(); g++) {
            pairs(h, GROUPS.get(g), most[g]);
        }
        h.addAll(others);
        return List.copyOf(h);
    }

    private static void pairs(List<String> header, String group, int count) {
        for (int n = 1; n <= count; n++) {
            header.add(group + " " + n + " - Label");
            header.add(group + " " + n + " - Value");
        }
    }

    /**
     * Keeps the contact's row in the spool: its fixed cells, its entries of each group and its kept cells by column,
     * counting the columns they need. {@link #close} lays the rows out once every contact's are known, so the
     * export reads each contact once, and its columns are those of the contacts it has.
     */
    @Override
    public void write(TransferItem item) throws IOException {
        ContactDraft c = item.draft();
        List<String> row = new ArrayList<>(FIXED.size());
        String kept = item.extras();
        List<VCardProperty> extras = kept != null && COLUMNED.matcher(kept).find()
                ? new ArrayList<>(VCardExtras.read(kept)) : new ArrayList<>();
        Departments.Parts organization = Departments.split(c.organization(), extras);
        NameAffixes.GivenAndMiddle givenAndMiddle = NameAffixes.givenAndMiddle(c.firstName(), extras);
        row.addAll(List.of(givenAndMiddle.given(), nz(givenAndMiddle.middle()), c.lastName(), "", "", "",
                nz(NameAffixes.take(extras, NameAffixes.PREFIX)), nz(NameAffixes.take(extras, NameAffixes.SUFFIX)),
                nz(c.nickname()), "",
                nz(organization.name()), nz(c.jobTitle()), nz(organization.department()), birthday(c),
                nz(c.additionalData()), ""));
        for (VCardProperty p : extras) {
            String phonetic = PhoneticNames.column(p);
            if (phonetic != null && row.get(FIXED.indexOf(phonetic)).isEmpty()) {
                row.set(FIXED.indexOf(phonetic), KeptEntries.text((RawProperty) p));
            }
        }
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
        for (VCardProperty p : extras) {
            if (p instanceof Photo photo && photo.getUrl() != null) {
                row.set(PHOTO_COLUMN, photo.getUrl());
                break;
            }
        }
        List<KeptEntries.Entry> sites = websites(extras);
        Map<String, List<KeptEntries.Entry>> entries = KeptEntries.take(extras);
        // the fixed cells that are not empty (most are), by their column
        rows.writeShort((int) row.stream().filter(cell -> !cell.isEmpty()).count());
        for (int i = 0; i < row.size(); i++) {
            if (!row.get(i).isEmpty()) {
                rows.writeShort(i);
                writeText(row.get(i));
            }
        }
        for (int g = 0; g < GROUPS.size(); g++) {
            List<KeptEntries.Entry> group = GROUPS.get(g).equals(WEBSITE) ? sites : entries.get(GROUPS.get(g));
            most[g] = Math.max(most[g], group.size());
            rows.writeInt(group.size());
            for (KeptEntries.Entry e : group) {
                writeText(e.label());
                writeText(e.value());
            }
        }
        // a cell kept from a CSV ("File As", "Phonetic First Name", "IM 1 - Service"), to go where it came from
        // (those of columns no export has, Outlook's "Hobby" say, are left to the vCard export)
        List<RawProperty> cells = new ArrayList<>();
        for (VCardProperty p : extras) {
            String column = keptColumn(p);
            if (column != null && (FIXED_NAMES.contains(column) || NUMBERED.matcher(column).matches())) {
                cells.add((RawProperty) p);
                if (!FIXED_NAMES.contains(column)) {
                    others.add(column);
                }
            }
        }
        rows.writeInt(cells.size());
        for (RawProperty cell : cells) {
            writeText(keptColumn(cell));
            writeText(KeptEntries.unescaped(cell.getValue()));
        }
        rowCount++;
    }

    /** Writes the file to the output: the header, with the columns the rows need, then each row laid out in it. */
    @Override
    public void close() throws IOException {
        try (spool) {
            List<String> header = header(most, others);
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i), i);
            }
            CSVPrinter printer = new CSVPrinter(out,
                    CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
            DataInputStream in = new DataInputStream(spool.input());
            for (int r = 0; r < rowCount; r++) {
                List<String> row = new ArrayList<>(header.size());
                row.addAll(EMPTY_FIXED);
                for (int cells = in.readShort(); cells > 0; cells--) {
                    row.set(in.readShort(), readText(in));
                }
                for (int g = 0; g < GROUPS.size(); g++) {
                    int count = in.readInt();
                    for (int n = 0; n < most[g]; n++) {
                        row.add(n < count ? readText(in) : "");
                        row.add(n < count ? readText(in) : "");
                    }
                }
                for (int i = 0; i < others.size(); i++) {
                    row.add("");
                }
                for (int cells = in.readInt(); cells > 0; cells--) {
                    Integer column = columns.get(readText(in));
                    String value = readText(in);
                    if (column != null && row.get(column).isEmpty()) {
                        row.set(column, value);
                    }
                }
                printer.printRecord(row);
            }
            printer.flush();
        }
    }

    /** Leaves the output as it is (the export failed before its end): the spool goes. */
    @Override
    public void discard() throws IOException {
        spool.close();
    }

    private void writeText(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        rows.writeInt(bytes.length);
        rows.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    /** The column a kept CSV cell came from; null for any other property. */
    private static String keptColumn(VCardProperty p) {
        return p instanceof RawProperty raw && raw.getPropertyName().equalsIgnoreCase(CsvImport.EXTRA_PROPERTY)
                && raw.getValue() != null ? raw.getParameter(CsvImport.COLUMN_PARAMETER) : null;
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

    /**
     * The URLs, each with its label (its TYPE, or Apple's label beside it), then the blog that Evolution or
     * KAddressBook keeps in a property of its own.
     */
    private static List<KeptEntries.Entry> websites(List<VCardProperty> extras) {
        List<KeptEntries.Entry> sites = new ArrayList<>();
        for (Url url : urls(extras)) {
            String label = EntryLabels.fromVCard(url.getParameters().getTypes(), KeptEntries.appleLabel(url, extras),
                    EntryLabels.Kind.EMAIL);
            sites.add(new KeptEntries.Entry(label == null ? "" : EntryLabels.toCsv(label), url.getValue().strip()));
        }
        for (VCardProperty p : extras) {
            String blog = KeptEntries.desktopBlog(p);
            if (blog != null) {
                sites.add(new KeptEntries.Entry(BLOG, blog));
            }
            String profile = KeptEntries.socialProfile(p);
            if (profile != null) {
                sites.add(new KeptEntries.Entry(service(p, extras), profile));
            }
        }
        return sites;
    }

    /** How Apple's and Google's apps spell the services Apple names in a social profile's TYPE. */
    private static final Map<String, String> SERVICES = Map.ofEntries(Map.entry("twitter", "Twitter"),
            Map.entry("linkedin", "LinkedIn"), Map.entry("facebook", "Facebook"), Map.entry("instagram", "Instagram"),
            Map.entry("flickr", "Flickr"), Map.entry("myspace", "Myspace"), Map.entry("yelp", "Yelp"),
            Map.entry("sinaweibo", "Sina Weibo"), Map.entry("tencentweibo", "Tencent Weibo"),
            Map.entry("gamecenter", "Game Center"), Map.entry("mastodon", "Mastodon"));

    /**
     * A social profile's label as a web site's: Apple's label beside it, else its service ("Twitter"), else
     * "Profile", Google's own label of a social profile.
     */
    private static String service(VCardProperty profile, List<VCardProperty> extras) {
        String apple = KeptEntries.appleLabel(profile, extras);
        if (apple != null && !apple.isBlank()) {
            return EntryLabels.toCsv(EntryLabels.fromVCard(List.of(), apple, EntryLabels.Kind.EMAIL));
        }
        for (String type : profile.getParameters().getTypes()) {
            String t = type.strip().toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && !t.equals("pref")) {
                return SERVICES.getOrDefault(t, Character.toUpperCase(t.charAt(0)) + t.substring(1));
            }
        }
        return "Profile";
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
}
