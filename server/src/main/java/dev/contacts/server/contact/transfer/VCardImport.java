package dev.contacts.server.contact.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.mangstadt.vinnie.codec.DecoderException;
import com.github.mangstadt.vinnie.codec.QuotedPrintableCodec;
import com.github.mangstadt.vinnie.io.VObjectPropertyValues;
import dev.contacts.model.ContactRules;
import dev.contacts.model.PostalAddress;
import dev.contacts.server.contact.ContactRepository;
import dev.contacts.server.contact.PhotoImages;
import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Nickname;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.ProductId;
import ezvcard.property.RawProperty;
import ezvcard.property.Revision;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.Uid;
import ezvcard.property.VCardProperty;
import ezvcard.util.PartialDate;

/**
 * Reads a vCard file (2.1, 3.0 or 4.0, as Google, Apple, Outlook and Thunderbird write them) into items. The
 * file is cut at each {@code BEGIN:VCARD} line; ez-vcard reads each card on its own (quoted-printable, charsets,
 * folded lines, groups), so a broken card (an END line missing, say) costs only itself.
 */
final class VCardImport {

    private static final Pattern BEGIN = Pattern.compile("\\s*BEGIN\\s*:\\s*VCARD\\s*", Pattern.CASE_INSENSITIVE);
    private static final String APPLE_LABEL = "X-ABLABEL";
    /** Samsung's label parameter, as ez-vcard names it: {@code X-CUSTOM(CHARSET=UTF-8,ENCODING=...,label)}. */
    private static final String ANDROID_CUSTOM = "X-CUSTOM(CHARSET";
    /** That parameter's value: the charset, the encoding and the label, up to the closing parenthesis. */
    private static final Pattern ANDROID_CUSTOM_VALUE = Pattern.compile(
            "([^,]+),ENCODING=QUOTED-PRINTABLE,(.*)\\)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /**
     * A card of more than 64 KiB (nearly always a photo inline) is parsed by one import at a time, all imports
     * together, and never gathered: ez-vcard reads it straight from the body's text. ez-vcard holds several copies
     * of a card's largest value while it parses it (a camera's photo: about 3.8 MB each), so two users' camera-sized
     * photos read at once ran the server's 64 MiB heap out of memory (one of the imports a 500; docs/benchmarks.md, "A
     * card's copies"). The import keeps the turn from its first large card until it is closed, its items stored: a
     * photo that is not an image is kept as vCard 4.0 text (4 MB for 3 MB of bytes) and ez-vcard writes it with 20 MB
     * or more of copies, so other imports' kept text held beside that writing ran the heap out too ("A kept photo's
     * turn").
     */
    private static final int LARGE_CARD_BYTES = 64 * 1024;
    private static final Semaphore LARGE_CARD = new Semaphore(1, true);

    private VCardImport() {
    }

    /** Whether an import waits for the large-card turn (tests). */
    static boolean turnAwaited() {
        return LARGE_CARD.hasQueuedThreads();
    }

    /** Whether the text is a vCard file: its first line that is not blank opens a card. */
    static boolean looksLikeVCard(ImportFile.Text text) {
        try (Reader in = ImportFile.open(text)) {
            Lines lines = new Lines(in);
            while (lines.next()) {
                if (!lines.text.isBlank()) {
                    return lines.isBegin();
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every card of the file, read or refused one by one, in order, each when it is asked for. The cards are
     * counted first (a pass over the text that keeps nothing); then each card's lines are gathered as the text is
     * read again, up to the next card's {@code BEGIN:VCARD} line, so only the card being read is held (the whole
     * file's 150,000 lines held for the import took more heap than the file).
     */
    static ReadOnDemand read(ImportFile.Text text) {
        int cards = 0;
        try (Reader in = ImportFile.open(text)) {
            Lines lines = new Lines(in);
            while (lines.next()) {
                if (lines.isBegin()) {
                    cards++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Cards read = new Cards(new Lines(ImportFile.open(text)), text);
        return new ReadOnDemand(cards, read, read::giveBackTurn);
    }

    /**
     * The lines of a text, ending at {@code \r\n}, {@code \r} or {@code \n}, each kept up to
     * {@link ImportFile#MAX_ITEM_BYTES}: the rest of a longer one is read past, not held.
     */
    private static final class Lines {
        private final Reader in;
        /** The character read after a {@code \r}, when it was not {@code \n}; -2 when there is none. */
        private int ahead = -2;
        /** How many lines were read. */
        int number;
        /** How many characters were read from the text. */
        private long consumed;
        /** Where the line read last begins in the text; after the last line, the text's length. */
        long start;
        /**
         * The line read last; only its first {@link #LARGE_CARD_BYTES} characters when it is longer and cannot be a
         * BEGIN line (a photo's base64 on one line: such a card is read from the text itself, never gathered).
         */
        String text;
        /** Its length, up to the limit. */
        int length;
        /** Whether {@link #text} is all of it. */
        private boolean whole;
        /** Whether it was longer than the limit. */
        boolean cut;
        /** Whether it has a character outside Latin-1. */
        boolean wide;

        Lines(Reader in) {
            this.in = in.markSupported() ? in : new BufferedReader(in);
        }

        /** Reads the next line: false at the end of the text. */
        boolean next() {
            try {
                int c;
                if (ahead != -2) {
                    c = ahead;
                    start = c >= 0 ? consumed - 1 : consumed;
                } else {
                    start = consumed;
                    c = read();
                }
                ahead = -2;
                if (c < 0) {
                    return false;
                }
                StringBuilder line = new StringBuilder();
                length = 0;
                whole = true;
                cut = false;
                wide = false;
                while (c >= 0 && c != '\n' && c != '\r') {
                    if (!cut) {
                        wide |= c > 0xFF;
                        cut = ImportFile.tooLarge(length + 1, wide);
                        if (!cut) {
                            length++;
                            if (whole && line.length() == LARGE_CARD_BYTES) {
                                Matcher begin = BEGIN.matcher(line);
                                whole = begin.matches() || begin.hitEnd(); // else no BEGIN line, whatever follows
                            }
                            if (whole) {
                                line.append((char) c);
                            }
                        }
                    }
                    c = read();
                }
                if (c == '\r') {
                    int after = read();
                    ahead = after == '\n' ? -2 : after;
                }
                text = line.toString();
                number++;
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private int read() throws IOException {
            int c = in.read();
            if (c >= 0) {
                consumed++;
            }
            return c;
        }

        /** Whether the line opens a card. */
        boolean isBegin() {
            return !cut && whole && BEGIN.matcher(text).matches();
        }
    }

    /**
     * The cards of a text, each from its {@code BEGIN:VCARD} line up to the next one's, read when asked for; a card
     * over {@link ImportFile#MAX_ITEM_BYTES} is refused, its lines read past.
     */
    private static final class Cards implements Iterator<ParsedItem> {
        private final Lines lines;
        private final ImportFile.Text text;
        private int item;
        /** Whether {@link #lines} holds a line not yet part of a card: the next card's BEGIN line. */
        private boolean pending;
        /** The text read a second time, behind {@link #lines}, for large cards; opened at the first. */
        private Reader behind;
        /** Where {@link #behind} is in the text. */
        private long behindAt;
        /** Whether this import has the large-card turn (from its first large card until it is closed). */
        private boolean turn;

        Cards(Lines lines, ImportFile.Text text) {
            this.lines = lines;
            this.text = text;
            // what comes before the first card is blank (looksLikeVCard)
            do {
                pending = lines.next();
            } while (pending && !lines.isBegin());
        }

        @Override
        public boolean hasNext() {
            return pending;
        }

        @Override
        public ParsedItem next() {
            if (!pending) {
                throw new NoSuchElementException();
            }
            int begins = lines.number;
            long start = lines.start;
            long length = 0; // the card's characters, each line ending counted as two
            StringBuilder card = new StringBuilder();
            boolean tooLarge = false;
            boolean wide = false;
            boolean large = false;
            try {
                do {
                    wide |= lines.wide;
                    length += lines.length + 2L;
                    tooLarge |= lines.cut || ImportFile.tooLarge(length, wide);
                    if (!large && (wide ? 2 * length : length) > LARGE_CARD_BYTES) {
                        takeTurn();
                        large = true;
                        card = null; // read from the text itself
                    }
                    if (!tooLarge && !large) {
                        card.append(lines.text).append("\r\n");
                    }
                    pending = lines.next();
                } while (pending && !lines.isBegin());
                ++item;
                if (tooLarge) {
                    return ParsedItem.failed(item, begins, "This card is " + ImportFile.TOO_LARGE);
                }
                if (large) {
                    return readCard(item, begins, span(start, lines.start));
                }
                return readCard(item, begins, new StringReader(card.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private synchronized void takeTurn() {
            if (!turn) {
                LARGE_CARD.acquireUninterruptibly();
                turn = true;
            }
        }

        /** Once the import's items are stored, or it ends otherwise: its large cards' kept text is gone. */
        synchronized void giveBackTurn() {
            if (turn) {
                turn = false;
                LARGE_CARD.release();
            }
        }

        /**
         * The characters from {@code start} to {@code end} of the text, read from {@link #behind}: the card's text as
         * it is in the body (its line ends as they were; ez-vcard reads {@code \r\n}, {@code \r} and {@code \n}
         * alike), never held whole.
         */
        private Reader span(long start, long end) throws IOException {
            if (behind == null) {
                behind = new BufferedReader(ImportFile.open(text));
            }
            while (behindAt < start) {
                long skipped = behind.skip(start - behindAt);
                if (skipped <= 0) {
                    throw new IllegalStateException("the text is shorter than it was");
                }
                behindAt += skipped;
            }
            return new Reader() {
                @Override
                public int read() throws IOException { // ez-vcard reads a character at a time
                    int c = behindAt < end ? behind.read() : -1;
                    if (c >= 0) {
                        behindAt++;
                    }
                    return c;
                }

                @Override
                public int read(char[] buffer, int offset, int length) throws IOException {
                    if (behindAt >= end) {
                        return -1;
                    }
                    int n = behind.read(buffer, offset, (int) Math.min(length, end - behindAt));
                    if (n > 0) {
                        behindAt += n;
                    }
                    return n;
                }

                @Override
                public void close() {
                    // the text is read on for the next large card
                }
            };
        }
    }

    private static ParsedItem readCard(int item, int line, Reader text) {
        VCard card = parse(text);
        if (card == null) {
            return ParsedItem.failed(item, line, "Not a readable vCard");
        }
        try {
            return toItem(item, line, card);
        } catch (RuntimeException e) {
            // ez-vcard is lenient, but a value it could not make sense of must cost only this card.
            return ParsedItem.failed(item, line, "Not a readable vCard: " + e.getClass().getSimpleName());
        }
    }

    private static ParsedItem toItem(int item, int line, VCard card) {
        DraftBuilder draft = new DraftBuilder();
        Set<VCardProperty> used = new HashSet<>();
        Set<String> labelledGroups = new HashSet<>();

        List<VCardProperty> affixes = new ArrayList<>();
        StructuredName n = card.getStructuredName();
        if (n != null) {
            used.addAll(card.getStructuredNames());
            String middle = String.join(" ", n.getAdditionalNames().stream()
                    .filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
            String first = NameAffixes.withMiddle(n.getGiven(), middle);
            draft.name(first == null ? "" : first, n.getFamily());
            affixes.add(middle.isEmpty() ? null : NameAffixes.keptMiddle(n.getGiven(), middle));
            // Titles such as "Dr." or "Jr." have no field: kept, and written back on export (NameAffixes).
            affixes.add(NameAffixes.kept(NameAffixes.PREFIX, n.getPrefixes()));
            affixes.add(NameAffixes.kept(NameAffixes.SUFFIX, n.getSuffixes()));
        }
        FormattedName fn = card.getFormattedName();
        if (fn != null) {
            used.addAll(card.getFormattedNames());
            draft.formattedName(fn.getValue());
        }
        for (Nickname nickname : card.getNicknames()) {
            used.add(nickname);
            nickname.getValues().forEach(draft::nickname);
        }
        if (card.getNicknames().isEmpty()) {
            androidNickname(card).ifPresent(raw -> {
                used.add(raw);
                draft.nickname(VObjectPropertyValues.parseSemiStructured(raw.getValue()).get(1));
            });
        }
        Organization org = card.getOrganization();
        if (org != null) {
            used.addAll(card.getOrganizations());
            List<String> values = org.getValues().stream().filter(s -> s != null && !s.isBlank()).toList();
            if (!values.isEmpty()) {
                // its units: the department, joined into the organization and kept apart too (Departments)
                String units = values.size() > 1 ? String.join(", ", values.subList(1, values.size())) : null;
                draft.organization(Departments.joined(values.get(0), units));
                affixes.add(units == null ? null : Departments.kept(values.get(0), units));
            }
        }
        if (!card.getTitles().isEmpty()) {
            used.addAll(card.getTitles());
            draft.jobTitle(card.getTitles().get(0).getValue());
        }
        for (Email email : card.getEmails()) {
            used.add(email);
            draft.email(email.getValue(), EntryLabels.fromVCard(types(email), ownLabel(card, email, labelledGroups),
                    EntryLabels.Kind.EMAIL));
        }
        for (Telephone tel : card.getTelephoneNumbers()) {
            used.add(tel);
            String number = tel.getText() != null ? tel.getText() : tel.getUri() == null ? null : tel.getUri().getNumber();
            draft.phone(number, EntryLabels.fromVCard(types(tel), ownLabel(card, tel, labelledGroups),
                    EntryLabels.Kind.PHONE));
        }
        for (Address adr : card.getAddresses()) {
            used.add(adr);
            List<String> street = new ArrayList<>(adr.getPoBoxes());
            street.addAll(adr.getExtendedAddresses());
            street.addAll(adr.getStreetAddresses());
            draft.address(new PostalAddress(
                    EntryLabels.fromVCard(types(adr), ownLabel(card, adr, labelledGroups), EntryLabels.Kind.ADDRESS),
                    String.join(", ", street.stream().filter(s -> !s.isBlank()).toList()),
                    String.join(", ", adr.getLocalities()), String.join(", ", adr.getRegions()),
                    String.join(", ", adr.getPostalCodes()), String.join(", ", adr.getCountries())));
        }
        Birthday bday = card.getBirthday();
        if (bday != null) {
            used.addAll(card.getBirthdays());
            draft.birthday(birthday(bday), asWritten(bday));
        } else {
            // vCard 3.0 has no year-less dates, yet Google writes "BDAY:--0517" there: ez-vcard keeps it raw.
            for (RawProperty raw : card.getExtendedProperties()) {
                if (raw.getPropertyName().equalsIgnoreCase("BDAY") && raw.getValue() != null) {
                    used.add(raw);
                    draft.birthday(partialBirthday(raw.getValue()), raw.getValue());
                    break;
                }
            }
        }
        for (Note note : card.getNotes()) {
            used.add(note);
            draft.note(note.getValue());
        }
        for (Categories categories : card.getCategoriesList()) {
            used.add(categories);
            categories.getValues().forEach(draft::label);
        }
        // The first photo that is an image becomes the contact's; any other (a link, a format the JDK cannot
        // read, a second photo) stays among the kept properties, so an export writes it back.
        ContactRepository.Photo photo = null;
        for (Photo p : card.getPhotos()) {
            if (photo == null && p.getData() != null) {
                photo = PhotoImages.fromImport(p.getData()).orElse(null);
                if (photo != null) {
                    used.add(p);
                }
            }
        }
        if (photo != null) {
            // Outlook's "Save as vCard" writes its picture twice, as PHOTO and as X-MS-CARDPICTURE: not kept twice
            for (RawProperty raw : card.getExtendedProperties()) {
                if (raw.getPropertyName().equalsIgnoreCase(VCardExtras.OUTLOOK_PICTURE)) {
                    used.add(raw);
                }
            }
        }
        String uid = null;
        Uid u = card.getUid();
        if (u != null && u.getValue() != null && !u.getValue().isBlank()) {
            used.add(u);
            uid = u.getValue().strip();
        }
        // A card says when and by what it was written: that is not the contact, and would change every export.
        card.getProperties(Revision.class).forEach(used::add);
        card.getProperties(ProductId.class).forEach(used::add);
        for (RawProperty raw : card.getExtendedProperties()) {
            if (raw.getPropertyName().equalsIgnoreCase(APPLE_LABEL) && raw.getGroup() != null
                    && labelledGroups.contains(raw.getGroup().toLowerCase(Locale.ROOT))) {
                used.add(raw);
            }
        }
        List<VCardProperty> extras = new ArrayList<>(affixes.stream().filter(Objects::nonNull).toList());
        for (VCardProperty property : card) {
            if (!used.contains(property)) {
                extras.add(property);
            }
        }
        if (draft.isEmpty() && extras.isEmpty() && photo == null) {
            return ParsedItem.failed(item, line, "Empty vCard");
        }
        DraftBuilder.Result result = draft.build();
        if (result.error() != null) {
            return ParsedItem.failed(item, line, result.error());
        }
        return ParsedItem.ok(item, line, new TransferItem(result.draft(), uid, VCardExtras.write(extras), photo));
    }

    /**
     * The card, or null when it is not readable. A method of its own so that ez-vcard's reader is garbage when the
     * card's kept properties are written: a frame that still ran (the interpreter's) kept it, and with it the two
     * builders of a large card's longest line (4.2 MB each for 3 MB of photo that is not an image, beside the 8 MB
     * ez-vcard's writer takes to write it back; docs/benchmarks.md, "A kept photo's turn").
     */
    private static VCard parse(Reader text) {
        try (VCardReader reader = new VCardReader(text)) {
            reader.setScribeIndex(LeanPhotoScribe.INDEX); // a photo decoded with fewer copies
            return reader.readNext();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> types(VCardProperty property) {
        return property.getParameters().getTypes();
    }

    /**
     * Android's vCard 2.1 export has no NICKNAME (2.1 has none): it writes its own row,
     * {@code X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Sassa;1;;...}, the nickname second.
     */
    private static Optional<RawProperty> androidNickname(VCard card) {
        return card.getExtendedProperties().stream()
                .filter(raw -> raw.getPropertyName().equalsIgnoreCase("X-ANDROID-CUSTOM") && raw.getValue() != null)
                .filter(raw -> {
                    List<String> values = VObjectPropertyValues.parseSemiStructured(raw.getValue());
                    return values.size() > 1 && values.get(0).equals("vnd.android.cursor.item/nickname")
                            && !values.get(1).isBlank();
                })
                .findFirst();
    }

    /** The label of the person's own that Apple or Samsung's Android writes beside a value, or null. */
    private static String ownLabel(VCard card, VCardProperty property, Set<String> labelledGroups) {
        String apple = appleLabel(card, property, labelledGroups);
        return apple != null ? apple : androidCustomLabel(property);
    }

    /**
     * Samsung's Android writes a label of the person's own in a parameter of its own, the label quoted-printable
     * when it is not ASCII: {@code TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=42=C3=BC=72=6F):...} is
     * "Büro". ez-vcard reads that as a parameter named {@code X-CUSTOM(CHARSET} whose value is the rest up to the
     * ")"; the label was dropped, the number saved as "other". Null when there is none, or it cannot be decoded.
     */
    private static String androidCustomLabel(VCardProperty property) {
        for (Map.Entry<String, List<String>> parameter : property.getParameters()) {
            if (!parameter.getKey().toUpperCase(Locale.ROOT).startsWith(ANDROID_CUSTOM)) {
                continue;
            }
            String value = String.join(",", parameter.getValue());
            Matcher custom = ANDROID_CUSTOM_VALUE.matcher(value);
            if (!custom.matches()) {
                return null;
            }
            try {
                String label = new QuotedPrintableCodec(custom.group(1)).decode(custom.group(2)).strip();
                return label.isEmpty() ? null : label;
            } catch (DecoderException | IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** Apple puts a custom label beside a value, in the same group: {@code item1.EMAIL ...}, {@code item1.X-ABLabel}. */
    private static String appleLabel(VCard card, VCardProperty property, Set<String> labelledGroups) {
        String group = property.getGroup();
        if (group == null) {
            return null;
        }
        for (RawProperty raw : card.getExtendedProperties()) {
            if (raw.getPropertyName().equalsIgnoreCase(APPLE_LABEL) && group.equalsIgnoreCase(raw.getGroup())) {
                labelledGroups.add(group.toLowerCase(Locale.ROOT));
                return raw.getValue();
            }
        }
        return null;
    }

    /** A birthday's date; a year-less one ({@code --0517}) gets the "year unknown" year. Null when there is none. */
    private static LocalDate birthday(Birthday bday) {
        try {
            Temporal date = bday.getDate();
            if (date != null) {
                return LocalDate.of(date.get(ChronoField.YEAR), date.get(ChronoField.MONTH_OF_YEAR),
                        date.get(ChronoField.DAY_OF_MONTH));
            }
            if (bday.getPartialDate() != null) {
                return fromPartial(bday.getPartialDate());
            }
        } catch (DateTimeException e) {
            return null;
        }
        return bday.getText() == null ? null : partialBirthday(bday.getText());
    }

    /** A date as vCard 4.0 writes it, possibly without a year ({@code --0517}); null when it is none. */
    private static LocalDate partialBirthday(String text) {
        try {
            return fromPartial(PartialDate.parse(text.strip()));
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate fromPartial(PartialDate partial) {
        if (partial.getMonth() == null || partial.getDate() == null) {
            return null;
        }
        int year = partial.getYear() == null ? ContactRules.YEAR_UNKNOWN : partial.getYear();
        return LocalDate.of(year, partial.getMonth(), partial.getDate());
    }

    private static String asWritten(Birthday bday) {
        if (bday.getText() != null) {
            return bday.getText();
        }
        if (bday.getPartialDate() != null) {
            return bday.getPartialDate().toISO8601(false);
        }
        return bday.getDate() == null ? null : bday.getDate().toString();
    }
}
