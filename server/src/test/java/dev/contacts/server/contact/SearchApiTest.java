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

/** {@code GET /contacts/search/}: substring, case-insensitive (Unicode), literal, combinable criteria. */
@ServerTest
class SearchApiTest {

    private final TestApi api;
    private String token;
    private long ada;
    private long grace;
    private long emile;
    private long percent;
    private long strasse;

    SearchApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server);
    }

    @BeforeEach
    void addressBook() {
        token = api.newUser();
        ada = api.createContact(token, json("first_name", "Ada", "last_name", "Lovelace", "email", "ada@analytical.org"));
        grace = api.createContact(token, json("first_name", "Grace", "last_name", "Hopper", "email", "grace@navy.mil"));
        emile = api.createContact(token, json("first_name", "Émile", "last_name", "Zola"));
        percent = api.createContact(token, json("first_name", "100%_sure", "last_name", "O'Brien \\ \"Q\""));
        strasse = api.createContact(token, json("first_name", "Jürgen", "last_name", "Straße"));
    }

    private List<Long> ids(String query) {
        Response r = api.get("/contacts/search/?" + query, token);
        assertEquals(200, r.status(), query + " -> " + r);
        List<Long> ids = new ArrayList<>();
        r.json().forEach(c -> ids.add(c.get("id").asLong()));
        assertEquals(Integer.toString(ids.size()), r.header("X-Total-Count"), "no paging here, total = page");
        return ids;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void queryMatchesASubstringOfFirstNameLastNameOrEmail() {
        assertEquals(List.of(ada), ids("query=love"));
        assertEquals(List.of(grace), ids("query=navy"));
        assertEquals(List.of(ada, grace), ids("query=ace"), "in id order");
        assertEquals(List.of(), ids("query=nobody"));
    }

    @Test
    void matchingIgnoresCaseIncludingBeyondAscii() {
        assertEquals(List.of(ada), ids("query=LOVELACE"));
        assertEquals(List.of(emile), ids("query=" + q("ÉMILE")));
        assertEquals(List.of(emile), ids("query=" + q("émile")));
        assertEquals(List.of(strasse), ids("query=" + q("JÜRGEN")));
        assertEquals(List.of(strasse), ids("query=" + q("STRASSE")), "ß folds to ss");
    }

    @Test
    void patternCharactersAreLiteral() {
        assertEquals(List.of(percent), ids("query=" + q("%")));
        assertEquals(List.of(percent), ids("query=" + q("_")));
        assertEquals(List.of(percent), ids("query=" + q("0%_s")));
        assertEquals(List.of(percent), ids("query=" + q("'")));
        assertEquals(List.of(percent), ids("query=" + q("\\")));
        assertEquals(List.of(percent), ids("query=" + q("\"q\"")));
        assertEquals(List.of(), ids("query=" + q("a%e")), "% is not a wildcard");
        assertEquals(List.of(), ids("query=" + q("Ad_")), "_ is not a wildcard");
    }

    @Test
    void fieldCriteriaMustAllHold() {
        assertEquals(List.of(ada), ids("first_name=ad"));
        assertEquals(List.of(), ids("first_name=love"), "first_name looks only at the first name");
        assertEquals(List.of(grace), ids("email=navy"));
        assertEquals(List.of(ada), ids("first_name=a&last_name=lace"));
        assertEquals(List.of(), ids("first_name=ada&last_name=hopper"));
        assertEquals(List.of(grace), ids("query=a&last_name=hop"), "query and fields together");
    }

    @Test
    void skipLimitAndTotalWorkAsInTheList() {
        Response r = api.get("/contacts/search/?query=ace&limit=1&skip=1", token);
        assertEquals(200, r.status());
        assertEquals("2", r.header("X-Total-Count"));
        assertEquals(grace, r.json().get(0).get("id").asLong());
        assertEquals(422, api.get("/contacts/search/?query=a&limit=0", token).status());
    }

    @Test
    void atLeastOneCriterionIsRequired() {
        for (String query : new String[] {"", "query=", "query=%20%20", "skip=0", "unknown=x"}) {
            Response r = api.get("/contacts/search/?" + query, token);
            assertEquals(422, r.status(), query);
            assertEquals("query", r.json().get("detail").get(0).get("loc").get(0).asText());
        }
        assertEquals(422, api.get("/contacts/search", token).status(), "without the slash too");
    }

    @Test
    void searchFollowsEdits() {
        api.patch("/contacts/" + ada, token, json("last_name", "King"));
        assertEquals(List.of(), ids("query=lovelace"));
        assertEquals(List.of(ada), ids("query=king"));
    }
}
