package dev.contacts.server.contact.transfer;

import static dev.contacts.server.contact.transfer.VCardImportTest.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

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
                assertEquals(VCardExtras.read(first.get(i).extras()).toString(),
                        VCardExtras.read(second.get(i).extras()).toString(), name);
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
            try (CsvExport export = new CsvExport(out)) {
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
}
