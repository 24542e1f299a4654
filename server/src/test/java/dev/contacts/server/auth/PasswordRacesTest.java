package dev.contacts.server.auth;

import static dev.contacts.server.support.TestApi.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.contacts.server.support.HashGate;
import dev.contacts.server.support.TestApi;
import dev.contacts.server.support.TestServers;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/**
 * A request that checks a password reads the account, waits for the hash holding no database thread, then writes:
 * whatever changed the account in between (a password change, a deletion) is never undone or ignored. Each test
 * holds the first request's hash back until the second request is done.
 */
@ServerTest
class PasswordRacesTest {

    private static final String SECOND = "a second secret";
    private static final String THIRD = "a third secret";
    private static final HashGate HASHES = new HashGate();

    private final TestApi api;

    PasswordRacesTest(URI uri) {
        this.api = new TestApi(uri);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServers.configure(server, HASHES);
    }

    @Test
    void aLoginCheckedAgainstAPasswordChangedMeanwhileGetsNoSession() throws Exception {
        String email = newAccount();
        String token = api.token(email, PASSWORD);
        TestApi.Response answer = heldBackWhile(
                () -> api.sendAsync("POST", "/token/", null, TestApi.credentials(email, PASSWORD)),
                () -> assertEquals(204, changePassword(token, PASSWORD, SECOND).status()));
        assertEquals(401, answer.status(), "the old password's login answers as a wrong password: " + answer);
        assertEquals("Invalid credentials", answer.detail());
        assertEquals(401, api.login(email, PASSWORD).status());
        assertEquals(200, api.login(email, SECOND).status());
    }

    @Test
    void ofTwoPasswordChangesAtOnceTheLaterWriteIsRefused() throws Exception {
        String email = newAccount();
        String token = api.token(email, PASSWORD);
        TestApi.Response answer = heldBackWhile(
                () -> api.sendAsync("PUT", "/users/me/password/", token,
                        TestApi.json("current_password", PASSWORD, "new_password", SECOND)),
                () -> assertEquals(204, changePassword(token, PASSWORD, THIRD).status()));
        assertEquals(401, answer.status(), "its token was ended by the other change: " + answer);
        assertEquals("Could not validate credentials", answer.detail());
        assertEquals(200, api.login(email, THIRD).status(), "the change that was answered 204 stands");
        assertEquals(401, api.login(email, SECOND).status());
    }

    @Test
    void aDeletionCheckedAgainstAPasswordChangedMeanwhileDeletesNothing() throws Exception {
        String email = newAccount();
        String token = api.token(email, PASSWORD);
        long contact = api.createContact(token, "Ada", "Lovelace");
        TestApi.Response answer = heldBackWhile(
                () -> api.sendAsync("DELETE", "/users/me/", token, TestApi.json("password", PASSWORD)),
                () -> assertEquals(204, changePassword(token, PASSWORD, SECOND).status()));
        assertEquals(401, answer.status(), answer.toString());
        String again = api.token(email, SECOND);
        assertEquals(200, api.get("/contacts/" + contact + "/", again).status(), "the account and its contacts stay");
    }

    @Test
    void aLoginCheckedAgainstAnAccountDeletedMeanwhileGetsNoSession() throws Exception {
        String email = newAccount();
        String token = api.token(email, PASSWORD);
        TestApi.Response answer = heldBackWhile(
                () -> api.sendAsync("POST", "/token/", null, TestApi.credentials(email, PASSWORD)),
                () -> assertEquals(204, api.send("DELETE", "/users/me/", token, "application/json",
                        TestApi.json("password", PASSWORD)).status()));
        assertEquals(401, answer.status(), "as for an unknown email: " + answer);
        assertEquals("Invalid credentials", answer.detail());
        assertEquals(201, api.register(email, SECOND).status(), "the email is free again");
    }

    /** Sends {@code first}, holds its hash back until {@code meanwhile} is done, then gives {@code first}'s answer. */
    private static TestApi.Response heldBackWhile(Supplier<CompletableFuture<TestApi.Response>> first,
                                                  Runnable meanwhile) throws Exception {
        CompletableFuture<TestApi.Response> answer;
        try (HashGate.Hold hold = HASHES.holdNext()) {
            answer = first.get();
            hold.awaitHeld(1);
            meanwhile.run();
        }
        return answer.get();
    }

    private String newAccount() {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        assertEquals(201, api.register(email, PASSWORD).status());
        return email;
    }

    private TestApi.Response changePassword(String token, String current, String next) {
        return api.put("/users/me/password/", token, TestApi.json("current_password", current, "new_password", next));
    }
}
