package dev.contacts.server.contact.transfer;

import static dev.contacts.server.contact.transfer.VCardImportTest.card;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** An import reports the items beyond the owner's contact limit as errors, with their positions. */
@ServerTest
class ImportContactLimitApiTest {

    private final TestApi api;

    ImportContactLimitApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, TestServers.settings().withMaxContactsPerUser(3), Clock.systemDefaultZone());
    }

    @Test
    void itemsOverTheLimitAreErrorsAndTheOthersAreImported() {
        String token = api.newUser();
        api.createContact(token, "Ann", "Lee");
        String file = card("FN:Bob One") + card("FN:Bob Two") + card("FN:Bob Three") + card("FN:Bob Four");
        Response r = TransferApiTest.importFile(api, token, "", TransferApiTest.VCARD, file);
        assertEquals(200, r.status(), r.body());
        JsonNode report = r.json();
        assertEquals(2, report.get("created").asInt());
        assertEquals(2, report.get("errors").size());
        assertEquals(3, report.get("errors").get(0).get("item").asInt());
        assertEquals(9, report.get("errors").get(0).get("line").asInt(), "four lines a card");
        assertEquals("Contact limit reached", report.get("errors").get(0).get("detail").asText());
        assertEquals(4, report.get("errors").get(1).get("item").asInt());
        assertEquals("3", api.get("/contacts/?limit=1", token).header("X-Total-Count"));
    }
}
