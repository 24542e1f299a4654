package dev.contacts.server.contact.transfer;

import static dev.contacts.server.contact.transfer.VCardImportTest.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import dev.contacts.model.ContactDraft;
import org.junit.jupiter.api.Test;

/** What is exported reads back as the same contacts, with the same UIDs, photos and kept properties. */
class RoundTripTest {

    @Test
    void everyVCardFixtureSurvivesExportAsVCard4() throws IOException {
        for (String name : List.of("google.vcf", "apple.vcf", "outlook.vcf", "thunderbird.vcf", "google.csv",
                "google-legacy.csv", "outlook.csv")) {
            ImportFile.Format format = name.endsWith(".csv") ? ImportFile.Format.CSV : ImportFile.Format.VCARD;
            List<TransferItem> first = ImportFile.read(fixture(name), format).orElseThrow().stream()
                    .filter(i -> i.contact() != null).map(ParsedItem::contact).toList();
            StringWriter out = new StringWriter();
            try (VCardExport export = new VCardExport(out)) {
                for (TransferItem item : first) {
                    export.write(item);
                }
            }
            List<TransferItem> second = ImportFile.read(out.toString(), ImportFile.Format.VCARD).orElseThrow().stream()
                    .map(ParsedItem::contact).toList();
            assertEquals(first.size(), second.size(), name);
            for (int i = 0; i < first.size(); i++) {
                assertEquals(first.get(i).draft(), second.get(i).draft(), name + " #" + (i + 1) + "\n" + out);
                assertEquals(first.get(i).uid(), second.get(i).uid(), name);
                assertEquals(kept(first.get(i).extras()), kept(second.get(i).extras()), name);
                if (first.get(i).photo() != null) {
                    assertArrayEquals(first.get(i).photo().image(), second.get(i).photo().image(), name);
                }
            }
        }
    }

    @Test
    void csvExportReadsBackAsTheSameContacts() throws IOException {
        for (String name : List.of("google.vcf", "apple.vcf", "outlook.vcf", "thunderbird.vcf", "google.csv",
                "outlook.csv")) {
            ImportFile.Format format = name.endsWith(".csv") ? ImportFile.Format.CSV : ImportFile.Format.VCARD;
            List<TransferItem> first = ImportFile.read(fixture(name), format).orElseThrow().stream()
                    .filter(i -> i.contact() != null).map(ParsedItem::contact).toList();
            StringWriter out = new StringWriter();
            try (CsvExport export = csvExport(out, first)) {
                for (TransferItem item : first) {
                    export.write(item);
                }
            }
            List<ParsedItem> second = ImportFile.read(out.toString(), ImportFile.Format.CSV).orElseThrow();
            assertEquals(first.size(), second.size(), name);
            for (int i = 0; i < first.size(); i++) {
                assertEquals(first.get(i).draft(), second.get(i).contact().draft(), name + " #" + (i + 1) + "\n" + out);
            }
        }
    }

    /** A CSV export of these items (written to {@code out} when closed, with the columns they need). */
    static CsvExport csvExport(java.io.Writer out, List<TransferItem> items) throws IOException {
        return new CsvExport(out);
    }

    @Test
    void aJapaneseOrChineseNameIsWrittenFamilyNameFirstInTheCardsFormattedName() throws IOException {
        String out = "";
        for (String[] name : new String[][] {{"太郎", "山田", "山田太郎"}, {"小明", "王", "王小明"},
                {"Ada", "Lovelace", "Ada Lovelace"}}) {
            ContactDraft draft = new ContactDraft(name[0], name[1], List.of(), List.of(), null, null, List.of(), null,
                    null, null, List.of(), false).normalized();
            StringWriter card = new StringWriter();
            try (VCardExport export = new VCardExport(card)) {
                export.write(new TransferItem(draft, null, null, null));
            }
            out = card.toString();
            assertEquals(1, TransferApiTest.count(out, "FN:" + name[2] + "\r\n"), out);
            ContactDraft back = ImportFile.read(out, ImportFile.Format.VCARD).orElseThrow().get(0).contact().draft();
            assertEquals(List.of(name[0], name[1]), List.of(back.firstName(), back.lastName()), out);
        }
    }

    @Test
    void everyPhoneLabelAPersonCanSetSurvivesBothExports() throws IOException {
        List<String> labels = List.of("mobile", "home", "work", "other", "main", "work fax", "pager", "Fax at home");
        List<dev.contacts.model.LabeledValue> phones = new java.util.ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            phones.add(new dev.contacts.model.LabeledValue("+1 555 010 200" + i, labels.get(i)));
        }
        dev.contacts.model.ContactDraft ann = new dev.contacts.model.ContactDraft("Ann", "Lee", List.of(), phones, null,
                null, List.of(), null, null, null, List.of(), false).normalized();
        TransferItem item = new TransferItem(ann, null, null, null);
        StringWriter vcard = new StringWriter();
        try (VCardExport export = new VCardExport(vcard)) {
            export.write(item);
        }
        StringWriter csv = new StringWriter();
        try (CsvExport export = csvExport(csv, List.of(item))) {
            export.write(item);
        }
        for (String[] file : new String[][] {{vcard.toString(), "VCARD"}, {csv.toString(), "CSV"}}) {
            ContactDraft back = ImportFile.read(file[0], ImportFile.Format.valueOf(file[1])).orElseThrow().get(0)
                    .contact().draft();
            assertEquals(phones, back.phones(), file[1] + ":\n" + file[0]);
        }
    }

    /** A vCard's web sites and photo link, as Google, Apple and Outlook write them. */
    static final String SITES_CARD = VCardImportTest.card("""
            N:Lee;Ann;;;\r
            FN:Ann Lee\r
            EMAIL;TYPE=INTERNET:ann@example.com\r
            URL;TYPE=WORK:https://acme.example/ann\r
            item1.URL:https://blog.example/ann\r
            item1.X-ABLabel:_$!<HomePage>!$_\r
            URL:https://social.example/ann\r
            URL:https://more.example/ann\r
            PHOTO;VALUE=URL;TYPE=JPEG:https://photos.example/ann.jpg""");

    @Test
    void webSitesAndAPhotoLinkAreWrittenInGooglesColumnsAndReadBackAsTheSame() throws IOException {
        TransferItem ann = ImportFile.read(SITES_CARD, ImportFile.Format.VCARD).orElseThrow().get(0).contact();
        StringWriter out = new StringWriter();
        try (CsvExport export = csvExport(out, List.of(ann))) {
            export.write(ann);
        }
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(out.toString())).getRecords();
        org.apache.commons.csv.CSVRecord row = rows.get(0);
        assertEquals("https://photos.example/ann.jpg", row.get("Photo"));
        assertEquals(List.of("Work", "https://acme.example/ann", "HomePage", "https://blog.example/ann", "",
                "https://social.example/ann", "", "https://more.example/ann"), List.of(row.get("Website 1 - Label"),
                row.get("Website 1 - Value"), row.get("Website 2 - Label"), row.get("Website 2 - Value"),
                row.get("Website 3 - Label"), row.get("Website 3 - Value"), row.get("Website 4 - Label"),
                row.get("Website 4 - Value")), "a pair for each web site, as many as the contact needs");

        TransferItem back = ImportFile.read(out.toString(), ImportFile.Format.CSV).orElseThrow().get(0).contact();
        assertEquals(ann.draft(), back.draft());
        assertEquals(ann.extras(), VCardExtras.union(ann.extras(), back.extras()),
                "the CSV adds nothing to what the card kept: " + back.extras());
        List<String> sites = VCardExtras.read(back.extras()).stream().map(CsvImportTest::describe).toList();
        assertEquals(List.of("URL https://acme.example/ann [work]", "URL https://blog.example/ann [HomePage]",
                "URL https://social.example/ann []", "URL https://more.example/ann []",
                "PHOTO https://photos.example/ann.jpg"), sites);
    }

    @Test
    void cellsKeptFromACsvGoBackToTheirColumns() throws IOException {
        String csv = "First Name,Last Name,Phonetic First Name,File As,E-mail 1 - Value,Relation 1 - Value\r\n"
                + "Ann,Lee,An,Lee Ann,ann@example.com,Bob\r\n";
        TransferItem ann = ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow().get(0).contact();
        StringWriter out = new StringWriter();
        try (CsvExport export = csvExport(out, List.of(ann))) {
            export.write(ann);
        }
        org.apache.commons.csv.CSVRecord row = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(out.toString())).getRecords().get(0);
        assertEquals("An", row.get("Phonetic First Name"));
        assertEquals("Lee Ann", row.get("File As"));
    }

    @Test
    void cellsAnOlderImportKeptOneByOneAreWrittenAsGooglesPairsAndTheirExportAddsNothing() throws IOException {
        // before, a Google CSV's "Relation 1 - Label" and "Relation 1 - Value" were kept as two cells (X-CSV)
        List<ezvcard.property.VCardProperty> cells = new java.util.ArrayList<>();
        for (String[] cell : new String[][] {{"Relation 1 - Label", "Spouse"}, {"Relation 1 - Value", "Bob"},
                {"Event 1 - Label", "Anniversary"}, {"Event 1 - Value", "2010-06-01"},
                {"Custom Field 1 - Label", "Legacy ID"}, {"Custom Field 1 - Value", "42"}}) {
            ezvcard.property.RawProperty raw = new ezvcard.property.RawProperty(CsvImport.EXTRA_PROPERTY, cell[1]);
            raw.getParameters().put(CsvImport.COLUMN_PARAMETER, cell[0]);
            cells.add(raw);
        }
        ContactDraft draft = new ContactDraft("Ann", "Lee", List.of(new dev.contacts.model.LabeledValue(
                "ann@example.com", "home")), List.of(), null, null, List.of(), null, null, null, List.of(), false)
                .normalized();
        TransferItem ann = new TransferItem(draft, null, VCardExtras.write(cells), null);
        StringWriter out = new StringWriter();
        try (CsvExport export = csvExport(out, List.of(ann))) {
            export.write(ann);
        }
        org.apache.commons.csv.CSVRecord row = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(out.toString())).getRecords().get(0);
        assertEquals(List.of("Spouse", "Bob", "Anniversary", "2010-06-01", "Legacy ID", "42"),
                List.of(row.get("Relation 1 - Label"), row.get("Relation 1 - Value"), row.get("Event 1 - Label"),
                        row.get("Event 1 - Value"), row.get("Custom Field 1 - Label"),
                        row.get("Custom Field 1 - Value")));
        TransferItem back = ImportFile.read(out.toString(), ImportFile.Format.CSV).orElseThrow().get(0).contact();
        String both = VCardExtras.union(ann.extras(), back.extras());
        StringWriter again = new StringWriter();
        TransferItem merged = new TransferItem(draft, null, both, null);
        try (CsvExport export = csvExport(again, List.of(merged))) {
            export.write(merged);
        }
        assertEquals(out.toString(), again.toString(), "what the older cells and the new entries both say is "
                + "written once: " + both);
    }

    @Test
    void aLabelInThePersonsOwnWordsIsWrittenAsAppleWritesItNotAsTypes() throws IOException {
        String apple = VCardImportTest.card("""
                N:Yamada;Taro;;;\r
                item1.TEL:+81 3-9999-0000\r
                item1.X-ABLabel:Fax at home\r
                TEL;type=WORK;type=FAX:+81 3-1234-5678\r
                TEL;type=CELL:+81 90-1234-5678\r
                item2.EMAIL:taro@example.jp\r
                item2.X-ABLabel:Best friend's\r
                item3.URL:https://taro.example.jp\r
                item3.X-ABLabel:_$!<HomePage>!$_""");
        TransferItem taro = ImportFile.read(apple, ImportFile.Format.VCARD).orElseThrow().get(0).contact();
        StringWriter out = new StringWriter();
        try (VCardExport export = new VCardExport(out)) {
            export.write(taro);
        }
        String card = out.toString();
        // "TYPE=Fax,at,home" said "a home fax" to other address books, and lost the words
        for (String line : List.of("item1.EMAIL:taro@example.jp", "item1.X-ABLabel:Best friend's",
                "item2.TEL:+81 3-9999-0000", "item2.X-ABLabel:Fax at home", "TEL;TYPE=work,fax:+81 3-1234-5678",
                "TEL;TYPE=cell:+81 90-1234-5678", "item3.URL:https://taro.example.jp",
                "item3.X-ABLabel:_$!<HomePage>!$_")) {
            assertEquals(1, TransferApiTest.count(card, line + "\r\n"), line + " once in\n" + card);
        }
        TransferItem back = ImportFile.read(card, ImportFile.Format.VCARD).orElseThrow().get(0).contact();
        assertEquals(taro.draft(), back.draft());
        assertEquals(List.of("Fax at home", "work fax", "mobile"),
                back.draft().phones().stream().map(p -> p.label()).toList());
        assertEquals(taro.extras(), back.extras(), "the labels are no kept properties");
    }

    /**
     * Kept properties as a reader sees them: a CSV's relations and events come back from a vCard in Apple's form
     * (each with its label beside it), the same entries, and so do web sites with a label of the person's own; the
     * other properties as they were.
     */
    private static List<Object> kept(String extras) {
        List<ezvcard.property.VCardProperty> properties = new ArrayList<>(VCardExtras.read(extras));
        var entries = KeptEntries.take(properties);
        List<ezvcard.property.VCardProperty> all = List.copyOf(properties);
        properties.removeIf(p -> p instanceof ezvcard.property.RawProperty raw
                && raw.getPropertyName().equalsIgnoreCase("X-ABLabel"));
        // a web site by its address and label, which a label in the person's own words has in Apple's form
        List<Object> described = properties.stream().<Object>map(p -> p instanceof ezvcard.property.Url url
                ? "URL " + url.getValue() + " [" + EntryLabels.fromVCard(url.getParameters().getTypes(),
                        KeptEntries.appleLabel(url, all), EntryLabels.Kind.EMAIL) + "]" : p).toList();
        return List.of(described.toString(), entries.get(KeptEntries.RELATION),
                new java.util.HashSet<>(entries.get(KeptEntries.EVENT)), entries.get(KeptEntries.CUSTOM_FIELD));
    }

    @Test
    void aGoogleCsvsRelationsAndEventsAreWrittenInAVCardAsAppleAndGoogleReadThemAndReadBackAsTheSame()
            throws IOException {
        String csv = "First Name,Last Name,Labels,Relation 1 - Label,Relation 1 - Value,Relation 2 - Label,"
                + "Relation 2 - Value,Event 1 - Label,Event 1 - Value,Event 2 - Label,Event 2 - Value,"
                + "Custom Field 1 - Label,Custom Field 1 - Value\n"
                + "Ada,Lovelace,,Spouse,William King,Best friend,\"Somerville, Mary\",Anniversary,1835-07-08,Met,"
                + "--06-05,Shoe size,38\n";
        TransferItem item = ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow().getFirst().contact();
        StringWriter out = new StringWriter();
        try (VCardExport export = new VCardExport(out)) {
            export.write(item);
        }
        String card = out.toString().replace("\r\n", "\n");

        // Apple's related names and dates, each with its label in a group of its own; ANNIVERSARY as RFC 6350 has it
        assertTrue(card.matches("(?s).*\n(item\\d+)\\.X-ABRELATEDNAMES:William King\n\\1\\.X-ABLabel:_\\$!<Spouse>!\\$_\n.*"),
                card);
        assertTrue(card.matches("(?s).*\n(item\\d+)\\.X-ABRELATEDNAMES:Somerville, Mary\n\\1\\.X-ABLabel:Best friend\n.*"),
                card);
        assertTrue(card.contains("\nANNIVERSARY:18350708\n"), card);
        assertTrue(card.matches("(?s).*\n(item\\d+)\\.X-ABDATE:--06-05\n\\1\\.X-ABLabel:Met\n.*"), card);
        assertFalse(card.contains("X-COLUMN=Relation") || card.contains("X-COLUMN=Event"), card);
        assertTrue(card.contains("X-CSV;X-COLUMN=Custom Field;X-LABEL=Shoe size:38"), "no vCard has one: " + card);

        TransferItem back = ImportFile.read(out.toString(), ImportFile.Format.VCARD).orElseThrow().getFirst().contact();
        assertEquals(kept(item.extras()), kept(back.extras()));
        assertEquals(item.extras(), VCardExtras.union(item.extras(), back.extras()),
                "the vCard imported again adds nothing to the contact");
    }

    private static String vcard(TransferItem item) throws IOException {
        StringWriter out = new StringWriter();
        try (VCardExport export = new VCardExport(out)) {
            export.write(item);
        }
        return out.toString();
    }

    @Test
    void aWebSitesLabelInThePersonsOwnWordsIsWrittenAsAppleWritesItAndReadBackAsTheSame() throws IOException {
        String csv = "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,Website 1 - Label,Website 1 - Value,"
                + "Website 2 - Label,Website 2 - Value,Website 3 - Label,Website 3 - Value\n"
                + "Ann,Lee,* Home,ann@example.com,Blog,https://blog.example/ann,Work,https://acme.example/ann,"
                + "Old blog,https://old.example/ann\n";
        TransferItem ann = ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow().getFirst().contact();
        String card = vcard(ann).replace("\r\n", "\n");
        // (ez-vcard writes a card's properties kind by kind: the group ties a label to its URL)
        assertTrue(card.matches("(?s).*\n(item\\d+)\\.URL:https://blog\\.example/ann\n.*\n\\1\\.X-ABLabel:Blog\n.*"),
                card);
        assertTrue(card.matches(
                "(?s).*\n(item\\d+)\\.URL:https://old\\.example/ann\n.*\n\\1\\.X-ABLabel:Old blog\n.*"), card);
        assertTrue(card.contains("\nURL;TYPE=work:https://acme.example/ann\n"), "a vCard type stays one: " + card);
        assertFalse(card.contains("TYPE=Blog") || card.contains("TYPE=Old"), card);

        TransferItem back = ImportFile.read(card, ImportFile.Format.VCARD).orElseThrow().getFirst().contact();
        assertEquals(ann.draft(), back.draft());
        assertEquals(ann.extras(), VCardExtras.union(ann.extras(), back.extras()), "imported again, adds nothing");
        StringWriter out = new StringWriter();
        try (CsvExport export = csvExport(out, List.of(back))) {
            export.write(back);
        }
        org.apache.commons.csv.CSVRecord row = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(out.toString())).getRecords().get(0);
        assertEquals(List.of("Blog", "Work", "Old blog"), List.of(row.get("Website 1 - Label"),
                row.get("Website 2 - Label"), row.get("Website 3 - Label")), "the labels back in Google's columns");
        String again = vcard(back);
        assertEquals(card, again.replace("\r\n", "\n"), "its export again is the same card");
    }
}
