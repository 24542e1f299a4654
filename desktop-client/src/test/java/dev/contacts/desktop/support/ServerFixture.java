package dev.contacts.desktop.support;

import java.nio.file.Path;
import java.time.Duration;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.ui.Background;
import dev.contacts.server.Capacity;
import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerSettings;
import dev.contacts.server.support.MutableClock;

/** A real server on a temporary folder and a logged-out session against it: for view-model tests. */
public final class ServerFixture implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery";

    public final MutableClock clock = new MutableClock();
    public final ContactsServer server;
    /** The client tests call: the anonymous one, then the logged-in account's once {@link #loggedIn} ran. */
    public ContactsApi api;
    public final Session session;
    /** The logged-in account's session, once {@link #loggedIn} ran. */
    public UserSession user;

    public ServerFixture(Path dir) {
        server = ContactsServer.start(ServerSettings.embedded(dir.resolve("contacts.db")), clock,
                Capacity.ONE_USER);
        var uri = server.uri("127.0.0.1");
        api = new ContactsApi(() -> uri, Duration.ofSeconds(30), clock);
        session = new Session(api, Background.direct());
    }

    /** Registers and logs in {@code email} through the API, as the login screen would. */
    public ServerFixture loggedIn(String email) {
        api.register(email, PASSWORD);
        ContactsApi client = session.clientFor(email);
        client.login(email, PASSWORD);
        user = session.loggedIn(email, client);
        api = client;
        return this;
    }

    @Override
    public void close() {
        server.stop();
    }
}
