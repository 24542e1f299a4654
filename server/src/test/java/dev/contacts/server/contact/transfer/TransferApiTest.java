package dev.contacts.server.contact.transfer;

import static dev.contacts.server.contact.transfer.VCardImportTest.card;
import static dev.contacts.server.contact.transfer.VCardImportTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Import and export over the real routing: formats, positions of errors, duplicates, limits, isolation. */
@ServerTest
class TransferApiTest {

    static final String VCARD = "text/vcard";
    static final String CSV = "text/csv";

    private final TestApi api;
    private String token;

    TransferApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @BeforeEach
    void user() {
        token = api.newUser();
    }

    static Response importFile(TestApi api, String token, String query, String type, String body) {
        return api.send("POST", "/contacts/import/" + query, token, type, body);
    }

    private JsonNode imported(String query, String type, String body) {
        Response r = importFile(api, token, query, type, body);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private JsonNode contacts() {
        return api.get("/contacts/?limit=1000", token).json();
    }

    private static JsonNode byFirstName(JsonNode contacts, String firstName) {
        for (JsonNode c : contacts) {
            if (c.get("first_name").asText().equals(firstName)) {
                return c;
            }
        }
        throw new AssertionError("no contact " + firstName + " in " + contacts);
    }

    @Test
    void googleVCardBecomesContactsWithEveryField() {
        JsonNode report = imported("", VCARD, fixture("google.vcf"));
        assertEquals(2, report.get("created").asInt());
        assertEquals(0, report.get("errors").size());
        JsonNode n = byFirstName(contacts(), "Núñez");
        assertEquals("García", n.get("last_name").asText());
        assertEquals("nunez@example.com", n.get("email").asText(), "email mirrors the first entry");
        assertEquals("home", n.get("emails").get(0).get("label").asText());
        assertEquals("1604-05-17", n.get("birthday").asText());
        assertEquals("Family", n.get("labels").get(0).asText());
        assertTrue(n.get("favorite").asBoolean());
        assertEquals("Madrid", n.get("addresses").get(0).get("locality").asText());
    }

    @Test
    void aBrokenCardIsReportedWithItsItemAndLineAndTheRestIsImported() {
        JsonNode report = imported("", VCARD, fixture("thunderbird.vcf"));
        assertEquals(2, report.get("created").asInt());
        assertEquals(0, report.get("skipped").asInt());
        JsonNode error = report.get("errors").get(0);
        assertEquals(2, error.get("item").asInt());
        assertEquals(15, error.get("line").asInt());
        assertFalse(error.get("detail").asText().isBlank());
        assertEquals(2, contacts().size());
    }

    @Test
    void appleCardBringsItsPhoto() {
        imported("", VCARD, fixture("apple.vcf"));
        JsonNode ann = byFirstName(contacts(), "Ann");
        assertTrue(ann.get("has_photo").asBoolean());
        Response photo = api.get("/contacts/" + ann.get("id").asLong() + "/photo/", token);
        assertEquals(200, photo.status());
        assertEquals("image/png", photo.header("Content-Type"));
    }

    @Test
    void aPhotoTheServerCannotUseIsExportedBackAsTheFileHadIt() {
        String unreadable = Base64.getEncoder().encodeToString("a photo in no known format".getBytes());
        imported("", VCARD, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane\r\nFN:Jane Doe\r\n"
                + "PHOTO;ENCODING=b;TYPE=HEIC:" + unreadable + "\r\nEND:VCARD\r\n");
        JsonNode jane = byFirstName(contacts(), "Jane");
        assertFalse(jane.get("has_photo").asBoolean());
        String export = api.get("/contacts/export/?format=vcard", token).body();
        assertTrue(export.replace("\r\n ", "").contains(unreadable), "nothing of the file is lost: " + export);
    }

    @Test
    void aNamesPrefixAndSuffixStayTitlesOfTheNameOnEveryPathNotNotes() {
        // a vCard's N (Apple, Thunderbird), Google's CSV columns and Outlook's "Title" and "Suffix" columns
        imported("", VCARD, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Dupont;Amélie;;Mme;\r\nFN:Mme Amélie Dupont\r\n"
                + "EMAIL:amelie@example.fr\r\nEND:VCARD\r\n");
        imported("", CSV, "First Name,Last Name,Name Prefix,Name Suffix,E-mail 1 - Value\r\n"
                + "Jane,Doe,Dr.,PhD,jane@example.com\r\n");
        imported("", CSV, "\"Title\",\"First Name\",\"Last Name\",\"Suffix\",\"E-mail Address\"\r\n"
                + "\"Prof.\",\"José\",\"Müller\",\"Jr.\",\"jose@example.de\"\r\n");
        JsonNode all = contacts();
        for (JsonNode c : all) {
            assertTrue(c.get("additional_data").isNull(), "no title in the notes: " + c);
        }
        String vcard = api.get("/contacts/export/?format=vcard", token).body();
        assertTrue(vcard.contains("N:Dupont;Amélie;;Mme;\r\n") && vcard.contains("FN:Mme Amélie Dupont\r\n"), vcard);
        assertTrue(vcard.contains("N:Doe;Jane;;Dr.;PhD\r\n") && vcard.contains("FN:Dr. Jane Doe PhD\r\n"), vcard);
        assertTrue(vcard.contains("N:Müller;José;;Prof.;Jr.\r\n"), vcard);
        assertFalse(vcard.contains("X-CSV"), "written in N, not also as kept columns: " + vcard);
        String csv = api.get("/contacts/export/?format=csv", token).body();
        assertTrue(csv.contains("Amélie,,Dupont,,,,Mme,,"), csv);
        assertTrue(csv.contains("Jane,,Doe,,,,Dr.,PhD,"), csv);
        assertTrue(csv.contains("José,,Müller,,,,Prof.,Jr.,"), csv);

        // both exports imported again find everyone as they are
        JsonNode again = imported("", VCARD, vcard);
        assertEquals(0, again.get("created").asInt() + again.get("merged").asInt(), again.toString());
        JsonNode csvAgain = imported("", CSV, csv);
        assertEquals(0, csvAgain.get("created").asInt() + csvAgain.get("merged").asInt(), csvAgain.toString());
        assertEquals(all, contacts());
        assertEquals(vcard, api.get("/contacts/export/?format=vcard", token).body());
    }

    @Test
    void aGifPhotoBecomesThePhoto() {
        String gif = Base64.getEncoder().encodeToString(VCardImportTest.image(10, 10, "gif", false));
        imported("", VCARD, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane\r\nFN:Jane Doe\r\n"
                + "PHOTO;ENCODING=b;TYPE=GIF:" + gif + "\r\nEND:VCARD\r\n");
        JsonNode jane = byFirstName(contacts(), "Jane");
        assertTrue(jane.get("has_photo").asBoolean());
        Response photo = api.get("/contacts/" + jane.get("id").asLong() + "/photo/", token);
        assertEquals("image/png", photo.header("Content-Type"));
    }

    @Test
    void aJpegPhotoWithinTheStoredSizeKeepsItsBytesThroughAnImportAndExport() {
        // as the server stores one (and exports it): each import re-encoded it, a little worse each time
        byte[] jpeg = VCardImportTest.image(120, 90, "jpeg", true);
        String base64 = Base64.getEncoder().encodeToString(jpeg);
        imported("", VCARD, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane\r\nFN:Jane Doe\r\n"
                + "PHOTO;ENCODING=b;TYPE=JPEG:" + base64 + "\r\nEND:VCARD\r\n");
        JsonNode jane = byFirstName(contacts(), "Jane");
        byte[] stored = api.sendForBytes(HttpRequest.newBuilder(api.uri("/contacts/" + jane.get("id").asLong()
                + "/photo/")).header("Authorization", "Bearer " + token).GET()).body();
        org.junit.jupiter.api.Assertions.assertArrayEquals(jpeg, stored);
        String card = api.get("/contacts/export/?format=vcard", token).body().replace("\r\n ", "");
        assertTrue(card.contains(base64), "exported as imported:\n" + card);
    }

    @Test
    void importThenExportThenImportCreatesNothingAndChangesNothing() {
        for (String name : List.of("google.vcf", "apple.vcf", "outlook.vcf", "thunderbird.vcf")) {
            imported("", VCARD, fixture(name));
        }
        for (String name : List.of("google.csv", "google-legacy.csv", "outlook.csv")) {
            imported("?duplicates=create", CSV, fixture(name));
        }
        JsonNode before = contacts();
        Response vcard = api.get("/contacts/export/?format=vcard", token);
        assertEquals(200, vcard.status());

        JsonNode again = imported("", VCARD, vcard.body());
        assertEquals(0, again.get("created").asInt(), again.toString());
        assertEquals(0, again.get("merged").asInt(), "nothing was merged: the book had it all " + again);
        assertEquals(before.size(), again.get("skipped").asInt(), again.toString());
        assertEquals(0, again.get("errors").size());
        assertEquals(before, contacts(), "nothing changed, not even updated_at");
        assertEquals(vcard.body(), api.get("/contacts/export/?format=vcard", token).body(),
                "the second export is the first one, byte for byte (UIDs, kept properties, photos)");

        JsonNode csvAgain = imported("", CSV, api.get("/contacts/export/?format=csv", token).body());
        assertEquals(0, csvAgain.get("created").asInt(), csvAgain.toString());
        assertEquals(0, csvAgain.get("merged").asInt(), "no UIDs in a CSV, the same all the same: " + csvAgain);
        assertEquals(before.size(), csvAgain.get("skipped").asInt(), csvAgain.toString());
        assertEquals(before, contacts(), "nothing changed by the CSV either");

        Response csv = api.get("/contacts/export/?format=csv", token);
        JsonNode fromCsv = imported("", CSV, csv.body());
        assertEquals(0, fromCsv.get("created").asInt(), fromCsv.toString());
        assertEquals(before, contacts());
    }

    @Test
    void aDepartmentIsShownWithItsOrganizationAndComesBackInItsOwnColumnAndUnit() {
        imported("", CSV, "First Name,Last Name,Organization Name,Organization Department,E-mail 1 - Value\r\n"
                + "Ann,Lee,Volvo Cars,Interior,ann@volvo.example\r\n");
        imported("", VCARD, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ek;Bo;;;\r\nFN:Bo Ek\r\n"
                + "ORG:Saab AB;Aeronautics\r\nEND:VCARD\r\n");
        JsonNode before = contacts();
        assertEquals("Volvo Cars, Interior", byFirstName(before, "Ann").get("organization").asText(),
                "the contract's one organization field: the department joined in, as the person reads it");
        assertEquals("Saab AB, Aeronautics", byFirstName(before, "Bo").get("organization").asText());

        String csv = api.get("/contacts/export/?format=csv", token).body();
        assertTrue(csv.contains(",Volvo Cars,,Interior,"), "Organization Name, Title, Department:\n" + csv);
        assertTrue(csv.contains(",Saab AB,,Aeronautics,"), csv);
        String vcard = api.get("/contacts/export/?format=vcard", token).body();
        assertTrue(vcard.contains("ORG:Volvo Cars;Interior\r\n"), vcard);
        assertTrue(vcard.contains("ORG:Saab AB;Aeronautics\r\n"), vcard);
        assertFalse(vcard.contains("X-COLUMN=Organization Department"), "the unit is the ORG's, not kept twice");

        for (String again : List.of(csv, vcard)) {
            JsonNode report = imported("", again == csv ? CSV : VCARD, again);
            assertEquals(0, report.get("created").asInt(), report.toString());
            assertEquals(0, report.get("merged").asInt(), "nothing new: " + report);
        }
        assertEquals(before, contacts());

        // the organization changed in the app: written whole, as it is, and the old department is not
        long ann = byFirstName(before, "Ann").get("id").asLong();
        assertEquals(200, api.patch("/contacts/" + ann + "/", token, "{\"organization\": \"Polestar\"}").status());
        String changed = api.get("/contacts/export/?format=csv", token).body();
        assertTrue(changed.contains(",Polestar,,,"), changed);
        assertFalse(changed.contains("Interior"), changed);
    }

    @Test
    void aMiddleNameIsPartOfTheFirstNameAndComesBackInItsOwnColumnAndPlace() {
        imported("", CSV, "First Name,Middle Name,Last Name,E-mail 1 - Value\r\n"
                + "Ivan,Sergeyevich,Petrov,ivan@example.ru\r\n");
        imported("", VCARD, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Smith;Sam;Lee;Mr.;Jr.\r\nFN:Mr. Sam Lee Smith Jr."
                + "\r\nEND:VCARD\r\n");
        JsonNode before = contacts();
        assertEquals("Ivan Sergeyevich", byFirstName(before, "Ivan Sergeyevich").get("first_name").asText(),
                "the contract's first name: the given name, the middle name joined as the name is read");
        assertEquals("Petrov", byFirstName(before, "Ivan Sergeyevich").get("last_name").asText());

        String csv = api.get("/contacts/export/?format=csv", token).body();
        assertTrue(csv.contains("Ivan,Sergeyevich,Petrov,"), csv);
        assertTrue(csv.contains("Sam,Lee,Smith,"), csv);
        assertTrue(csv.contains(",Mr.,Jr.,"), csv);
        String vcard = api.get("/contacts/export/?format=vcard", token).body();
        assertTrue(vcard.contains("N:Petrov;Ivan;Sergeyevich;;\r\n"), vcard);
        assertTrue(vcard.contains("N:Smith;Sam;Lee;Mr.;Jr.\r\n"), vcard);
        assertTrue(vcard.contains("FN:Mr. Sam Lee Smith Jr.\r\n"), vcard);
        for (String again : List.of(csv, vcard)) {
            JsonNode report = imported("", again == csv ? CSV : VCARD, again);
            assertEquals(0, report.get("created").asInt(), report.toString());
            assertEquals(0, report.get("merged").asInt(), "nothing new: " + report);
        }
        assertEquals(before, contacts());
    }

    @Test
    void webSitesAndPhotoLinksSurviveACsvRoundTrip() {
        // Google's CSV (its Website and Photo columns) and a vCard's URLs and photo link
        imported("", CSV, "First Name,Last Name,Photo,E-mail 1 - Value,Website 1 - Label,Website 1 - Value\r\n"
                + "Björk,Guðmundsdóttir,https://lh3.googleusercontent.com/contacts/bjork,bjork@example.is,Profile,"
                + "https://bjork.example\r\n");
        imported("", VCARD, RoundTripTest.SITES_CARD);
        JsonNode before = contacts();
        String csv = api.get("/contacts/export/?format=csv", token).body();
        for (String site : List.of("Profile,https://bjork.example", "https://lh3.googleusercontent.com/contacts/bjork",
                "Work,https://acme.example/ann", "https://photos.example/ann.jpg")) {
            assertTrue(csv.contains(site), site + " in " + csv);
        }

        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("created").asInt(), again.toString());
        assertEquals(0, again.get("merged").asInt(), "the CSV adds nothing: " + again);
        assertEquals(2, again.get("skipped").asInt(), again.toString());
        assertEquals(before, contacts());
        String vcard = api.get("/contacts/export/?format=vcard", token).body();
        // a label of the person's own as Apple writes it (itemN.URL, itemN.X-ABLabel), "work" as a TYPE
        for (String site : List.of(".URL:https://bjork.example", ".X-ABLabel:Profile",
                "PHOTO:https://lh3.googleusercontent.com/contacts/bjork", "URL;TYPE=WORK:https://acme.example/ann",
                "https://blog.example/ann", "https://social.example/ann", "https://more.example/ann",
                "https://photos.example/ann.jpg")) {
            assertEquals(1, count(vcard, site), site + " once in " + vcard);
        }
    }

    /** Google's CSV with relations, events, custom fields, web sites and chat columns, as Google numbers them. */
    static final String GOOGLE_EXTRAS_CSV = "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,"
            + "Relation 1 - Label,Relation 1 - Value,Relation 2 - Label,Relation 2 - Value,"
            + "Website 1 - Label,Website 1 - Value,Event 1 - Label,Event 1 - Value,Event 2 - Label,Event 2 - Value,"
            + "Custom Field 1 - Label,Custom Field 1 - Value,Custom Field 2 - Label,Custom Field 2 - Value,"
            + "IM 1 - Label,IM 1 - Service,IM 1 - Value\r\n"
            + "Ada,Lovelace,* Home,ada@example.org,Spouse,William King,Child,Byron ::: Annabella,"
            + "Profile,https://ada.example,Anniversary,1835-07-08,Graduation,--09-10,"
            + "Legacy ID,42,\"Floor, room\",\"3, 301\",Home,Skype,ada.l\r\n"
            + "Charles,Babbage,,charles@example.org,Friend,Ada Lovelace,,,,,,,,,Legacy ID,43,,,,,\r\n";

    @Test
    void googlesRelationsEventsAndCustomFieldsSurviveACsvRoundTripUnderGooglesOwnColumns() {
        JsonNode report = imported("", CSV, GOOGLE_EXTRAS_CSV);
        assertEquals(2, report.get("created").asInt(), report.toString());
        JsonNode before = contacts();
        String csv = api.get("/contacts/export/?format=csv", token).body();
        List<Map<String, String>> rows = rows(csv);
        Map<String, String> ada = rows.stream().filter(r -> r.get("First Name").equals("Ada")).findFirst()
                .orElseThrow();
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("Relation 1 - Label", "Spouse");
        expected.put("Relation 1 - Value", "William King");
        expected.put("Relation 2 - Label", "Child");
        expected.put("Relation 2 - Value", "Byron");
        expected.put("Relation 3 - Label", "Child");
        expected.put("Relation 3 - Value", "Annabella");
        expected.put("Website 1 - Label", "Profile");
        expected.put("Website 1 - Value", "https://ada.example");
        expected.put("Event 1 - Label", "Anniversary");
        expected.put("Event 1 - Value", "1835-07-08");
        expected.put("Event 2 - Label", "Graduation");
        expected.put("Event 2 - Value", "--09-10");
        expected.put("Custom Field 1 - Label", "Legacy ID");
        expected.put("Custom Field 1 - Value", "42");
        expected.put("Custom Field 2 - Label", "Floor, room");
        expected.put("Custom Field 2 - Value", "3, 301");
        expected.put("IM 1 - Label", "Home");
        expected.put("IM 1 - Service", "Skype");
        expected.put("IM 1 - Value", "ada.l");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), ada.get(e.getKey()), e.getKey() + " in\n" + csv);
        }
        Map<String, String> charles = rows.stream().filter(r -> r.get("First Name").equals("Charles")).findFirst()
                .orElseThrow();
        assertEquals(List.of("Friend", "Ada Lovelace", "", "", "Legacy ID", "43", ""),
                List.of(charles.get("Relation 1 - Label"), charles.get("Relation 1 - Value"),
                        charles.get("Relation 2 - Label"), charles.get("Event 1 - Value"),
                        charles.get("Custom Field 1 - Label"), charles.get("Custom Field 1 - Value"),
                        charles.get("IM 1 - Service")));
        // Google's column names and order: the fixed ones, then relations, web sites, events, custom fields
        String header = csv.substring(0, csv.indexOf("\r\n"));
        assertTrue(header.endsWith(",Address 5 - Extended Address,Relation 1 - Label,Relation 1 - Value,"
                + "Relation 2 - Label,Relation 2 - Value,Relation 3 - Label,Relation 3 - Value,Website 1 - Label,"
                + "Website 1 - Value,Event 1 - Label,Event 1 - Value,Event 2 - Label,Event 2 - Value,"
                + "Custom Field 1 - Label,Custom Field 1 - Value,Custom Field 2 - Label,Custom Field 2 - Value,"
                + "IM 1 - Label,IM 1 - Service,IM 1 - Value"), header);

        // the export imported again adds nothing; into another account, it exports as the same file
        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("created").asInt(), again.toString());
        assertEquals(0, again.get("merged").asInt(), "the CSV adds nothing: " + again);
        assertEquals(before, contacts());
        assertEquals(csv, api.get("/contacts/export/?format=csv", token).body());
        String other = api.newUser();
        assertEquals(200, importFile(api, other, "", CSV, csv).status());
        assertEquals(csv, api.get("/contacts/export/?format=csv", other).body(),
                "every value and label came back where it was");
    }

    @Test
    void aLineBreakAndABackslashInAKeptValueComeBackAsTheyWereInTheCsvAndAsVCardTextInTheVCard() {
        JsonNode report = imported("", CSV, "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,"
                + "Custom Field 1 - Label,Custom Field 1 - Value,Custom Field 2 - Label,Custom Field 2 - Value\r\n"
                + "Ada,Lovelace,,ada@example.org,Directions,\"Gate 2\nthen left\",Path,C:\\new\\x;y\r\n");
        assertEquals(1, report.get("created").asInt(), report.toString());
        String csv = api.get("/contacts/export/?format=csv", token).body();
        Map<String, String> ada = rows(csv).getFirst();
        assertEquals("Gate 2\nthen left", ada.get("Custom Field 1 - Value"), "a line break, not the two characters \\n");
        assertEquals("C:\\new\\x;y", ada.get("Custom Field 2 - Value"), "the backslashes as they were");
        String card = api.get("/contacts/export/?format=vcard", token).body();
        assertTrue(card.contains(":Gate 2\\nthen left\r\n") && card.contains(":C:\\\\new\\\\x;y\r\n"),
                "vCard text escapes a line break and a backslash: " + card);

        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("created").asInt() + again.get("merged").asInt(),
                "the export adds nothing: " + again);
        assertEquals(csv, api.get("/contacts/export/?format=csv", token).body());
    }

    @Test
    void aVCardsRelationsAnniversaryAndDatesAreWrittenInGooglesColumnsAndTheRestInTheVCardOnly() {
        imported("", VCARD, card("""
                N:Lee;Ann;;;\r
                FN:Ann Lee\r
                EMAIL:ann@example.com\r
                URL;TYPE=WORK:https://acme.example/ann\r
                RELATED;TYPE=spouse;VALUE=text:Bob Lee\r
                item1.X-ABRELATEDNAMES:Eve Lee\r
                item1.X-ABLabel:_$!<Mother>!$_\r
                ANNIVERSARY:20100601\r
                item2.X-ABDATE:2001-09-10\r
                item2.X-ABLabel:Graduation\r
                IMPP:xmpp:ann@jabber.example\r
                X-ANNIVERSARY:2011-06-01"""));
        JsonNode before = contacts();
        String csv = api.get("/contacts/export/?format=csv", token).body();
        Map<String, String> ann = rows(csv).get(0);
        assertEquals(List.of("Spouse", "Bob Lee", "Mother", "Eve Lee"), List.of(ann.get("Relation 1 - Label"),
                ann.get("Relation 1 - Value"), ann.get("Relation 2 - Label"), ann.get("Relation 2 - Value")), csv);
        // in the order the kept properties are stored (ez-vcard keeps a card's known properties apart from the others)
        assertEquals(java.util.Set.of("Anniversary 2010-06-01", "Graduation 2001-09-10", "Anniversary 2011-06-01"),
                java.util.Set.of(ann.get("Event 1 - Label") + " " + ann.get("Event 1 - Value"),
                        ann.get("Event 2 - Label") + " " + ann.get("Event 2 - Value"),
                        ann.get("Event 3 - Label") + " " + ann.get("Event 3 - Value")), csv);
        assertEquals(List.of("Work", "https://acme.example/ann"),
                List.of(ann.get("Website 1 - Label"), ann.get("Website 1 - Value")), csv);
        assertFalse(csv.contains("jabber"), "Google's CSV has no column for IMPP: " + csv);
        assertTrue(api.get("/contacts/export/?format=vcard", token).body().contains("IMPP:xmpp:ann@jabber.example"));

        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("created").asInt(), again.toString());
        assertEquals(0, again.get("merged").asInt(), "the CSV adds nothing to what the card kept: " + again);
        assertEquals(before, contacts());
        assertEquals(csv, api.get("/contacts/export/?format=csv", token).body());
    }

    @Test
    void evolutionsAndKAddressBooksAnniversarySpouseAndBlogAreWrittenInGooglesColumns() {
        // as GNOME Contacts / Evolution (EVCard 3.0) and KDE's KAddressBook write them
        imported("", VCARD, card("""
                N:Kowalska;Joanna;;;\r
                FN:Joanna Kowalska\r
                EMAIL;TYPE=HOME:asia@example.pl\r
                X-EVOLUTION-ANNIVERSARY:2014-05-10\r
                X-EVOLUTION-SPOUSE:Piotr\r
                X-EVOLUTION-MANAGER:Ewa Nowak\r
                X-EVOLUTION-BLOG-URL:https://asia.example.pl/blog"""));
        imported("", VCARD, card("""
                N:Weber;Jonas;;;\r
                FN:Jonas Weber\r
                EMAIL:jonas@example.de\r
                X-KADDRESSBOOK-X-Anniversary:2020-11-11\r
                X-KADDRESSBOOK-X-SpousesName:Lea\r
                X-KADDRESSBOOK-BlogFeed:https://jonas.example.de/feed"""));
        JsonNode before = contacts();
        String csv = api.get("/contacts/export/?format=csv", token).body();
        Map<String, String> joanna = rows(csv).get(0);
        assertEquals(List.of("Spouse", "Piotr", "Manager", "Ewa Nowak", "Anniversary", "2014-05-10", "Blog",
                "https://asia.example.pl/blog"), List.of(joanna.get("Relation 1 - Label"),
                joanna.get("Relation 1 - Value"), joanna.get("Relation 2 - Label"), joanna.get("Relation 2 - Value"),
                joanna.get("Event 1 - Label"), joanna.get("Event 1 - Value"), joanna.get("Website 1 - Label"),
                joanna.get("Website 1 - Value")), csv);
        Map<String, String> jonas = rows(csv).get(1);
        assertEquals(List.of("Spouse", "Lea", "Anniversary", "2020-11-11", "Blog", "https://jonas.example.de/feed"),
                List.of(jonas.get("Relation 1 - Label"), jonas.get("Relation 1 - Value"),
                        jonas.get("Event 1 - Label"), jonas.get("Event 1 - Value"), jonas.get("Website 1 - Label"),
                        jonas.get("Website 1 - Value")), csv);

        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("created").asInt(), again.toString());
        assertEquals(List.of(before.get(0).get("updated_at"), before.get(1).get("updated_at")),
                List.of(contacts().get(0).get("updated_at"), contacts().get(1).get("updated_at")),
                "the anniversary and spouse are not added a second time: " + again);
    }

    @Test
    void outlooksAnniversarySpouseManagerAndAssistantAreWrittenInGooglesColumns() {
        // as Outlook's "Save as vCard" writes them (2.1; the spouse, manager and assistant with an empty N parameter)
        imported("", VCARD, """
                BEGIN:VCARD\r
                VERSION:2.1\r
                N;LANGUAGE=de:Müller;Hans-Peter;;Dr.;\r
                FN:Dr. Hans-Peter Müller\r
                EMAIL;PREF;INTERNET:hp.mueller@example.de\r
                X-MS-OL-DEFAULT-POSTAL-ADDRESS:2\r
                X-MS-IMADDRESS:hpmueller@jabber.example.de\r
                X-MS-ANNIVERSARY:19920815\r
                X-MS-SPOUSE;N:Jürgen\r
                X-MS-MANAGER;N:Frau Huber\r
                X-MS-ASSISTANT;N:Kai\r
                END:VCARD\r
                """);
        JsonNode before = contacts();
        String csv = api.get("/contacts/export/?format=csv", token).body();
        Map<String, String> hansPeter = rows(csv).get(0);
        assertEquals(List.of("Spouse", "Jürgen", "Manager", "Frau Huber", "Assistant", "Kai", "Anniversary",
                "1992-08-15"), Arrays.asList(hansPeter.get("Relation 1 - Label"), hansPeter.get("Relation 1 - Value"),
                hansPeter.get("Relation 2 - Label"), hansPeter.get("Relation 2 - Value"),
                hansPeter.get("Relation 3 - Label"), hansPeter.get("Relation 3 - Value"),
                hansPeter.get("Event 1 - Label"), hansPeter.get("Event 1 - Value")), csv);

        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("created").asInt(), again.toString());
        assertEquals(before.get(0).get("updated_at"), contacts().get(0).get("updated_at"),
                "the anniversary and the relations are not added a second time: " + again);
    }

    @Test
    void anOutlookCardsKeptLinesAreWrittenAsUtf8TextAndItsPictureOnce() {
        // Outlook's "Save as vCard": Windows-1252 with CHARSET parameters, the picture as PHOTO and X-MS-CARDPICTURE
        String base64 = Base64.getEncoder().encodeToString(VCardImportTest.image(40, 30, "jpeg", true));
        byte[] file = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=de;CHARSET=Windows-1252:M\u00fcller;Hans-Peter\r\n"
                + "FN;CHARSET=Windows-1252:Hans-Peter M\u00fcller\r\nEMAIL;PREF;INTERNET:hp@example.de\r\n"
                + "X-MS-SPOUSE;CHARSET=Windows-1252:J\u00fcrgen\r\nPHOTO;TYPE=JPEG;ENCODING=BASE64:" + base64
                + "\r\n\r\nX-MS-CARDPICTURE;TYPE=JPEG;ENCODING=BASE64:" + base64 + "\r\n\r\nEND:VCARD\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertEquals(200, sendBytes(VCARD + "; charset=windows-1252", file).status());
        JsonNode before = contacts();
        assertTrue(before.get(0).get("has_photo").asBoolean());
        for (String version : List.of("4.0", "3.0")) {
            String card = api.get("/contacts/export/?format=vcard&version=" + version, token).body()
                    .replace("\r\n ", "");
            assertTrue(card.contains("\r\nX-MS-SPOUSE:J\u00fcrgen\r\n") && !card.contains("CHARSET"), card);
            assertFalse(card.contains("X-MS-CARDPICTURE"), "the photo is written once, as PHOTO:\n" + card);
            assertEquals(1, count(card, "\r\nPHOTO"), card);
            JsonNode again = imported("", VCARD, card);
            assertEquals(0, again.get("created").asInt() + again.get("merged").asInt(), again.toString());
            assertEquals(before, contacts());
        }
    }

    @Test
    void anOutlookComCsvsImAddressIsAChatAddressAndASecondImportAddsNothing() {
        // Outlook.com's (the web's) own columns
        String csv = "\uFEFFFirst Name,Middle Name,Last Name,Title,Suffix,Nickname,E-mail Address,Mobile Phone,"
                + "IMAddress,Spouse\r\nMarta,,Lis,,,,marta@example.pl,+48 601 111 222,marta@chat.example.pl,Jan\r\n";
        imported("", CSV, csv);
        JsonNode before = contacts();
        String card = api.get("/contacts/export/?format=vcard", token).body();
        assertTrue(card.contains("\r\nX-MS-IMADDRESS:marta@chat.example.pl\r\n") && !card.contains("IMAddress"),
                card);
        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("created").asInt() + again.get("merged").asInt(), again.toString());
        assertEquals(before, contacts());
        assertEquals(card, api.get("/contacts/export/?format=vcard", token).body());
    }

    @Test
    void applesSocialProfilesAreWrittenInGooglesWebsiteColumnsAndBack() {
        imported("", VCARD, card("""
                N:Nowak;Katarzyna;;;\r
                FN:Katarzyna Nowak\r
                EMAIL;TYPE=INTERNET:kasia@example.pl\r
                URL;TYPE=HOME:https://kasia.example.pl\r
                X-SOCIALPROFILE;type=twitter:https://twitter.com/kasia\r
                X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/kasia\r
                X-SOCIALPROFILE:https://social.example/@kasia"""));
        JsonNode before = contacts();
        String vcard = api.get("/contacts/export/?format=vcard", token).body();
        String csv = api.get("/contacts/export/?format=csv", token).body();
        Map<String, String> kasia = rows(csv).get(0);
        assertEquals(List.of("Home", "https://kasia.example.pl", "Twitter", "https://twitter.com/kasia", "LinkedIn",
                "https://www.linkedin.com/in/kasia", "Profile", "https://social.example/@kasia"),
                Arrays.asList(kasia.get("Website 1 - Label"), kasia.get("Website 1 - Value"),
                        kasia.get("Website 2 - Label"), kasia.get("Website 2 - Value"),
                        kasia.get("Website 3 - Label"), kasia.get("Website 3 - Value"),
                        kasia.get("Website 4 - Label"), kasia.get("Website 4 - Value")), csv);
        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("created").asInt() + again.get("merged").asInt(), again.toString());
        assertEquals(before, contacts());
        assertEquals(vcard, api.get("/contacts/export/?format=vcard", token).body(), "the vCard keeps its profiles");
        assertTrue(vcard.contains("X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/kasia"), vcard);
    }

    @Test
    void thunderbirdsSecondAddressLineAndOutlooksOneLineAreOneAddress() {
        String thunderbird = "First Name,Last Name,Display Name,Primary Email,Home Address,Home Address 2,Home City,"
                + "Home ZipCode,Home Country,\r\nJ\u00fcrgen,Weiß,J\u00fcrgen Weiß,juergen@example.de,"
                + "Kastanienallee 7,\"Hinterhaus, 3. OG\",Berlin,10435,Germany,\r\n";
        String outlook = "First Name,Last Name,E-mail Address,Home Street,Home City,Home Postal Code,"
                + "Home Country/Region,Business Street,Business City\r\nJ\u00fcrgen,Weiß,juergen@example.de,"
                + "Kastanienallee 7,Berlin,10435,Germany,Kastanienallee 70,Berlin\r\n";
        for (List<String> files : List.of(List.of(outlook, thunderbird), List.of(thunderbird, outlook))) {
            token = api.newUser();
            JsonNode first = imported("", CSV, files.get(0));
            JsonNode second = imported("", CSV, files.get(1));
            assertEquals(List.of(1, 1), List.of(first.get("created").asInt(), second.get("merged").asInt()),
                    second.toString());
            JsonNode addresses = contacts().get(0).get("addresses");
            assertEquals(List.of("Kastanienallee 7, Hinterhaus, 3. OG", "Kastanienallee 70"),
                    List.of(addresses.get(0).get("street").asText(), addresses.get(1).get("street").asText()),
                    "the fuller street of one address, and the other house kept: " + addresses);
            assertEquals(2, addresses.size(), addresses.toString());
            JsonNode again = imported("", CSV, files.get(0));
            assertEquals(0, again.get("created").asInt() + again.get("merged").asInt(), again.toString());
        }
    }

    @Test
    void applesPhoneticNamesGoToGooglesPhoneticColumnsAndBack() {
        imported("", VCARD, card("""
                N:Nakamura;Aiko;;;\r
                FN:Aiko Nakamura\r
                X-PHONETIC-FIRST-NAME:アイコ\r
                X-PHONETIC-LAST-NAME:ナカムラ\r
                EMAIL:aiko@example.jp"""));
        JsonNode before = contacts();
        String csv = api.get("/contacts/export/?format=csv", token).body();
        Map<String, String> aiko = rows(csv).get(0);
        assertEquals(List.of("アイコ", "", "ナカムラ"), List.of(aiko.get("Phonetic First Name"),
                aiko.get("Phonetic Middle Name"), aiko.get("Phonetic Last Name")), csv);
        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("created").asInt() + again.get("merged").asInt(), again.toString());
        assertEquals(before, contacts());
    }

    @Test
    void aGoogleCsvsPhoneticNamesAreWrittenInAVCardAsAppleAndGoogleReadThem() {
        imported("", CSV, "First Name,Last Name,Phonetic First Name,Phonetic Last Name,E-mail 1 - Value\r\n"
                + "太郎,山田,タロウ,ヤマダ,yamada@example.jp\r\n");
        String vcard = api.get("/contacts/export/?format=vcard", token).body();
        assertTrue(vcard.contains("\r\nX-PHONETIC-FIRST-NAME:タロウ\r\n") && vcard.contains(
                "\r\nX-PHONETIC-LAST-NAME:ヤマダ\r\n") && !vcard.contains("X-CSV"), vcard);
        JsonNode before = contacts();
        JsonNode again = imported("", VCARD, vcard);
        assertEquals(0, again.get("created").asInt() + again.get("merged").asInt(), again.toString());
        assertEquals(before, contacts());
        Map<String, String> taro = rows(api.get("/contacts/export/?format=csv", token).body()).get(0);
        assertEquals(List.of("タロウ", "ヤマダ"), List.of(taro.get("Phonetic First Name"), taro.get("Phonetic Last Name")));
    }

    @Test
    void aMergeAddsAnEventOrRelationOfTheSameValueUnderAnotherLabelAndNothingTwice() {
        String header = "First Name,Last Name,E-mail 1 - Value,Event 1 - Label,Event 1 - Value,Relation 1 - Label,"
                + "Relation 1 - Value\r\n";
        String first = header + "Ann,Lee,ann@example.com,Anniversary,2010-06-01,Friend,Bob Stone\r\n";
        String second = header + "Ann,Lee,ann@example.com,Graduation,2010-06-01,Manager,Bob Stone\r\n";
        imported("", CSV, first);
        JsonNode merge = imported("", CSV, second);
        assertEquals(1, merge.get("merged").asInt(), merge.toString());
        String csv = api.get("/contacts/export/?format=csv", token).body();
        Map<String, String> ann = rows(csv).get(0);
        assertEquals(List.of("Anniversary", "2010-06-01", "Graduation", "2010-06-01", "Friend", "Bob Stone", "Manager",
                "Bob Stone"), List.of(ann.get("Event 1 - Label"), ann.get("Event 1 - Value"),
                ann.get("Event 2 - Label"), ann.get("Event 2 - Value"), ann.get("Relation 1 - Label"),
                ann.get("Relation 1 - Value"), ann.get("Relation 2 - Label"), ann.get("Relation 2 - Value")), csv);
        for (String again : List.of(first, second, csv)) {
            JsonNode report = imported("", CSV, again);
            assertEquals(0, report.get("merged").asInt() + report.get("created").asInt(), report.toString());
        }
    }

    @Test
    void outlooksSpouseAndAnniversaryAreWrittenAsGooglesRelationAndEvent() {
        imported("", CSV, fixture("outlook.csv"));
        String csv = api.get("/contacts/export/?format=csv", token).body();
        Map<String, String> juergen = rows(csv).get(0);
        assertEquals(List.of("Spouse", "Petra", "Anniversary", "1995-06-01"),
                List.of(juergen.get("Relation 1 - Label"), juergen.get("Relation 1 - Value"),
                        juergen.get("Event 1 - Label"), juergen.get("Event 1 - Value")), csv);
        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("merged").asInt(), again.toString());
        assertEquals(0, again.get("created").asInt(), again.toString());
    }

    /** The rows of a CSV export by column name, read by Commons CSV. */
    static List<Map<String, String>> rows(String csv) {
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .get().parse(new java.io.StringReader(csv))) {
            return parser.getRecords().stream().map(org.apache.commons.csv.CSVRecord::toMap).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSemicolonSeparatedCsvIsImported() {
        JsonNode report = imported("", CSV, "First Name;Last Name;E-mail Address;Mobile Phone;Company\r\n"
                + "Jürgen;Müller;jm@contoso.example;+49 170 7654321;\"Contoso GmbH; Vertrieb\"\r\n"
                + "Ólafur;Jónsson;olafur@example.is;;Acme, Inc.\r\n");
        assertEquals(2, report.get("created").asInt(), report.toString());
        assertEquals("Contoso GmbH; Vertrieb", byFirstName(contacts(), "Jürgen").get("organization").asText());
        assertEquals("Acme, Inc.", byFirstName(contacts(), "Ólafur").get("organization").asText());
    }

    @Test
    void aGermanOutlooksExportIsImportedAndExportedAgainAsGooglesLayout() {
        // Windows-1252, ";", "Vorname;Nachname;E-Mail-Adresse ...": was a 422 (neither Google's header nor Outlook's)
        byte[] file = CsvImportTest.germanOutlook().getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Response read = sendBytes("text/csv; charset=windows-1252", file);
        assertEquals(200, read.status(), read.body());
        assertEquals(3, read.json().get("created").asInt(), read.body());
        JsonNode j = byFirstName(contacts(), "Jürgen");
        assertEquals("Weiß", j.get("last_name").asText());
        assertEquals("1980-12-31", j.get("birthday").asText());
        assertEquals("+49 170 1234567", j.get("phone").asText());
        assertEquals("Königstraße 12", j.get("addresses").get(1).get("street").asText());
        String csv = api.get("/contacts/export/?format=csv", token).body();
        assertTrue(csv.contains("\r\nJürgen,,Weiß,"), csv);
        Response again = importFile(api, token, "", CSV, csv);
        assertEquals(0, again.json().get("created").asInt(), "its export imported again creates nothing: " + again.body());
        assertEquals(0, again.json().get("merged").asInt(), again.body());
    }

    @Test
    void aThunderbirdExportIsImportedWithItsEmailsPhonesAddressesAndBirthdaysThenExportedAsGooglesLayout() {
        // was read as Outlook's: 2 created, Ingrid without her emails, the business row refused as having no name
        JsonNode read = imported("", CSV, fixture("thunderbird.csv"));
        assertEquals(3, read.get("created").asInt(), read.toString());
        assertEquals(0, read.get("errors").size(), read.toString());
        JsonNode ingrid = byFirstName(contacts(), "Ingrid");
        assertEquals("ingrid@example.se", ingrid.get("email").asText());
        assertEquals(3, ingrid.get("phones").size(), ingrid.toString());
        assertEquals("Storgatan 1, lgh 1102", ingrid.get("addresses").get(0).get("street").asText());
        assertEquals("Arkitektbyrån AB, Design", ingrid.get("organization").asText());
        assertEquals("1980-04-12", ingrid.get("birthday").asText());
        assertEquals("support@acme.example", byFirstName(contacts(), "Acme").get("email").asText());
        String csv = api.get("/contacts/export/?format=csv", token).body();
        assertTrue(csv.contains("\r\nIngrid,,Bergström,"), csv);
        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("created").asInt(), "its export imported again creates nothing: " + again);
    }

    @Test
    void aFrenchThunderbirdExportIsImportedWithBothAddressesItsEmailsAndBirthdays() {
        // its header names both cities "Ville": it was refused whole (a 422, nothing created)
        JsonNode read = imported("", CSV, fixture("thunderbird-french.csv"));
        assertEquals(3, read.get("created").asInt(), read.toString());
        assertEquals(0, read.get("errors").size(), read.toString());
        JsonNode elodie = byFirstName(contacts(), "Élodie");
        assertEquals("elodie.dupont@example.fr", elodie.get("email").asText());
        assertEquals("elodie@maison.example.fr", elodie.get("emails").get(1).get("value").asText());
        assertEquals("1985-07-14", elodie.get("birthday").asText());
        JsonNode addresses = elodie.get("addresses");
        assertEquals("home", addresses.get(0).get("label").asText(), addresses.toString());
        assertEquals("Lyon", addresses.get(0).get("locality").asText(), addresses.toString());
        assertEquals("work", addresses.get(1).get("label").asText(), addresses.toString());
        assertEquals("Paris", addresses.get(1).get("locality").asText(), addresses.toString());
        assertEquals("1604-12-25", byFirstName(contacts(), "Luc").get("birthday").asText());
        JsonNode again = imported("", CSV, fixture("thunderbird-french.csv"));
        assertEquals(0, again.get("created").asInt(), "imported again it creates nothing: " + again);
    }

    @Test
    void aFrenchHeaderOutOfThunderbirdsOrderIsRefusedAndCreatesNothing() {
        String french = fixture("thunderbird-french.csv");
        Response r = importFile(api, token, "", CSV, french.replace("Prénom,Nom de famille", "Nom de famille,Prénom"));
        assertEquals(422, r.status(), r.body());
        assertTrue(r.body().contains("Not a contacts CSV"), r.body());
        assertEquals(0, contacts().size());
    }

    @Test
    void exportIsAnAttachmentOfTheRightType() {
        api.createContact(token, "Ann", "Lee");
        Response vcard = api.get("/contacts/export/", token);
        assertEquals(200, vcard.status());
        assertEquals("text/vcard; charset=utf-8", vcard.header("Content-Type"));
        assertTrue(vcard.header("Content-Disposition").startsWith("attachment"));
        assertTrue(vcard.body().startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n"), vcard.body());
        assertTrue(vcard.body().contains("\r\nUID:urn:uuid:"), "every contact has a UID: " + vcard.body());
        assertEquals("no-store", vcard.header("Cache-Control"));

        Response csv = api.get("/contacts/export/?format=csv", token);
        assertEquals("text/csv; charset=utf-8", csv.header("Content-Type"));
        assertTrue(csv.body().startsWith("First Name,Middle Name,Last Name,"), csv.body());
        assertTrue(csv.body().contains(",Labels,E-mail 1 - Label,E-mail 1 - Value,"));
        assertTrue(csv.body().contains(",Phone 1 - Label,Phone 1 - Value,"));
        assertTrue(csv.header("Content-Disposition").contains("contacts.csv"));
    }

    @Test
    void exportOfIdsHasOnlyTheCallersOwnAndTheUidIsStable() {
        long ann = api.createContact(token, "Ann", "Lee");
        long bob = api.createContact(token, "Bob", "Stone");
        String other = api.newUser();
        long theirs = api.createContact(other, "Eve", "Secret");

        Response some = api.get("/contacts/export/?format=vcard&ids=" + bob + "," + theirs, token);
        assertEquals(200, some.status());
        assertTrue(some.body().contains("FN:Bob Stone"));
        assertFalse(some.body().contains("Ann"));
        assertFalse(some.body().contains("Secret"), "another user's contact is never exported");
        assertEquals(1, count(api.get("/contacts/export/?ids=" + ann, token).body(), "BEGIN:VCARD"));
        assertEquals(0, count(api.get("/contacts/export/?ids=" + theirs, token).body(), "BEGIN:VCARD"));
        assertEquals(api.get("/contacts/export/?ids=" + ann, token).body(),
                api.get("/contacts/export/?ids=" + ann, token).body(), "the UID is the same on every export");
    }

    @Test
    void exportRefusesBadParameters() {
        assertEquals(422, api.get("/contacts/export/?format=xml", token).status());
        assertEquals(422, api.get("/contacts/export/?ids=1,x", token).status());
        assertEquals(422, api.get("/contacts/export/?ids=0", token).status());
        assertEquals(401, api.get("/contacts/export/", null).status());
    }

    @Test
    void sameContactByEmailAndNameIsMergedFillingOnlyWhatIsEmpty() {
        long id = api.createContact(token, """
                {"first_name": "Ann", "last_name": "Lee", "email": "ANN@example.com", "additional_data": "Mine",
                 "labels": ["Family"]}""");
        String item = card("N:Lee;Ann;;;\r\nEMAIL;TYPE=work:ann@example.com\r\nEMAIL:ann@globex.example\r\n"
                + "TEL;TYPE=cell:+1 555 010 2000\r\nORG:Globex\r\nNOTE:Theirs\r\nCATEGORIES:family,Chess");
        JsonNode report = imported("", VCARD, item);
        assertEquals(1, report.get("merged").asInt());
        assertEquals(0, report.get("created").asInt());
        JsonNode ann = api.get("/contacts/" + id + "/", token).json();
        assertEquals("ANN@example.com", ann.get("email").asText(), "nothing existing is overwritten");
        assertEquals("ann@globex.example", ann.get("emails").get(1).get("value").asText());
        assertEquals(2, ann.get("emails").size());
        assertEquals("+1 555 010 2000", ann.get("phone").asText());
        assertEquals("Globex", ann.get("organization").asText());
        assertEquals("Mine", ann.get("additional_data").asText());
        assertEquals(List.of("Family", "Chess"), texts(ann.get("labels")));
    }

    @Test
    void skipLeavesTheContactAloneAndCreateMakesANewOne() {
        long id = api.createContact(token, """
                {"first_name": "Ann", "last_name": "Lee", "phone": "+1 555 010 2000"}""");
        String before = api.get("/contacts/" + id + "/", token).body();
        String item = card("FN:Ann Lee\r\nTEL:(555) 010-2000 \r\nORG:Globex");
        JsonNode phoneDigitsDiffer = imported("?duplicates=skip", VCARD, item);
        assertEquals(1, phoneDigitsDiffer.get("created").asInt(), "5550102000 is not 15550102000: not the same");

        String same = card("FN:Ann Lee\r\nTEL:+1-555-010-2000\r\nORG:Globex");
        JsonNode skipped = imported("?duplicates=skip", VCARD, same);
        assertEquals(1, skipped.get("skipped").asInt());
        assertEquals(before, api.get("/contacts/" + id + "/", token).body());

        JsonNode created = imported("?duplicates=create", VCARD, same);
        assertEquals(1, created.get("created").asInt());
        assertEquals(3, contacts().size());
        assertEquals(422, importFile(api, token, "?duplicates=maybe", VCARD, same).status());
    }

    @Test
    void theSameUidIsTheSameContactWhateverItsName() {
        imported("", VCARD, card("UID:abc-1\r\nFN:Robert Smith"));
        JsonNode report = imported("", VCARD, card("UID:abc-1\r\nFN:Bob Smith\r\nEMAIL:bob@example.com"));
        assertEquals(1, report.get("merged").asInt());
        JsonNode bob = contacts().get(0);
        assertEquals("Robert", bob.get("first_name").asText());
        assertEquals("bob@example.com", bob.get("email").asText());
        assertEquals(1, contacts().size());
    }

    @Test
    void twoCardsOfOneFileThatAreTheSamePersonBothMergeAndNeitherLosesTheOther() {
        long id = api.createContact(token, """
                {"first_name": "Ann", "last_name": "Lee", "email": "ann@example.com"}""");
        String file = card("FN:Ann Lee\r\nEMAIL:ann@example.com\r\nTEL:+1 555 010 2000")
                + card("FN:Ann Lee\r\nEMAIL:ann@example.com\r\nEMAIL:ann@globex.example\r\nORG:Globex");
        JsonNode report = imported("", VCARD, file);
        assertEquals(2, report.get("merged").asInt(), report.toString());
        JsonNode ann = api.get("/contacts/" + id + "/", token).json();
        assertEquals("+1 555 010 2000", ann.get("phone").asText(), "the first card's phone is kept");
        assertEquals(List.of("ann@example.com", "ann@globex.example"),
                ann.get("emails").findValuesAsText("value"), "the second card's email is added");
        assertEquals("Globex", ann.get("organization").asText());
        assertEquals(1, contacts().size());
    }

    @Test
    void theSameContactIsFoundAmongMoreNamesakesThanOneQueryBinds() {
        StringBuilder namesakes = new StringBuilder();
        for (int i = 0; i <= 1000; i++) {
            namesakes.append(card("FN:Ann Lee\r\nEMAIL:ann" + i + "@example.com"));
        }
        assertEquals(1001, imported("?duplicates=create", VCARD, namesakes.toString()).get("created").asInt());
        JsonNode report = imported("", VCARD, card("FN:Ann Lee\r\nEMAIL:ann1000@example.com\r\nORG:Acme"));
        assertEquals(1, report.get("merged").asInt(), "the last of 1,001 namesakes is found: " + report);
        JsonNode last = api.get("/contacts/search/?query=ann1000&limit=5", token).json();
        assertEquals("Acme", last.get(0).path("organization").asText());
    }

    @Test
    void twoNewCardsWithOneUidBecomeTwoContactsAndOnlyTheFirstKeepsTheUid() {
        JsonNode report = imported("", VCARD, card("UID:same-1\r\nFN:Ann Lee") + card("UID:same-1\r\nFN:Bob Hill"));
        assertEquals(2, report.get("created").asInt(), report.toString());
        String export = api.get("/contacts/export/", token).body();
        assertEquals(1, export.split("UID:same-1", -1).length - 1, export);
        JsonNode again = imported("", VCARD, card("UID:same-1\r\nFN:Someone Else\r\nORG:Acme"));
        assertEquals(1, again.get("merged").asInt(), "the UID names the first: " + again);
        assertEquals("Acme", byFirstName(contacts(), "Ann").path("organization").asText());
    }

    @Test
    void aContactWithoutEmailOrPhoneIsFoundAgainWhenItsCsvExportIsImported() {
        api.createContact(token, """
                {"first_name": "Grace", "last_name": "Hopper", "birthday": "1906-12-09",
                 "additional_data": "Admiral", "labels": ["Navy"]}""");
        api.createContact(token, """
                {"first_name": "Mei", "last_name": "", "organization": "Acme"}""");
        JsonNode before = contacts();
        String csv = api.get("/contacts/export/?format=csv", token).body();

        JsonNode again = imported("", CSV, csv);
        assertEquals(0, again.get("created").asInt(), "nobody twice: " + again);
        assertEquals(2, again.get("skipped").asInt(), again.toString());
        assertEquals(before, contacts());

        // the same name alone, with something else in it, is still someone else
        JsonNode namesake = imported("", CSV, csv.replace("Admiral", "Computer scientist"));
        assertEquals(1, namesake.get("created").asInt(), namesake.toString());
    }

    @Test
    void theSameNameAloneIsNotTheSameContact() {
        api.createContact(token, """
                {"first_name": "Ann", "last_name": "Lee", "email": "ann@example.com"}""");
        JsonNode report = imported("", VCARD, card("FN:Ann Lee\r\nEMAIL:other.ann@example.com"));
        assertEquals(1, report.get("created").asInt());
    }

    @Test
    void anotherUsersContactIsNeverMergedInto() {
        String other = api.newUser();
        imported("", VCARD, card("UID:shared-1\r\nFN:Ann Lee\r\nEMAIL:ann@example.com"));
        Response theirs = importFile(api, other, "", VCARD, card("UID:shared-1\r\nFN:Ann Lee\r\nEMAIL:ann@example.com"));
        assertEquals(1, theirs.json().get("created").asInt());
        assertEquals(1, contacts().size());
    }

    @Test
    void wrongTypesSizesAndFilesAreRefusedAndNothingIsImported() {
        assertEquals(415, importFile(api, token, "", "application/json", "{}").status());
        assertEquals(415, importFile(api, token, "", null, card("FN:Ann")).status());
        Response notVCard = importFile(api, token, "", VCARD, "hello, this is not a vCard\r\n");
        assertEquals(422, notVCard.status());
        assertEquals(422, importFile(api, token, "", CSV, "id,name\r\n1,Ann\r\n").status());
        assertEquals(422, api.send(HttpRequest.newBuilder(api.uri("/contacts/import/"))
                .header("Authorization", "Bearer " + token).header("Content-Type", VCARD)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'B', 'E', 'G', (byte) 0xC3, 0x28}))).status(),
                "bytes that are not UTF-8");
        assertEquals(401, importFile(api, null, "", VCARD, card("FN:Ann")).status());
        assertEquals(0, contacts().size());
    }

    @Test
    void aFileInTheCharsetItsContentTypeNamesIsReadInThatCharset() {
        // Outlook writes its CSV in the Windows code page; a client that says so is read in it
        byte[] cp1252 = ("First Name,Last Name,E-mail Address\r\nJ\u00f6rg,M\u00fcller \u20ac,j@example.com\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Response read = sendBytes("text/csv; charset=windows-1252", cp1252);
        assertEquals(200, read.status(), read.body());
        assertEquals(1, read.json().get("created").asInt(), read.body());
        JsonNode c = byFirstName(contacts(), "J\u00f6rg");
        assertEquals("M\u00fcller \u20ac", c.get("last_name").asText());
        byte[] latin1 = card("FN:Ren\u00e9e Caf\u00e9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(200, sendBytes(VCARD + "; charset=ISO-8859-1", latin1).status());
        assertEquals("Ren\u00e9e", byFirstName(contacts(), "Ren\u00e9e").get("first_name").asText());
        Response undeclared = sendBytes(CSV, cp1252);
        assertEquals(422, undeclared.status(), "without a charset the file must be UTF-8: " + undeclared.body());
        assertEquals(2, contacts().size());
    }

    @Test
    void aFileWithABadByteOrANulAfterItsFirstBatchImportsNothing() {
        // the file is read in batches of 500; it is checked whole before the first is written
        StringBuilder cards = new StringBuilder("\uFEFF");
        for (int i = 0; i < Importer.BATCH + 100; i++) {
            cards.append(card("FN:Person " + i + "\r\nEMAIL:p" + i + "@example.com"));
        }
        byte[] valid = cards.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] badByte = java.util.Arrays.copyOf(valid, valid.length + 1);
        badByte[valid.length] = (byte) 0xFF;
        Response bad = sendBytes(VCARD, badByte);
        assertEquals(422, bad.status(), bad.body());
        assertTrue(bad.body().contains("not valid UTF-8"), bad.body());
        Response nul = sendBytes(VCARD, (cards + card("FN:Nul\u0000")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(422, nul.status(), nul.body());
        assertEquals(0, contacts().size());
        Response read = sendBytes(VCARD, valid);
        assertEquals(Importer.BATCH + 100, read.json().get("created").asInt(), "the same file without them, BOM and all");
    }

    private Response sendBytes(String type, byte[] body) {
        return api.send(HttpRequest.newBuilder(api.uri("/contacts/import/"))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void atMostTenMebibytes() {
        String note = "NOTE:" + "x".repeat(1000) + "\r\n";
        StringBuilder body = new StringBuilder(card("FN:Ann Lee"));
        while (body.length() <= TransferService.MAX_IMPORT_BYTES) {
            body.append(note);
        }
        Response tooLarge = importFile(api, token, "", VCARD, body.toString());
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertEquals(0, contacts().size());
    }

    @Test
    void exactlyTenMebibytesIsReadAndAnItemOverItsLimitsIsAnErrorNotAFailure() {
        String head = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\n";
        String tail = "END:VCARD\r\n" + card("FN:Bob Stone");
        StringBuilder body = new StringBuilder(head);
        String note = "NOTE:" + "x".repeat(1000) + "\r\n";
        while (body.length() + note.length() + tail.length() + 20 <= TransferService.MAX_IMPORT_BYTES) {
            body.append(note);
        }
        int padding = TransferService.MAX_IMPORT_BYTES - body.length() - tail.length() - "NOTE:\r\n".length();
        body.append("NOTE:").append("y".repeat(padding)).append("\r\n").append(tail);
        assertEquals(TransferService.MAX_IMPORT_BYTES, body.length());
        JsonNode report = imported("", VCARD, body.toString());
        assertEquals(1, report.get("created").asInt(), "Bob, after Ann");
        assertEquals(1, report.get("errors").get(0).get("item").asInt());
        assertTrue(report.get("errors").get(0).get("detail").asText().contains("larger than 4 MiB"),
                "Ann's card (her notes) is over the 4 MiB an item may take: " + report);
    }

    @Test
    void aCardOrARowTooLargeToHoldIsAnErrorNotAFailure() {
        // one line of text outside Latin-1 (two bytes a character in the heap), just over what an item may have
        String huge = "\u0141".repeat(ImportFile.MAX_ITEM_BYTES / 2 + 1);
        JsonNode cards = imported("", VCARD, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann Lee\r\nNOTE:" + huge
                + "\r\nEND:VCARD\r\n" + card("FN:Bob Stone"));
        assertEquals(1, cards.get("created").asInt(), "Bob, after Ann: " + cards.get("errors"));
        assertEquals(1, cards.get("errors").size());
        assertEquals(1, cards.get("errors").get(0).get("item").asInt());
        assertEquals(1, cards.get("errors").get(0).get("line").asInt());
        assertEquals("This card is larger than 4 MiB", cards.get("errors").get(0).get("detail").asText());

        // a quoted cell over several lines, so that no one line is long: the row is what is too large
        String cell = ("x".repeat(99) + "\n").repeat(ImportFile.MAX_ITEM_BYTES / 100 + 1);
        String other = api.newUser();
        Response rows = importFile(api, other, "", CSV, "First Name,Last Name,Notes,E-mail 1 - Value\r\n"
                + "Ann,Lee,,ann@example.com\r\nCara,Diaz,\"" + cell + "\",cara@example.com\r\n"
                + "Bob,Stone,,bob@example.com\r\n");
        assertEquals(200, rows.status(), rows.body());
        JsonNode report = rows.json();
        assertEquals(2, report.get("created").asInt(), "Ann and Bob, before and after the row: " + report);
        assertEquals(1, report.get("errors").size());
        assertEquals(2, report.get("errors").get(0).get("item").asInt());
        assertEquals(3, report.get("errors").get(0).get("line").asInt(), "where Cara's row begins");
        assertEquals("This row is larger than 4 MiB", report.get("errors").get(0).get("detail").asText());
        assertEquals("2", api.get("/contacts/?limit=1", other).header("X-Total-Count"));
    }

    @Test
    void atMostTenThousandContactsInOneFile() {
        StringBuilder csv = new StringBuilder("First Name,Last Name,E-mail 1 - Value\r\n");
        for (int i = 1; i <= TransferService.MAX_IMPORT_ITEMS; i++) {
            csv.append("Person,").append(i).append(",p").append(i).append("@example.com\r\n");
        }
        JsonNode report = imported("", CSV, csv.toString());
        assertEquals(TransferService.MAX_IMPORT_ITEMS, report.get("created").asInt());
        assertEquals(String.valueOf(TransferService.MAX_IMPORT_ITEMS),
                api.get("/contacts/?limit=1", token).header("X-Total-Count"));

        String other = api.newUser();
        csv.append("Person,10001,p10001@example.com\r\n");
        Response tooMany = importFile(api, other, "", CSV, csv.toString());
        assertEquals(422, tooMany.status());
        assertEquals("0", api.get("/contacts/?limit=1", other).header("X-Total-Count"));
    }

    @Test
    void theOpenApiDocumentDescribesImportExportDuplicatesAndMerge() {
        JsonNode paths = api.get("/openapi", null).json().path("paths");
        assertTrue(paths.path("/contacts/export/").has("get"));
        assertTrue(paths.path("/contacts/import/").has("post"));
        assertTrue(paths.path("/contacts/duplicates/").has("get"));
        assertTrue(paths.path("/contacts/merge/").has("post"));
        assertEquals(List.of("format", "version", "layout", "ids"),
                paths.at("/~1contacts~1export~1/get/parameters").findValuesAsText("name"));
        assertEquals(List.of("duplicates"), paths.at("/~1contacts~1import~1/post/parameters").findValuesAsText("name"));
        assertTrue(paths.at("/~1contacts~1import~1/post/requestBody/content").has("text/vcard"));
        assertTrue(paths.at("/~1contacts~1import~1/post/requestBody/content").has("text/csv"));
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
