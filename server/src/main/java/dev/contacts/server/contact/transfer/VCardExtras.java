package dev.contacts.server.contact.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.parameter.VCardParameters;
import ezvcard.property.Photo;
import ezvcard.property.RawProperty;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;

/**
 * The properties of a card that no contact field holds (URL, IMPP, ANNIVERSARY, RELATED, X-...), kept as the
 * text of a vCard 4.0 card that has only them, so an export can write them back exactly.
 */
final class VCardExtras {

    /**
     * Outlook's second copy of a card's picture, beside its PHOTO: written back only for a contact without a photo
     * (it is then the only copy of the picture the file had).
     */
    static final String OUTLOOK_PICTURE = "X-MS-CARDPICTURE";

    /** Outlook's IM address (a chat address without its service), as its "Save as vCard" writes it. */
    static final String OUTLOOK_IM = "X-MS-IMADDRESS";

    private VCardExtras() {
    }

    /** The properties as stored text, or null when there are none. */
    static String write(List<VCardProperty> properties) {
        if (properties.isEmpty()) {
            return null;
        }
        VCard card = new VCard();
        properties.forEach(card::addProperty);
        withoutCharset(properties);
        Pieces out = new Pieces();
        try (VCardWriter writer = new VCardWriter(out, VCardVersion.V4_0)) {
            writer.setAddProdId(false);
            writer.setScribeIndex(LeanPhotoScribe.INDEX); // a kept photo's base64 made with one copy
            writer.write(card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The stored properties, ready to add to a card. */
    static List<VCardProperty> read(String stored) {
        if (stored == null) {
            return List.of();
        }
        VCard card = Ezvcard.parse(stored).register(new LeanPhotoScribe()).first();
        if (card == null) {
            return List.of();
        }
        List<VCardProperty> properties = new ArrayList<>();
        card.forEach(properties::add);
        withoutCharset(properties); // kept by an older import
        return properties;
    }

    /**
     * Takes off the CHARSET parameter a vCard 2.1 gave a property ({@code X-MS-SPOUSE;CHARSET=Windows-1252:Jürgen},
     * as Outlook writes): the value was decoded from that charset when it was read, and is UTF-8 text now, as every
     * export writes it (vCard 3.0 and 4.0 have no CHARSET parameter).
     */
    private static void withoutCharset(List<VCardProperty> properties) {
        for (VCardProperty p : properties) {
            p.getParameters().removeAll(VCardParameters.CHARSET);
        }
    }

    /** Both sets of properties, each once: what {@code first} has, then what only {@code second} adds. */
    static String union(String first, String second) {
        if (second == null || second.equals(first)) {
            return first;
        }
        if (first == null) {
            return second;
        }
        Set<String> seen = new LinkedHashSet<>();
        List<VCardProperty> all = new ArrayList<>();
        List<VCardProperty> firsts = read(first);
        for (VCardProperty p : firsts) {
            if (seen.add(lineOf(p, firsts))) {
                all.add(p);
            }
        }
        boolean added = false;
        List<VCardProperty> seconds = read(second);
        // the groups of entries already there: their Apple labels are too (a vCard export imported again)
        Set<String> there = new HashSet<>();
        for (VCardProperty p : seconds) {
            if (isAppleLabel(p)) {
                continue;
            }
            if (seen.add(lineOf(p, seconds))) {
                all.add(p);
                added = true;
            } else if (p.getGroup() != null) {
                there.add(p.getGroup().toLowerCase(Locale.ROOT));
            }
        }
        for (VCardProperty p : seconds) {
            if (isAppleLabel(p) && !(p.getGroup() != null && there.contains(p.getGroup().toLowerCase(Locale.ROOT)))
                    && seen.add(lineOf(p, seconds))) {
                all.add(p);
                added = true;
            }
        }
        return added ? write(all) : first;
    }

    private static boolean isAppleLabel(VCardProperty p) {
        return p instanceof RawProperty raw && raw.getPropertyName().equalsIgnoreCase("X-ABLABEL");
    }

    /**
     * Text written in pieces of at most 64 Ki characters, put together once at its end: a {@code StringWriter}'s
     * array doubles as it fills, so a kept photo's 4 MB line was held up to three times over while it was written,
     * in ever larger runs of a small heap's regions (docs/benchmarks.md, "Hostile cards in a 48 MiB heap").
     */
    private static final class Pieces extends Writer {
        private static final int PIECE = 64 * 1024;
        private final List<StringBuilder> full = new ArrayList<>();
        private StringBuilder last = new StringBuilder(256);
        private long length;

        @Override
        public void write(char[] text, int offset, int count) {
            while (count > 0) {
                int n = Math.min(count, room());
                last.append(text, offset, n);
                offset += n;
                count -= n;
                length += n;
            }
        }

        @Override
        public void write(String text, int offset, int count) {
            while (count > 0) {
                int n = Math.min(count, room());
                last.append(text, offset, offset + n);
                offset += n;
                count -= n;
                length += n;
            }
        }

        @Override
        public void write(int c) {
            room();
            last.append((char) c);
            length++;
        }

        private int room() {
            if (last.length() == PIECE) {
                full.add(last);
                last = new StringBuilder(PIECE);
            }
            return PIECE - last.length();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        /** The text, made once: each piece let go as it is copied. */
        @Override
        public String toString() {
            if (full.isEmpty()) {
                return last.toString();
            }
            StringBuilder all = new StringBuilder(Math.toIntExact(length));
            for (int i = 0; i < full.size(); i++) {
                all.append(full.get(i));
                full.set(i, null);
            }
            return all.append(last).toString();
        }
    }

    /**
     * What tells a property (one of {@code properties}) apart from the others: its line, but only the address of a
     * web site (Evolution's blog too) or a photo's link, and a relation's, event's or custom field's label and value
     * ({@link KeptEntries#identity}), which a CSV carries without the parameters and group a vCard gave them (an
     * export to CSV imported again adds nothing).
     */
    private static String lineOf(VCardProperty property, List<VCardProperty> properties) {
        if (property instanceof Url url && url.getValue() != null) {
            return "URL:" + url.getValue().strip();
        }
        String phonetic = PhoneticNames.identity(property);
        if (phonetic != null) {
            return phonetic;
        }
        String blog = KeptEntries.desktopBlog(property);
        if (blog != null) {
            return "URL:" + blog; // a CSV export writes it as a web site
        }
        String profile = KeptEntries.socialProfile(property);
        if (profile != null) {
            return "URL:" + profile; // so is a social profile
        }
        String im = outlookIm(property);
        if (im != null) {
            return OUTLOOK_IM + ":" + im;
        }
        if (property instanceof Photo photo && photo.getUrl() != null) {
            return "PHOTO:" + photo.getUrl().strip();
        }
        String entry = KeptEntries.identity(property, properties);
        if (entry != null) {
            return entry;
        }
        VCard card = new VCard();
        card.addProperty(property);
        return Ezvcard.write(card).version(VCardVersion.V4_0).prodId(false).go();
    }

    /**
     * Outlook's IM address, however it was kept: {@code X-MS-IMADDRESS}, or the "IMAddress" cell an older import
     * kept of an Outlook.com CSV (the same address read again adds nothing); null for any other property.
     */
    private static String outlookIm(VCardProperty property) {
        if (!(property instanceof RawProperty raw) || raw.getValue() == null) {
            return null;
        }
        boolean im = raw.getPropertyName().equalsIgnoreCase(OUTLOOK_IM)
                || raw.getPropertyName().equalsIgnoreCase(CsvImport.EXTRA_PROPERTY)
                && OutlookColumns.IM_ADDRESS.equals(raw.getParameter(CsvImport.COLUMN_PARAMETER));
        return im ? KeptEntries.text(raw) : null;
    }
}
