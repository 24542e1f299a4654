package dev.contacts.server.contact.transfer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The column names of the CSV that a German Outlook exports, and the values it writes by itself, each as the English
 * Outlook's that {@link CsvImport} reads. Only the columns read (and those whose defaults are left out) are here: the
 * others are kept under their own German names, as the English ones are. The names are the German Outlook export's
 * header as a public import test of Open-Xchange has it (a file exported by Outlook, with "Keine Angabe" as the
 * gender and "10.9.2007" as a date), checked against Roundcube's {@code de_DE/csv2vcard.inc} map and other public
 * tables of Outlook's English and German columns ("Telefon (privat)" is how some versions name the home phone).
 */
final class OutlookGerman {

    /** German column name → the English one. */
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("Anrede", "Title"),
            Map.entry("Vorname", "First Name"),
            Map.entry("Weitere Vornamen", "Middle Name"),
            Map.entry("Nachname", "Last Name"),
            Map.entry("Suffix", "Suffix"),
            Map.entry("Spitzname", "Nickname"),
            Map.entry("Firma", "Company"),
            Map.entry("Abteilung", "Department"),
            Map.entry("Position", "Job Title"),
            Map.entry("Straße geschäftlich", "Business Street"),
            Map.entry("Straße geschäftlich 2", "Business Street 2"),
            Map.entry("Straße geschäftlich 3", "Business Street 3"),
            Map.entry("Ort geschäftlich", "Business City"),
            Map.entry("Region geschäftlich", "Business State"),
            Map.entry("Postleitzahl geschäftlich", "Business Postal Code"),
            Map.entry("Land/Region geschäftlich", "Business Country/Region"),
            Map.entry("Straße privat", "Home Street"),
            Map.entry("Straße privat 2", "Home Street 2"),
            Map.entry("Straße privat 3", "Home Street 3"),
            Map.entry("Ort privat", "Home City"),
            Map.entry("Bundesland/Kanton privat", "Home State"),
            Map.entry("Postleitzahl privat", "Home Postal Code"),
            Map.entry("Land/Region privat", "Home Country/Region"),
            Map.entry("Weitere Straße", "Other Street"),
            Map.entry("Weitere Straße 2", "Other Street 2"),
            Map.entry("Weitere Straße 3", "Other Street 3"),
            Map.entry("Weiterer Ort", "Other City"),
            Map.entry("Weiteres/r Bundesland/Kanton", "Other State"),
            Map.entry("Weitere Postleitzahl", "Other Postal Code"),
            Map.entry("Weiteres/e Land/Region", "Other Country/Region"),
            Map.entry("Fax geschäftlich", "Business Fax"),
            Map.entry("Telefon geschäftlich", "Business Phone"),
            Map.entry("Telefon geschäftlich 2", "Business Phone 2"),
            Map.entry("Autotelefon", "Car Phone"),
            Map.entry("Telefon Firma", "Company Main Phone"),
            Map.entry("Fax privat", "Home Fax"),
            Map.entry("Telefon privat", "Home Phone"),
            Map.entry("Telefon (privat)", "Home Phone"),
            Map.entry("Telefon privat 2", "Home Phone 2"),
            Map.entry("Telefon (privat 2)", "Home Phone 2"),
            Map.entry("Mobiltelefon", "Mobile Phone"),
            Map.entry("Weiteres Fax", "Other Fax"),
            Map.entry("Weiteres Telefon", "Other Phone"),
            Map.entry("Pager", "Pager"),
            Map.entry("Haupttelefon", "Primary Phone"),
            Map.entry("E-Mail-Adresse", "E-mail Address"),
            Map.entry("E-Mail-Typ", "E-mail Type"),
            Map.entry("E-Mail: Angezeigter Name", "E-mail Display Name"),
            Map.entry("E-Mail 2: Adresse", "E-mail 2 Address"),
            Map.entry("E-Mail 2: Typ", "E-mail 2 Type"),
            Map.entry("E-Mail 2: Angezeigter Name", "E-mail 2 Display Name"),
            Map.entry("E-Mail 3: Adresse", "E-mail 3 Address"),
            Map.entry("E-Mail 3: Typ", "E-mail 3 Type"),
            Map.entry("E-Mail 3: Angezeigter Name", "E-mail 3 Display Name"),
            Map.entry("Geburtstag", "Birthday"),
            Map.entry("Jahrestag", "Anniversary"),
            Map.entry("Geschlecht", "Gender"),
            Map.entry("Initialen", "Initials"),
            Map.entry("Kategorien", "Categories"),
            Map.entry("Notizen", "Notes"),
            Map.entry("Priorität", "Priority"),
            Map.entry("Privat", "Private"),
            Map.entry("Vertraulichkeit", "Sensitivity"),
            Map.entry("Webseite", "Web Page"));

    /** Columns that only a German Outlook's export has, one of which it always writes beside "Vorname". */
    private static final Set<String> TELLING = Set.of("E-Mail-Adresse", "Mobiltelefon", "Telefon geschäftlich",
            "Telefon privat", "Telefon (privat)");

    /**
     * What the German Outlook writes by itself where the English writes "Unspecified" (Gender) and "False"
     * (Private); a date never entered is "0.0.00", in its date format ({@link CsvImport}).
     */
    static final String NO_GENDER = "Keine Angabe";
    static final String NOT_PRIVATE = "Aus";

    private OutlookGerman() {
    }

    /** Whether a header row (its names stripped) is a German Outlook's. */
    static boolean is(Set<String> header) {
        return header.contains("Vorname") && header.stream().anyMatch(TELLING::contains);
    }

    /** The header with each German column name that {@link CsvImport} reads in English put in English. */
    static List<String> inEnglish(List<String> header) {
        return header.stream().map(name -> ENGLISH.getOrDefault(name.strip(), name)).toList();
    }
}
