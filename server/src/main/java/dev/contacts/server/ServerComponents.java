package dev.contacts.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import dev.contacts.server.account.AccountService;
import dev.contacts.server.account.SessionsService;
import dev.contacts.server.auth.AccessTokenSecurity;
import dev.contacts.server.auth.AccessTokenState;
import dev.contacts.server.auth.AuthService;
import dev.contacts.server.auth.BearerAuthentication;
import dev.contacts.server.auth.LoginThrottle;
import dev.contacts.server.auth.PasswordAttempts;
import dev.contacts.server.auth.PasswordHasher;
import dev.contacts.server.auth.RateLimiter;
import dev.contacts.server.auth.RefreshTokenRepository;
import dev.contacts.server.auth.RevokedAccessTokens;
import dev.contacts.server.auth.SessionTokens;
import dev.contacts.server.auth.SigningSecret;
import dev.contacts.server.auth.TokenService;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.contact.ContactRepository;
import dev.contacts.server.contact.ContactService;
import dev.contacts.server.contact.transfer.TransferService;
import dev.contacts.server.db.Database;
import dev.contacts.server.db.Maintenance;
import dev.contacts.server.http.ClientAddresses;
import org.jooq.DSLContext;

/** The server's parts, wired once from the settings: the database and everything that works on it. */
public final class ServerComponents implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ServerComponents.class.getName());

    private final Database database;
    private final PasswordHasher hasher;
    private final Maintenance maintenance;
    private final AuthService authService;
    private final AccountService accountService;
    private final SessionsService sessionsService;
    private final PasswordAttempts attempts;
    private final ContactService contactService;
    private final TransferService transferService;

    private ServerComponents(ServerSettings settings, Database database, PasswordHasher hasher, TokenService tokens,
                             AccessTokenSecurity security, Clock clock, Duration loginPatience) {
        this.database = database;
        this.hasher = hasher;
        DSLContext dsl = database.dsl();
        UserRepository users = new UserRepository(dsl, clock);
        RevokedAccessTokens revoked = new RevokedAccessTokens(dsl);
        RefreshTokenRepository refreshTokens = new RefreshTokenRepository(dsl, clock, settings.refreshLifetime());
        LoginThrottle throttle = new LoginThrottle(dsl, clock);
        this.attempts = new PasswordAttempts(database, throttle, loginPatience);
        RateLimiter rateLimiter = new RateLimiter(dsl, clock, settings.rateLimit());
        BearerAuthentication auth = new BearerAuthentication(security, tokens, new AccessTokenState(dsl));
        SessionTokens sessions = new SessionTokens(tokens, refreshTokens, revoked, users);
        this.authService = new AuthService(database, users, hasher, sessions, auth, attempts, rateLimiter,
                new ClientAddresses(settings.trustedProxies()));
        this.accountService = new AccountService(database, users, hasher, sessions, auth, attempts);
        this.sessionsService = new SessionsService(sessions, auth);
        ContactRepository contacts = new ContactRepository(dsl, clock, settings.maxContactsPerUser());
        // contacts stored before v2 (or keyed by another ICU version) get their sort and search keys now
        contacts.rekeyStale();
        this.contactService = new ContactService(database, contacts, auth, clock);
        this.transferService = new TransferService(database, contacts, auth);
        this.maintenance = new Maintenance(clock, List.of(refreshTokens::prune, revoked::prune, throttle::prune,
                rateLimiter::prune, contacts::pruneTrash));
    }

    public static ServerComponents open(ServerSettings settings, Clock clock) {
        return open(settings, clock, Capacity.SERVER);
    }

    /** Sized by {@code capacity}: its database threads and connections, its hashing threads. */
    public static ServerComponents open(ServerSettings settings, Clock clock, Capacity capacity) {
        return open(settings, clock, capacity, () -> new PasswordHasher(capacity.hashThreads()),
                PasswordAttempts.PATIENCE);
    }

    /** With the password hasher {@code hasher} makes (tests make one whose hashes they can hold back). */
    public static ServerComponents open(ServerSettings settings, Clock clock, Supplier<PasswordHasher> hasher) {
        return open(settings, clock, hasher, PasswordAttempts.PATIENCE);
    }

    /**
     * As {@link #open(ServerSettings, Clock, Supplier)}, with logins beyond an email's room waiting at most
     * {@code loginPatience} for their turn (tests that hold hashes back wait longer, or not at all).
     */
    public static ServerComponents open(ServerSettings settings, Clock clock, Supplier<PasswordHasher> hasher,
                                        Duration loginPatience) {
        return open(settings, clock, Capacity.SERVER, hasher, loginPatience);
    }

    private static ServerComponents open(ServerSettings settings, Clock clock, Capacity capacity,
                                         Supplier<PasswordHasher> hasher, Duration loginPatience) {
        byte[] secret = secret(settings);
        Database database = Database.open(settings.database(), capacity.databaseThreads(), capacity.readThreads(),
                capacity.sqliteConnections());
        try {
            // Access tokens are timed by the wall clock, not by `clock` (which tests move): Helidon's JWT provider
            // checks their exp, iat and nbf against the wall clock, and cannot be given another.
            TokenService tokens = new TokenService(secret, settings.tokenLifetime(), settings.issuer(),
                    settings.audience(), Clock.systemUTC());
            AccessTokenSecurity security = AccessTokenSecurity.create(settings.jwtProvider(), secret);
            ServerComponents components = new ServerComponents(settings, database, hasher.get(), tokens,
                    security, clock, loginPatience);
            components.maintenance.start();
            return components;
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
        Path keyFile = SigningSecret.keyFileFor(settings.database().file());
        if (settings.database().isPostgreSql()) {
            // A shared database suggests several instances; each would sign with its own key file, and a token
            // from one would be refused by the others: say so at start rather than as random 401s later.
            LOG.log(System.Logger.Level.WARNING, "No auth.secret set: this instance signs tokens with the key in "
                    + keyFile + ". Instances that share the database must share AUTH_SECRET (or auth.secret-file).");
        }
        return SigningSecret.loadOrCreate(keyFile);
    }

    public Database database() {
        return database;
    }

    public SessionsService sessionsService() {
        return sessionsService;
    }

    public AuthService authService() {
        return authService;
    }

    public ContactService contactService() {
        return contactService;
    }

    public TransferService transferService() {
        return transferService;
    }

    public AccountService accountService() {
        return accountService;
    }

    /** Logins and current-password checks taking their turns per email. */
    public PasswordAttempts passwordAttempts() {
        return attempts;
    }

    /** Prunes expired session state now (it also runs on a schedule); the number of rows removed. */
    public int pruneExpired() {
        return maintenance.prune();
    }

    @Override
    public void close() {
        maintenance.close();
        hasher.close();
        database.close();
    }
}
