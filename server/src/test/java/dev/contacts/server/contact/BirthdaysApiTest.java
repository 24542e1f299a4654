package dev.contacts.server.contact;

import static dev.contacts.server.support.TestApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /contacts/birthdays/} on a server whose clock stands at 2026-12-30 23:30 UTC (already 31 December
 * in Kyiv, still the 30th in New York), so the new-year wrap and time zones are tested on fixed dates.
 */
@ServerTest
class BirthdaysApiTest {

    private static final Instant NOW = Instant.parse("2026-12-30T23:30:00Z");
    private final TestApi api;

    BirthdaysApiTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, Clock.fixed(NOW, ZoneId.of("UTC")));
    }

    private List<String> names(Response r) {
        assertEquals(200, r.status(), r.toString());
        List<String> names = new ArrayList<>();
        r.json().forEach(c -> names.add(c.get("first_name").asText()));
        return names;
    }

    private long add(String token, String name, String birthday) {
        return api.createContact(token, json("first_name", name, "last_name", "L", "birthday", birthday));
    }

    @Test
    void nextSevenDaysByDefaultAcrossTheNewYearNearestFirst() {
        String token = api.newUser();
        add(token, "Jan6", "1980-01-06");
        add(token, "Dec30", "1990-12-30");
        add(token, "Jan1", "2000-01-01");
        add(token, "Jan7", "1985-01-07");
        add(token, "Nov", "1985-11-20");
        api.createContact(token, "NoBirthday", "L");

        Response r = api.get("/contacts/birthdays/", token);
        assertEquals(List.of("Dec30", "Jan1", "Jan6"), names(r));
        JsonNode first = r.json().get(0);
        assertEquals("2026-12-30", first.get("next_birthday").asText());
        assertEquals(0, first.get("days_until").asInt());
        assertEquals("1990-12-30", first.get("birthday").asText(), "the contact's own fields are there too");
        assertTrue(first.has("id") && first.has("last_name") && first.has("created_at"));
        assertEquals("2027-01-01", r.json().get(1).get("next_birthday").asText());
        assertEquals(2, r.json().get(1).get("days_until").asInt());
        assertEquals(List.of("Dec30", "Jan1", "Jan6", "Jan7"), names(api.get("/contacts/birthdays?days=8", token)));
    }

    @Test
    void daysZeroIsTodayOnlyAnd366IsTheWholeYear() {
        String token = api.newUser();
        add(token, "Today", "1990-12-30");
        add(token, "Tomorrow", "1990-12-31");
        add(token, "Yesterday", "1990-12-29");
        assertEquals(List.of("Today"), names(api.get("/contacts/birthdays/?days=0", token)));
        assertEquals(List.of("Today", "Tomorrow", "Yesterday"), names(api.get("/contacts/birthdays/?days=366", token)));
        JsonNode yesterday = api.get("/contacts/birthdays/?days=366", token).json().get(2);
        assertEquals(364, yesterday.get("days_until").asInt());
    }

    @Test
    void daysOutOfRangeIs422() {
        String token = api.newUser();
        for (String days : new String[] {"-1", "367", "seven", "1e3"}) {
            Response r = api.get("/contacts/birthdays/?days=" + days, token);
            assertEquals(422, r.status(), days);
            assertEquals("[\"query\",\"days\"]", r.json().get("detail").get(0).get("loc").toString());
        }
    }

    @Test
    void todayIsTakenInTheGivenTimeZone() {
        String token = api.newUser();
        add(token, "Dec30", "1990-12-30");
        add(token, "Dec31", "1990-12-31");
        assertEquals(List.of("Dec30"), names(api.get("/contacts/birthdays/?days=0", token)), "server: UTC, 30th");
        assertEquals(List.of("Dec31"), names(api.get("/contacts/birthdays/?days=0&tz=Europe/Kyiv", token)));
        assertEquals(List.of("Dec30"), names(api.get("/contacts/birthdays/?days=0&tz=America/New_York", token)));
        Response kyiv = api.get("/contacts/birthdays/?days=1&tz=Europe/Kyiv", token);
        assertEquals(List.of("Dec31"), names(kyiv), "the 30th has passed in Kyiv: next year, beyond 1 day");
    }

    @Test
    void unknownTimeZoneIs422() {
        String token = api.newUser();
        Response r = api.get("/contacts/birthdays/?tz=Mars/Olympus", token);
        assertEquals(422, r.status());
        assertEquals("[\"query\",\"tz\"]", r.json().get("detail").get(0).get("loc").toString());
    }

    @Test
    void leapDayBirthdaysFallOnThe28thInCommonYears() {
        String token = api.newUser();
        add(token, "Leap", "2000-02-29");
        JsonNode entry = api.get("/contacts/birthdays/?days=366", token).json().get(0);
        assertEquals("2027-02-28", entry.get("next_birthday").asText());
        assertEquals(60, entry.get("days_until").asInt());
    }

    @Test
    void onlyTheCallersContactsAppear() {
        String alice = api.newUser();
        String bob = api.newUser();
        add(alice, "AliceFriend", "1990-12-31");
        assertEquals(List.of(), names(api.get("/contacts/birthdays/", bob)));
    }
}
