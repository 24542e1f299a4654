package dev.contacts.server.contact.transfer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The column names of the CSV that a German Thunderbird exports, each as the English Thunderbird's that
 * {@link CsvImport} reads: Thunderbird writes its header in the language it runs in. The names are Thunderbird's
 * German address book field names ({@code importMsgs.properties}, 2100 to 2136, as mozilla-l10n has them); it writes
 * "Anzeigename" twice, the second time for the chat name, which stays a kept column.
 */
final class ThunderbirdGerman {

    /** German column name → the English one. */
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("Vorname", "First Name"),
            Map.entry("Nachname", "Last Name"),
            Map.entry("Anzeigename", "Display Name"),
            Map.entry("Spitzname", "Nickname"),
            Map.entry("Primäre E-Mail-Adresse", "Primary Email"),
            Map.entry("Sekundäre E-Mail-Adresse", "Secondary Email"),
            Map.entry("Tel. dienstlich", "Work Phone"),
            Map.entry("Tel. privat", "Home Phone"),
            Map.entry("Fax-Nummer", "Fax Number"),
            Map.entry("Pager-Nummer", "Pager Number"),
            Map.entry("Mobil-Tel.-Nr.", "Mobile Number"),
            Map.entry("Privat: Adresse", "Home Address"),
            Map.entry("Privat: Adresse 2", "Home Address 2"),
            Map.entry("Privat: Ort", "Home City"),
            Map.entry("Privat: Bundesland", "Home State"),
            Map.entry("Privat: PLZ", "Home ZipCode"),
            Map.entry("Privat: Land", "Home Country"),
            Map.entry("Dienstlich: Adresse", "Work Address"),
            Map.entry("Dienstlich: Adresse 2", "Work Address 2"),
            Map.entry("Dienstlich: Ort", "Work City"),
            Map.entry("Dienstlich: Bundesland", "Work State"),
            Map.entry("Dienstlich: PLZ", "Work ZipCode"),
            Map.entry("Dienstlich: Land", "Work Country"),
            Map.entry("Arbeitstitel", "Job Title"),
            Map.entry("Abteilung", "Department"),
            Map.entry("Organisation", "Organization"),
            Map.entry("Webseite 1", "Web Page 1"),
            Map.entry("Webseite 2", "Web Page 2"),
            Map.entry("Geburtsjahr", "Birth Year"),
            Map.entry("Geburtsmonat", "Birth Month"),
            Map.entry("Geburtstag", "Birth Day"),
            Map.entry("Notizen", "Notes"));

    /** The columns that tell a German Thunderbird's header from a German Outlook's (which has "Vorname" too). */
    private static final Set<String> TELLING = Set.of("Vorname", "Primäre E-Mail-Adresse");

    private ThunderbirdGerman() {
    }

    /** Whether a header row (its names stripped) is a German Thunderbird's. */
    static boolean is(Set<String> header) {
        return header.containsAll(TELLING);
    }

    /** The header with each German column name that {@link CsvImport} reads put in English. */
    static List<String> inEnglish(List<String> header) {
        return header.stream().map(name -> ENGLISH.getOrDefault(name.strip(), name)).toList();
    }
}
