package dev.contacts.server.contact;

import static dev.contacts.server.support.TestApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sorting (Unicode root collation for names), order, label and favourite filters, and the label counts. */
@ServerTest
class ListingV2ApiTest {

    private final TestApi api;
    private String token;

    ListingV2ApiTest(URI uri) {
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

    private List<String> firstNames(String path) {
        Response r = api.get(path, token);
        assertEquals(200, r.status(), path + " -> " + r);
        List<String> names = new ArrayList<>();
        r.json().forEach(c -> names.add(c.get("first_name").asText()));
        return names;
    }

    private long create(String first, String last, String labels, boolean favorite) {
        return api.createContact(token, "{\"first_name\": \"" + first + "\", \"last_name\": \"" + last
                + "\", \"labels\": " + labels + ", \"favorite\": " + favorite + "}");
    }

    @Test
    void namesSortByTheUnicodeRootCollationTiesByIdInTheSameDirection() {
        for (String name : List.of("Zoë", "Eve", "Émile", "Adam", "ábel")) {
            create(name, "", "[]", false);
        }
        long secondEve = create("Eve", "", "[]", false);
        assertEquals(List.of("ábel", "Adam", "Émile", "Eve", "Eve", "Zoë"), firstNames("/contacts/?sort=first_name"));
        assertEquals(List.of("Zoë", "Eve", "Eve", "Émile", "Adam", "ábel"),
                firstNames("/contacts/?sort=first_name&order=desc"));
        Response desc = api.get("/contacts/?sort=first_name&order=desc", token);
        assertEquals(secondEve, desc.json().get(1).get("id").asLong(), "ties by id, descending too");
        assertEquals(List.of("Adam", "Émile"), firstNames("/contacts/?sort=first_name&skip=1&limit=2"));
    }

    @Test
    void lastNameAndTimestampsSortToo() {
        long z = api.createContact(token, json("first_name", "1", "last_name", "zed"));
        long a = api.createContact(token, json("first_name", "2", "last_name", "Álvarez"));
        long m = api.createContact(token, json("first_name", "3", "last_name", "Müller"));
        assertEquals(List.of("2", "3", "1"), firstNames("/contacts/?sort=last_name"));
        assertEquals(List.of("1", "2", "3"), firstNames("/contacts/?sort=created_at"));
        api.patch("/contacts/" + z + "/", token, json("nickname", "touched"));
        assertEquals(List.of("1", "3", "2"), firstNames("/contacts/?sort=updated_at&order=desc"));
        assertEquals(List.of("3", "2", "1"), firstNames("/contacts/?order=desc"), "id is the default sort");
        assertEquals(3, List.of(a, m, z).size());
    }

    @Test
    void labelAndFavoriteFilterAndTheTotalCountsWhatMatches() {
        create("A", "", "[\"Family\"]", true);
        create("B", "", "[\"family\", \"Work\"]", false);
        create("C", "", "[\"Work\"]", true);
        create("D", "", "[]", false);
        Response family = api.get("/contacts/?label=FAMILY", token);
        assertEquals("2", family.header("X-Total-Count"));
        assertEquals(List.of("A", "B"), firstNames("/contacts/?label=Family"));
        assertEquals(List.of("A", "C"), firstNames("/contacts/?favorite=true"));
        assertEquals(List.of("B", "D"), firstNames("/contacts/?favorite=false"));
        assertEquals(List.of("C"), firstNames("/contacts/?favorite=true&label=work"));
        assertEquals(List.of("C"), firstNames("/contacts/search/?query=c&label=work&favorite=true"));
        assertEquals(List.of(), firstNames("/contacts/?label=nobody"));
    }

    @Test
    void aPagePastTheEndStillTellsTheTotalAndAnotherUsersContactsAreNeverCounted() {
        String other = api.newUser();
        for (String name : List.of("Ann", "Anton", "Bob")) {
            create(name, "Smith", "[\"Work\"]", true);
            api.createContact(other, "{\"first_name\": \"" + name + "\", \"last_name\": \"Smith\", "
                    + "\"labels\": [\"Work\"], \"favorite\": true}");
        }
        long trashed = create("Anna", "Smith", "[\"Work\"]", true);
        assertEquals(204, api.delete("/contacts/" + trashed + "/", token).status());
        // trashed without that label: subtracted from no label's count
        long trashedFamily = create("Fred", "Brown", "[\"Family\"]", false);
        assertEquals(204, api.delete("/contacts/" + trashedFamily + "/", token).status());
        for (String path : List.of("/contacts/?", "/contacts/?label=work&", "/contacts/?favorite=true&",
                "/contacts/?sort=last_name&order=desc&", "/contacts/search/?query=smith&",
                "/contacts/search/?query=an&", "/contacts/search/?last_name=smi&favorite=true&")) {
            Response all = api.get(path + "limit=2", token);
            Response past = api.get(path + "skip=10", token);
            assertEquals(200, past.status(), path);
            assertEquals("[]", past.json().toString(), path);
            String expected = path.contains("query=an") ? "2" : "3";
            assertEquals(expected, all.header("X-Total-Count"), path);
            assertEquals(expected, past.header("X-Total-Count"), path + " past the end");
            assertEquals(Math.min(2, Integer.parseInt(expected)), all.json().size(), path);
        }
    }

    @Test
    void labelsAreCountedInCollationOrderWithoutTrashedContacts() {
        create("A", "", "[\"Work\", \"École\"]", false);
        create("B", "", "[\"work\", \"amis\"]", false);
        long trashed = create("C", "", "[\"Zebra\", \"Work\"]", false);
        assertEquals(204, api.delete("/contacts/" + trashed + "/", token).status());
        Response labels = api.get("/contacts/labels/", token);
        assertEquals(200, labels.status());
        assertEquals("[{\"name\":\"amis\",\"count\":1},{\"name\":\"École\",\"count\":1},"
                + "{\"name\":\"Work\",\"count\":2}]", labels.json().toString());
        assertEquals("[]", api.get("/contacts/labels", api.newUser()).json().toString(), "another user's are not here");
    }

    @Test
    void emptyValuesAreGivenValuesNotAbsentOnes() {
        create("A", "Z", "[\"Family\"]", true);
        // FastAPI passes "" on: the empty label, which no contact carries
        for (String path : List.of("/contacts/?label=", "/contacts/search/?query=a&label=")) {
            Response r = api.get(path, token);
            assertEquals(200, r.status(), path);
            assertEquals("[]", r.json().toString(), path);
            assertEquals("0", r.header("X-Total-Count"), path);
        }
        assertEquals(List.of("A"), firstNames("/contacts/?label=Family"));
        // an empty enum, boolean or integer is not one: 422, as in FastAPI
        for (String query : List.of("sort=", "order=", "favorite=", "skip=", "limit=")) {
            Response r = api.get("/contacts/?" + query, token);
            assertEquals(422, r.status(), query);
            assertEquals("[\"query\",\"" + query.substring(0, query.length() - 1) + "\"]",
                    r.json().at("/detail/0/loc").toString());
        }
    }

    @Test
    void unknownSortOrderOrFavoriteValuesAre422() {
        for (String query : List.of("sort=email", "order=up", "favorite=maybe", "sort=first_name&order=DESCENDING")) {
            Response r = api.get("/contacts/?" + query, token);
            assertEquals(422, r.status(), query);
            assertEquals("query", r.json().at("/detail/0/loc/0").asText());
            assertEquals(422, api.get("/contacts/search/?query=a&" + query, token).status(), query);
        }
        assertEquals(200, api.get("/contacts/?label=" + URLEncoder.encode("%_'", StandardCharsets.UTF_8), token)
                .status());
    }
}
