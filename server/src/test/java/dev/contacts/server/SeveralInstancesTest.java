package dev.contacts.server;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static dev.contacts.server.support.TestApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.contact.ContactRepository;
import dev.contacts.server.support.Concurrently;
import dev.contacts.server.support.HashGate;
import dev.contacts.server.support.MutableClock;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestApi.Response;
import dev.contacts.server.support.TestDatabases;
import dev.contacts.server.support.TestServers;
import dev.contacts.server.support.WaitingLogins;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several instances on one database, sharing the auth secret, as behind a load balancer: whatever one instance
 * does to a session or a counter, the others see at once, because all of it lives in the database. Each test
 * starts its instances itself (random ports) on whatever database {@link TestServers#settings()} gives.
 */
class SeveralInstancesTest {

    private final MutableClock clock = new MutableClock();
    private final ServerSettings settings = TestServers.settings().withSecret(TestServers.SECRET_BASE64);
    private final List<Instance> started = new ArrayList<>();
    private TestApi one;
    private TestApi two;
    private String email;

    /** One running instance: its parts (to prune on demand) and its web server. */
    private record Instance(ServerComponents components, WebServer web) {
        TestApi api() {
            return new TestApi(java.net.URI.create("http://127.0.0.1:" + web.port()));
        }
    }

    private Instance start(ServerSettings instanceSettings) {
        return start(TestServers.open(instanceSettings, clock));
    }

    /** An instance hashing on {@code hashes}, which the test holds back; logins wait for their turn as long as it takes. */
    private Instance start(HashGate hashes) {
        return start(ServerComponents.open(settings, clock, hashes::hasher, TestServers.LOGIN_PATIENCE));
    }

    private Instance start(ServerComponents components) {
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false);
        ContactsServer.configure(builder, components);
        Instance instance = new Instance(components, builder.build().start());
        synchronized (started) {
            started.add(instance);
        }
        return instance;
    }

    private Instance start() {
        return start(settings);
    }

    /** Two instances on the database, and a user registered through the first: {@link #one}, {@link #two}, {@link #email}. */
    private void twoInstancesAndAUser() {
        one = start().api();
        two = start().api();
        email = email();
        assertEquals(201, one.register(email, PASSWORD).status());
    }

    @AfterEach
    void stopAll() {
        for (Instance instance : started) {
            instance.web().stop();
            instance.components().close();
        }
    }

    private static String email() {
        return "n" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void aTokenFromOneInstanceWorksOnTheOther() {
        twoInstancesAndAUser();
        String access = two.token(email, PASSWORD);
        long id = one.createContact(access, "Ada", "Lovelace");
        Response read = two.get("/contacts/" + id + "/", access);
        assertEquals(200, read.status(), read.toString());
        assertEquals("Lovelace", read.json().get("last_name").asText());
        assertEquals(email, two.get("/users/me/", access).json().get("email").asText());
    }

    @Test
    void aContactChangedOnOneIsSentAsChangedByTheOther() {
        twoInstancesAndAUser();
        String access = one.token(email, PASSWORD);
        LocalDate birthday = LocalDate.now(clock).plusDays(3).withYear(1990);
        long id = one.createContact(access, json("first_name", "Ada", "last_name", "Lovelace",
                "birthday", birthday.toString(), "emails", List.of(Map.of("value", "ada@example.com"))));
        String byId = "/contacts/" + id + "/";
        // each of these is sent from the JSON an instance remembers for the rows it read (ContactJson)
        List<String> reads = List.of(byId, "/contacts/", "/contacts/search/?query=lovelace",
                "/contacts/birthdays/?days=30");
        for (String path : reads) {
            assertTrue(two.get(path, access).body().contains("ada@example.com"), path);
        }
        String tagBefore = two.get(byId, access).header("ETag");

        assertEquals(200, one.patch(byId, access, json("first_name", "Augusta",
                "emails", List.of(Map.of("value", "augusta@example.com")), "labels", List.of("Work"))).status());
        for (String path : reads) {
            Response onTwo = two.get(path, access);
            assertEquals(200, onTwo.status(), path);
            assertTrue(onTwo.body().contains("augusta@example.com") && !onTwo.body().contains("ada@example.com"),
                    path + ": " + onTwo.body());
            assertEquals(one.get(path, access).body(), onTwo.body(), path + ": both instances send the same");
        }
        assertNotEquals(tagBefore, two.get(byId, access).header("ETag"));
        assertEquals(one.get(byId, access).header("ETag"), two.get(byId, access).header("ETag"));

        assertEquals(204, one.delete(byId, access).status());
        assertEquals(404, two.get(byId, access).status(), "trashed on one, gone on the other");
        for (String path : reads.subList(1, reads.size())) {
            assertEquals("[]", two.get(path, access).body(), path);
        }
    }

    @Test
    void aLogoutOnOneEndsTheSessionOnTheOtherAtOnce() {
        twoInstancesAndAUser();
        JsonNode session = one.loginJson(email, PASSWORD);
        String access = session.get("access_token").asText();
        assertEquals(200, two.get("/contacts/", access).status());

        assertEquals(204, one.post("/logout/", access, json("refresh_token", session.get("refresh_token").asText()))
                .status());
        assertEquals(401, two.get("/contacts/", access).status(), "the access token is revoked for every instance");
        assertEquals(401, two.refresh(session.get("refresh_token").asText()).status(), "and so is its refresh token");
    }

    @Test
    void aPasswordChangeOnOneEndsEverySessionOnTheOther() {
        twoInstancesAndAUser();
        JsonNode onTwo = two.loginJson(email, PASSWORD);
        String access = onTwo.get("access_token").asText();

        assertEquals(204, one.put("/users/me/password/", one.token(email, PASSWORD),
                json("current_password", PASSWORD, "new_password", "a brand new secret")).status());
        assertEquals(401, two.get("/contacts/", access).status());
        assertEquals(401, two.refresh(onTwo.get("refresh_token").asText()).status());
        assertEquals(401, two.login(email, PASSWORD).status(), "the old password is refused everywhere");
        assertEquals(200, two.login(email, "a brand new secret").status());
    }

    @Test
    void anAccountDeletedOnOneIsGoneOnTheOther() {
        twoInstancesAndAUser();
        JsonNode onTwo = two.loginJson(email, PASSWORD);
        String access = onTwo.get("access_token").asText();
        long contact = two.createContact(access, "Kept", "Nowhere");

        assertEquals(204, one.send("DELETE", "/users/me/", one.token(email, PASSWORD), "application/json",
                json("password", PASSWORD)).status());
        assertEquals(401, two.get("/contacts/" + contact + "/", access).status());
        assertEquals(401, two.refresh(onTwo.get("refresh_token").asText()).status());
        assertEquals(401, two.login(email, PASSWORD).status());
    }

    @Test
    void aRefreshTokenReusedOnTheOtherInstanceEndsItsFamily() {
        twoInstancesAndAUser();
        String first = two.loginJson(email, PASSWORD).get("refresh_token").asText();
        String next = one.refresh(first).json().get("refresh_token").asText();
        assertEquals(401, two.refresh(first).status(), "the spent token's reuse is seen by the other instance");
        assertEquals(401, one.refresh(next).status(), "and its whole family is ended for both");
    }

    @Test
    void oneRefreshTokenSentToBothAtOnceIsSpentOnlyOnce() throws Exception {
        twoInstancesAndAUser();
        String token = one.loginJson(email, PASSWORD).get("refresh_token").asText();

        List<Response> answers = new ArrayList<>();
        Map<Integer, Integer> statuses = Concurrently.tally(16, i -> {
            Response r = (i % 2 == 0 ? one : two).refresh(token);
            synchronized (answers) {
                answers.add(r);
            }
            return r.status();
        });
        assertEquals(Map.of(200, 1, 401, 15), statuses, "exactly one use rotates it; the rest are reuse");
        String successor = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow()
                .json().get("refresh_token").asText();
        assertEquals(401, two.refresh(successor).status(), "the reuse ended the family, the winner's successor too");
    }

    @Test
    void theLoginLockoutCountsAttemptsOnEveryInstance() {
        twoInstancesAndAUser();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, (i % 2 == 0 ? one : two).login(email, "wrong password " + i).status());
        }
        assertEquals(429, one.login(email, PASSWORD).status(), "five failures in a row, spread over both");
        assertEquals(429, two.login(email, PASSWORD).status());
    }

    @Test
    void wrongPasswordsSentToBothAtOnceEvaluateOnlyFive() throws Exception {
        twoInstancesAndAUser();
        Map<Integer, Integer> statuses = Concurrently.tally(30, i -> (i % 2 == 0 ? one : two).login(email, "wrong " + i).status());
        assertEquals(Map.of(401, 5, 429, 25), statuses);
    }

    @Test
    void correctLoginsBeyondTheFifthWaitForATurnFreedOnAnotherInstance() throws Exception {
        HashGate hashes = new HashGate();
        one = start(hashes).api();
        Instance second = start(new HashGate());
        two = second.api();
        email = email();
        assertEquals(201, one.register(email, PASSWORD).status());
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        try (HashGate.Hold hold = hashes.holdAll()) {
            for (int i = 0; i < 5; i++) {
                answers.add(one.sendAsync("POST", "/token/", null, TestApi.credentials(email, PASSWORD)));
            }
            hold.awaitHeld(5);
            // no room on either instance until the first's checks end: the second's wait, and learn of it by looking
            for (int i = 0; i < 3; i++) {
                answers.add(two.sendAsync("POST", "/token/", null, TestApi.credentials(email, PASSWORD)));
            }
            WaitingLogins.await(second.components().passwordAttempts(), 3, answers);
        }
        for (var answer : answers) {
            assertEquals(200, answer.join().status(), answer.join().toString());
        }
    }

    @Test
    void thePerAddressRateLimitCountsRequestsOnEveryInstance() {
        int limit = 4;
        one = start(settings.withRateLimit(limit)).api();
        two = start(settings.withRateLimit(limit)).api();
        startOfAFreshWindow();
        for (int i = 0; i < limit; i++) {
            assertEquals(401, (i % 2 == 0 ? one : two).refresh("not a token " + i).status());
        }
        assertEquals(429, one.refresh("one too many").status(), "the limit is one for the address, not per instance");
        assertEquals(429, two.refresh("one too many").status());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(401, two.refresh("a new minute").status());
    }

    @Test
    void aBurstAtBothInstancesIsLimitedAsOneAddress() throws Exception {
        int limit = 6;
        one = start(settings.withRateLimit(limit)).api();
        two = start(settings.withRateLimit(limit)).api();
        startOfAFreshWindow();
        Map<Integer, Integer> statuses = Concurrently.tally(20, i -> (i % 2 == 0 ? one : two).refresh("not a token " + i).status());
        assertEquals(Map.of(401, limit, 429, 20 - limit), statuses, "each request counted once, none lost");
    }

    @Test
    void pruningFromEveryInstanceAtOnceRemovesEachExpiredRowOnce() throws Exception {
        Instance first = start(settings.withRateLimit(100));
        Instance second = start(settings.withRateLimit(100));
        TestApi api = first.api();
        startOfAFreshWindow();
        email = email();
        api.register(email, PASSWORD);
        JsonNode session = api.loginJson(email, PASSWORD);
        second.api().refresh(session.get("refresh_token").asText());
        second.api().post("/logout/", session.get("access_token").asText(), null);
        api.login(email(), "wrong password");
        String access = api.token(email, PASSWORD);
        long trashed = api.createContact(access, "Old", "Trash");
        assertEquals(204, api.delete("/contacts/" + trashed + "/", access).status());
        // 3 refresh tokens (a login, its rotation, a second login), 1 logged-out access token, 1 login failure,
        // 1 rate-limit window, 1 contact in the trash
        int expired = 7;

        clock.advance(ContactRepository.TRASH_KEPT.plusDays(1));
        JsonNode live = second.api().loginJson(email, PASSWORD);
        List<Callable<Integer>> prunes = List.of(first.components()::pruneExpired, second.components()::pruneExpired,
                first.components()::pruneExpired, second.components()::pruneExpired);
        Map<Integer, Integer> removedByEach = Concurrently.tally(prunes.size(), i -> {
            try {
                return prunes.get(i).call();
            } catch (Exception e) {
                throw new AssertionError("a prune beside another failed", e);
            }
        });
        int removed = removedByEach.entrySet().stream().mapToInt(e -> e.getKey() * e.getValue()).sum();
        assertEquals(expired, removed, "each expired row removed once, by one of them: " + removedByEach);
        assertEquals(0, first.components().pruneExpired() + second.components().pruneExpired(), "nothing left");
        assertEquals(200, first.api().get("/contacts/", live.get("access_token").asText()).status(),
                "live state is untouched");
        assertEquals(200, first.api().refresh(live.get("refresh_token").asText()).status());
    }

    @Test
    void instancesStartingTogetherOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        int instances = 3;
        ServerSettings onAnEmptyDatabase = settings.withDatabase(TestDatabases.empty());
        List<Instance> up = new ArrayList<>();
        Concurrently.tally(instances, i -> {
            Instance instance = start(onAnEmptyDatabase);
            synchronized (up) {
                up.add(instance);
            }
            return 0;
        });
        assertEquals(instances, up.size());
        List<Map<String, Object>> history = up.getFirst().components().database().dsl()
                .fetch("select version, success from flyway_schema_history where version is not null")
                .intoMaps();
        Map<String, Integer> appliedPerVersion = new TreeMap<>();
        history.forEach(row -> appliedPerVersion.merge(String.valueOf(row.get("version")), 1, Integer::sum));
        assertTrue(appliedPerVersion.size() >= 4, "every migration recorded: " + history);
        appliedPerVersion.forEach((version, times) -> assertEquals(1, times, "version " + version + " applied once"));

        email = email();
        assertEquals(201, up.get(0).api().register(email, PASSWORD).status());
        String access = up.get(1).api().token(email, PASSWORD);
        assertNotEquals(0, up.get(2).api().createContact(access, "Every", "Instance"));
    }

    @Test
    void instancesStartingTogetherReKeyAnOldBookOnce() throws Exception {
        Instance first = start();
        TestApi api = first.api();
        String access = api.newUser();
        int contacts = 40;
        for (int i = 0; i < contacts; i++) {
            api.createContact(access, json("first_name", "Name" + i, "last_name", "Émile", "labels", List.of("Work")));
        }
        // as after an upgrade of the collation keys: every row is stale and is re-keyed at the next start
        first.components().database().dsl().execute("update contacts set keys_version = 'old'");
        first.web().stop();
        first.components().close();
        started.remove(first);

        List<Instance> up = new ArrayList<>();
        Concurrently.tally(3, i -> {
            Instance instance = start();
            synchronized (up) {
                up.add(instance);
            }
            return 0;
        });
        assertEquals(0, up.getFirst().components().database().dsl()
                .fetchCount(DSL.table("contacts"), DSL.field("keys_version").eq("old")), "none left stale");
        for (Instance instance : up) {
            Response labelled = instance.api().get("/contacts/?label=work&sort=last_name&limit=1000", access);
            assertEquals(200, labelled.status(), labelled.toString());
            assertEquals(contacts, labelled.json().size(), "every contact keeps its one label");
            Response found = instance.api().get("/contacts/search/?query=emile", access);
            assertEquals(String.valueOf(contacts), found.header("X-Total-Count"), "and its folded text");
        }
    }

    /**
     * The clock at the very start of the next minute: rate-limit windows are whole minutes, and a test begun late
     * in one would see it end halfway.
     */
    private void startOfAFreshWindow() {
        Instant now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1))));
    }
}
