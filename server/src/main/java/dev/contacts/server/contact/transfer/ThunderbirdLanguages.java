package dev.contacts.server.contact.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The headers of the CSV that Thunderbird exports in other languages, each read as the English one that
 * {@link CsvImport} reads. Thunderbird writes the same columns in the same order in every language, each named by
 * its address book field names ({@code importMsgs.properties}, 2100 to 2136, as its localisations have them; the
 * screen name, 2136, comes after the second email). A language whose names each name one column (German, Spanish
 * ...) is read by name, in any order, as the English one is; one that gives two columns the same name (French
 * names the home and the work city "Ville") only when its whole header is Thunderbird's, by position.
 */
final class ThunderbirdLanguages {

    /** The English columns, in the order Thunderbird writes every language's. */
    static final List<String> ENGLISH = List.of("First Name", "Last Name", "Display Name", "Nickname",
            "Primary Email", "Secondary Email", "Screen Name", "Work Phone", "Home Phone", "Fax Number",
            "Pager Number", "Mobile Number", "Home Address", "Home Address 2", "Home City", "Home State",
            "Home ZipCode", "Home Country", "Work Address", "Work Address 2", "Work City", "Work State",
            "Work ZipCode", "Work Country", "Job Title", "Department", "Organization", "Web Page 1", "Web Page 2",
            "Birth Year", "Birth Month", "Birth Day", "Custom 1", "Custom 2", "Custom 3", "Custom 4", "Notes");

    private static final List<String> GERMAN = List.of("Vorname", "Nachname", "Anzeigename", "Spitzname",
            "Primäre E-Mail-Adresse", "Sekundäre E-Mail-Adresse", "Messenger-Name", "Tel. dienstlich", "Tel. privat",
            "Fax-Nummer", "Pager-Nummer", "Mobil-Tel.-Nr.", "Privat: Adresse", "Privat: Adresse 2", "Privat: Ort",
            "Privat: Bundesland", "Privat: PLZ", "Privat: Land", "Dienstlich: Adresse", "Dienstlich: Adresse 2",
            "Dienstlich: Ort", "Dienstlich: Bundesland", "Dienstlich: PLZ", "Dienstlich: Land", "Arbeitstitel",
            "Abteilung", "Organisation", "Webseite 1", "Webseite 2", "Geburtsjahr", "Geburtsmonat", "Geburtstag",
            "Benutzerdef. 1", "Benutzerdef. 2", "Benutzerdef. 3", "Benutzerdef. 4", "Notizen");

    /**
     * Each language's columns, in Thunderbird's order; older versions of a language that named a column
     * otherwise are listed beside it (the German once named the screen name "Anzeigename", as the display name).
     */
    private static final List<List<String>> LANGUAGES = List.of(
            GERMAN,
            renamed(GERMAN, "Messenger-Name", "Anzeigename"),
            List.of("Prénom", "Nom de famille", "Nom à afficher", "Surnom", "Adresse e-mail principale",
                    "Adresse e-mail secondaire", "Nom de l’écran", "Tél. professionnel", "Tél. personnel", "Fax",
                    "Pager", "Portable", "Adresse privée", "Adresse privée 2", "Ville", "Pays/État", "Code postal",
                    "Pays/Région (domicile)", "Adresse professionnelle", "Adresse professionnelle 2", "Ville",
                    "Pays/État", "Code postal", "Pays/Région (bureau)", "Profession", "Service", "Société",
                    "Site web 1", "Site web 2", "Année de naissance", "Mois", "Jour", "Divers 1", "Divers 2",
                    "Divers 3", "Divers 4", "Notes"),
            List.of("Nombre", "Apellidos", "Nombre mostrado", "Apodo", "Dirección de correo electrónico principal",
                    "Dirección de correo electrónico secundaria", "Nombre en pantalla", "Teléfono (Trabajo)",
                    "Teléfono particular", "Fax", "Buscapersonas", "Teléfono móvil", "Dirección personal",
                    "Dirección personal 2", "Ciudad donde vive", "Provincia", "Código postal", "País de residencia",
                    "Dirección de trabajo", "Dirección de trabajo 2", "Ciudad (Trabajo)", "Provincia (Trabajo)",
                    "Código postal (Trabajo)", "País (Trabajo)", "Puesto", "Departamento", "Organización",
                    "Página web 1", "Página web 2", "Año de nacimiento", "Mes de nacimiento", "Día de nacimiento",
                    "Personalizado 1", "Personalizado 2", "Personalizado 3", "Personalizado 4", "Notas"),
            List.of("Nome", "Cognome", "Nome visualizzato", "Soprannome", "Email primaria", "Email secondaria",
                    "Nome Instant Messenger", "Telefono lavoro", "Telefono casa", "Numero fax", "Numero cercapersone",
                    "Numero cellulare", "Indirizzo di casa", "Indirizzo di casa 2", "Città di residenza",
                    "Provincia di residenza", "CAP di residenza", "Nazione di residenza", "Indirizzo di lavoro",
                    "Indirizzo di lavoro 2", "Città di lavoro", "Provincia di lavoro", "CAP di lavoro",
                    "Nazione di lavoro", "Qualifica", "Reparto", "Organizzazione", "Pagina web 1", "Pagina web 2",
                    "Anno di nascita", "Mese di nascita", "Giorno di nascita", "Personalizzato 1", "Personalizzato 2",
                    "Personalizzato 3", "Personalizzato 4", "Note"),
            List.of("Voornaam", "Achternaam", "Weergavenaam", "Bijnaam", "Primair e-mailadres",
                    "Secundair e-mailadres", "Schermnaam", "Telefoon werk", "Telefoon thuis", "Faxnummer",
                    "Piepernummer", "Mobiel nummer", "Adres", "Adres 2", "Woonplaats", "Provincie", "Postcode", "Land",
                    "Werkadres", "Werkadres 2", "Werklocatie", "Werkprovincie", "Werkpostcode", "Werkland",
                    "Werkfunctie", "Afdeling", "Organisatie", "Webpagina 1", "Webpagina 2", "Geboortejaar",
                    "Geboortemaand", "Geboortedag", "Overig 1", "Overig 2", "Overig 3", "Overig 4", "Aantekeningen"),
            List.of("Primeiro nome", "Sobrenome", "Nome de exibição", "Apelido", "Email principal",
                    "Email secundário", "Nome de tela", "Telefone comercial", "Telefone residencial", "Número do fax",
                    "Número do pager", "Número do celular", "Endereço", "Endereço 2", "Cidade", "Estado", "CEP",
                    "País", "Endereço comercial", "Endereço comercial 2", "Cidade de trabalho", "Estado de trabalho",
                    "CEP comercial", "País de trabalho", "Cargo", "Setor", "Organização", "Página web 1",
                    "Página web 2", "Ano de nascimento", "Mês de nascimento", "Data de nascimento", "Personalizado 1",
                    "Personalizado 2", "Personalizado 3", "Personalizado 4", "Notas"),
            List.of("Nome", "Apelido", "Nome exibido", "Nickname", "Email primário", "E-mail secundário",
                    "Nome a mostrar", "Telefone profissional", "Telefone de casa", "Número de fax", "Número de pager",
                    "Número de telemóvel", "Endereço pessoal", "Endereço pessoal 2", "Naturalidade", "Distrito",
                    "Código postal", "Nacionalidade", "Endereço profissional", "Endereço profissional 2",
                    "Local de trabalho", "Distrito do local de trabalho", "Código postal do local de trabalho",
                    "País do local de trabalho", "Profissão", "Departamento", "Organização", "Página web 1",
                    "Página web 2", "Ano de nascimento", "Mês de nascimento", "Dia de nascimento", "Personalizado 1",
                    "Personalizado 2", "Personalizado 3", "Personalizado 4", "Notas"));

    /** The columns that say a header is this language's Thunderbird's: its first name and its primary email. */
    private static final int FIRST_NAME = ENGLISH.indexOf("First Name");
    private static final int PRIMARY_EMAIL = ENGLISH.indexOf("Primary Email");

    static {
        for (List<String> language : LANGUAGES) {
            if (language.size() != ENGLISH.size()) {
                throw new IllegalStateException("Thunderbird's columns are " + ENGLISH.size() + ": " + language);
            }
        }
    }

    private ThunderbirdLanguages() {
    }

    private static List<String> renamed(List<String> columns, String name, String formerly) {
        List<String> older = new ArrayList<>(columns);
        older.set(columns.indexOf(name), formerly);
        return List.copyOf(older);
    }

    /** Whether a header row is a translated Thunderbird's that this server reads. */
    static boolean is(List<String> header) {
        return inEnglish(header).isPresent();
    }

    /**
     * The header with each translated column name put in English: by position when the whole header is a language's
     * (blank names after its last column aside), else by name when it has a language's first name and primary
     * email and that language names no two columns alike; empty when neither.
     */
    static Optional<List<String>> inEnglish(List<String> header) {
        List<String> names = header.stream().map(ThunderbirdLanguages::normalized).toList();
        int end = names.size();
        while (end > 0 && names.get(end - 1).isEmpty()) {
            end--;
        }
        List<String> written = names.subList(0, end);
        for (List<String> language : LANGUAGES) {
            if (written.equals(language.stream().map(ThunderbirdLanguages::normalized).toList())) {
                List<String> english = new ArrayList<>(ENGLISH);
                english.addAll(header.subList(end, header.size()));
                return Optional.of(english);
            }
        }
        Set<String> present = new HashSet<>(names);
        for (List<String> language : LANGUAGES) {
            Map<String, String> byName = byName(language);
            if (byName != null && present.contains(normalized(language.get(FIRST_NAME)))
                    && present.contains(normalized(language.get(PRIMARY_EMAIL)))) {
                List<String> english = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    english.add(byName.getOrDefault(names.get(i), header.get(i)));
                }
                return Optional.of(english);
            }
        }
        return Optional.empty();
    }

    /**
     * The language's name of each column → the English one; null when it gives two columns one name (only
     * their place tells them apart). (An older German header, whose screen name is a second "Anzeigename", is read
     * by the current German names: both columns as the display name, the first one read, as before.)
     */
    private static Map<String, String> byName(List<String> language) {
        Map<String, String> english = new HashMap<>();
        for (int i = 0; i < language.size(); i++) {
            if (english.putIfAbsent(normalized(language.get(i)), ENGLISH.get(i)) != null) {
                return null;
            }
        }
        return english;
    }

    /** A name as compared: without outer spaces, its typographic apostrophe as the plain one older versions wrote. */
    private static String normalized(String name) {
        return name.strip().replace('’', '\'');
    }
}
