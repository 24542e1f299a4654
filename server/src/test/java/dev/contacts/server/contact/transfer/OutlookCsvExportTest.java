package dev.contacts.server.contact.transfer;

import static dev.contacts.server.contact.transfer.TransferApiTest.CSV;
import static dev.contacts.server.contact.transfer.TransferApiTest.VCARD;
import static dev.contacts.server.contact.transfer.VCardImportTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CSV export in Outlook's layout ({@code layout=outlook}): Outlook's columns, and imported again it changes nothing. */
@ServerTest
class OutlookCsvExportTest {

    private final TestApi api;
    private String token;

    OutlookCsvExportTest(URI uri) {
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

    private JsonNode imported(String user, String query, String type, String body) {
        Response r = TransferApiTest.importFile(api, user, query, type, body);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private JsonNode contacts(String user) {
        return api.get("/contacts/?limit=1000", user).json();
    }

    private String export(String query) {
        Response r = api.get("/contacts/export/" + query, token);
        assertEquals(200, r.status(), r.body());
        assertEquals("text/csv; charset=utf-8", r.header("Content-Type"));
        return r.body();
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    private static final String ANN = """
            BEGIN:VCARD
            VERSION:4.0
            N:Lee;Ann;Marie;Dr.;Jr.
            FN:Dr. Ann Marie Lee Jr.
            ORG:Acme;Sales
            TITLE:Buyer
            BDAY:1980-05-17
            NOTE:Met at the fair
            CATEGORIES:friends,fair
            EMAIL;TYPE=home:ann@example.com
            EMAIL;TYPE=work:ann@acme.example
            EMAIL:ann3@example.com
            EMAIL;TYPE=work:ann4@acme.example
            TEL;TYPE=cell:+1 555 0100
            TEL;TYPE=home:+1 555 0101
            TEL;TYPE=home:+1 555 0102
            TEL;TYPE=home:+1 555 0103
            TEL;TYPE=work:+1 555 0104
            ADR;TYPE=home:;;1 Main St;Springfield;IL;62701;USA
            ADR;TYPE=work:;;2 Office Rd;Chicago;IL;60601;USA
            END:VCARD
            """.replace("\n", "\r\n");

    @Test
    void outlooksColumnsHoldTheContactAndWhatHasNoColumnGoesToTheNotes() throws IOException {
        imported(token, "", VCARD, ANN);
        String csv = export("?format=csv&layout=outlook");
        List<CSVRecord> rows = rows(csv);
        assertEquals(1, rows.size(), csv);
        CSVRecord ann = rows.get(0);
        assertEquals("Dr.", ann.get("Title"));
        assertEquals("Ann", ann.get("First Name"));
        assertEquals("Marie", ann.get("Middle Name"));
        assertEquals("Lee", ann.get("Last Name"));
        assertEquals("Jr.", ann.get("Suffix"));
        assertEquals("Acme", ann.get("Company"));
        assertEquals("Sales", ann.get("Department"));
        assertEquals("Buyer", ann.get("Job Title"));
        assertEquals("5/17/1980", ann.get("Birthday"));
        assertEquals("friends;fair", ann.get("Categories"));
        assertEquals("ann@example.com", ann.get("E-mail Address"));
        assertEquals("ann@acme.example", ann.get("E-mail 2 Address"));
        assertEquals("ann3@example.com", ann.get("E-mail 3 Address"));
        assertEquals("+1 555 0100", ann.get("Mobile Phone"));
        assertEquals("+1 555 0101", ann.get("Home Phone"));
        assertEquals("+1 555 0102", ann.get("Home Phone 2"));
        assertEquals("+1 555 0104", ann.get("Business Phone"));
        assertEquals("1 Main St", ann.get("Home Street"));
        assertEquals("Springfield", ann.get("Home City"));
        assertEquals("IL", ann.get("Home State"));
        assertEquals("62701", ann.get("Home Postal Code"));
        assertEquals("USA", ann.get("Home Country/Region"));
        assertEquals("2 Office Rd", ann.get("Business Street"));
        assertEquals("Met at the fair\nEmail (work): ann4@acme.example\nPhone (home): +1 555 0103", ann.get("Notes"),
                "the 4th email and the 3rd home phone have no Outlook column: in the notes, not lost");

        // another user imports it: Outlook's layout is recognised, and nothing is lost
        String other = api.newUser();
        JsonNode report = imported(other, "", CSV, csv);
        assertEquals(1, report.get("created").asInt(), report.toString());
        JsonNode copy = contacts(other).get(0);
        assertEquals("Ann Marie", copy.get("first_name").asText(), copy.toString());
        assertEquals(3, copy.get("emails").size(), copy.toString());
        assertEquals(4, copy.get("phones").size(), copy.toString());
        assertEquals(2, copy.get("addresses").size(), copy.toString());
        assertTrue(copy.get("additional_data").asText().contains("ann4@acme.example"), copy.toString());
        assertTrue(copy.get("additional_data").asText().contains("+1 555 0103"), copy.toString());
    }

    @Test
    void theOutlookExportImportedAgainCreatesNothingAndChangesNothingAndGoogleIsTheDefault() {
        for (String name : List.of("google.vcf", "apple.vcf", "outlook.vcf", "thunderbird.vcf")) {
            imported(token, "", VCARD, fixture(name));
        }
        for (String name : List.of("google.csv", "google-legacy.csv", "outlook.csv")) {
            imported(token, "?duplicates=create", CSV, fixture(name));
        }
        imported(token, "", VCARD, ANN);
        // no notes of his own: the 4th email and the 2nd and 3rd home addresses go to the notes of the file, not into his
        imported(token, "", VCARD, """
                BEGIN:VCARD
                VERSION:4.0
                FN:Bo Kim
                N:Kim;Bo;;;
                EMAIL:bo1@example.com
                EMAIL:bo2@example.com
                EMAIL:bo3@example.com
                EMAIL;TYPE=work:bo4@example.com
                ADR;TYPE=home:;;1 A St;Town;;;
                ADR;TYPE=work:;;2 B St;Town;;;
                ADR;TYPE=home:;;3 C St;Town;;;
                ADR;TYPE=home:;;4 D St;Town;;;
                END:VCARD
                """.replace("\n", "\r\n"));
        JsonNode before = contacts(token);
        String google = export("?format=csv");
        assertEquals(google, export("?format=csv&layout=google"), "Google's layout is the default, as before");

        String outlook = export("?format=csv&layout=outlook");
        assertTrue(outlook.startsWith("Title,First Name,Middle Name,Last Name,Suffix"), outlook);
        assertTrue(outlook.contains("\"Email (work): bo4@example.com\nAddress (home): 3 C St, Town\nAddress (home): 4 D St, Town\""), outlook);
        JsonNode again = imported(token, "", CSV, outlook);
        assertEquals(0, again.get("created").asInt(), again.toString());
        assertEquals(0, again.get("merged").asInt(), "nothing was merged: the book had it all " + again);
        assertEquals(0, again.get("errors").size(), again.toString());
        assertEquals(before, contacts(token), "nothing changed, not even updated_at");
        assertEquals(google, export("?format=csv"), "the Google export is the same, byte for byte");
    }

    @Test
    void aBirthdayWithoutAYearIsAWholeDateOutlookReadsAndComesBackWithoutAYear() throws IOException {
        imported(token, "", VCARD, """
                BEGIN:VCARD
                VERSION:4.0
                FN:Bo Kim
                N:Kim;Bo;;;
                EMAIL:bo@example.com
                BDAY:--05-17
                END:VCARD
                """.replace("\n", "\r\n"));
        JsonNode before = contacts(token);
        String outlook = export("?format=csv&layout=outlook");
        assertEquals("5/17/1604", rows(outlook).get(0).get("Birthday"), outlook);
        JsonNode again = imported(token, "", CSV, outlook);
        assertEquals(0, again.get("created").asInt() + again.get("merged").asInt(), again.toString());
        assertEquals(before, contacts(token));

        String other = api.newUser();
        imported(other, "", CSV, outlook);
        assertEquals("1604-05-17", contacts(other).get(0).get("birthday").asText(), "no year, as before");
        String card = api.get("/contacts/export/?format=vcard", other).body();
        assertTrue(card.matches("(?s).*\r\nBDAY:--05-?17\r\n.*"), "still written without a year: " + card);
    }

    @Test
    void aBadLayoutOrALayoutOfAVCardIsRefusedAsABadVersionIs() {
        api.createContact(token, "Ann", "Lee");
        Response bad = api.get("/contacts/export/?format=csv&layout=thunderbird", token);
        assertEquals(422, bad.status(), bad.body());
        assertEquals("query", bad.json().get("detail").get(0).get("loc").get(0).asText(), bad.body());
        assertEquals("layout", bad.json().get("detail").get(0).get("loc").get(1).asText(), bad.body());
        Response vcard = api.get("/contacts/export/?format=vcard&layout=outlook", token);
        assertEquals(422, vcard.status(), "a vCard has no CSV layout: " + vcard.body());
        assertEquals("layout", vcard.json().get("detail").get(0).get("loc").get(1).asText(), vcard.body());
    }
}
