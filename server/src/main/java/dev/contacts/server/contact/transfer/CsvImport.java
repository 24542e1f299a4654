package dev.contacts.server.contact.transfer;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.contacts.model.ContactRules;
import dev.contacts.model.PostalAddress;
import ezvcard.property.Photo;
import ezvcard.property.RawProperty;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV files of Google Contacts (its current layout and its older one), of Outlook (in English or in
 * German) and of Thunderbird (in English, German, French, Spanish, Italian, Dutch or Portuguese), told apart by their
 * header row. Commons CSV does the CSV itself (quotes, commas and line breaks inside values).
 */
final class CsvImport {

    /** A web address: what Google's "Photo" column holds. */
    private static final Pattern LINK = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);
    /** Google puts several values of one kind into one cell, separated by this. */
    private static final Pattern MULTI = Pattern.compile("\\s*:::\\s*");
    /**
     * The cell separators a contacts CSV may have, tried in this order on its header row: a comma, a semicolon,
     * which Outlook and Excel write where the comma is the decimal separator (most of Europe), and a tab, which
     * Thunderbird's "Tab separated" export writes (a .tab or .txt file).
     */
    private static final List<Character> DELIMITERS = List.of(',', ';', '\t');
    /** A cell kept verbatim as an {@code X-CSV} property, with its column's header in this parameter. */
    static final String EXTRA_PROPERTY = "X-CSV";
    static final String COLUMN_PARAMETER = "X-COLUMN";
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT), DateTimeFormatter.ofPattern("d.M.uuuu", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuu/M/d", Locale.ROOT));

    /** A line break as Windows (CRLF) or old Macs (CR) write one inside a cell. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n?");
    /** Outlook's way of writing that a date column has no date (in English, and in German: "0.0.00"). */
    private static final Set<String> NO_DATE = Set.of("0/0/00", "0/0/0000", "0.0.00", "0.0.0000");

    /**
     * The German Outlook's and a translated Thunderbird's columns are read as the English ones', by their English
     * names ({@link OutlookGerman}, {@link ThunderbirdLanguages}).
     */
    enum Layout {
        GOOGLE, GOOGLE_LEGACY, OUTLOOK, OUTLOOK_GERMAN, THUNDERBIRD, THUNDERBIRD_TRANSLATED;

        boolean outlook() {
            return this == OUTLOOK || this == OUTLOOK_GERMAN;
        }

        /** The header's names as this layout's reader knows them. */
        List<String> names(List<String> header) {
            return switch (this) {
                case OUTLOOK_GERMAN -> OutlookGerman.inEnglish(header);
                case THUNDERBIRD_TRANSLATED -> ThunderbirdLanguages.inEnglish(header).orElse(header);
                default -> header;
            };
        }
    }

    /** How a file is written: its cell separator and its layout. */
    record Dialect(char delimiter, Layout layout) {
    }

    private CsvImport() {
    }

    /** The layout the header row names, or empty when it is not a contacts CSV this server knows. */
    static Optional<Layout> detect(List<String> header) {
        Set<String> h = new HashSet<>(header.stream().map(String::strip).toList());
        if (h.contains("Given Name") && h.contains("Family Name")) {
            return Optional.of(Layout.GOOGLE_LEGACY);
        }
        if (h.contains("First Name") && (h.contains("E-mail 1 - Value") || h.contains("Phone 1 - Value")
                || h.contains("Labels") || h.contains("Organization Name"))) {
            return Optional.of(Layout.GOOGLE);
        }
        // before Outlook's: Thunderbird's header also has "First Name" and "Home Phone", which took it for Outlook's
        if (h.contains("First Name") && h.contains("Primary Email")) {
            return Optional.of(Layout.THUNDERBIRD);
        }
        if (h.contains("First Name") && (h.contains("E-mail Address") || h.contains("Mobile Phone")
                || h.contains("Business Phone") || h.contains("Home Phone"))) {
            return Optional.of(Layout.OUTLOOK);
        }
        // before Outlook's: a German Thunderbird's header also has "Vorname" (and "Tel. privat", not Outlook's)
        if (ThunderbirdLanguages.is(header)) {
            return Optional.of(Layout.THUNDERBIRD_TRANSLATED);
        }
        if (OutlookGerman.is(h)) {
            return Optional.of(Layout.OUTLOOK_GERMAN);
        }
        return Optional.empty();
    }

    /**
     * The separator and layout of the text, told by its header row (the first separator that makes it a header this
     * server knows), or empty when it is not a contacts CSV this server knows.
     */
    static Optional<Dialect> detect(ImportFile.Text text) {
        for (char delimiter : DELIMITERS) {
            Optional<Layout> layout = detect(header(text, delimiter));
            if (layout.isPresent()) {
                return Optional.of(new Dialect(delimiter, layout.get()));
            }
        }
        return Optional.empty();
    }

    private static CSVFormat cells(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
    }

    /** The rows after the header, by the header's names (blank or repeated ones too). */
    private static CSVFormat rows(char delimiter) {
        return cells(delimiter).builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
                .setAllowDuplicateHeaderNames(true).get();
    }

    /** The header row of the text, or empty when it has none that CSV can read. */
    static List<String> header(ImportFile.Text text, char delimiter) {
        try (CSVParser parser = cells(delimiter).parse(new RowLimit(ImportFile.open(text), delimiter))) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().toList() : List.of();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return List.of();
        }
    }

    /**
     * Every row after the header, read or refused one by one, in order; a row is an item. The rows are counted
     * first (a pass that keeps none of them), then each is parsed again and made an item when it is asked for, so
     * only the rows being read are held (all 10,000 parsed rows of a 10 MiB file were held for the import). When a
     * row too large to hold ends that pass, each such row is found (a pass that tells rows apart as {@link RowLimit}
     * does), left out of the text Commons CSV reads and reported in its place, so the rows after it are read as the
     * others; the rows are counted again then. A file without such a row is read as before, in two passes.
     */
    static ReadOnDemand read(ImportFile.Text text, Dialect dialect) {
        Counted counted = count(text, dialect, List.of());
        if (counted.tooLarge()) {
            // only then is the text read once more, to find each row too large and leave it out
            counted = count(text, dialect, tooLarge(text, dialect.delimiter()));
        }
        return new ReadOnDemand(counted.rows() + counted.spans().size() + (counted.unreadable() == null ? 0 : 1),
                new Rows(text, counted.readable(), dialect, counted.rows(), counted.spans(), counted.before(),
                        counted.unreadable()));
    }

    /**
     * The first pass: how many rows the text has without the rows in {@code found}, how many come before each of
     * those, and whether reading ended early; {@code tooLarge} when a row too large to hold ended it.
     */
    private record Counted(ImportFile.Text readable, int rows, List<Span> spans, int[] before, ParsedItem unreadable,
                           boolean tooLarge) {
    }

    private static Counted count(ImportFile.Text text, Dialect dialect, List<Span> found) {
        ImportFile.Text readable = found.isEmpty() ? text : () -> new Without(ImportFile.open(text), found);
        List<Span> tooLarge = found;
        int rows = 0;
        // how many rows come before each row too large to hold
        int[] before = new int[tooLarge.size()];
        int large = 0;
        ParsedItem unreadable = null;
        boolean rowTooLarge = false;
        try (CSVParser parser = rows(dialect.delimiter()).parse(
                new RowLimit(ImportFile.open(readable), dialect.delimiter()))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // the line the next row begins on: the lines read so far end the row before it
                int begins = (int) parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    long at = records.next().getCharacterPosition();
                    for (; large < tooLarge.size() && tooLarge.get(large).readAt() <= at; large++) {
                        before[large] = rows;
                    }
                    rows++;
                } catch (UncheckedIOException | IllegalStateException e) {
                    // An unclosed quote: everything after it is one broken value, so reading ends here. So does a row
                    // too large to hold (read() then counts again without such rows: only one that its pass did not
                    // tell apart ends it then). The rows too large before it are reported; any after it are not read.
                    long failedOn = parser.getCurrentLineNumber() + 1; // in the text read, without them
                    int linesLeftOut = 0;
                    int kept = 0;
                    for (Span span : tooLarge) {
                        if (kept >= large && span.line() - linesLeftOut > failedOn) {
                            break;
                        }
                        if (kept >= large) {
                            before[kept] = rows;
                        }
                        linesLeftOut += span.lines();
                        kept++;
                    }
                    large = kept;
                    int item = rows + large + 1;
                    rowTooLarge = e.getCause() instanceof RowLimit.TooLarge;
                    unreadable = rowTooLarge
                            ? ParsedItem.failed(item, begins + linesLeftOut, "This row is " + ImportFile.TOO_LARGE
                                    + ": it and the rows after it are not read")
                            : ParsedItem.failed(item, (int) parser.getCurrentLineNumber() + linesLeftOut,
                                    "Malformed CSV from this line on (an unclosed quote?)");
                    tooLarge = tooLarge.subList(0, large);
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (; large < tooLarge.size(); large++) {
            before[large] = rows;
        }
        return new Counted(readable, rows, tooLarge, before, unreadable, rowTooLarge);
    }

    /**
     * A row too large to hold: the characters from {@code start} to {@code end} (after its line break), beginning on
     * {@code line} and holding {@code lines} line breaks; the rows after it begin at {@code readAt} in the text that
     * Commons CSV reads, which has none of these rows.
     */
    private record Span(long start, long end, int line, int lines, long readAt) {
    }

    /** The rows of the text too large to hold, in order, told apart as {@link RowLimit} tells them apart. */
    private static List<Span> tooLarge(ImportFile.Text text, char delimiter) {
        List<Span> spans = new ArrayList<>();
        RowLimit rows = new RowLimit(Reader.nullReader(), delimiter);
        try (Reader in = new BufferedReader(ImportFile.open(text))) {
            long position = 0;
            long rowStart = 0;
            int line = 1;
            int rowLine = 1;
            boolean afterCr = false;
            boolean large = false;
            boolean lastLarge = false;
            long leftOut = 0;
            for (int c = in.read(); c >= 0; c = in.read()) {
                position++;
                boolean crLf = c == '\n' && afterCr;
                large |= rows.over((char) c);
                if (c == '\r' || !crLf && c == '\n') {
                    line++;
                }
                afterCr = c == '\r';
                if (rows.rowEnded()) {
                    if (crLf && lastLarge && rowStart == position - 1) {
                        // the \n of the \r\n that ended a row too large is part of it
                        Span last = spans.removeLast();
                        spans.add(new Span(last.start(), position, last.line(), last.lines(), last.readAt()));
                        leftOut++;
                    } else if (large) {
                        leftOut += position - rowStart;
                        spans.add(new Span(rowStart, position, rowLine, line - rowLine, position - leftOut));
                    }
                    lastLarge = large;
                    large = false;
                    rowStart = position;
                    rowLine = line;
                }
            }
            if (large) { // the last row, without a line break
                leftOut += position - rowStart;
                spans.add(new Span(rowStart, position, rowLine, line - rowLine, position - leftOut));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spans;
    }

    /** The text without some of its characters: the rows too large to hold. */
    private static final class Without extends FilterReader {
        private final List<Span> left;
        private int next;
        private long position;

        Without(Reader in, List<Span> left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (next < left.size() && position >= left.get(next).start()) {
                Span span = left.get(next++);
                while (position < span.end()) {
                    long skipped = in.skip(span.end() - position);
                    if (skipped <= 0) {
                        return -1;
                    }
                    position += skipped;
                }
            }
            int most = next < left.size() ? (int) Math.min(length, left.get(next).start() - position) : length;
            int n = in.read(buffer, offset, most);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /**
     * The rows of a text as items, read again in order: its {@code rows} rows and its rows too large to hold where
     * they are, then the unreadable rest, if any.
     */
    private static final class Rows implements Iterator<ParsedItem> {
        private final Iterator<CSVRecord> records;
        private final List<String> header;
        /** The header's names as the layout's reader knows them. */
        private final List<String> names;
        private final Lines lines;
        private final Layout layout;
        private final int rows;
        private final List<Span> tooLarge;
        private final int[] before;
        private ParsedItem unreadable;
        private int read;
        private int large;
        private int item;
        /** The characters of the rows too large that were passed: where Commons CSV is behind the text. */
        private long leftOut;

        Rows(ImportFile.Text text, ImportFile.Text readable, Dialect dialect, int rows, List<Span> tooLarge,
             int[] before, ParsedItem unreadable) {
            try {
                CSVParser parser = rows(dialect.delimiter()).parse(
                        new RowLimit(ImportFile.open(readable), dialect.delimiter()));
                this.records = parser.iterator();
                this.header = parser.getHeaderNames();
                this.names = dialect.layout().names(header);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.lines = new Lines(ImportFile.open(text));
            this.layout = dialect.layout();
            this.rows = rows;
            this.tooLarge = tooLarge;
            this.before = before;
            this.unreadable = unreadable;
        }

        @Override
        public boolean hasNext() {
            return read < rows || large < tooLarge.size() || unreadable != null;
        }

        @Override
        public ParsedItem next() {
            if (large < tooLarge.size() && before[large] == read) {
                Span span = tooLarge.get(large++);
                leftOut += span.end() - span.start();
                return ParsedItem.failed(++item, span.line(), "This row is " + ImportFile.TOO_LARGE);
            }
            if (read < rows) {
                CSVRecord row = records.next();
                read++;
                return readRow(++item, lines.of(row.getCharacterPosition() + leftOut), header, names, row, layout);
            }
            if (unreadable == null) {
                throw new NoSuchElementException();
            }
            ParsedItem last = unreadable;
            unreadable = null;
            return last;
        }
    }

    /**
     * The 1-based line of a character position of the text, asked for in increasing order: it counts the line
     * breaks ({@code \r\n}, {@code \r} or {@code \n}) it reads on the way, holding none of the text.
     */
    private static final class Lines {
        private final Reader in;
        private final char[] buffer = new char[8192];
        private int filled;
        private int next;
        private long position;
        private int line = 1;
        private boolean afterCr;

        Lines(Reader in) {
            this.in = in;
        }

        int of(long target) {
            try {
                while (position < target) {
                    if (next == filled) {
                        filled = in.read(buffer);
                        next = 0;
                        if (filled < 0) {
                            filled = 0;
                            break;
                        }
                    }
                    char c = buffer[next++];
                    position++;
                    // a row begins after its line break, so never between the \r and \n of one
                    if (c == '\r' || (c == '\n' && !afterCr)) {
                        line++;
                    }
                    afterCr = c == '\r';
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The text as Commons CSV reads it, failing ({@link TooLarge}) once one row passes
     * {@link ImportFile#MAX_ITEM_BYTES}, before the parser has gathered more than that: it holds a whole
     * cell in memory, and a 10 MiB cell (or an unclosed quote early in a large file) ran the server out of memory.
     * Rows end where RFC 4180 ends them: at a line break outside a quoted cell (a quote opens one only as a cell's
     * first character; two quotes inside it are one).
     */
    private static final class RowLimit extends FilterReader {

        /** A row over the limit. */
        static final class TooLarge extends IOException {
            TooLarge() {
                super("A CSV row " + ImportFile.TOO_LARGE);
            }
        }

        private enum At { CELL_START, PLAIN, QUOTED, QUOTE_IN_QUOTED }

        private final char delimiter;
        private At at = At.CELL_START;
        private int inRow;
        private boolean wide;

        RowLimit(Reader in, char delimiter) {
            super(in);
            this.delimiter = delimiter;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                see(buffer[offset + i]);
            }
            return n;
        }

        private void see(char c) throws TooLarge {
            if (over(c)) {
                throw new TooLarge();
            }
        }

        /** Takes the text's next character: whether its row is now over the limit. */
        boolean over(char c) {
            boolean rowEnds = false;
            at = switch (at) {
                case CELL_START, PLAIN, QUOTE_IN_QUOTED -> {
                    if (c == '\r' || c == '\n') {
                        rowEnds = true;
                        yield At.CELL_START;
                    }
                    if (c == delimiter) {
                        yield At.CELL_START;
                    }
                    yield at == At.CELL_START && c == '"' || at == At.QUOTE_IN_QUOTED && c == '"' ? At.QUOTED
                            : At.PLAIN;
                }
                case QUOTED -> c == '"' ? At.QUOTE_IN_QUOTED : At.QUOTED;
            };
            inRow = rowEnds ? 0 : inRow + 1;
            wide = !rowEnds && (wide || c > 0xFF);
            return ImportFile.tooLarge(inRow, wide);
        }

        /** Whether the last character taken ended its row (a line break outside quotes). */
        boolean rowEnded() {
            return inRow == 0;
        }
    }

    /**
     * A row as an item: its cells read by the {@code names} of their columns, and the others kept under the
     * {@code header}'s (a German Outlook's or Thunderbird's columns are read by their English names and kept by their
     * own).
     */
    private static ParsedItem readRow(int item, int line, List<String> header, List<String> names, CSVRecord row,
                                      Layout layout) {
        Row r = new Row(names, row);
        DraftBuilder draft = new DraftBuilder();
        List<VCardProperty> sites = new ArrayList<>(); // written after the kept cells, as a vCard export has them
        switch (layout) {
            case GOOGLE -> google(r, draft, sites, "First Name", "Middle Name", "Last Name", "Labels", "Label",
                    "Organization Name", "Organization Title");
            case GOOGLE_LEGACY -> google(r, draft, sites, "Given Name", "Additional Name", "Family Name",
                    "Group Membership", "Type", "Organization 1 - Name", "Organization 1 - Title");
            case OUTLOOK, OUTLOOK_GERMAN -> outlook(r, draft, sites);
            case THUNDERBIRD, THUNDERBIRD_TRANSLATED -> thunderbird(r, draft, sites);
        }
        List<VCardProperty> extras = new ArrayList<>();
        if (layout.outlook()) {
            // Outlook's "Title" is the name's prefix ("Dr."), kept as Google's CSV names it, as a vCard's is
            for (VCardProperty affix : new VCardProperty[] {
                    NameAffixes.kept(NameAffixes.PREFIX, Arrays.asList(r.take(OutlookColumns.TITLE))),
                    NameAffixes.kept(NameAffixes.SUFFIX, Arrays.asList(r.take(OutlookColumns.SUFFIX)))}) {
                if (affix != null) {
                    extras.add(affix);
                }
            }
        }
        for (int i = 0; i < header.size() && i < row.size(); i++) {
            String value = row.get(i);
            String column = header.get(i);
            if (!r.used.contains(i) && value != null && !value.isBlank() && !column.isBlank()
                    && !(layout.outlook() && outlookFilledIn(names.get(i), value.strip(), r))) {
                RawProperty extra = new RawProperty(EXTRA_PROPERTY, KeptEntries.escaped(value));
                extra.getParameters().put(COLUMN_PARAMETER, column);
                extras.add(extra);
            }
        }
        extras.addAll(sites);
        if (draft.isEmpty() && extras.isEmpty()) {
            return ParsedItem.failed(item, line, "Empty row");
        }
        DraftBuilder.Result result = draft.build();
        if (result.error() != null) {
            return ParsedItem.failed(item, line, result.error());
        }
        return ParsedItem.ok(item, line, new TransferItem(result.draft(), null, VCardExtras.write(extras), null));
    }

    /** Both Google layouts: numbered "E-mail 1 - Label/Type", "Phone 1 - ...", "Address 1 - ..." columns. */
    private static void google(Row r, DraftBuilder draft, List<VCardProperty> sites, String given, String middle,
                               String family, String groups, String labelSuffix, String organization, String title) {
        middleName(draft, sites, r.take(given), r.take(middle), r.take(family));
        sites.addAll(PhoneticNames.fromCsv(r::take)); // the current layout's; the legacy one's are kept as cells
        draft.formattedName(r.take("Name"));
        draft.nickname(r.take("Nickname"));
        department(draft, sites, r.take(organization), r.take(organization.replace("Name", "Department")));
        draft.jobTitle(r.take(title));
        birthday(draft, r.take("Birthday"));
        draft.note(r.take("Notes"));
        for (String label : split(r.take(groups))) {
            draft.label(label);
        }
        for (int n = 1; r.has("E-mail " + n + " - Value"); n++) {
            String label = EntryLabels.fromCsv(r.take("E-mail " + n + " - " + labelSuffix), EntryLabels.Kind.EMAIL);
            for (String value : split(r.take("E-mail " + n + " - Value"))) {
                draft.email(value, label);
            }
        }
        for (int n = 1; r.has("Phone " + n + " - Value"); n++) {
            String label = EntryLabels.fromCsv(r.take("Phone " + n + " - " + labelSuffix), EntryLabels.Kind.PHONE);
            for (String value : split(r.take("Phone " + n + " - Value"))) {
                draft.phone(value, label);
            }
        }
        for (int n = 1; r.has("Address " + n + " - Street") || r.has("Address " + n + " - Formatted"); n++) {
            String p = "Address " + n + " - ";
            String label = EntryLabels.fromCsv(r.take(p + labelSuffix), EntryLabels.Kind.ADDRESS);
            String street = TextParts.joined(", ", r.take(p + "PO Box"), r.take(p + "Extended Address"),
                    r.take(p + "Street"));
            PostalAddress address = new PostalAddress(label, street, r.take(p + "City"), r.take(p + "Region"),
                    r.take(p + "Postal Code"), r.take(p + "Country"));
            String formatted = r.take(p + "Formatted");
            if (address.parts().allMatch(part -> part == null) && formatted != null) {
                // Only the formatted form: it is the street, as written.
                address = new PostalAddress(label, formatted, null, null, null, null);
            }
            draft.address(address);
        }
        for (int n = 1; r.has("Website " + n + " - Value"); n++) {
            String label = r.take("Website " + n + " - " + labelSuffix);
            for (String value : split(r.take("Website " + n + " - Value"))) {
                sites.add(website(value, label));
            }
        }
        // Relations, events and custom fields: each entry kept whole, its label beside its value (KeptEntries)
        for (String group : KeptEntries.GROUPS) {
            for (int n = 1; r.has(group + " " + n + " - Value"); n++) {
                String label = r.take(group + " " + n + " - " + labelSuffix);
                for (String value : split(r.take(group + " " + n + " - Value"))) {
                    sites.add(KeptEntries.kept(group, label, value));
                }
            }
        }
        // Google's "Photo" is a link to the photo: kept as a vCard's PHOTO link, written back in both formats
        String photo = r.get("Photo");
        if (photo != null && LINK.matcher(photo).lookingAt()) {
            r.take("Photo");
            sites.add(new Photo(photo, null));
        }
    }

    /**
     * A web site as a vCard's URL, its CSV label ("Profile", "Blog", "Work") as its TYPE, whole, so that a CSV
     * export writes the label back as it was ({@link CsvExport}).
     */
    static Url website(String address, String csvLabel) {
        Url url = new Url(address);
        String label = EntryLabels.fromCsv(csvLabel, EntryLabels.Kind.EMAIL);
        if (label != null) {
            url.getParameters().addType(label);
        }
        return url;
    }

    /** The name, the middle name joined into the first and kept apart too ({@link NameAffixes#MIDDLE}). */
    private static void middleName(DraftBuilder draft, List<VCardProperty> sites, String given, String middle,
                                   String family) {
        draft.name(NameAffixes.withMiddle(given, middle), family);
        if (middle != null && !middle.isBlank()) {
            RawProperty kept = NameAffixes.keptMiddle(given, middle);
            if (kept != null) {
                sites.add(kept);
            }
        }
    }

    /** The organization with its department joined in, the department kept apart too ({@link Departments}). */
    private static void department(DraftBuilder draft, List<VCardProperty> sites, String name, String department) {
        draft.organization(Departments.joined(name, department));
        if (department != null && !department.isBlank()) {
            RawProperty kept = Departments.kept(name, department);
            if (kept != null) {
                sites.add(kept);
            }
        }
    }

    /** Outlook: fixed columns per kind ("E-mail 2 Address", "Business Phone", "Home Street" ...). */
    private static void outlook(Row r, DraftBuilder draft, List<VCardProperty> sites) {
        middleName(draft, sites, r.take(OutlookColumns.FIRST_NAME), r.take(OutlookColumns.MIDDLE_NAME),
                r.take(OutlookColumns.LAST_NAME));
        draft.nickname(r.take(OutlookColumns.NICKNAME));
        department(draft, sites, r.take(OutlookColumns.COMPANY), r.take(OutlookColumns.DEPARTMENT));
        draft.jobTitle(r.take(OutlookColumns.JOB_TITLE));
        birthday(draft, r.take(OutlookColumns.BIRTHDAY));
        draft.note(r.take(OutlookColumns.NOTES));
        for (String label : r.takeList(OutlookColumns.CATEGORIES, OutlookColumns.CATEGORY_SEPARATOR)) {
            draft.label(label);
        }
        for (String column : OutlookColumns.EMAILS) {
            draft.email(r.take(column), null);
        }
        for (OutlookColumns.Labelled phone : OutlookColumns.PHONES) {
            draft.phone(r.take(phone.column()), phone.label());
        }
        for (OutlookColumns.Labelled place : OutlookColumns.PLACES) {
            List<String> street = new ArrayList<>();
            street.add(r.take(OutlookColumns.address(place, OutlookColumns.STREET)));
            for (String more : OutlookColumns.STREET_MORE) {
                street.add(r.take(OutlookColumns.address(place, more)));
            }
            draft.address(new PostalAddress(place.label(), TextParts.joined(", ", street),
                    r.take(OutlookColumns.address(place, OutlookColumns.CITY)),
                    r.take(OutlookColumns.address(place, OutlookColumns.REGION)),
                    r.take(OutlookColumns.address(place, OutlookColumns.POSTAL_CODE)),
                    r.take(OutlookColumns.address(place, OutlookColumns.COUNTRY))));
        }
        for (OutlookColumns.Labelled site : OutlookColumns.WEB_PAGES) {
            String address = r.take(site.column());
            if (address != null) {
                sites.add(website(address, site.label()));
            }
        }
        // Outlook.com's IM address: kept as Outlook's "Save as vCard" writes it, so it shows as a chat address
        String im = r.take(OutlookColumns.IM_ADDRESS);
        if (im != null) {
            sites.add(new RawProperty(VCardExtras.OUTLOOK_IM, KeptEntries.escaped(im)));
        }
    }

    /**
     * Thunderbird's address book export (in English, or in another language by the English names): fixed columns
     * ("Primary Email", "Work Phone", "Home Address 2", "Birth Year" ...). Its "Display Name" is the name when the row has no first or last name (a business); one that
     * only repeats them is Thunderbird's own, and one the person wrote differently is kept.
     */
    private static void thunderbird(Row r, DraftBuilder draft, List<VCardProperty> sites) {
        String first = r.take("First Name");
        String last = r.take("Last Name");
        draft.name(first, last);
        String display = r.get("Display Name");
        if (first == null && last == null
                || display != null && display.equals(TextParts.joined(" ", first, last))) {
            draft.formattedName(r.take("Display Name"));
        }
        draft.nickname(r.take("Nickname"));
        department(draft, sites, r.take("Organization"), r.take("Department"));
        draft.jobTitle(r.take("Job Title"));
        draft.note(r.take("Notes"));
        draft.email(r.take("Primary Email"), null);
        draft.email(r.take("Secondary Email"), null);
        String[][] phones = {{"Mobile Number", "mobile"}, {"Home Phone", "home"}, {"Work Phone", "work"},
                {"Fax Number", "fax"}, {"Pager Number", "pager"}};
        for (String[] phone : phones) {
            draft.phone(r.take(phone[0]), phone[1]);
        }
        for (String[] place : new String[][] {{"Home", "home"}, {"Work", "work"}}) {
            String p = place[0] + " ";
            draft.address(new PostalAddress(place[1],
                    TextParts.joined(", ", r.take(p + "Address"), r.take(p + "Address 2")), r.take(p + "City"),
                    r.take(p + "State"), r.take(p + "ZipCode"), r.take(p + "Country")));
        }
        // "Web Page 1" is the work one, "Web Page 2" the home one
        for (String[] site : new String[][] {{"Web Page 1", "Work"}, {"Web Page 2", "Home"}}) {
            String address = r.take(site[0]);
            if (address != null) {
                sites.add(website(address, site[1]));
            }
        }
        thunderbirdBirthday(r, draft);
    }

    /**
     * Thunderbird's birthday is three columns; a year left out is a birthday without a year. A year alone says no
     * day, so it is left for the columns kept as they are.
     */
    private static void thunderbirdBirthday(Row r, DraftBuilder draft) {
        String month = r.get("Birth Month");
        String day = r.get("Birth Day");
        if (month == null || day == null) {
            return;
        }
        String year = r.take("Birth Year");
        r.take("Birth Month");
        r.take("Birth Day");
        String asWritten = (year == null ? "-" : year) + "-" + month + "-" + day;
        LocalDate date;
        try {
            date = LocalDate.of(year == null ? ContactRules.YEAR_UNKNOWN : Integer.parseInt(year),
                    Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            date = null;
        }
        draft.birthday(date, asWritten);
    }

    /**
     * Whether Outlook wrote this cell by itself, in every row, so nobody entered it: its defaults (Gender
     * "Unspecified", Priority and Sensitivity "Normal", Private "False", "0/0/00" for no date, an address's type
     * "SMTP") and what it derives from the name ("Ann Lee (ann@example.com)" as an address's display name,
     * "A.L." as the initials). Kept, they would come back on every export as data of the contact's own.
     */
    private static boolean outlookFilledIn(String column, String value, Row r) {
        String name = TextParts.joined(" ", r.get("First Name"), r.get("Middle Name"), r.get("Last Name"));
        return switch (column) {
            case "Anniversary" -> NO_DATE.contains(value);
            case "Gender" -> value.equals("Unspecified") || value.equals(OutlookGerman.NO_GENDER);
            case "Priority", "Sensitivity" -> value.equals("Normal");
            case "Private" -> value.equalsIgnoreCase("False") || value.equals(OutlookGerman.NOT_PRIVATE);
            case "E-mail Type", "E-mail 2 Type", "E-mail 3 Type" -> value.equals("SMTP");
            case "E-mail Display Name", "E-mail 2 Display Name", "E-mail 3 Display Name" -> {
                String address = r.get(column.replace("Display Name", "Address"));
                yield value.equals(address) || name != null && value.equals(name + " (" + address + ")");
            }
            case "Initials" -> value.equals(initials(r.get("First Name"), r.get("Middle Name"), r.get("Last Name")));
            default -> false;
        };
    }

    /** Outlook's initials: each name's first letter and a full stop ("A.L."). */
    private static String initials(String... names) {
        StringBuilder initials = new StringBuilder();
        for (String name : names) {
            if (name != null) {
                initials.appendCodePoint(name.codePointAt(0)).append('.');
            }
        }
        return initials.toString();
    }

    private static void birthday(DraftBuilder draft, String text) {
        if (text == null || NO_DATE.contains(text)) {
            return;
        }
        draft.birthday(parseDate(text), text);
    }

    /**
     * Google writes {@code 1980-05-17} or, without a year, {@code --05-17}; Outlook {@code 5/17/1980}, and in German
     * {@code 17.5.1980} (or {@code 17.05.1980}, as the system's date format has it).
     */
    static LocalDate parseDate(String text) {
        String t = text.strip();
        if (t.startsWith("--")) {
            t = ContactRules.YEAR_UNKNOWN + t.substring(1);
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(t, format);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }

    private static List<String> split(String cell) {
        return cell == null ? List.of() : Arrays.stream(MULTI.split(cell)).filter(s -> !s.isBlank()).toList();
    }

    /** One row, by column name; remembers the columns read, so the others are kept as they are. */
    private static final class Row {
        private final List<String> header;
        private final CSVRecord record;
        final Set<Integer> used = new HashSet<>();

        Row(List<String> header, CSVRecord record) {
            this.header = header;
            this.record = record;
        }

        int index(String column) {
            return header.indexOf(column);
        }

        boolean has(String column) {
            return index(column) >= 0;
        }

        /** The cell's value, its line breaks as the app keeps them ("\n": Outlook writes CRLF); null when blank. */
        String get(String column) {
            int i = index(column);
            return i < 0 || i >= record.size() || record.get(i).isBlank() ? null
                    : LINE_BREAK.matcher(record.get(i).strip()).replaceAll("\n");
        }

        /** The cell's value (null when blank or absent), marked as read. */
        String take(String column) {
            int i = index(column);
            if (i >= 0) {
                used.add(i);
            }
            return get(column);
        }

        List<String> takeList(String column, String separator) {
            String value = take(column);
            return value == null ? List.of() : List.of(value.split(Pattern.quote(separator)));
        }
    }
}
