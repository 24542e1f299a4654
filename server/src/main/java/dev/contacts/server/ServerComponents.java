package dev.contacts.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;

import dev.contacts.server.auth.AuthService;
import dev.contacts.server.auth.BearerAuthentication;
import dev.contacts.server.auth.PasswordHasher;
import dev.contacts.server.auth.SigningSecret;
import dev.contacts.server.auth.TokenService;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.contact.ContactRepository;
import dev.contacts.server.contact.ContactService;
import dev.contacts.server.db.Database;

/** The server's parts, wired once from the settings: the database and everything that works on it. */
public final class ServerComponents implements AutoCloseable {

    private final Database database;
    private final PasswordHasher hasher;
    private final AuthService authService;
    private final ContactService contactService;

    private ServerComponents(Database database, PasswordHasher hasher, TokenService tokens, Clock clock) {
        this.database = database;
        this.hasher = hasher;
        UserRepository users = new UserRepository(database.dsl(), clock);
        BearerAuthentication auth = new BearerAuthentication(tokens, users);
        this.authService = new AuthService(users, hasher, tokens);
        this.contactService = new ContactService(new ContactRepository(database.dsl(), clock), auth, clock);
    }

    public static ServerComponents open(ServerSettings settings, Clock clock) {
        byte[] secret = secret(settings);
        Database database = Database.open(settings.database());
        try {
            TokenService tokens = new TokenService(secret, settings.tokenLifetime(), settings.issuer(),
                    settings.audience(), clock);
            return new ServerComponents(database, new PasswordHasher(), tokens, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static byte[] secret(ServerSettings settings) {
        if (settings.secret().isPresent()) {
            return SigningSecret.decode(settings.secret().get(), "auth.secret");
        }
        if (settings.secretFile().isPresent()) {
            try {
                return SigningSecret.decode(Files.readString(settings.secretFile().get(), StandardCharsets.US_ASCII),
                        "auth.secret-file " + settings.secretFile().get());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read auth.secret-file " + settings.secretFile().get(), e);
            }
        }
        return SigningSecret.loadOrCreate(SigningSecret.keyFileFor(settings.database()));
    }

    public Database database() {
        return database;
    }

    public AuthService authService() {
        return authService;
    }

    public ContactService contactService() {
        return contactService;
    }

    @Override
    public void close() {
        hasher.close();
        database.close();
    }
}
