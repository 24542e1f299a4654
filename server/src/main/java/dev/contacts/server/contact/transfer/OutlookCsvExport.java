package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import ezvcard.property.VCardProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes contacts in Outlook's CSV layout ({@link OutlookColumns}), which Outlook's importer maps by itself. Its
 * columns are fixed: three emails, one phone per kind, one address per place. An entry with no column left goes
 * to the notes, written as a merge writes what it has no room for ("Email (work): ann@example.com"), so nothing
 * is lost. Rows go to a {@link Spool} (the database is read for as long as that takes, not as long as the
 * client takes) and are copied to the output by {@link #close}.
 */
final class OutlookCsvExport implements ContactFileWriter {

    private static final List<String> HEADER = header();

    private final Writer out;
    private final Spool spool;
    private final CSVPrinter printer;

    OutlookCsvExport(Writer out) throws IOException {
        this.out = out;
        this.spool = new Spool();
        this.printer = new CSVPrinter(new OutputStreamWriter(spool.output(), StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get());
    }

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of(OutlookColumns.TITLE, OutlookColumns.FIRST_NAME,
                OutlookColumns.MIDDLE_NAME, OutlookColumns.LAST_NAME, OutlookColumns.SUFFIX, OutlookColumns.NICKNAME,
                OutlookColumns.COMPANY, OutlookColumns.DEPARTMENT, OutlookColumns.JOB_TITLE));
        for (OutlookColumns.Labelled place : OutlookColumns.PLACES) {
            for (String part : OutlookColumns.ADDRESS_PARTS) {
                h.add(OutlookColumns.address(place, part));
            }
        }
        OutlookColumns.PHONES.forEach(phone -> h.add(phone.column()));
        h.addAll(OutlookColumns.EMAILS);
        h.addAll(List.of(OutlookColumns.BIRTHDAY, OutlookColumns.CATEGORIES, OutlookColumns.NOTES));
        return List.copyOf(h);
    }

    @Override
    public void write(TransferItem item) throws IOException {
        ContactDraft c = item.draft();
        Map<String, String> cells = new HashMap<>();
        String kept = item.extras();
        List<VCardProperty> extras = kept != null ? new ArrayList<>(VCardExtras.read(kept)) : new ArrayList<>();
        NameAffixes.GivenAndMiddle name = NameAffixes.givenAndMiddle(c.firstName(), extras);
        Departments.Parts organization = Departments.split(c.organization(), extras);
        cells.put(OutlookColumns.TITLE, NameAffixes.take(extras, NameAffixes.PREFIX));
        cells.put(OutlookColumns.FIRST_NAME, name.given());
        cells.put(OutlookColumns.MIDDLE_NAME, name.middle());
        cells.put(OutlookColumns.LAST_NAME, c.lastName());
        cells.put(OutlookColumns.SUFFIX, NameAffixes.take(extras, NameAffixes.SUFFIX));
        cells.put(OutlookColumns.NICKNAME, c.nickname());
        cells.put(OutlookColumns.COMPANY, organization.name());
        cells.put(OutlookColumns.DEPARTMENT, organization.department());
        cells.put(OutlookColumns.JOB_TITLE, c.jobTitle());
        cells.put(OutlookColumns.BIRTHDAY, birthday(c));
        cells.put(OutlookColumns.CATEGORIES, String.join(OutlookColumns.CATEGORY_SEPARATOR, c.labels()));
        List<String> overflow = new ArrayList<>();
        for (int n = 0; n < c.emails().size(); n++) {
            LabeledValue email = c.emails().get(n);
            if (n < OutlookColumns.EMAILS.size()) {
                cells.put(OutlookColumns.EMAILS.get(n), email.value());
            } else {
                overflow.add(ContactMerge.asNote(email, "Email"));
            }
        }
        for (LabeledValue phone : c.phones()) {
            String column = freeColumn(OutlookColumns.PHONES, phone.label(), cells);
            if (column != null) {
                cells.put(column, phone.value());
            } else {
                overflow.add(ContactMerge.asNote(phone, "Phone"));
            }
        }
        for (PostalAddress a : c.addresses()) {
            String place = freeColumn(OutlookColumns.PLACES, a.label(), cells);
            if (place != null) {
                List<String> parts = List.of(nz(a.street()), nz(a.locality()), nz(a.region()), nz(a.postalCode()),
                        nz(a.country()));
                for (int i = 0; i < parts.size(); i++) {
                    cells.put(place + " " + OutlookColumns.ADDRESS_PARTS.get(i), parts.get(i));
                }
            } else {
                overflow.add(ContactMerge.asNote(a));
            }
        }
        List<String> notes = new ArrayList<>();
        if (c.additionalData() != null && !c.additionalData().isEmpty()) {
            notes.add(c.additionalData());
        }
        notes.addAll(overflow);
        cells.put(OutlookColumns.NOTES, String.join("\n", notes));
        List<String> row = new ArrayList<>(HEADER.size());
        for (String column : HEADER) {
            row.add(nz(cells.get(column)));
        }
        printer.printRecord(row);
    }

    /**
     * The first column of the entry's label that is still empty ("Home Phone", then "Home Phone 2"); one of
     * another label's, "other" first, for a label Outlook has no column for ("iPhone"); null when none is left.
     * For an address, the place ("Home") whose street column is still empty.
     */
    private static String freeColumn(List<OutlookColumns.Labelled> columns, String label, Map<String, String> cells) {
        String wanted = label == null ? "other" : label.toLowerCase(Locale.ROOT);
        boolean known = columns.stream().anyMatch(c -> c.label().equals(wanted));
        for (String look : known ? List.of(wanted) : List.of("other", "")) {
            for (OutlookColumns.Labelled c : columns) {
                if ((look.isEmpty() || c.label().equals(look)) && isFree(columns, c, cells)) {
                    return c.column();
                }
            }
        }
        return null;
    }

    private static boolean isFree(List<OutlookColumns.Labelled> columns, OutlookColumns.Labelled c,
                                  Map<String, String> cells) {
        String taken = columns == OutlookColumns.PLACES
                ? cells.get(OutlookColumns.address(c, OutlookColumns.STREET)) : cells.get(c.column());
        return taken == null;
    }

    /**
     * Outlook writes {@code 5/17/1980} and has no birthday without a year (Google's {@code --05-17} is no date to
     * it): one without a year keeps the year Apple writes for none, as this book stores it ({@code 5/17/1604}).
     * Outlook takes dates from April 1601 on, and the import reads 1604 back as no year.
     */
    private static String birthday(ContactDraft c) {
        if (c.birthday() == null) {
            return "";
        }
        int year = ContactRules.hasKnownYear(c.birthday()) ? c.birthday().getYear() : ContactRules.YEAR_UNKNOWN;
        return c.birthday().getMonthValue() + "/" + c.birthday().getDayOfMonth() + "/" + year;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() throws IOException {
        try (spool) {
            printer.flush();
            new InputStreamReader(spool.input(), StandardCharsets.UTF_8).transferTo(out);
            out.flush();
        }
    }

    @Override
    public void discard() throws IOException {
        spool.close();
    }
}
