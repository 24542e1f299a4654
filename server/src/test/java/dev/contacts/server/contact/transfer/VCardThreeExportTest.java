package dev.contacts.server.contact.transfer;

import static dev.contacts.server.contact.transfer.TransferApiTest.CSV;
import static dev.contacts.server.contact.transfer.TransferApiTest.VCARD;
import static dev.contacts.server.contact.transfer.VCardImportTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vCard 3.0 export (iPhone/iCloud and Outlook read 3.0): as 3.0 wants it, and imported again it changes nothing. */
@ServerTest
class VCardThreeExportTest {

    private final TestApi api;
    private String token;

    VCardThreeExportTest(URI uri) {
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

    private JsonNode imported(String query, String type, String body) {
        Response r = TransferApiTest.importFile(api, token, query, type, body);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private JsonNode contacts() {
        return api.get("/contacts/?limit=1000", token).json();
    }

    private String export(String query) {
        Response r = api.get("/contacts/export/" + query, token);
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    @Test
    void aThreeExportHasAppleFormsOfPhotoAndYearLessBirthday() {
        imported("", VCARD, fixture("apple.vcf")); // a PNG photo, a year-less birthday
        imported("", VCARD, fixture("google.vcf"));
        String card = export("?format=vcard&version=3.0");
        String unfolded = card.replace("\r\n ", "");
        assertTrue(card.startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n"), card);
        assertFalse(card.contains("VERSION:4.0"), card);
        assertTrue(unfolded.contains("PHOTO;ENCODING=b;TYPE=png:iVBOR"), "a 3.0 photo is inline base64: " + unfolded);
        assertFalse(unfolded.contains("data:image"), "no 4.0 data: URI: " + unfolded);
        assertTrue(unfolded.contains("BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-24"),
                "a year-less birthday as Apple writes it in 3.0: " + unfolded);
        assertFalse(unfolded.contains("BDAY:--"), "3.0 has no year-less date: " + unfolded);
        assertTrue(unfolded.contains("UID:"), unfolded);
    }

    @Test
    void theThreeExportImportedAgainCreatesNothingAndChangesNothingAndFourIsTheDefault() {
        for (String name : List.of("google.vcf", "apple.vcf", "outlook.vcf", "thunderbird.vcf")) {
            imported("", VCARD, fixture(name));
        }
        for (String name : List.of("google.csv", "google-legacy.csv", "outlook.csv")) {
            imported("?duplicates=create", CSV, fixture(name));
        }
        JsonNode before = contacts();
        String four = export("?format=vcard");
        assertEquals(four, export("?format=vcard&version=4.0"), "4.0 is the default, written as before");

        String three = export("?format=vcard&version=3.0");
        assertTrue(three.startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n"), three);
        JsonNode again = imported("", VCARD, three);
        assertEquals(0, again.get("created").asInt(), again.toString());
        assertEquals(0, again.get("merged").asInt(), "nothing was merged: the book had it all " + again);
        assertEquals(before.size(), again.get("skipped").asInt(), again.toString());
        assertEquals(0, again.get("errors").size(), again.toString());
        assertEquals(before, contacts(), "nothing changed, not even updated_at");
        assertEquals(four, export("?format=vcard"), "the 4.0 export is the same, byte for byte (kept properties too)");
    }

    @Test
    void aBadVersionIsRefusedAsTheOtherParametersAre() {
        api.createContact(token, "Ann", "Lee");
        Response bad = api.get("/contacts/export/?format=vcard&version=2.1", token);
        assertEquals(422, bad.status(), bad.body());
        assertEquals("version", bad.json().get("detail").get(0).get("loc").get(1).asText(), bad.body());
        Response csv = api.get("/contacts/export/?format=csv&version=3.0", token);
        assertEquals(422, csv.status(), "a CSV has no vCard version: " + csv.body());
    }
}
