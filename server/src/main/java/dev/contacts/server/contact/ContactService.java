package dev.contacts.server.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contacts.model.Contact;
import dev.contacts.model.FieldError;
import dev.contacts.model.UpcomingBirthday;
import dev.contacts.server.auth.BearerAuthentication;
import dev.contacts.server.http.ApiException;
import dev.contacts.server.http.ApiRules;
import dev.contacts.server.http.Json;
import dev.contacts.server.http.RequestBodies;
import dev.contacts.server.http.RequestParams;
import dev.contacts.server.http.ValidationException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The contacts API: {@code /contacts/...}. Every route needs a bearer token, and each user sees only their own
 * contacts: another user's contact answers exactly like one that does not exist.
 */
public final class ContactService implements ApiRules.Service {

    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 7;
    private static final String TOTAL_COUNT = "X-Total-Count";

    private final ContactRepository contacts;
    private final BearerAuthentication auth;
    private final Clock clock;

    public ContactService(ContactRepository contacts, BearerAuthentication auth, Clock clock) {
        this.contacts = contacts;
        this.auth = auth;
        this.clock = clock;
    }

    @Override
    public void routes(ApiRules rules) {
        // search and birthdays first: "/contacts/search" would otherwise be read as a contact id.
        rules.get("/contacts", auth.protect(this::list))
                .post("/contacts", auth.protect(this::create))
                .get("/contacts/search", auth.protect(this::search))
                .get("/contacts/birthdays", auth.protect(this::birthdays))
                .get("/contacts/{contact_id}", auth.protect(this::get))
                .put("/contacts/{contact_id}", auth.protect(this::replace))
                .patch("/contacts/{contact_id}", auth.protect(this::patch))
                .delete("/contacts/{contact_id}", auth.protect(this::delete));
    }

    private void list(long owner, ServerRequest req, ServerResponse res) {
        List<FieldError> errors = new ArrayList<>();
        int skip = RequestParams.queryInt(req, "skip", 0, 0, Integer.MAX_VALUE, errors);
        int limit = RequestParams.queryInt(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        ValidationException.throwIfAny(errors);
        sendPage(res, contacts.list(owner, skip, limit));
    }

    private void search(long owner, ServerRequest req, ServerResponse res) {
        List<FieldError> errors = new ArrayList<>();
        int skip = RequestParams.queryInt(req, "skip", 0, 0, Integer.MAX_VALUE, errors);
        int limit = RequestParams.queryInt(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        SearchCriteria criteria = SearchCriteria.of(criterion(req, "query"), criterion(req, "first_name"),
                criterion(req, "last_name"), criterion(req, "email"));
        if (criteria.isEmpty()) {
            errors.add(FieldError.query("query",
                    "Give at least one search criterion: query, first_name, last_name or email", "missing"));
        }
        ValidationException.throwIfAny(errors);
        sendPage(res, contacts.search(owner, criteria, skip, limit));
    }

    /** A search criterion, trimmed; blank counts as not given. */
    private static String criterion(ServerRequest req, String name) {
        return RequestParams.query(req, name).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    private void birthdays(long owner, ServerRequest req, ServerResponse res) {
        List<FieldError> errors = new ArrayList<>();
        int days = RequestParams.queryInt(req, "days", DEFAULT_DAYS, 0, MAX_DAYS, errors);
        ZoneId zone = zone(req, errors);
        ValidationException.throwIfAny(errors);

        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<UpcomingBirthday> upcoming = BirthdayCalendar.upcoming(
                contacts.withBirthdayIn(owner, BirthdayCalendar.candidateRanges(today, days)), today, days);
        ArrayNode body = Json.MAPPER.createArrayNode();
        for (UpcomingBirthday b : upcoming) {
            ObjectNode item = Json.MAPPER.valueToTree(b.contact());
            item.put("next_birthday", b.nextBirthday().toString());
            item.put("days_until", b.daysUntil());
            body.add(item);
        }
        Json.ok(res, body);
    }

    /** The time zone of "today": {@code tz} when given (an IANA name), else the server's own. */
    private ZoneId zone(ServerRequest req, List<FieldError> errors) {
        Optional<String> tz = RequestParams.query(req, "tz").map(String::strip).filter(s -> !s.isEmpty());
        if (tz.isEmpty()) {
            return clock.getZone();
        }
        // IANA region ids only: ZoneId.of would also take offsets such as +05:00, GMT+5 or Z.
        if (ZoneId.getAvailableZoneIds().contains(tz.get())) {
            return ZoneId.of(tz.get());
        }
        errors.add(FieldError.query("tz", "Unknown time zone: use an IANA name such as Europe/Kyiv", "value_error"));
        return clock.getZone();
    }

    private void create(long owner, ServerRequest req, ServerResponse res) {
        Contact created = contacts.create(owner, ContactBodies.draft(RequestBodies.jsonObject(req)));
        Json.send(res, Status.CREATED_201, created);
    }

    private void get(long owner, ServerRequest req, ServerResponse res) {
        Json.ok(res, contactId(req).flatMap(id -> contacts.find(owner, id)).orElseThrow(ContactService::notFound));
    }

    private void replace(long owner, ServerRequest req, ServerResponse res) {
        Optional<Long> id = contactId(req);
        var draft = ContactBodies.draft(RequestBodies.jsonObject(req));
        Json.ok(res, id.flatMap(i -> contacts.replace(owner, i, draft)).orElseThrow(ContactService::notFound));
    }

    private void patch(long owner, ServerRequest req, ServerResponse res) {
        Optional<Long> id = contactId(req);
        ContactBodies.Patch patch = ContactBodies.patch(RequestBodies.jsonObject(req));
        Json.ok(res, id.flatMap(i -> contacts.update(owner, i, patch::apply)).orElseThrow(ContactService::notFound));
    }

    private void delete(long owner, ServerRequest req, ServerResponse res) {
        if (!contactId(req).map(id -> contacts.delete(owner, id)).orElse(false)) {
            throw notFound();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private static Optional<Long> contactId(ServerRequest req) {
        return RequestParams.pathId(req, "contact_id");
    }

    private static ApiException notFound() {
        return ApiException.notFound("Contact not found");
    }

    private static void sendPage(ServerResponse res, ContactRepository.Page page) {
        res.header(TOTAL_COUNT, Integer.toString(page.total()));
        Json.ok(res, page.items());
    }
}
