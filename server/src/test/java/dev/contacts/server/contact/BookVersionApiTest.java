package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;

import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /contacts/version/}: how a client (the desktop app's second window, another device) learns cheaply that
 * the book changed elsewhere: a tag, and 304 while it is still the same; one account's writes never move another's.
 */
@ServerTest
class BookVersionApiTest {

    private static final MutableClock CLOCK = new MutableClock();

    private final TestApi api;

    BookVersionApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, CLOCK);
    }

    private String tag(String token) {
        Response r = api.get("/contacts/version/", token);
        assertEquals(200, r.status(), r.toString());
        String tag = r.header("ETag");
        assertNotNull(tag, r.toString());
        assertEquals(tag, r.json().get("version").asText(), "the body names the same tag");
        return tag;
    }

    private Response ifNoneMatch(String token, String tag) {
        return api.send(HttpRequest.newBuilder(api.uri("/contacts/version/")).header("Authorization", "Bearer " + token)
                .header("If-None-Match", tag).GET());
    }

    @Test
    void answers304WhileNothingChangedAndANewTagAfterEveryKindOfChange() {
        String token = api.newUser();
        String empty = tag(token);
        Response unchanged = ifNoneMatch(token, empty);
        assertEquals(304, unchanged.status(), unchanged.toString());
        assertEquals("", unchanged.body());
        assertEquals(empty, unchanged.header("ETag"));

        long id = api.createContact(token, "Maria", "Schmidt");
        String created = tag(token);
        assertNotEquals(empty, created);
        assertEquals(200, ifNoneMatch(token, empty).status(), "the old tag no longer matches");
        assertEquals(304, ifNoneMatch(token, created).status());

        assertEquals(200, api.patch("/contacts/" + id + "/", token, "{\"additional_data\": \"met in Kyiv\"}").status());
        String edited = tag(token);
        assertNotEquals(created, edited, "an edit that moves nobody in the list (the notes) still changes the tag");

        assertEquals(200, api.patch("/contacts/" + id + "/", token, "{\"labels\": [\"Family\"]}").status());
        String labelled = tag(token);
        assertNotEquals(edited, labelled);

        assertEquals(204, api.delete("/contacts/" + id + "/", token).status());
        String trashed = tag(token);
        assertNotEquals(labelled, trashed);

        assertEquals(200, api.post("/contacts/trash/" + id + "/restore/", token, null).status());
        assertNotEquals(trashed, tag(token));
    }

    @Test
    void deletingForGoodFromTheTrashOrEmptyingItChangesTheTag() {
        String token = api.newUser();
        long first = api.createContact(token, "Maria", "Schmidt");
        long second = api.createContact(token, "Jon", "Berg");
        assertEquals(204, api.delete("/contacts/" + first + "/", token).status());
        assertEquals(204, api.delete("/contacts/" + second + "/", token).status());
        String twoInTrash = tag(token);

        assertEquals(204, api.delete("/contacts/trash/" + first + "/", token).status());
        Response afterPurge = ifNoneMatch(token, twoInTrash);
        assertEquals(200, afterPurge.status(), "another window's open trash must learn it lost an entry: " + afterPurge);
        String oneInTrash = afterPurge.header("ETag");
        assertEquals(404, api.delete("/contacts/trash/" + first + "/", token).status());
        assertEquals(304, ifNoneMatch(token, oneInTrash).status(), "a purge of nothing changes nothing");

        assertEquals(204, api.delete("/contacts/trash/", token).status());
        Response afterEmptying = ifNoneMatch(token, oneInTrash);
        assertEquals(200, afterEmptying.status(), "emptying the trash changes it: " + afterEmptying);
        String empty = afterEmptying.header("ETag");
        assertEquals(204, api.delete("/contacts/trash/", token).status());
        assertEquals(304, ifNoneMatch(token, empty).status(), "emptying an empty trash changes nothing");
    }

    @Test
    void oneAccountsWritesNeverChangeAnotherAccountsTag() {
        String ann = api.newUser();
        String bob = api.newUser();
        String annTag = tag(ann);
        assertNotEquals(annTag, tag(bob), "two empty books' tags differ: a tag says nothing of another account");

        long id = api.createContact(bob, "Bob", "Lee");
        api.patch("/contacts/" + id + "/", bob, "{\"labels\": [\"Work\"]}");
        api.delete("/contacts/" + id + "/", bob);

        Response r = ifNoneMatch(ann, annTag);
        assertEquals(304, r.status(), "Bob's writes do not reach Ann's tag: " + r);
        assertTrue(ifNoneMatch(bob, annTag).status() == 200, "Ann's tag is not Bob's");
    }

    @Test
    void needsALogin() {
        assertEquals(401, api.get("/contacts/version/", null).status());
    }
}
