package dev.contacts.server.contact.transfer;

import static dev.contacts.server.contact.transfer.VCardImportTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import dev.contacts.model.ContactDraft;
import dev.contacts.model.ContactRules;
import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import org.junit.jupiter.api.Test;

/** Reading Google's two CSV layouts and Outlook's, told apart by their headers. */
class CsvImportTest {

    static List<ParsedItem> read(String name) {
        return ImportFile.read(fixture(name), ImportFile.Format.CSV).orElseThrow();
    }

    @Test
    void googleCurrentLayout() {
        List<ParsedItem> items = read("google.csv");
        assertEquals(3, items.size());
        ContactDraft n = items.get(0).contact().draft();
        assertEquals("Núñez", n.firstName());
        assertEquals("García", n.lastName());
        assertEquals(List.of(new LabeledValue("nunez@example.com", "home"),
                new LabeledValue("n.garcia@acme.example", "work")), n.emails());
        assertEquals(List.of(new LabeledValue("+34 612 345 678", "mobile"), new LabeledValue("+34 699 000 111", "mobile"),
                new LabeledValue("+34 91 123 45 67", "work")), n.phones(), "' ::: ' separates values in one cell");
        assertEquals(List.of(new PostalAddress("home", "Calle Mayor 5", "Madrid", null, "28013", "Spain")),
                n.addresses());
        assertEquals(LocalDate.of(1604, 5, 17), n.birthday());
        assertEquals(List.of("Family"), n.labels());
        assertTrue(n.favorite());
        assertEquals("Met in Sevilla,\nlikes flamenco.", n.additionalData());
        assertEquals("Ingeniera", n.jobTitle());
        String extras = items.get(0).contact().extras();
        assertTrue(extras.contains("URL;TYPE=Homepage:https://nunez.example.com"), "a web site is a URL: " + extras);
        assertTrue(extras.contains("Dr."), "the name prefix is kept: " + extras);
        assertEquals(2, items.get(0).line(), "the header is line 1");
    }

    @Test
    void aRowWithoutAnyNameIsAnErrorAtItsOwnLineAndTheNextRowsStillCount() {
        List<ParsedItem> items = read("google.csv");
        assertEquals(2, items.get(1).item());
        assertEquals(6, items.get(1).line(), "the first row spans lines 2 to 5 (line breaks in its notes and address)");
        assertNull(items.get(1).contact());
        ContactDraft zoe = items.get(2).contact().draft();
        assertEquals("Zoë", zoe.firstName());
        assertEquals(List.of(new LabeledValue("zoe.adams@example.org", "other")), zoe.emails());
        assertEquals("Phone (mobile): call reception", zoe.additionalData());
        assertEquals(7, items.get(2).line());
    }

    @Test
    void googlesOwnGroupsAreNoLabelsAndABareStarIsNoLabel() {
        // Google marks its own groups with "* ": "* myContacts" (everyone), "* starred" (the favourite mark),
        // and writes "* " alone for one it does not name; the older "* friends", "* family" and "* coworkers" were
        // groups a person put contacts in, shown as Friends, Family and Coworkers
        String csv = """
                First Name,Last Name,Labels,E-mail 1 - Value
                Tomás,Ortega,* ::: Friends,tomas@example.mx
                Lena,Vogel,* myContacts ::: * friends ::: Chess club,lena@example.de
                Priya,Raman,* myContacts ::: * starred ::: * chatBuddies ::: * all ::: * blocked,priya@example.in
                Sam,Reyes,*starred fans ::: * Family ::: * coworkers,sam@example.org
                """;
        List<ParsedItem> items = ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow();
        assertEquals(List.of("Friends"), items.get(0).contact().draft().labels(), "a bare * is no label");
        assertEquals(List.of("Friends", "Chess club"), items.get(1).contact().draft().labels());
        ContactDraft priya = items.get(2).contact().draft();
        assertEquals(List.of(), priya.labels(), "Google's system groups are no labels");
        assertTrue(priya.favorite());
        assertEquals(List.of("*starred fans", "Family", "Coworkers"), items.get(3).contact().draft().labels(),
                "a label of the person's own that starts with * stays as it is");
        for (ParsedItem item : items) {
            assertNull(item.contact().draft().additionalData(), "nothing of it went to the notes");
        }
    }

    @Test
    void aNumberWithABlankLabelIsOtherNotMobile() {
        String csv = """
                First Name,Last Name,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value
                Ann,Lee,,+1 555 010 2000,Mobile,+1 555 010 3000
                """;
        assertEquals(List.of(new LabeledValue("+1 555 010 2000", "other"), new LabeledValue("+1 555 010 3000", "mobile")),
                ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow().get(0).contact().draft().phones());
        String legacy = """
                Given Name,Family Name,Phone 1 - Type,Phone 1 - Value
                Bo,Roe,,+44 20 7946 0000
                """;
        assertEquals(List.of(new LabeledValue("+44 20 7946 0000", "other")),
                ImportFile.read(legacy, ImportFile.Format.CSV).orElseThrow().get(0).contact().draft().phones());
    }

    @Test
    void googleLegacyLayout() {
        ContactDraft ann = read("google-legacy.csv").get(0).contact().draft();
        assertEquals("Ann", ann.firstName());
        assertEquals("Lee", ann.lastName());
        assertEquals(List.of(new LabeledValue("ann@example.com", "home"), new LabeledValue("ann.lee@example.net", "home")),
                ann.emails());
        assertEquals(List.of("Friends"), ann.labels());
        assertEquals("Globex", ann.organization());
        assertEquals("Researcher", ann.jobTitle());
        assertEquals(LocalDate.of(1975, 12, 24), ann.birthday());
        assertEquals(new PostalAddress("home", "1 Main St", "Springfield", "IL", "62701", "USA"), ann.addresses().get(0));
    }

    @Test
    void outlookLayout() {
        ParsedItem item = read("outlook.csv").get(0);
        ContactDraft j = item.contact().draft();
        assertEquals("Jürgen", j.firstName());
        assertEquals("Müller", j.lastName());
        assertEquals(List.of(new LabeledValue("juergen.mueller@contoso.example", "other")), j.emails());
        assertEquals(List.of(new LabeledValue("+49 170 7654321", "mobile"), new LabeledValue("+49 30 1234567", "work"),
                new LabeledValue("+49 30 1234568", "work fax")), j.phones());
        assertEquals(List.of(new PostalAddress("work", "Straße des 17. Juni 1", "Berlin", null, "10623", "Deutschland")),
                j.addresses());
        assertEquals("Contoso GmbH, Vertrieb", j.organization());
        assertEquals(LocalDate.of(1970, 5, 17), j.birthday());
        assertTrue(item.contact().extras().contains("Petra"), "the spouse has no field but is kept");
        assertTrue(item.contact().extras().contains("6/1/1995"), "so is the anniversary");
    }

    @Test
    void whatOutlookFillsInByItselfIsNotKeptButWhatThePersonChoseIs() {
        // Outlook's own export: every row has Gender "Unspecified", Priority and Sensitivity "Normal", Private
        // "False", "0/0/00" for a date never entered, "SMTP" as an address's type, a display name and initials
        // made from the name. Kept as X-CSV, they came back on every export as if the person had entered them.
        List<ParsedItem> items = read("outlook-full.csv");
        TransferItem karen = items.get(0).contact();
        assertEquals("Karen", karen.draft().firstName());
        assertEquals(List.of("Suppliers"), karen.draft().labels());
        assertNull(karen.extras(), "Outlook's defaults are no data of Karen's: " + karen.extras());
        // the same columns, with what a person set in Outlook, are all kept
        String tobias = items.get(1).contact().extras();
        for (String kept : List.of("X-COLUMN=Anniversary:6/1/1995", "X-COLUMN=E-mail Type:EX",
                "X-COLUMN=E-mail Display Name:Tobi at Contoso", "X-COLUMN=Gender:Male", "X-COLUMN=Initials:TK",
                "X-COLUMN=Priority:High", "X-COLUMN=Private:True", "X-COLUMN=Sensitivity:Private")) {
            assertTrue(tobias.contains(kept), kept + " is kept: " + tobias);
        }
        for (String dropped : List.of("E-mail 2 Type", "E-mail 2 Display Name", "0/0/00")) {
            assertFalse(tobias.contains(dropped), dropped + " is Outlook's own: " + tobias);
        }
    }

    /** A German Outlook's export as it writes it: Windows-1252, ";" between quoted cells, German column names. */
    static String germanOutlook() {
        try (java.io.InputStream in = CsvImportTest.class.getResourceAsStream("/transfer/outlook-german.csv")) {
            return new String(in.readAllBytes(), java.nio.charset.Charset.forName("windows-1252"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aGermanOutlooksExportIsReadAsTheEnglishOne() {
        // "Vorname;Nachname;E-Mail-Adresse;Mobiltelefon ...": was refused whole (422) as a CSV of another kind
        List<ParsedItem> items = ImportFile.read(germanOutlook(), ImportFile.Format.CSV).orElseThrow();
        assertEquals(3, items.size());
        TransferItem juergen = items.get(0).contact();
        ContactDraft j = juergen.draft();
        assertEquals("Jürgen", j.firstName());
        assertEquals("Weiß", j.lastName());
        assertEquals(List.of(new LabeledValue("juergen.weiss@example.de", "other")), j.emails());
        assertEquals(List.of(new LabeledValue("+49 170 1234567", "mobile"), new LabeledValue("+49 711 7654321", "home"),
                new LabeledValue("+49 711 1234567", "work"), new LabeledValue("+49 711 1234568", "work fax")),
                j.phones());
        assertEquals(List.of(new PostalAddress("home", "Am Mühlbach 3", "Esslingen", null, "73728", null),
                new PostalAddress("work", "Königstraße 12", "Stuttgart", null, "70173", "Deutschland")), j.addresses());
        assertEquals("Bäckerei Größ GmbH, Vertrieb", j.organization());
        assertEquals("Leiter", j.jobTitle());
        assertEquals(LocalDate.of(1980, 12, 31), j.birthday(), "Outlook writes a German date: 31.12.1980");
        assertEquals(List.of("Familie", "Freunde"), j.labels());
        assertEquals(List.of("Kennt Frau Müller aus Köln.", "Mag Käsespätzle."), j.additionalData().lines().toList());
        List<String> kept = VCardExtras.read(juergen.extras()).stream().map(CsvImportTest::describe).toList();
        assertEquals(List.of("X-CSV Dr.", "X-CSV Vertrieb", "URL https://baeckerei-groess.example.de [work]"), kept,
                "the Anrede is the name's prefix, the Abteilung the organization's department (kept to be written "
                        + "apart again), the Webseite a URL; Outlook's own defaults are not kept");

        // Outlook's German defaults ("Keine Angabe", "Normal", "Aus", "0.0.00", "SMTP", name and initials) are
        // dropped as the English ones are, and what a person set is kept under its German column
        assertNull(items.get(2).contact().extras(), "nothing of Karen's is Outlook's own: " + items.get(2).contact());
        assertEquals(List.of(new LabeledValue("+1 425 555 0100", "work"), new LabeledValue("+1 425 555 0199", "other")),
                items.get(2).contact().draft().phones());
        String tobias = items.get(1).contact().extras();
        for (String set : List.of("X-COLUMN=Jahrestag:1.6.1995", "X-COLUMN=E-Mail-Typ:EX",
                "X-COLUMN=\"E-Mail: Angezeigter Name\":Tobi bei Contoso", "X-COLUMN=Geschlecht:Männlich",
                "X-COLUMN=Initialen:TK", "X-COLUMN=Priorität:Hoch", "X-COLUMN=Privat:Ein",
                "X-COLUMN=Vertraulichkeit:Privat", "X-COLUMN=Partner:Petra")) {
            assertTrue(tobias.contains(set), set + " is kept: " + tobias);
        }
        assertFalse(tobias.contains("E-Mail 2: Typ") || tobias.contains("0.0.00"), tobias);
        assertEquals(List.of(new LabeledValue("tobias@contoso.example", "other"),
                new LabeledValue("tk@home.example", "other")), items.get(1).contact().draft().emails());
    }

    @Test
    void thunderbirdsLayoutIsReadByItsOwnColumnsNotAsOutlooks() {
        // Thunderbird's header also has "First Name" and "Home Phone": it was read as Outlook's, so its emails,
        // most phones, streets, organization and birthday were hidden as kept columns, and a business's row refused
        List<ParsedItem> items = read("thunderbird.csv");
        assertEquals(3, items.size());
        ParsedItem ingridItem = items.get(0);
        ContactDraft ingrid = ingridItem.contact().draft();
        assertEquals("Ingrid", ingrid.firstName());
        assertEquals("Bergström", ingrid.lastName());
        assertEquals("Inge", ingrid.nickname());
        assertEquals(List.of(new LabeledValue("ingrid@example.se", "other"),
                new LabeledValue("ingrid.b@home.example", "other")), ingrid.emails());
        assertEquals(List.of(new LabeledValue("+46 70 111 22 33", "mobile"), new LabeledValue("+46 8 765 43 21", "home"),
                new LabeledValue("+46 8 123 45 67", "work")), ingrid.phones());
        assertEquals(List.of(new PostalAddress("home", "Storgatan 1, lgh 1102", "Stockholm", null, "111 22", "Sweden"),
                new PostalAddress("work", "Kungsgatan 5", "Stockholm", null, "111 43", "Sweden")), ingrid.addresses());
        assertEquals("Arkitektbyrån AB, Design", ingrid.organization());
        assertEquals("Architect", ingrid.jobTitle());
        assertEquals(LocalDate.of(1980, 4, 12), ingrid.birthday());
        assertEquals("Met at the \"Nordic\" conference\nsecond line", ingrid.additionalData());
        String extras = ingridItem.contact().extras();
        assertTrue(extras.contains("URL;TYPE=work:https://arkitekt.example.se"), "Web Page 1 is the work site: " + extras);
        assertTrue(extras.contains("Book club"), "a custom column is kept: " + extras);
        assertFalse(extras.contains("Display Name") || extras.contains("Primary Email") || extras.contains("Birth"),
                "what was read is not kept a second time: " + extras);

        ContactDraft acme = items.get(1).contact().draft();
        assertEquals("Acme", acme.firstName(), "the display name is the name of a row without one");
        assertEquals("Support", acme.lastName());
        assertEquals("Acme Inc", acme.organization());
        assertEquals(List.of(new LabeledValue("support@acme.example", "other")), acme.emails());
        assertEquals(List.of(new LabeledValue("+1 555 0100", "work"), new LabeledValue("+1 555 0101", "fax")),
                acme.phones());

        ParsedItem tomItem = items.get(2);
        assertEquals(LocalDate.of(ContactRules.YEAR_UNKNOWN, 5, 3), tomItem.contact().draft().birthday(),
                "a birthday without a year");
        assertEquals(List.of(new LabeledValue("tom@oneil.example", "other")), tomItem.contact().draft().emails());
        assertTrue(tomItem.contact().extras().contains("Tommy O'Neil"), "a display name of the person's own is kept");
    }

    @Test
    void thunderbirdsTabSeparatedExportIsReadAsItsCsv() {
        // Thunderbird also exports "Tab separated" (.tab, .txt): it was refused as "not a contacts CSV"
        List<ParsedItem> fromTabs = read("thunderbird.tab");
        List<ParsedItem> fromCommas = read("thunderbird.csv");
        assertEquals(3, fromTabs.size());
        for (int i = 0; i < fromCommas.size(); i++) {
            assertEquals(fromCommas.get(i).contact().draft(), fromTabs.get(i).contact().draft(), "row " + i);
            assertEquals(fromCommas.get(i).contact().extras(), fromTabs.get(i).contact().extras(), "row " + i);
        }
    }

    @Test
    void aGermanThunderbirdsExportIsReadAsTheEnglishOne() {
        // Thunderbird writes its header in its own language: "Vorname", "Primäre E-Mail-Adresse" ... was refused
        // whole as "not a contacts CSV"
        List<ParsedItem> items = read("thunderbird-german.csv");
        assertEquals(2, items.size());
        ContactDraft j = items.get(0).contact().draft();
        assertEquals("Jürgen", j.firstName());
        assertEquals("Müller", j.lastName());
        assertEquals("Jürgi", j.nickname());
        assertEquals(List.of(new LabeledValue("juergen.mueller@example.de", "other"),
                new LabeledValue("jm@privat.example.de", "other")), j.emails());
        assertEquals(List.of(new LabeledValue("+49 171 2345678", "mobile"), new LabeledValue("+49 30 7654321", "home"),
                new LabeledValue("+49 30 1234567", "work")), j.phones());
        assertEquals(List.of(new PostalAddress("home", "Hauptstraße 5, Hinterhaus", "Berlin", null, "10115", "Deutschland"),
                new PostalAddress("work", "Friedrichstraße 100", "Berlin", null, "10117", "Deutschland")), j.addresses());
        assertEquals("Beispiel GmbH, IT", j.organization());
        assertEquals("Entwickler", j.jobTitle());
        assertEquals(LocalDate.of(1980, 5, 17), j.birthday(), "Geburtsjahr, Geburtsmonat and Geburtstag (the day)");
        assertEquals("Kennt Anna", j.additionalData());
        String extras = items.get(0).contact().extras();
        assertTrue(extras.contains("URL;TYPE=work:https://beispiel.example.de"), extras);
        assertTrue(extras.contains("Skatrunde") && extras.contains("Benutzerdef. 1"),
                "a custom column is kept under its own name: " + extras);
        assertFalse(extras.contains("Anzeigename") || extras.contains("Geburts"), "what was read is not kept twice: " + extras);

        ContactDraft bakery = items.get(1).contact().draft();
        assertEquals("Bäckerei Schulz", java.util.stream.Stream.of(bakery.firstName(), bakery.lastName())
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(" ")),
                "the display name is the name of a row without one");
        assertEquals(List.of(new LabeledValue("+49 40 555 0100", "work")), bakery.phones());
    }

    @Test
    void aFrenchThunderbirdsExportIsReadByTheOrderOfItsColumns() {
        // its header names the home and the work city "Ville" alike (postcodes, states too): it was refused whole
        List<ParsedItem> items = read("thunderbird-french.csv");
        assertEquals(3, items.size());
        ContactDraft elodie = items.get(0).contact().draft();
        assertEquals("Élodie", elodie.firstName());
        assertEquals("Dupont", elodie.lastName());
        assertEquals("Lodie", elodie.nickname());
        assertEquals(List.of(new LabeledValue("elodie.dupont@example.fr", "other"),
                new LabeledValue("elodie@maison.example.fr", "other")), elodie.emails());
        assertEquals(List.of(new LabeledValue("+33 6 12 34 56 78", "mobile"), new LabeledValue("+33 4 78 12 34 56", "home"),
                new LabeledValue("+33 1 23 45 67 89", "work")), elodie.phones(), "\"Tél. professionnel \" too");
        assertEquals(List.of(new PostalAddress("home", "12 rue des Lilas, Bâtiment B", "Lyon", "Rhône", "69003", "France"),
                new PostalAddress("work", "8 avenue de l'Opéra", "Paris", "Île-de-France", "75001", "France")),
                elodie.addresses(), "each \"Ville\" is its own address's");
        assertEquals("Exemple SA, R&D", elodie.organization());
        assertEquals("Ingénieure", elodie.jobTitle());
        assertEquals(LocalDate.of(1985, 7, 14), elodie.birthday(), "Année de naissance, Mois and Jour");
        assertEquals("Rencontrée à Lyon", elodie.additionalData());
        String extras = items.get(0).contact().extras();
        assertTrue(extras.contains("URL;TYPE=work:https://exemple.example.fr"), extras);
        assertTrue(extras.contains("Club de lecture") && extras.contains("Divers 1"),
                "a custom column is kept under its own name: " + extras);
        assertFalse(extras.contains("Ville") || extras.contains("Jour"), "what was read is not kept twice: " + extras);

        ContactDraft bakery = items.get(1).contact().draft();
        assertEquals("Boulangerie Martin", java.util.stream.Stream.of(bakery.firstName(), bakery.lastName())
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(" ")),
                "the display name is the name of a row without one");
        assertEquals(List.of(new LabeledValue("+33 1 98 76 54 32", "work")), bakery.phones());

        ContactDraft luc = items.get(2).contact().draft();
        assertEquals(LocalDate.of(ContactRules.YEAR_UNKNOWN, 12, 25), luc.birthday(), "a birthday without a year");
        assertEquals(List.of(new PostalAddress("home", null, "Nantes", null, "44000", "France")), luc.addresses());
    }

    @Test
    void aFrenchHeaderNotInThunderbirdsOrderIsRefusedWhole() {
        // which "Ville" is the home one only Thunderbird's order says: moved, it could be either
        String french = fixture("thunderbird-french.csv");
        String header = french.substring(0, french.indexOf("\r\n"));
        String swapped = header.replace("Prénom,Nom de famille", "Nom de famille,Prénom");
        assertTrue(ImportFile.read(swapped + french.substring(header.length()), ImportFile.Format.CSV).isEmpty());
        String shorter = header.replace(",Divers 4", "");
        assertTrue(ImportFile.read(shorter + "\r\nAnn,Lee\r\n", ImportFile.Format.CSV).isEmpty());
    }

    /** Thunderbird's header in other languages, in its order (2100 to 2105, 2136, 2106 to 2135 of its strings). */
    private static final List<String> TRANSLATED_HEADERS = List.of(
            "Nombre,Apellidos,Nombre mostrado,Apodo,Dirección de correo electrónico principal,Dirección de correo "
                    + "electrónico secundaria,Nombre en pantalla,Teléfono (Trabajo),Teléfono particular,Fax,"
                    + "Buscapersonas,Teléfono móvil,Dirección personal,Dirección personal 2,Ciudad donde vive,"
                    + "Provincia,Código postal,País de residencia,Dirección de trabajo,Dirección de trabajo 2,"
                    + "Ciudad (Trabajo),Provincia (Trabajo),Código postal (Trabajo),País (Trabajo),Puesto,"
                    + "Departamento,Organización,Página web 1,Página web 2,Año de nacimiento,Mes de nacimiento,"
                    + "Día de nacimiento,Personalizado 1,Personalizado 2,Personalizado 3,Personalizado 4,Notas,",
            "Nome,Cognome,Nome visualizzato,Soprannome,Email primaria,Email secondaria,Nome Instant Messenger,"
                    + "Telefono lavoro,Telefono casa,Numero fax,Numero cercapersone,Numero cellulare,Indirizzo di casa,"
                    + "Indirizzo di casa 2,Città di residenza,Provincia di residenza,CAP di residenza,"
                    + "Nazione di residenza,Indirizzo di lavoro,Indirizzo di lavoro 2,Città di lavoro,"
                    + "Provincia di lavoro,CAP di lavoro,Nazione di lavoro,Qualifica,Reparto,Organizzazione,"
                    + "Pagina web 1,Pagina web 2,Anno di nascita,Mese di nascita,Giorno di nascita,Personalizzato 1,"
                    + "Personalizzato 2,Personalizzato 3,Personalizzato 4,Note,",
            "Voornaam,Achternaam,Weergavenaam,Bijnaam,Primair e-mailadres,Secundair e-mailadres,Schermnaam,"
                    + "Telefoon werk,Telefoon thuis,Faxnummer,Piepernummer,Mobiel nummer,Adres,Adres 2,Woonplaats,"
                    + "Provincie,Postcode,Land,Werkadres,Werkadres 2,Werklocatie,Werkprovincie,Werkpostcode,Werkland,"
                    + "Werkfunctie,Afdeling,Organisatie,Webpagina 1,Webpagina 2,Geboortejaar,Geboortemaand,"
                    + "Geboortedag,Overig 1,Overig 2,Overig 3,Overig 4,Aantekeningen,",
            "Primeiro nome,Sobrenome,Nome de exibição,Apelido,Email principal,Email secundário,Nome de tela,"
                    + "Telefone comercial,Telefone residencial,Número do fax,Número do pager,Número do celular,"
                    + "Endereço,Endereço 2,Cidade,Estado,CEP,País,Endereço comercial,Endereço comercial 2,"
                    + "Cidade de trabalho,Estado de trabalho,CEP comercial,País de trabalho,Cargo,Setor,Organização,"
                    + "Página web 1,Página web 2,Ano de nascimento,Mês de nascimento,Data de nascimento,"
                    + "Personalizado 1,Personalizado 2,Personalizado 3,Personalizado 4,Notas,",
            "Nome,Apelido,Nome exibido,Nickname,Email primário,E-mail secundário,Nome a mostrar,"
                    + "Telefone profissional,Telefone de casa,Número de fax,Número de pager,Número de telemóvel,"
                    + "Endereço pessoal,Endereço pessoal 2,Naturalidade,Distrito,Código postal,Nacionalidade,"
                    + "Endereço profissional,Endereço profissional 2,Local de trabalho,Distrito do local de trabalho,"
                    + "Código postal do local de trabalho,País do local de trabalho,Profissão,Departamento,"
                    + "Organização,Página web 1,Página web 2,Ano de nascimento,Mês de nascimento,Dia de nascimento,"
                    + "Personalizado 1,Personalizado 2,Personalizado 3,Personalizado 4,Notas,",
            "Vorname,Nachname,Anzeigename,Spitzname,Primäre E-Mail-Adresse,Sekundäre E-Mail-Adresse,Messenger-Name,"
                    + "Tel. dienstlich,Tel. privat,Fax-Nummer,Pager-Nummer,Mobil-Tel.-Nr.,Privat: Adresse,"
                    + "Privat: Adresse 2,Privat: Ort,Privat: Bundesland,Privat: PLZ,Privat: Land,Dienstlich: Adresse,"
                    + "Dienstlich: Adresse 2,Dienstlich: Ort,Dienstlich: Bundesland,Dienstlich: PLZ,Dienstlich: Land,"
                    + "Arbeitstitel,Abteilung,Organisation,Webseite 1,Webseite 2,Geburtsjahr,Geburtsmonat,Geburtstag,"
                    + "Benutzerdef. 1,Benutzerdef. 2,Benutzerdef. 3,Benutzerdef. 4,Notizen,");

    @Test
    void aSpanishItalianDutchPortugueseOrCurrentGermanThunderbirdsExportIsReadAsTheEnglishOne() {
        // each was refused whole as "not a contacts CSV"
        String row = "Ana,Ruiz,Ana Ruiz,,ana@example.org,,ana.chat,+34 91 000 00 01,,,,+34 600 000 001,Calle Mayor 1,,"
                + "Sevilla,,41001,España,Gran Vía 2,,Madrid,,28013,España,,,,,,1990,3,9,,,,,,";
        for (String header : TRANSLATED_HEADERS) {
            List<ParsedItem> items = ImportFile.read(header + "\r\n" + row + "\r\n", ImportFile.Format.CSV)
                    .orElseThrow(() -> new AssertionError("refused: " + header));
            ContactDraft ana = items.getFirst().contact().draft();
            String language = header.substring(0, header.indexOf(','));
            assertEquals("Ana", ana.firstName(), language);
            assertEquals("Ruiz", ana.lastName(), language);
            assertEquals(List.of(new LabeledValue("ana@example.org", "other")), ana.emails(), language);
            assertEquals(List.of(new LabeledValue("+34 600 000 001", "mobile"),
                    new LabeledValue("+34 91 000 00 01", "work")), ana.phones(), language);
            assertEquals(List.of(new PostalAddress("home", "Calle Mayor 1", "Sevilla", null, "41001", "España"),
                    new PostalAddress("work", "Gran Vía 2", "Madrid", null, "28013", "España")), ana.addresses(),
                    language);
            assertEquals(LocalDate.of(1990, 3, 9), ana.birthday(), language);
            assertTrue(items.getFirst().contact().extras().contains("ana.chat"), "the chat name is kept: " + language);
        }
    }

    @Test
    void aCsvOfAnotherKindIsRefusedWhole() {
        assertTrue(ImportFile.read("id,name\r\n1,Ann\r\n", ImportFile.Format.CSV).isEmpty());
        assertTrue(ImportFile.read("BEGIN:VCARD\r\nFN:Ann\r\nEND:VCARD\r\n", ImportFile.Format.CSV).isEmpty());
    }

    @Test
    void anUnclosedQuoteEndsTheFileWithAnError() {
        String csv = "First Name,Last Name,E-mail 1 - Value\r\nAnn,Lee,ann@example.com\r\n\"Bob,Stone,bob@example.com\r\n";
        List<ParsedItem> items = ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow();
        assertEquals("Ann", items.get(0).contact().draft().firstName());
        assertEquals(2, items.size());
        assertNull(items.get(1).contact());
    }

    @Test
    void aRowIsAtTheLineItBeginsOnWhateverTheLineBreaksAndABomIsNotText() {
        // \r\n, \n and a lone \r (old Macs) all end a line; a line break inside quotes too
        String csv = "\uFEFFFirst Name,Last Name,E-mail 1 - Value\r\nAnn,Lee\nBob,\"Sto\r\nne\"\rCid,Kay\r\n\r\nDee,Ray\r\n";
        List<ParsedItem> items = ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow();
        assertEquals(List.of(2, 3, 5, 6, 7), items.stream().map(ParsedItem::line).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), items.stream().map(ParsedItem::item).toList());
        assertEquals("Ann", items.get(0).contact().draft().firstName(), "the header is found after the BOM");
        assertEquals("Sto\nne", items.get(1).contact().draft().lastName(), "a line break in a cell is the app's");
        assertNull(items.get(3).contact(), "an empty row is an error at its own line");
        assertEquals("Dee", items.get(4).contact().draft().firstName());
    }

    @Test
    void googlesWebSitesAndPhotoLinkAreAVCardsUrlsAndPhoto() {
        String csv = "First Name,Last Name,Photo,E-mail 1 - Value,Website 1 - Label,Website 1 - Value,"
                + "Website 2 - Label,Website 2 - Value\r\n"
                + "Ann,Lee,https://lh3.googleusercontent.com/contacts/ann,ann@example.com,Profile,"
                + "https://social.example/ann ::: https://blog.example/ann,Work,https://acme.example\r\n"
                + "Bob,Stone,no photo,bob@example.com,,,,\r\n";
        List<ParsedItem> items = ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow();
        List<ezvcard.property.VCardProperty> ann = VCardExtras.read(items.get(0).contact().extras());
        assertEquals(List.of("URL https://social.example/ann [Profile]", "URL https://blog.example/ann [Profile]",
                "URL https://acme.example [work]", "PHOTO https://lh3.googleusercontent.com/contacts/ann"),
                ann.stream().map(CsvImportTest::describe).toList());
        assertEquals(List.of("X-CSV no photo"), VCardExtras.read(items.get(1).contact().extras()).stream()
                .map(CsvImportTest::describe).toList(), "a Photo cell that is no link is kept as it is");
    }

    @Test
    void outlooksWebPagesAreUrls() {
        String csv = "First Name,Last Name,E-mail Address,Web Page,Personal Web Page\r\n"
                + "Jürgen,Müller,jm@contoso.example,https://contoso.example,https://juergen.example\r\n";
        List<ParsedItem> items = ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow();
        assertEquals(List.of("URL https://contoso.example [work]", "URL https://juergen.example [home]"),
                VCardExtras.read(items.get(0).contact().extras()).stream().map(CsvImportTest::describe).toList());
    }

    @Test
    void outlooksLineBreaksInsideACellAreStoredAsTheAppsOwn() {
        // Outlook (Windows) writes a two-line street or note with CRLF inside the quoted cell; the stored text had a
        // CR before each line break, which a vCard export then dropped (a round trip changed the contact)
        String csv = "\"First Name\",\"Last Name\",\"E-mail Address\",\"Home Street\",\"Home City\",\"Notes\"\r\n"
                + "\"François\",\"Lefèvre\",\"f@example.fr\",\"4 rue de l'Église\r\nBâtiment B\",\"Lyon\","
                + "\"Line one\r\nLine two\rthree\"\r\n";
        ContactDraft f = ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow().get(0).contact().draft();
        assertEquals("4 rue de l'Église\nBâtiment B", f.addresses().get(0).street());
        assertEquals("Line one\nLine two\nthree", f.additionalData());
    }

    static String describe(ezvcard.property.VCardProperty p) {
        return switch (p) {
            case ezvcard.property.Url url -> "URL " + url.getValue() + " " + url.getParameters().getTypes();
            case ezvcard.property.Photo photo -> "PHOTO " + photo.getUrl();
            case ezvcard.property.RawProperty raw -> raw.getPropertyName() + " " + raw.getValue();
            default -> p.toString();
        };
    }

    @Test
    void aSemicolonSeparatedFileIsReadAsTheCommaOne() {
        // Outlook and Excel write ";" where the comma is the decimal separator (Germany, France, Spain ...)
        String google = fixture("google.csv");
        List<ParsedItem> commas = ImportFile.read(google, ImportFile.Format.CSV).orElseThrow();
        StringBuilder semicolons = new StringBuilder();
        try (org.apache.commons.csv.CSVParser in = org.apache.commons.csv.CSVFormat.RFC4180.parse(
                new java.io.StringReader(google));
             org.apache.commons.csv.CSVPrinter out = new org.apache.commons.csv.CSVPrinter(semicolons,
                     org.apache.commons.csv.CSVFormat.RFC4180.builder().setDelimiter(';').get())) {
            for (org.apache.commons.csv.CSVRecord row : in) {
                out.printRecord(row.toList());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(semicolons.toString().startsWith("First Name;Middle Name;Last Name;"), semicolons.toString());
        List<ParsedItem> read = ImportFile.read(semicolons.toString(), ImportFile.Format.CSV).orElseThrow();
        assertEquals(commas, read);

        String outlook = "First Name;Last Name;E-mail Address;Company;Business Street;Notes\r\n"
                + "Jürgen;Müller;jm@contoso.example;Contoso GmbH, Vertrieb;\"Straße des 17. Juni 1\";\"a; b, c\"\r\n";
        ContactDraft j = ImportFile.read(outlook, ImportFile.Format.CSV).orElseThrow().get(0).contact().draft();
        assertEquals("Jürgen", j.firstName());
        assertEquals("Contoso GmbH, Vertrieb", j.organization(), "a comma inside a cell is text");
        assertEquals("a; b, c", j.additionalData());
        assertEquals(List.of(new LabeledValue("jm@contoso.example", "other")), j.emails());
    }

    /** One cell of {@code chars} characters over many short lines (no one line is long: the row is what is large). */
    private static String bigCell(int chars, String lineEnd) {
        String line = "x".repeat(100 - lineEnd.length()) + lineEnd;
        return line.repeat(chars / line.length() + 1);
    }

    @Test
    void aRowTooLargeToHoldIsAnErrorAtItsLineAndTheRowsAfterItAreRead() {
        for (String end : List.of("\r\n", "\n", "\r")) {
            String cell = bigCell(ImportFile.MAX_ITEM_BYTES, end);
            int cellLines = ImportFile.MAX_ITEM_BYTES / 100 + 1;
            String csv = String.join(end, "First Name,Last Name,Notes,E-mail 1 - Value", "Ann,Lee,,ann@example.com",
                    "Cara,Diaz,\"" + cell + "\",cara@example.com", "Bob,Stone,\"two" + end + "lines\",bob@example.com",
                    "Dan,Roe,\"" + cell + "\",dan@example.com", "Eve,Moe,\"" + cell + "\",eve@example.com",
                    "Fay,Poe,,fay@example.com", "Gus,Kay,\"" + cell + "\",gus@example.com");
            List<ParsedItem> items = ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow();
            String what = end.replace("\r", "CR").replace("\n", "LF");
            assertEquals(7, items.size(), what);
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), items.stream().map(ParsedItem::item).toList(), what);
            assertEquals(List.of("Ann", "", "Bob", "", "", "Fay", ""), items.stream()
                    .map(i -> i.contact() == null ? "" : i.contact().draft().firstName()).toList(), what);
            int cara = 3;
            int bob = cara + cellLines + 1;
            int dan = bob + 2;
            int eve = dan + cellLines + 1;
            int fay = eve + cellLines + 1;
            assertEquals(List.of(2, cara, bob, dan, eve, fay, fay + 1), items.stream().map(ParsedItem::line).toList(),
                    what);
            assertEquals("This row is larger than 4 MiB", items.get(1).error(), what);
            assertEquals("This row is larger than 4 MiB", items.get(6).error(), "the last row, with no line break");
            assertEquals(List.of("two", "lines"), items.get(2).contact().draft().additionalData().lines().toList(), what);
        }
    }

    @Test
    void anUnclosedQuoteAfterARowTooLargeStillEndsTheFileAtItsOwnLine() {
        String cell = bigCell(ImportFile.MAX_ITEM_BYTES, "\n");
        int cellLines = ImportFile.MAX_ITEM_BYTES / 100 + 1;
        String csv = "First Name,Last Name,Notes,E-mail 1 - Value\nAnn,Lee,\nCara,Diaz,\"" + cell + "\"\nBob,Stone,\n\"Dee,Ray,\n";
        List<ParsedItem> items = ImportFile.read(csv, ImportFile.Format.CSV).orElseThrow();
        assertEquals(List.of("Ann", "", "Bob", ""), items.stream()
                .map(i -> i.contact() == null ? "" : i.contact().draft().firstName()).toList());
        assertEquals(List.of(2, 3, 4 + cellLines, 5 + cellLines), items.stream().map(ParsedItem::line).toList());
        assertEquals("This row is larger than 4 MiB", items.get(1).error());
        assertTrue(items.get(3).error().startsWith("Malformed CSV"), items.get(3).error());
    }
}
