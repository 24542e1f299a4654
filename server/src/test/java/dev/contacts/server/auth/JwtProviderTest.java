package dev.contacts.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerSettings;
import dev.contacts.server.support.TestApi;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access tokens are verified by Helidon Security's JWT provider, configured from application.yaml: the guard
 * accepts only a token the provider authenticated, so a server whose provider does not authenticate refuses every
 * token (it fails closed), and the provider's audience follows {@code auth.audience}.
 */
class JwtProviderTest {

    /** The jar's application.yaml under the given settings, on a free port and a new database. */
    private static ServerSettings settings(Path dir, Map<String, String> overrides) {
        Map<String, String> all = new java.util.HashMap<>(overrides);
        all.put("server.port", "0");
        all.put("db.path", dir.resolve("contacts.db").toString());
        all.put("auth.rate-limit", "0");
        return ServerSettings.from(Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(all))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build());
    }

    @Test
    void withTheProviderNotAuthenticatingNoTokenIsAccepted(@TempDir Path dir) {
        ServerSettings settings = settings(dir, Map.of("security.providers.0.jwt.authenticate", "false"));
        assertEquals(false, settings.jwtProvider().get("authenticate").asBoolean().get());
        try (ContactsServer server = ContactsServer.start(settings)) {
            TestApi api = new TestApi(server.uri("127.0.0.1"));
            String token = api.newUser();
            TestApi.Response r = api.get("/contacts/", token);
            assertEquals(401, r.status(), r.toString());
            assertEquals("Could not validate credentials", r.detail());
            assertEquals(TestApi.INVALID_TOKEN_CHALLENGE, r.header("WWW-Authenticate"));
        }
    }

    @Test
    void theProvidersAudienceIsTheConfiguredOne(@TempDir Path dir) {
        ServerSettings settings = settings(dir, Map.of("auth.audience", "another-api"));
        assertEquals("another-api", settings.jwtProvider().get("atn-token.jwt-audience").asString().get());
        try (ContactsServer server = ContactsServer.start(settings)) {
            TestApi api = new TestApi(server.uri("127.0.0.1"));
            assertEquals(200, api.get("/contacts/", api.newUser()).status(), "tokens issued for the audience pass");
        }
    }
}
