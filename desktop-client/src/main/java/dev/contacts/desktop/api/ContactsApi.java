package dev.contacts.desktop.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.Credentials;
import dev.contacts.model.FieldError;
import dev.contacts.model.RegisteredUser;
import dev.contacts.model.TokenResponse;
import dev.contacts.model.UpcomingBirthday;

/**
 * The app's HTTP client for the Contacts API, the same for the embedded and a remote server. It holds the
 * access token in memory only (never on disk, never in a log) and turns every answer that is not a success
 * into an {@link ApiFailure}. Calls block: the app makes them off the FX thread.
 */
public final class ContactsApi {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Supplier<URI> baseUri;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicReference<String> token = new AtomicReference<>();

    /** {@code baseUri} is asked on each call, so an embedded server may still be starting when this is made. */
    public ContactsApi(Supplier<URI> baseUri, Duration timeout) {
        this.baseUri = baseUri;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public ContactsApi(URI baseUri) {
        this(() -> baseUri, Duration.ofSeconds(10));
    }

    public RegisteredUser register(String email, String password) {
        return read(call("POST", "/register/", new Credentials(email, password), false), RegisteredUser.class);
    }

    /** Logs in and keeps the access token for the calls that follow. */
    public void login(String email, String password) {
        TokenResponse response = read(call("POST", "/token/", new Credentials(email, password), false),
                TokenResponse.class);
        token.set(response.accessToken());
    }

    /** Forgets the token; the next protected call needs a new login. */
    public void logout() {
        token.set(null);
    }

    public boolean isLoggedIn() {
        return token.get() != null;
    }

    public Page list(int skip, int limit) {
        return page(call("GET", "/contacts/?skip=" + skip + "&limit=" + limit, null, true));
    }

    /** Contacts whose names or email contain {@code text} (case-insensitive). */
    public Page search(String text, int skip, int limit) {
        return page(call("GET", "/contacts/search/?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&skip=" + skip + "&limit=" + limit, null, true));
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
        JsonNode body = parse(call("GET", "/contacts/birthdays/?days=" + days + "&tz="
                + URLEncoder.encode(ZoneId.systemDefault().getId(), StandardCharsets.UTF_8), null, true));
        List<UpcomingBirthday> result = new ArrayList<>();
        for (JsonNode item : body) {
            Contact contact = JSON.convertValue(item, Contact.class);
            result.add(new UpcomingBirthday(contact, LocalDate.parse(item.get("next_birthday").asText()),
                    item.get("days_until").asInt()));
        }
        return result;
    }

    private Page page(HttpResponse<String> response) {
        List<Contact> items = read(response, new TypeReference<>() { });
        int total = response.headers().firstValue("X-Total-Count").map(Integer::parseInt).orElse(items.size());
        return new Page(items, total);
    }

    private HttpResponse<String> call(String method, String path, Object body, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.get().resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
        }
        if (authenticated) {
            String current = token.get();
            if (current == null) {
                throw new ApiFailure.SessionEnded();
            }
            request.header("Authorization", "Bearer " + current);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ApiFailure.Unreachable("The server did not answer in time.", e);
        } catch (ConnectException e) {
            throw new ApiFailure.Unreachable("Cannot reach the server at " + baseUri.get() + ".", e);
        } catch (IOException e) {
            throw new ApiFailure.Unreachable("The connection to the server failed.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure.Unreachable("Interrupted.", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        if (status == 401 && authenticated) {
            token.set(null);
            throw new ApiFailure.SessionEnded();
        }
        if (status == 422) {
            throw new ApiFailure.Invalid(fieldErrors(response.body()));
        }
        throw new ApiFailure.Refused(status, detail(response));
    }

    private static List<FieldError> fieldErrors(String body) {
        List<FieldError> errors = new ArrayList<>();
        try {
            for (JsonNode e : JSON.readTree(body).path("detail")) {
                List<Object> loc = new ArrayList<>();
                e.path("loc").forEach(part -> loc.add(part.isNumber() ? part.asInt() : part.asText()));
                errors.add(new FieldError(loc, e.path("msg").asText(), e.path("type").asText()));
            }
        } catch (JsonProcessingException e) {
            // not the FastAPI shape: fall through with no field errors
        }
        return errors;
    }

    private static String detail(HttpResponse<String> response) {
        try {
            JsonNode detail = JSON.readTree(response.body()).path("detail");
            if (detail.isTextual()) {
                return detail.asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: say what we know
        }
        return "The server answered " + response.statusCode() + ".";
    }

    private static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ApiFailure.Unreachable("The server's answer could not be read.", e);
        }
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        return JSON.convertValue(parse(response), type);
    }

    private static <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        return JSON.convertValue(parse(response), type);
    }

    /** Only for the record: which server this client talks to. */
    public URI baseUri() {
        return baseUri.get();
    }
}
