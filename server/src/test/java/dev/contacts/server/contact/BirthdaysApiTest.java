package dev.contacts.server.contact;

import static dev.contacts.server.support.TestApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
    void aShortPageIsSentWithItsLengthAndALongOneStreamed() {
        String token = api.newUser();
        String note = "\u00e9".repeat(10_000);
        List<String> born = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            born.add(String.format("Today%02d", i));
            api.createContact(token, json("first_name", born.get(i), "last_name", "L", "birthday", "1990-12-30",
                    "additional_data", note));
        }
        // 60 contacts of over 20 KB each: more than the server holds for a page (1 MiB), so it is streamed
        Response whole = api.get("/contacts/birthdays/?days=0", token);
        assertEquals(born, names(whole));
        assertNull(whole.header("Content-Length"), whole.headers().toString());
        assertEquals("application/json", whole.header("Content-Type"));
        List<String> byPages = new ArrayList<>();
        for (int skip = 0; skip < 60; skip += 5) {
            Response page = api.get("/contacts/birthdays/?days=0&limit=5&skip=" + skip, token);
            byPages.addAll(names(page));
            assertEquals(String.valueOf(page.body().getBytes(StandardCharsets.UTF_8).length),
                    page.header("Content-Length"), "a short page is sent whole");
            assertEquals("application/json", page.header("Content-Type"));
            assertEquals("60", page.header("X-Total-Count"));
            assertEquals(whole.json().get(skip), page.json().get(0), "the same contact, written the same way");
        }
        assertEquals(born, byPages);
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
        // given empty, tz names no zone (FastAPI passes "" on), and an empty integer is none either
        for (String query : List.of("tz=", "days=", "skip=", "limit=")) {
            Response empty = api.get("/contacts/birthdays/?" + query, token);
            assertEquals(422, empty.status(), query);
            assertEquals("[\"query\",\"" + query.substring(0, query.length() - 1) + "\"]",
                    empty.json().get("detail").get(0).get("loc").toString());
        }
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

    @Test
    void aGeneratedBookMatchesTheContractInTimeZonesEitherSideOfMidnight() {
        String token = api.newUser();
        String other = api.newUser();
        String[] monthDays = {"12-29", "12-30", "12-31", "01-01", "01-02", "01-06", "02-28", "02-29", "03-01"};
        String[] lastNames = {"Núñez", "nunez", "Smith", "", "Émile"};
        Random random = new Random(3);
        List<BirthdayModel> live = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String monthDay = monthDays[random.nextInt(monthDays.length)];
            // 1604: a birthday without a year (a leap year, like 2000)
            LocalDate birthday = LocalDate.parse((random.nextBoolean() ? "1604-" : "2000-") + monthDay);
            String first = "P" + random.nextInt(4);
            String last = lastNames[random.nextInt(lastNames.length)];
            long id = api.createContact(token, json("first_name", first, "last_name", last, "birthday",
                    birthday.toString()));
            if (i % 6 == 3) {
                assertEquals(204, api.delete("/contacts/" + id + "/", token).status());
            } else {
                live.add(new BirthdayModel(id, first, last, birthday));
            }
            if (i % 4 == 0) {
                add(other, "Other" + i, birthday.toString());
            }
        }
        // 2026-12-30 23:30 UTC: still the 30th west of UTC, already the 31st (Kyiv) or 31 December midday
        // (Kiritimati, UTC+14) east of it
        for (String zone : new String[] {"UTC", "Europe/Kyiv", "America/New_York", "Pacific/Kiritimati",
                "Pacific/Pago_Pago"}) {
            LocalDate today = LocalDate.ofInstant(NOW, ZoneId.of(zone));
            for (int days : new int[] {0, 1, 2, 59, 366}) {
                String query = "/contacts/birthdays/?days=" + days + "&tz=" + zone;
                List<BirthdayModel> expected = BirthdayModel.upcoming(live, today, days);
                Response whole = api.get(query, token);
                assertEquals(200, whole.status(), query);
                assertEquals(String.valueOf(expected.size()), whole.header("X-Total-Count"), query);
                assertEquals(expected.stream().map(BirthdayModel::id).toList(), whole.ids(), query);
                for (int i = 0; i < expected.size(); i++) {
                    JsonNode item = whole.json().get(i);
                    assertEquals(expected.get(i).next(today).toString(), item.get("next_birthday").asText(), query);
                    assertEquals(expected.get(i).daysUntil(today), item.get("days_until").asLong(), query);
                }
                Response page = api.get(query + "&skip=3&limit=4", token);
                assertEquals(String.valueOf(expected.size()), page.header("X-Total-Count"), query);
                assertEquals(expected.stream().skip(3).limit(4).map(BirthdayModel::id).toList(), page.ids(), query);
            }
        }
    }
}
