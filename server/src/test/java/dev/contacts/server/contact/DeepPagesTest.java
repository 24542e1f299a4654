package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.CONTACTS;
import static dev.contacts.server.support.TestApi.PASSWORD;
import static dev.contacts.server.support.TestApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerComponents;
import dev.contacts.server.ServerSettings;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages deep in a sorted list are read from places remembered at one book version ({@link ListAnchors}, migration
 * V12, V15). Every kind of write, made through another instance on the same database, through the same instance, or by
 * SQL behind the servers' backs, must leave the pages exactly those of the list's plain order and offset: checked
 * against the database's own ORDER BY ... LIMIT ... OFFSET in every order, direction and favourite filter, at places'
 * boundaries and past the list's end, after the pages before each write made the instance remember places.
 */
class DeepPagesTest {

    private static final String[] FIRST = {"Ada", "Ádám", "Bo", "Zoë", "Eve", "Olga", "Mia"};
    private static final String[] LAST = {"Smith", "Müller", "Lee", "Núñez", "Rossi"};
    /** Somewhat more than two places' worth of contacts. */
    private static final int BOOK = 2 * ListAnchors.SPACING + 300;
    private static final int[] SKIPS = {ListAnchors.SPACING, 2 * ListAnchors.SPACING - 1, 2 * ListAnchors.SPACING,
            2 * ListAnchors.SPACING + 295, BOOK + 50};
    private static final String[] SORTS = {"id", "first_name", "last_name", "created_at", "updated_at"};

    private final MutableClock clock = new MutableClock();
    private final ServerSettings settings = TestServers.settings().withSecret(TestServers.SECRET_BASE64);
    private final List<Instance> started = new ArrayList<>();
    /** The instances the book is made through: a reader of each check is another ({@link #afterWrite}). */
    private TestApi one;
    private TestApi two;
    private DSLContext database;
    private String token;
    private long owner;

    private record Instance(ServerComponents components, WebServer web) {
    }

    private TestApi start() {
        ServerComponents components = TestServers.open(settings, clock);
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false);
        ContactsServer.configure(builder, components);
        Instance instance = new Instance(components, builder.build().start());
        started.add(instance);
        return new TestApi(URI.create("http://127.0.0.1:" + instance.web().port()));
    }

    @BeforeEach
    void aBookOnTwoInstances() {
        one = start();
        two = start();
        database = started.get(0).components().database().dsl();
        String email = "deep" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertEquals(201, one.register(email, PASSWORD).status());
        token = one.token(email, PASSWORD);
        // two imports a minute apart: many contacts share a creation time, names and favourite marks
        importCards(two, token, 0, BOOK / 2);
        clock.advance(Duration.ofMinutes(1));
        importCards(two, token, BOOK / 2, BOOK - BOOK / 2);
        owner = database.select(CONTACTS.USER_ID).from(CONTACTS).limit(1).fetchOne(CONTACTS.USER_ID);
        database.execute("update contacts set favorite = (id % 3 = 0) where user_id = ?", owner);
    }

    @AfterEach
    void stopAll() {
        for (Instance instance : started) {
            instance.web().stop();
            instance.components().close();
        }
    }

    @Test
    void writesThroughAnotherInstanceGiveThePlainPages() {
        long[] first = new long[1];
        afterWrite("a create", reader -> first[0] = two.createContact(token, "Aaron", "Aaa"));
        afterWrite("a last name edited", reader -> assertEquals(200, two.patch("/contacts/" + idAt("last_name", 5)
                + "/", token, json("last_name", "Zzz")).status()));
        afterWrite("a first name edited", reader -> assertEquals(200, two.patch("/contacts/" + idAt("first_name", 3)
                + "/", token, json("first_name", "Zz")).status()));
        afterWrite("a favourite mark", reader -> assertEquals(200, two.patch("/contacts/" + idAt("id", 2) + "/",
                token, json("favorite", true)).status()));
        afterWrite("an edit of no sort field (its time changes)", reader -> {
            clock.advance(Duration.ofMinutes(1));
            assertEquals(200, two.patch("/contacts/" + idAt("updated_at", 4) + "/", token,
                    json("additional_data", "later")).status());
        });
        // since V15 only the list by update time is read anew after these: the others keep their places
        afterWrite("a phone edited (its time changes)", reader -> {
            clock.advance(Duration.ofMinutes(1));
            assertEquals(200, two.patch("/contacts/" + idAt("updated_at", 2) + "/", token,
                    json("phone", "+44 20 7946 0018")).status());
        });
        afterWrite("a notes edit, then a last name edited", reader -> {
            clock.advance(Duration.ofMinutes(1));
            long edited = idAt("last_name", 2);
            assertEquals(200, two.patch("/contacts/" + edited + "/", token, json("additional_data", "met")).status());
            assertPages(reader, "after a notes edit");
            assertEquals(200, two.patch("/contacts/" + edited + "/", token, json("last_name", "Zzzz")).status());
        });
        afterWrite("a trash", reader -> assertEquals(204, two.delete("/contacts/" + first[0] + "/", token).status()));
        afterWrite("a restore", reader -> assertEquals(200, two.post("/contacts/trash/" + first[0] + "/restore/",
                token, null).status()));
        afterWrite("a trash and a purge", reader -> {
            long purged = idAt("last_name", 2);
            assertEquals(204, two.delete("/contacts/" + purged + "/", token).status());
            assertEquals(204, two.delete("/contacts/trash/" + purged + "/", token).status());
        });
        afterWrite("a trash and the trash emptied", reader -> {
            assertEquals(204, two.delete("/contacts/" + idAt("first_name", 1) + "/", token).status());
            assertEquals(204, two.delete("/contacts/trash/", token).status());
        });
        afterWrite("a bulk trash", reader -> assertEquals(200, two.post("/contacts/delete/", token,
                "{\"ids\": [" + idAt("id", 0) + ", " + idAt("last_name", 1) + "]}").status()));
        afterWrite("a bulk restore", reader -> {
            List<Long> trashed = database.select(CONTACTS.ID).from(CONTACTS)
                    .where(CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNotNull())).fetch(CONTACTS.ID);
            assertEquals(200, two.post("/contacts/trash/restore/", token, "{\"ids\": " + trashed + "}").status());
        });
        afterWrite("an import", reader -> importCards(two, token, BOOK, 3));
        afterWrite("a merge", reader -> assertEquals(200, two.post("/contacts/merge/", token,
                "{\"ids\": [" + idAt("first_name", 0) + ", " + idAt("first_name", 1) + "]}").status()));
    }

    @Test
    void writesThroughTheSameInstanceAndBehindItsBackGiveThePlainPages() {
        afterWrite("a create on the same instance", reader -> reader.createContact(token, "Aaron", "Aaa"));
        afterWrite("an edit on the same instance", reader -> assertEquals(200, reader.patch("/contacts/"
                + idAt("first_name", 7) + "/", token, json("first_name", "Zz")).status()));
        afterWrite("a sort key changed by SQL", reader -> database.execute(
                "update contacts set last_name_key = '00' where id = ?", idAt("last_name", 1500)));
        afterWrite("a favourite mark changed by SQL", reader -> database.execute(
                "update contacts set favorite = not favorite where id = ?", idAt("id", 1)));
        afterWrite("a live contact deleted by SQL", reader -> database.execute(
                "delete from contacts where id = ?", idAt("created_at", 3)));
        afterWrite("a contact trashed by SQL", reader -> database.update(CONTACTS)
                .set(CONTACTS.DELETED_AT, Instant.parse("2026-01-01T00:00:00Z"))
                .where(CONTACTS.ID.eq(idAt("first_name", 2))).execute());
        // another user's contacts, written between the owner's pages, change none of them
        afterWrite("another user's writes", reader -> {
            String otherEmail = "other" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            assertEquals(201, two.register(otherEmail, PASSWORD).status());
            String otherToken = two.token(otherEmail, PASSWORD);
            importCards(two, otherToken, 0, 20);
            two.createContact(otherToken, "Aaron", "Aaa");
        });
    }

    /**
     * A new instance (the reader) reads the deepest page of every list twice, so it remembers their places at the
     * book's version now; then {@code write} (given the reader); then every page the reader gives must be the plain one.
     */
    private void afterWrite(String what, Consumer<TestApi> write) {
        TestApi reader = start();
        for (String query : lists()) {
            // the first deep page remembers the list's version, the second its places
            for (int read = 0; read < 2; read++) {
                assertEquals(200, reader.get(query + "&skip=" + (2 * ListAnchors.SPACING + 295) + "&limit=7", token)
                        .status());
            }
        }
        write.accept(reader);
        assertPages(reader, "after " + what);
        Instance instance = started.removeLast();
        instance.web().stop();
        instance.components().close();
    }

    /**
     * The lists checked: every order and direction of all contacts and of the non-favourites (both longer than two
     * places), and of the favourites (shorter: every page past the end) in two orders.
     */
    private static List<String> lists() {
        List<String> lists = new ArrayList<>();
        for (String sort : SORTS) {
            for (String order : List.of("asc", "desc")) {
                String list = "/contacts/?sort=" + sort + "&order=" + order;
                lists.add(list);
                lists.add(list + "&favorite=false");
                if (sort.equals("id") || sort.equals("last_name")) {
                    lists.add(list + "&favorite=true");
                }
            }
        }
        return lists;
    }

    /** Every list's pages at the places' boundaries and past its end, against the database's plain order and offset. */
    private void assertPages(TestApi reader, String after) {
        for (String list : lists()) {
            String sort = list.substring(list.indexOf("sort=") + 5, list.indexOf('&'));
            boolean descending = list.contains("order=desc");
            Boolean favorite = list.contains("favorite=") ? list.endsWith("true") : null;
            String total = String.valueOf(count(favorite));
            for (int skip : SKIPS) {
                String query = list + "&skip=" + skip + "&limit=7";
                Response page = reader.get(query, token);
                assertEquals(200, page.status(), after + ": " + query);
                assertEquals(plainIds(sort, descending, favorite, skip, 7), page.ids(), after + ": " + query);
                assertEquals(total, page.header("X-Total-Count"), after + ": " + query);
            }
        }
    }

    /** The ids of a page of the owner's live contacts, as the database orders and offsets them. */
    private List<Long> plainIds(String sort, boolean descending, Boolean favorite, int skip, int limit) {
        Field<?> key = switch (sort) {
            case "id" -> CONTACTS.ID;
            case "first_name" -> CONTACTS.FIRST_NAME_KEY;
            case "last_name" -> CONTACTS.LAST_NAME_KEY;
            case "created_at" -> CONTACTS.CREATED_AT;
            default -> CONTACTS.UPDATED_AT;
        };
        List<SortField<?>> order = List.of(descending ? key.desc() : key.asc(),
                descending ? CONTACTS.ID.desc() : CONTACTS.ID.asc());
        return database.select(CONTACTS.ID).from(CONTACTS).where(live(favorite)).orderBy(order).limit(limit)
                .offset(skip).fetch(CONTACTS.ID);
    }

    private int count(Boolean favorite) {
        return database.fetchCount(CONTACTS, live(favorite));
    }

    private Condition live(Boolean favorite) {
        Condition live = CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNull());
        return favorite == null ? live : live.and(CONTACTS.FAVORITE.eq(favorite));
    }

    /** The id of the owner's live contact at {@code position} of a list in ascending order. */
    private long idAt(String sort, int position) {
        return plainIds(sort, false, null, position, 1).getFirst();
    }

    /** Imports {@code count} contacts numbered from {@code from}, their names drawn from a few. */
    private static void importCards(TestApi api, String token, int from, int count) {
        StringBuilder cards = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length) % LAST.length];
            cards.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:").append(last).append(';').append(first)
                    .append(";;;\r\nFN:").append(first).append(' ').append(last)
                    .append("\r\nEMAIL:c").append(i).append("@example.com\r\nEND:VCARD\r\n");
        }
        Response imported = api.send("POST", "/contacts/import/?duplicates=create", token, "text/vcard",
                cards.toString());
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(count, imported.json().get("created").asInt(), imported.toString());
    }
}
