package dev.contacts.desktop.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contacts.model.BookVersion;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.Credentials;
import dev.contacts.model.DuplicateGroup;
import dev.contacts.model.FieldError;
import dev.contacts.model.ImportReport;
import dev.contacts.model.LabelCount;
import dev.contacts.model.Page;
import dev.contacts.model.RegisteredUser;
import dev.contacts.model.RelabelledContacts;
import dev.contacts.model.RemovedLabel;
import dev.contacts.model.RestoredContacts;
import dev.contacts.model.SessionInfo;
import dev.contacts.model.TokenResponse;
import dev.contacts.model.TrashedContact;
import dev.contacts.model.UpcomingBirthday;
import dev.contacts.model.Wire;

/**
 * The app's HTTP client for the Contacts API, the same for the embedded and a remote server. It holds the
 * access and refresh tokens in memory only (never on disk, never in a log), renews the access token silently
 * before it expires (and once more if the server says it has), and turns every answer that is not a success
 * into an {@link ApiFailure}. Calls block: the app makes them off the FX thread.
 */
public final class ContactsApi {

    /**
     * The JSON mapper, made on first use rather than when the app starts: building it loads a few hundred classes,
     * which would otherwise delay the window (see {@link #prepare}).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = Wire.mapper();
    }

    /** Renew this long before the access token expires, so a call never races its expiry. */
    static final Duration RENEW_AHEAD = Duration.ofSeconds(60);
    /** Imports and exports of a whole address book take longer than a call (10,000 contacts: about 12 s). */
    static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(5);
    /** The answer to a conditional GET whose tag still matches. */
    private static final int NOT_MODIFIED = 304;

    /** The tokens of one login; replaced as a whole on each renewal. */
    public record Tokens(String access, String refresh, Instant accessExpiresAt) {
        @Override
        public String toString() {
            return "Tokens[expires " + accessExpiresAt + "]";
        }
    }

    private final Supplier<URI> baseUri;
    /** Made on first use and shared by every login's client (its set-up, TLS included, costs the window time). */
    private final Supplier<HttpClient> http;
    private final Duration timeout;
    private final Clock clock;
    /**
     * The wait for a log-in or registration, where the server hashes the password on purpose slowly (argon2id);
     * null: {@link #timeout}. Set for the app's own server ({@link #builtIn}).
     */
    private final Duration passwordWait;
    private final AtomicReference<Tokens> tokens = new AtomicReference<>();

    /** {@code baseUri} is asked on each call, so an embedded server may still be starting when this is made. */
    public ContactsApi(Supplier<URI> baseUri, Duration timeout, Clock clock) {
        this(baseUri, once(() -> HttpClient.newBuilder().connectTimeout(timeout).build()), timeout, clock, null);
    }

    private ContactsApi(Supplier<URI> baseUri, Supplier<HttpClient> http, Duration timeout, Clock clock,
                        Duration passwordWait) {
        this.baseUri = baseUri;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
        this.passwordWait = passwordWait;
    }

    /**
     * This client for the app's own server, in this process: a slow answer means a busy computer, not a server
     * the person has to start, and a log-in waits up to {@code passwordWait} (argon2id on two busy cores took
     * longer than {@link #timeout}; nothing but this computer is waited for).
     */
    public ContactsApi builtIn(Duration passwordWait) {
        return new ContactsApi(baseUri, http, timeout, clock, passwordWait);
    }

    /**
     * A client of the same server with no tokens yet, for one login. Each login gets its own, so work still
     * running for an account that logged out can never borrow the tokens of the account that logged in next.
     */
    public ContactsApi newClient() {
        return new ContactsApi(baseUri, http, timeout, clock, passwordWait);
    }

    public ContactsApi(Supplier<URI> baseUri, Duration timeout) {
        this(baseUri, timeout, Clock.systemUTC());
    }

    /**
     * Makes the HTTP client and the JSON mapper now (call off the FX thread, once the window is up), so the first
     * call does not pay for them.
     */
    public void prepare() {
        http.get();
        Json.MAPPER.getTypeFactory();
    }

    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    public RegisteredUser register(String email, String password) {
        return read(call("POST", "/register/", new Credentials(email, password), false), RegisteredUser.class);
    }

    /** Logs in and keeps the tokens for the calls that follow. */
    public void login(String email, String password) {
        keep(read(call("POST", "/token/", new Credentials(email, password), false), TokenResponse.class));
    }

    /**
     * Forgets the tokens at once (the next protected call needs a new login) and gives them back, so the caller
     * can end them on the server with {@link #revoke} without holding up the screen.
     */
    public Optional<Tokens> forget() {
        return Optional.ofNullable(tokens.getAndSet(null));
    }

    /** Ends a forgotten session on the server: its access token and its refresh-token family. */
    public void revoke(Tokens ended) {
        send("POST", "/logout/", Map.of("refresh_token", ended.refresh()), ended.access());
    }

    public boolean isLoggedIn() {
        return tokens.get() != null;
    }

    /** Changes the password; on success every session ends, this one included, so the tokens are forgotten. */
    public void changePassword(String currentPassword, String newPassword) {
        call("PUT", "/users/me/password/", Map.of("current_password", currentPassword, "new_password", newPassword),
                true);
        tokens.set(null);
    }

    /** Deletes the account and all its contacts; the tokens are forgotten. */
    public void deleteAccount(String password) {
        call("DELETE", "/users/me/", Map.of("password", password), true);
        tokens.set(null);
    }

    /** The account's sessions (the devices logged in), the most recently active first; this one marked current. */
    public List<SessionInfo> sessions() {
        return read(call("GET", "/users/me/sessions/", null, true), new TypeReference<>() { });
    }

    /** Logs out the device of session {@code id}: its tokens stop working at once. */
    public void endSession(String id) {
        call("DELETE", "/users/me/sessions/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/", null, true);
    }

    public Page<Contact> list(int skip, int limit) {
        return page(call("GET", "/contacts/?skip=" + skip + "&limit=" + limit, null, true));
    }

    /** Contacts whose names or email contain {@code text} (case-insensitive). */
    public Page<Contact> search(String text, int skip, int limit) {
        return page(call("GET", "/contacts/search/?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&skip=" + skip + "&limit=" + limit, null, true));
    }

    /** How the address book is listed: by whose name, the server sorting the whole book (never one page). */
    public enum SortBy {
        FIRST_NAME("first_name"), LAST_NAME("last_name");

        private final String wire;

        SortBy(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /**
     * Which part of the address book is listed, as picked in the sidebar: everyone ({@link #ALL}), the favourites,
     * or the contacts with one label ({@code label} not blank). The server filters (its {@code favorite=} and
     * {@code label=}), so counts, "all of them" and pages are the filtered listing's.
     */
    public record Filter(boolean favoritesOnly, String label) {
        public static final Filter ALL = new Filter(false, "");
        public static final Filter FAVORITES = new Filter(true, "");

        public Filter {
            label = label == null ? "" : label;
        }

        public static Filter label(String name) {
            return new Filter(false, name);
        }

        /** Whether it is the whole address book. */
        public boolean isAll() {
            return !favoritesOnly && label.isEmpty();
        }

        /** The label's query parameter ("&label=Family"; "" for none): favourites are asked for part by part. */
        String parameters() {
            return label.isEmpty() ? "" : "&label=" + URLEncoder.encode(label, StandardCharsets.UTF_8);
        }
    }

    /**
     * One page of the contacts that match {@code text} (all of them when it is blank), sorted by {@code sort},
     * only favourites or only the others ({@code favorite}), within {@code filter} (its label, if any).
     */
    public Page<Contact> list(String text, Filter filter, SortBy sort, boolean favorite, int skip, int limit) {
        return page(call("GET", listing(text, "sort=" + sort.wire() + "&favorite=" + favorite + filter.parameters()
                + "&skip=" + skip + "&limit=" + limit), null, true));
    }

    /** The most contacts one listing request returns (the contract's {@code limit}). */
    public static final int MAX_PAGE = 1000;

    /**
     * The ids of every contact that matches {@code text} (every contact when it is blank), favourites or not:
     * what "all of them" means while not all are loaded. Asked for {@link #MAX_PAGE} at a time in id order, so
     * that a contact created meanwhile comes after the pages already read instead of shifting them.
     */
    public List<Long> idsMatching(String text) {
        return idsMatching(text, Filter.ALL);
    }

    /** Like {@link #idsMatching(String)}, within {@code filter}: only the favourites, or one label's contacts. */
    public List<Long> idsMatching(String text, Filter filter) {
        String only = (filter.favoritesOnly() ? "&favorite=true" : "") + filter.parameters();
        Set<Long> ids = new LinkedHashSet<>();
        for (int skip = 0; ; ) {
            Page<Contact> page = page(call("GET", listing(text, "skip=" + skip + "&limit=" + MAX_PAGE + only),
                    null, true));
            page.items().forEach(contact -> ids.add(contact.id()));
            skip += page.items().size();
            if (page.items().size() < MAX_PAGE || skip >= page.total()) {
                return List.copyOf(ids);
            }
        }
    }

    /** The path of a listing: all contacts, or the search for {@code text} when it is not blank. */
    private static String listing(String text, String query) {
        return text.isBlank() ? "/contacts/?" + query
                : "/contacts/search/?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&" + query;
    }

    /** Moves these contacts to the trash in one transaction; the ids the server moved. */
    public List<Long> trash(List<Long> ids) {
        JsonNode body = parse(call("POST", "/contacts/delete/", Map.of("ids", ids), true));
        List<Long> deleted = new ArrayList<>();
        body.path("deleted").forEach(id -> deleted.add(id.asLong()));
        return deleted;
    }

    /** Brings these contacts back from the trash in one transaction, with their ids; the ids the server restored. */
    public List<Long> restore(List<Long> ids) {
        return read(call("POST", "/contacts/trash/restore/", Map.of("ids", ids), true), RestoredContacts.class)
                .restored();
    }

    /** Brings a contact back from the trash with its id and every field as before. */
    public Contact restore(long id) {
        return read(call("POST", "/contacts/trash/" + id + "/restore/", null, true), Contact.class);
    }

    /** The contact's photo (JPEG or PNG, as the server keeps it). */
    public byte[] photo(long id) {
        return call("GET", "/contacts/" + id + "/photo/", null, true, Map.of("Accept", "image/*")).body();
    }

    /** Gives the contact a photo ({@code image/jpeg} or {@code image/png}); the server re-encodes it. */
    public void putPhoto(long id, byte[] image, String contentType) {
        call("PUT", "/contacts/" + id + "/photo/", image, true, Map.of("Content-Type", contentType));
    }

    public void deletePhoto(long id) {
        call("DELETE", "/contacts/" + id + "/photo/", null, true);
    }

    /** A contact and its entity tag, which a later write sends back as {@code If-Match}. */
    public record Tagged(Contact contact, String etag) {
    }

    public Tagged get(long id) {
        return tagged(call("GET", "/contacts/" + id + "/", null, true, Map.of()));
    }

    /**
     * Changes only the given fields (wire names; null clears). With {@code ifMatch} the server refuses with 412
     * when the contact changed since that tag; without it the last write wins.
     */
    public Tagged patch(long id, Map<String, Object> changes, String ifMatch) {
        return tagged(call("PATCH", "/contacts/" + id + "/", changes, true,
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch)));
    }

    private static Tagged tagged(HttpResponse<byte[]> response) {
        return new Tagged(read(response, Contact.class), response.headers().firstValue("ETag").orElse(null));
    }

    public Contact create(ContactDraft draft) {
        return read(call("POST", "/contacts/", draft, true), Contact.class);
    }

    public Contact update(long id, ContactDraft draft) {
        return read(call("PUT", "/contacts/" + id + "/", draft, true), Contact.class);
    }

    public void delete(long id) {
        call("DELETE", "/contacts/" + id + "/", null, true);
    }

    public List<UpcomingBirthday> birthdays(int days) {
        return read(call("GET", "/contacts/birthdays/?days=" + days + "&tz="
                + URLEncoder.encode(ZoneId.systemDefault().getId(), StandardCharsets.UTF_8), null, true),
                new TypeReference<>() { });
    }

    /** The trash, newest deletion first. */
    public Page<TrashedContact> trash(int skip, int limit) {
        HttpResponse<byte[]> response = call("GET", "/contacts/trash/?skip=" + skip + "&limit=" + limit, null, true);
        List<TrashedContact> items = read(response, new TypeReference<>() { });
        return new Page<>(items, total(response, items.size()));
    }

    /** Deletes a trashed contact for good. */
    public void deleteForever(long id) {
        call("DELETE", "/contacts/trash/" + id + "/", null, true);
    }

    public void emptyTrash() {
        call("DELETE", "/contacts/trash/", null, true);
    }

    /**
     * Imports a vCard or CSV file's bytes (in {@code charset}); what is the same contact as an existing one is
     * merged into it. The server answers when the whole file is done, so this may take a while.
     */
    public ImportReport importFile(byte[] content, TransferFormat format, Charset charset) {
        return importFile(content, format, charset, sent -> { });
    }

    /**
     * As {@link #importFile(byte[], TransferFormat, Charset)}, telling {@code sent} (on the client's thread) how many
     * of the bytes the connection has taken so far: an import's progress until the server answers.
     */
    public ImportReport importFile(byte[] content, TransferFormat format, Charset charset,
                                   java.util.function.LongConsumer sent) {
        HttpResponse<byte[]> response = authorized(access -> exchange(
                request("POST", "/contacts/import/", access, TRANSFER_TIMEOUT)
                        .header("Accept", "application/json")
                        .header("Content-Type", format.mediaType() + "; charset=" + charset.name())
                        .POST(counted(HttpRequest.BodyPublishers.ofByteArray(content), sent)).build(),
                HttpResponse.BodyHandlers.ofByteArray(), ContactsApi::text));
        return read(response, ImportReport.class);
    }

    /** {@code body}, counting the bytes the connection takes from it (its length stays known: no chunked upload). */
    private static HttpRequest.BodyPublisher counted(HttpRequest.BodyPublisher body,
                                                     java.util.function.LongConsumer sent) {
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return body.contentLength();
            }

            @Override
            public void subscribe(java.util.concurrent.Flow.Subscriber<? super java.nio.ByteBuffer> connection) {
                body.subscribe(new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
                    private long taken; // per subscription: a retry with a renewed token counts from 0 again

                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        connection.onSubscribe(subscription);
                    }

                    @Override
                    public void onNext(java.nio.ByteBuffer item) {
                        taken += item.remaining();
                        connection.onNext(item);
                        sent.accept(taken);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        connection.onError(failure);
                    }

                    @Override
                    public void onComplete() {
                        connection.onComplete();
                    }
                });
            }
        };
    }

    /**
     * The most ids one export request names: they travel in its URL, and the server reads request lines of about
     * 2 KiB (200 ids of 7 digits fit).
     */
    static final int EXPORT_IDS_PER_REQUEST = 200;

    /**
     * Writes every contact (or only {@code ids}, when not empty) to {@code out} as vCard 4.0, 3.0 or CSV. More ids
     * than one request names are asked for in turn and written one after the other (a CSV with its header row
     * once: the server's header is always the same). A failure to write to {@code out} is an
     * {@link IOException}; one of the server or the connection an {@link ApiFailure}.
     */
    public void export(TransferFormat format, List<Long> ids, OutputStream out) throws IOException {
        if (ids.size() <= EXPORT_IDS_PER_REQUEST) {
            exportPart(format, ids, out, false);
            return;
        }
        for (int from = 0; from < ids.size(); from += EXPORT_IDS_PER_REQUEST) {
            exportPart(format, ids.subList(from, Math.min(ids.size(), from + EXPORT_IDS_PER_REQUEST)), out,
                    from > 0 && format.query().equals(TransferFormat.CSV.query()));
        }
    }

    private void exportPart(TransferFormat format, List<Long> ids, OutputStream out, boolean withoutHeader)
            throws IOException {
        StringBuilder path = new StringBuilder("/contacts/export/?").append(format.exportQuery());
        if (!ids.isEmpty()) {
            path.append("&ids=").append(String.join(",", ids.stream().map(String::valueOf).toList()));
        }
        HttpResponse<InputStream> response = authorized(access -> exchange(
                request("GET", path.toString(), access, TRANSFER_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream(), ContactsApi::errorText));
        try (InputStream in = response.body()) {
            if (withoutHeader) {
                for (int b = readByte(in); b != -1 && b != '\n'; b = readByte(in)) {
                    // the header row, already written by the first part
                }
            }
            byte[] buffer = new byte[64 * 1024];
            for (int n = readFromServer(in, buffer); n != -1; n = readFromServer(in, buffer)) {
                out.write(buffer, 0, n);
            }
        }
    }

    private static int readByte(InputStream in) {
        byte[] one = new byte[1];
        return readFromServer(in, one) == -1 ? -1 : one[0];
    }

    private static int readFromServer(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new ApiFailure.Unreachable("The connection broke while the export was being read.", e);
        }
    }

    /** The labels on the caller's contacts, each with how many carry it, in collation order. */
    /**
     * The address book's tag ({@code GET /contacts/version/}) when it is no longer {@code known}; empty while it
     * still is (the server answers 304 and no body: one small exchange). {@code known} null: the tag as it is now.
     */
    public Optional<String> bookVersionIfChanged(String known) {
        HttpResponse<byte[]> response = call("GET", "/contacts/version/", null, true,
                known == null ? Map.of() : Map.of("If-None-Match", known));
        if (response.statusCode() == NOT_MODIFIED) {
            return Optional.empty();
        }
        return Optional.of(read(response, BookVersion.class).version());
    }

    public List<LabelCount> labels() {
        return read(call("GET", "/contacts/labels/", null, true), new TypeReference<>() { });
    }

    /** Renames the label on every contact carrying it, in one transaction; the ids of the contacts changed. */
    public List<Long> renameLabel(String name, String newName) {
        return relabel("/contacts/labels/rename/", Map.of("name", name, "new_name", newName));
    }

    /** Takes the label off every contact carrying it (they stay), in one transaction; the ids changed. */
    public RemovedLabel removeLabel(String name) {
        return read(post("/contacts/labels/remove/", Map.of("name", name)), RemovedLabel.class);
    }

    /** Adds the label to these contacts (at most a thousand), in one transaction; the ids changed. */
    public List<Long> addLabel(String name, List<Long> ids) {
        return relabel("/contacts/labels/add/", Map.of("name", name, "ids", ids));
    }

    /** Puts a removed label back on these contacts, each at the place a removal said it stood; the ids changed. */
    public List<Long> addLabel(String name, List<Long> ids, List<Integer> places) {
        return relabel("/contacts/labels/add/", Map.of("name", name, "ids", ids, "places", places));
    }

    /** Takes the label off these contacts (at most a thousand; they stay), in one transaction; the ids changed. */
    public RemovedLabel takeOffLabel(String name, List<Long> ids) {
        return read(post("/contacts/labels/take-off/", Map.of("name", name, "ids", ids)), RemovedLabel.class);
    }

    /**
     * A label changed across contacts: the server rewrites each contact carrying it, so it is given an import's
     * time (thousands of contacts took longer than the 10 seconds of one contact's request on a busy machine).
     */
    private List<Long> relabel(String path, Map<String, Object> body) {
        return read(post(path, body), RelabelledContacts.class).changed();
    }

    private HttpResponse<byte[]> post(String path, Map<String, Object> body) {
        return authorized(access -> exchange(
                request("POST", path, access, TRANSFER_TIMEOUT).header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(write(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray(), ContactsApi::text));
    }

    /** Groups of contacts that look like the same person. */
    public List<DuplicateGroup> duplicates() {
        return read(call("GET", "/contacts/duplicates/", null, true), new TypeReference<>() { });
    }

    /** Merges the contacts into the first of {@code ids}; the others go to the trash. */
    public Contact merge(List<Long> ids) {
        return read(call("POST", "/contacts/merge/", Map.of("ids", ids), true), Contact.class);
    }

    /** An error answer's body, read from a stream (at most what an error needs). */
    private static String errorText(InputStream body) {
        try (body) {
            return new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static int total(HttpResponse<?> response, int fallback) {
        return response.headers().firstValue("X-Total-Count").map(Integer::parseInt).orElse(fallback);
    }

    private static Page<Contact> page(HttpResponse<byte[]> response) {
        List<Contact> items = read(response, new TypeReference<>() { });
        return new Page<>(items, total(response, items.size()));
    }

    /**
     * A call; an authenticated one renews the access token first when it is about to expire, and once more
     * (then retries) when the server answers 401 anyway. A session that cannot be renewed has ended.
     */
    private HttpResponse<byte[]> call(String method, String path, Object body, boolean authenticated) {
        return call(method, path, body, authenticated, Map.of());
    }

    private HttpResponse<byte[]> call(String method, String path, Object body, boolean authenticated,
                                      Map<String, String> headers) {
        if (!authenticated) {
            return send(method, path, body, null, headers);
        }
        return authorized(access -> send(method, path, body, access, headers));
    }

    /** Runs {@code exchange} with a valid access token, renewing it as {@link #call} says. */
    private <T> T authorized(Function<String, T> exchange) {
        Tokens current = tokens.get();
        if (current == null) {
            throw new ApiFailure.SessionEnded();
        }
        if (!clock.instant().isBefore(current.accessExpiresAt().minus(RENEW_AHEAD))) {
            current = renew(current);
        }
        try {
            return exchange.apply(current.access());
        } catch (ApiFailure.Refused refused) {
            if (!isTokenRefused(refused)) {
                throw refused;
            }
            try {
                return exchange.apply(renew(current).access());
            } catch (ApiFailure.Refused again) {
                if (isTokenRefused(again)) {
                    tokens.set(null);
                    throw new ApiFailure.SessionEnded();
                }
                throw again;
            }
        }
    }

    /** A 401 about the token itself, not a wrong password given in the body: the server says which (RFC 6750). */
    private static boolean isTokenRefused(ApiFailure.Refused refused) {
        return refused.status() == 401 && refused.invalidToken();
    }

    /** Trades the refresh token for a new pair; only one thread renews a given pair. */
    private synchronized Tokens renew(Tokens stale) {
        Tokens current = tokens.get();
        if (current == null) {
            throw new ApiFailure.SessionEnded();
        }
        if (current != stale) {
            return current; // another call renewed it meanwhile
        }
        try {
            return keep(read(send("POST", "/token/refresh/", Map.of("refresh_token", current.refresh()), null),
                    TokenResponse.class));
        } catch (ApiFailure.Refused refused) {
            if (refused.status() == 401) {
                tokens.compareAndSet(current, null);
                throw new ApiFailure.SessionEnded();
            }
            throw refused;
        }
    }

    private Tokens keep(TokenResponse response) {
        Tokens kept = new Tokens(response.accessToken(), response.refreshToken(),
                clock.instant().plusSeconds(response.expiresIn()));
        tokens.set(kept);
        return kept;
    }

    /** One exchange, JSON unless {@code headers} say otherwise; any answer but 2xx is an {@link ApiFailure}. */
    private HttpResponse<byte[]> send(String method, String path, Object body, String accessToken) {
        return send(method, path, body, accessToken, Map.of());
    }

    private HttpResponse<byte[]> send(String method, String path, Object body, String accessToken,
                                      Map<String, String> headers) {
        boolean password = passwordWait != null && (path.equals("/token/") || path.equals("/register/"));
        HttpRequest.Builder request = request(method, path, accessToken, password ? passwordWait : timeout)
                .header("Accept", headers.getOrDefault("Accept", "application/json"));
        headers.forEach((name, value) -> {
            if (!name.equals("Accept")) {
                request.header(name, value);
            }
        });
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (body instanceof byte[] raw) {
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(raw)); // typed by the caller's header
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
        }
        return exchange(request.build(), HttpResponse.BodyHandlers.ofByteArray(), ContactsApi::text);
    }

    private HttpRequest.Builder request(String method, String path, String accessToken, Duration wait) {
        HttpRequest.Builder request = HttpRequest.newBuilder(below(baseUri.get(), path)).timeout(wait);
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return request;
    }

    /**
     * {@code path} ("/contacts/4/") below the server's address, path and all: a server published behind a proxy at
     * https://example.org/address-book/ is asked at https://example.org/address-book/contacts/4/, where
     * {@link URI#resolve} of an absolute path dropped the address's own path and asked https://example.org/contacts/4/.
     */
    static URI below(URI server, String path) {
        String root = server.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }

    /** Sends {@code request}; any answer but 2xx is an {@link ApiFailure} ({@code text} reads an error's body). */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                         Function<T, String> text) {
        HttpResponse<T> response;
        try {
            response = http.get().send(request, handler);
        } catch (HttpTimeoutException e) {
            throw passwordWait != null
                    ? new ApiFailure.Unreachable("The app's address book did not answer in time: this computer is busy.",
                            e, "Wait a moment, then try again.")
                    : new ApiFailure.Unreachable("The server did not answer in time.", e);
        } catch (ConnectException e) {
            throw new ApiFailure.Unreachable("Cannot reach the server at " + baseUri.get() + ".", e);
        } catch (IOException e) {
            throw new ApiFailure.Unreachable("The connection to the server failed.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure.Unreachable("Interrupted.", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300 || status == NOT_MODIFIED) { // (304: only when asked with If-None-Match)
            return response;
        }
        String body = text.apply(response.body());
        if (status == 422) {
            throw new ApiFailure.Invalid(fieldErrors(body));
        }
        throw new ApiFailure.Refused(status, detail(status, body), retryAfter(response), invalidToken(response));
    }

    /** RFC 6750 §3.1: {@code WWW-Authenticate: Bearer error="invalid_token", ...} for a token that is no good. */
    private static boolean invalidToken(HttpResponse<?> response) {
        return response.headers().allValues("WWW-Authenticate").stream()
                .anyMatch(challenge -> INVALID_TOKEN_CHALLENGE.matcher(challenge).find());
    }

    private static final Pattern INVALID_TOKEN_CHALLENGE =
            Pattern.compile("^\\s*Bearer\\s.*\\berror\\s*=\\s*\"?invalid_token\"?", Pattern.CASE_INSENSITIVE);

    private static List<FieldError> fieldErrors(String body) {
        List<FieldError> errors = new ArrayList<>();
        try {
            for (JsonNode e : Json.MAPPER.readTree(body).path("detail")) {
                List<Object> loc = new ArrayList<>();
                e.path("loc").forEach(part -> loc.add(part.isNumber() ? part.asInt() : part.asText()));
                errors.add(new FieldError(loc, e.path("msg").asText(), e.path("type").asText()));
            }
        } catch (JsonProcessingException e) {
            // not the FastAPI shape: fall through with no field errors
        }
        return errors;
    }

    private static String detail(int status, String body) {
        try {
            JsonNode detail = Json.MAPPER.readTree(body).path("detail");
            if (detail.isTextual()) {
                return detail.asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: say what we know
        }
        return "The server answered " + status + ".";
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static byte[] write(Object body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(HttpResponse<byte[]> response) {
        try {
            return Json.MAPPER.readTree(text(response.body()));
        } catch (JsonProcessingException e) {
            throw new ApiFailure.Unreachable("The server's answer could not be read.", e);
        }
    }

    private static <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        return Json.MAPPER.convertValue(parse(response), type);
    }

    private static <T> T read(HttpResponse<byte[]> response, TypeReference<T> type) {
        return Json.MAPPER.convertValue(parse(response), type);
    }
}
