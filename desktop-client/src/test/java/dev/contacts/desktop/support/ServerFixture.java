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

    /** Counts the requests the clients make, when made {@link #counted}; else null. */
    public final RequestCounter requests;

    public ServerFixture(Path dir) {
        this(dir, false);
    }

    private ServerFixture(Path dir, boolean counted) {
        server = ContactsServer.start(ServerSettings.embedded(dir.resolve("contacts.db")), clock,
                Capacity.ONE_USER);
        requests = counted ? new RequestCounter(server.uri("127.0.0.1")) : null;
        var uri = counted ? requests.uri() : server.uri("127.0.0.1");
        api = new ContactsApi(() -> uri, Duration.ofSeconds(30), clock);
        session = new Session(api, Background.direct());
    }

    /** A fixture whose clients call through a {@link RequestCounter}. */
    public static ServerFixture counted(Path dir) {
        return new ServerFixture(dir, true);
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
        if (requests != null) {
            requests.close();
        }
        server.stop();
    }
}
