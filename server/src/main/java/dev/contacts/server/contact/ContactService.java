package dev.contacts.server.contact;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contacts.model.BookVersion;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactRules;
import dev.contacts.model.DeletedContacts;
import dev.contacts.model.FieldError;
import dev.contacts.model.LabelCount;
import dev.contacts.model.Page;
import dev.contacts.model.RelabelledContacts;
import dev.contacts.model.RemovedLabel;
import dev.contacts.model.RestoredContacts;
import dev.contacts.model.TrashedContact;
import dev.contacts.server.auth.BearerAuthentication;
import dev.contacts.server.db.Database;
import dev.contacts.server.http.ApiException;
import dev.contacts.server.http.ApiRules;
import dev.contacts.server.http.BodyFields;
import dev.contacts.server.http.Json;
import dev.contacts.server.http.JsonArrayStream;
import dev.contacts.server.http.RequestBodies;
import dev.contacts.server.http.RequestParams;
import dev.contacts.server.http.ValidationException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Method;
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
    /** The most distinct words a search takes: each is a condition of the query the databases plan. */
    static final int MAX_QUERY_WORDS = 100;
    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 7;
    static final int DEFAULT_BIRTHDAYS_LIMIT = 1000;
    static final int MAX_BULK_IDS = 1000;
    /** The most contacts of a birthday page read in one database call (an export's page is as long). */
    static final int BIRTHDAY_PART = 200;
    private static final String TOTAL_COUNT = "X-Total-Count";
    private static final String CHANGED_MEANWHILE = "The contact was changed meanwhile";

    private final Database database;
    private final ContactRepository contacts;
    private final BearerAuthentication auth;
    private final Clock clock;
    private final ContactJson json;

    public ContactService(Database database, ContactRepository contacts, BearerAuthentication auth, Clock clock) {
        this.database = database;
        this.contacts = contacts;
        this.auth = auth;
        this.clock = clock;
        this.json = contacts.json();
    }

    @Override
    public void routes(ApiRules rules) {
        // fixed paths first: "/contacts/search" would otherwise be read as a contact id.
        rules.get("/contacts", auth.protect(this::list))
                .post("/contacts", auth.protect(this::create))
                .get("/contacts/search", auth.protect(this::search))
                .ownCalls(Method.GET, "/contacts/birthdays", this::birthdays)
                .get("/contacts/labels", auth.protect(this::labels))
                .get("/contacts/version", auth.protect(this::version))
                .post("/contacts/labels/rename", auth.protect(this::renameLabel))
                .post("/contacts/labels/remove", auth.protect(this::removeLabel))
                .post("/contacts/labels/add", auth.protect(this::addLabel))
                .post("/contacts/labels/take-off", auth.protect(this::takeOffLabel))
                .post("/contacts/delete", auth.protect(this::deleteMany))
                .get("/contacts/trash", auth.protect(this::trash))
                .delete("/contacts/trash", auth.protect(this::emptyTrash))
                .post("/contacts/trash/restore", auth.protect(this::restoreMany))
                .post("/contacts/trash/{contact_id}/restore", auth.protect(this::restore))
                .delete("/contacts/trash/{contact_id}", auth.protect(this::purge))
                .get("/contacts/{contact_id}", auth.protect(this::get))
                .put("/contacts/{contact_id}", auth.protect(this::replace))
                .patch("/contacts/{contact_id}", auth.protect(this::patch))
                .delete("/contacts/{contact_id}", auth.protect(this::delete))
                .get("/contacts/{contact_id}/photo", auth.protect(this::getPhoto))
                .ownCalls(Method.PUT, "/contacts/{contact_id}/photo", this::putPhotoOnceKnown)
                .delete("/contacts/{contact_id}/photo", auth.protect(this::deletePhoto));
    }

    private void list(long owner, ServerRequest req, ServerResponse res) {
        List<FieldError> errors = new ArrayList<>();
        int skip = RequestParams.queryInt(req, "skip", 0, 0, Integer.MAX_VALUE, errors);
        int limit = RequestParams.queryInt(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        ListOptions options = listOptions(req, errors);
        ValidationException.throwIfAny(errors);
        sendPage(res, contacts.list(owner, options, skip, limit));
    }

    private void search(long owner, ServerRequest req, ServerResponse res) {
        List<FieldError> errors = new ArrayList<>();
        int skip = RequestParams.queryInt(req, "skip", 0, 0, Integer.MAX_VALUE, errors);
        int limit = RequestParams.queryInt(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        ListOptions options = listOptions(req, errors);
        SearchCriteria criteria = SearchCriteria.of(criterion(req, "query"), criterion(req, "first_name"),
                criterion(req, "last_name"), criterion(req, "email"));
        if (criteria.isEmpty()) {
            errors.add(FieldError.query("query",
                    "Give at least one search criterion: query, first_name, last_name or email", "missing"));
        } else if (criteria.words().size() > MAX_QUERY_WORDS) {
            errors.add(FieldError.query("query", "The query should have at most " + MAX_QUERY_WORDS
                    + " different words, not " + criteria.words().size(), "too_long"));
        }
        ValidationException.throwIfAny(errors);
        sendPage(res, contacts.search(owner, criteria, options, skip, limit));
    }

    /** {@code sort}, {@code order}, {@code label} and {@code favorite} of a listing; problems go to {@code errors}. */
    private static ListOptions listOptions(ServerRequest req, List<FieldError> errors) {
        ListOptions.Sort sort = ListOptions.Sort.ID;
        Optional<String> sortText = RequestParams.query(req, "sort").map(String::strip);
        if (sortText.isPresent()) {
            try {
                sort = ListOptions.Sort.valueOf(sortText.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.query("sort", "Input should be 'id', 'first_name', 'last_name', 'created_at' "
                        + "or 'updated_at'", "enum"));
            }
        }
        boolean descending = false;
        Optional<String> order = RequestParams.query(req, "order").map(String::strip);
        if (order.isPresent()) {
            if (order.get().equals("desc")) {
                descending = true;
            } else if (!order.get().equals("asc")) {
                errors.add(FieldError.query("order", "Input should be 'asc' or 'desc'", "enum"));
            }
        }
        Boolean favorite = null;
        Optional<String> favoriteText = RequestParams.query(req, "favorite").map(s -> s.strip().toLowerCase(Locale.ROOT));
        if (favoriteText.isPresent()) {
            switch (favoriteText.get()) {
                case "true", "1", "yes", "on" -> favorite = true;
                case "false", "0", "no", "off" -> favorite = false;
                default -> errors.add(FieldError.query("favorite",
                        "Input should be a valid boolean, unable to interpret input", "bool_parsing"));
            }
        }
        // given empty, FastAPI filters by the empty label (none exists): nothing matches, unlike a label left out
        String label = RequestParams.query(req, "label").map(String::strip).orElse(null);
        return new ListOptions(sort, descending, label, favorite);
    }

    /** A search criterion, trimmed; blank counts as not given (FastAPI's original tests each one for truth). */
    private static String criterion(ServerRequest req, String name) {
        return RequestParams.query(req, name).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    /**
     * Upcoming birthdays, one page: read in parts of {@value #BIRTHDAY_PART}, each in a database call of its own, and
     * written between them on the request's own thread, so that a client that never reads a long page (up to 1,000
     * contacts, streamed once over 1 MiB) holds no reader's thread. The first call authenticates, counts the window
     * (X-Total-Count) and reads the first part: a page that fits in it takes one call, as when read whole.
     */
    private void birthdays(ServerRequest req, ServerResponse res) throws Exception {
        BirthdayPage page = database.read(() -> birthdayPage(auth.authenticate(req).userId(), req));
        res.header(TOTAL_COUNT, Integer.toString(page.window().total()));
        try (JsonArrayStream array = new JsonArrayStream(res)) {
            ContactRepository.BirthdayPart part = page.first();
            while (true) {
                for (StoredContact row : part.rows()) {
                    array.add(json.upcoming(row, page.today()));
                }
                if (part.next().isEmpty()) {
                    break;
                }
                ContactRepository.BirthdayCursor next = part.next().get();
                part = database.read(() -> contacts.birthdays(page.owner(), page.window(), next, BIRTHDAY_PART));
            }
            array.complete();
        }
    }

    /** A birthday page as its first database call leaves it: the window counted, and its first part read. */
    private record BirthdayPage(long owner, LocalDate today, ContactRepository.CountedBirthdays window,
                                ContactRepository.BirthdayPart first) {
    }

    private BirthdayPage birthdayPage(long owner, ServerRequest req) {
        List<FieldError> errors = new ArrayList<>();
        int days = RequestParams.queryInt(req, "days", DEFAULT_DAYS, 0, MAX_DAYS, errors);
        int skip = RequestParams.queryInt(req, "skip", 0, 0, Integer.MAX_VALUE, errors);
        int limit = RequestParams.queryInt(req, "limit", DEFAULT_BIRTHDAYS_LIMIT, 1, MAX_LIMIT, errors);
        ZoneId zone = zone(req, errors);
        ValidationException.throwIfAny(errors);

        LocalDate today = LocalDate.now(clock.withZone(zone));
        ContactRepository.CountedBirthdays window =
                contacts.countBirthdays(owner, BirthdayCalendar.window(today, days));
        return new BirthdayPage(owner, today, window, contacts.birthdays(owner, window,
                ContactRepository.BirthdayCursor.page(skip, limit), BIRTHDAY_PART));
    }

    /** The time zone of "today": {@code tz} when given (an IANA name; given empty, it is none: 422), else the server's own. */
    private ZoneId zone(ServerRequest req, List<FieldError> errors) {
        Optional<String> tz = RequestParams.query(req, "tz").map(String::strip);
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

    /**
     * {@code GET /contacts/version/}: a strong tag that changes whenever the caller's book does, so that a client
     * can ask cheaply (one row read by its key, no contact) whether to list again: with {@code If-None-Match}
     * naming the tag it holds, 304 and no body while nothing changed. The tag is a digest of the owner's id and
     * book version, both read from the database (every instance behind a load balancer answers alike), and
     * opaque: it tells nothing but "changed" to its own owner, and nothing of anyone else's book.
     */
    private void version(long owner, ServerRequest req, ServerResponse res) {
        String tag = ContactETags.of((owner + ":" + contacts.bookVersion(owner)).getBytes(StandardCharsets.UTF_8));
        res.header(HeaderNames.ETAG, tag);
        Optional<String> ifNoneMatch = req.headers().first(HeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch.isPresent() && ContactETags.matches(ifNoneMatch.get(), Optional.of(tag))) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        Json.ok(res, new BookVersion(tag));
    }

    /** The labels on the caller's live contacts with their counts, in collation order. */
    private void labels(long owner, ServerRequest req, ServerResponse res) {
        Comparator<LabelCount> byName = Comparator.comparing((LabelCount l) -> ContactKeys.sortKey(l.name()))
                .thenComparing(LabelCount::name);
        Json.ok(res, contacts.labels(owner).stream().sorted(byName).toList());
    }

    /*
     * A label across contacts, in one request and one transaction, rather than a PATCH of each contact's labels
     * from the client: a label on 5,000 contacts changes all at once or not at all (a dropped connection or another
     * client's edit halfway leaves no book with the label half renamed), and within the owner's lock, so a contact
     * saved meanwhile is either relabelled after its save or saved after the rename, never lost. What each does to a
     * contact's labels: LabelChanges.
     */

    /**
     * {@code POST /contacts/labels/rename/ {"name", "new_name"}}: the label renamed on every contact carrying it; a
     * contact that carries the new name already keeps that one (the two merge).
     */
    private void renameLabel(long owner, ServerRequest req, ServerResponse res) {
        ObjectNode body = RequestBodies.jsonObject(req);
        List<FieldError> errors = new ArrayList<>();
        String name = labelName(body, "name", errors);
        String newName = labelName(body, "new_name", errors);
        ValidationException.throwIfAny(errors);
        UnaryOperator<List<String>> renamed = LabelChanges.renamed(name, newName);
        Map<Long, List<String>> changed = contacts.relabel(owner, ContactKeys.fold(name), null,
                (id, labels) -> renamed.apply(labels));
        Json.ok(res, new RelabelledContacts(List.copyOf(changed.keySet())));
    }

    /** {@code POST /contacts/labels/remove/ {"name"}}: the label taken off every contact carrying it (they stay). */
    private void removeLabel(long owner, ServerRequest req, ServerResponse res) {
        ObjectNode body = RequestBodies.jsonObject(req);
        List<FieldError> errors = new ArrayList<>();
        String name = labelName(body, "name", errors);
        ValidationException.throwIfAny(errors);
        UnaryOperator<List<String>> removed = LabelChanges.removed(name);
        Json.ok(res, removedFrom(name, contacts.relabel(owner, ContactKeys.fold(name), null,
                (id, labels) -> removed.apply(labels))));
    }

    /**
     * {@code POST /contacts/labels/add/ {"name", "ids"}}: the label added to the caller's live contacts among the ids
     * that do not carry it (a new label, or a selection put in one, or the undo of a remove); 422 and no change when
     * one of them would have more labels than a contact may.
     */
    private void addLabel(long owner, ServerRequest req, ServerResponse res) {
        ObjectNode body = RequestBodies.jsonObject(req);
        List<FieldError> errors = new ArrayList<>();
        String name = labelName(body, "name", errors);
        Set<Long> ids = bulkIds(body, errors);
        Map<Long, Integer> places = places(body, errors);
        ValidationException.throwIfAny(errors);
        Supplier<ValidationException> tooMany = () -> new ValidationException(FieldError.body("ids", "Value error, a"
                + " contact among them has " + ContactRules.LABELS_MAX + " labels already, the most a contact may have",
                "value_error"));
        Map<Long, List<String>> changed = ids.isEmpty() ? Map.of() : contacts.relabel(owner, null, ids,
                (id, labels) -> LabelChanges.added(name, places.getOrDefault(id, Integer.MAX_VALUE), tooMany)
                        .apply(labels));
        Json.ok(res, new RelabelledContacts(List.copyOf(changed.keySet())));
    }

    /**
     * {@code POST /contacts/labels/take-off/ {"name", "ids"}}: the label taken off the caller's live contacts among
     * the ids that carry it (a selection taken out of a label, or the undo of an add); the contacts stay.
     */
    private void takeOffLabel(long owner, ServerRequest req, ServerResponse res) {
        ObjectNode body = RequestBodies.jsonObject(req);
        List<FieldError> errors = new ArrayList<>();
        String name = labelName(body, "name", errors);
        Set<Long> ids = bulkIds(body, errors);
        ValidationException.throwIfAny(errors);
        UnaryOperator<List<String>> removed = LabelChanges.removed(name);
        Json.ok(res, removedFrom(name, ids.isEmpty() ? Map.of()
                : contacts.relabel(owner, null, ids, (id, labels) -> removed.apply(labels))));
    }

    /** The answer to a removal: the ids changed and, for each, where the label stood (for Undo to put it back). */
    private static RemovedLabel removedFrom(String name, Map<Long, List<String>> before) {
        return new RemovedLabel(List.copyOf(before.keySet()),
                before.values().stream().map(labels -> LabelChanges.place(labels, name)).toList());
    }

    /**
     * The optional {@code places} of an addition: for each entry of {@code ids} as sent, where the label goes among
     * that contact's labels (0 first); a removal's answer gives them. Absent: the end. The ids are a set, so an id
     * sent twice is one contact: it takes the place of its first mention (before, the repeat made the two lists'
     * lengths differ after the ids were made a set, and a valid request was refused with 422).
     */
    private static Map<Long, Integer> places(ObjectNode body, List<FieldError> errors) {
        JsonNode places = body.get("places");
        JsonNode ids = body.get("ids");
        if (places == null || places.isNull() || ids == null || !ids.isArray()) {
            return Map.of(); // (no ids: bulkIds says so)
        }
        if (!places.isArray() || places.size() != ids.size()) {
            errors.add(FieldError.body("places", "Value error, one place for each of the ids, in their order",
                    "value_error"));
            return Map.of();
        }
        Map<Long, Integer> byId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode place = places.get(i);
            if (!place.isIntegralNumber() || !place.canConvertToInt() || place.intValue() < 0) {
                errors.add(new FieldError(List.of("body", "places", i), "Input should be a valid integer, 0 or more",
                        "int_type"));
            } else if (ids.get(i).isIntegralNumber() && ids.get(i).canConvertToLong()) {
                byId.putIfAbsent(ids.get(i).longValue(), place.intValue());
            }
        }
        return byId;
    }

    /** A label named in a body, trimmed and checked by the contract's rule for labels; null after an error. */
    private static String labelName(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            errors.add(FieldError.body(field, "Field required", "missing"));
            return null;
        }
        String text = BodyFields.text(value, List.of("body", field), errors);
        if (text == null) {
            return null;
        }
        String label = ContactRules.labelName(text);
        int before = errors.size();
        ContactRules.checkLabel(List.of("body", field), label, errors);
        return errors.size() == before ? label : null;
    }

    private void create(long owner, ServerRequest req, ServerResponse res) {
        Contact created = contacts.create(owner, ContactBodies.draft(RequestBodies.jsonObject(req)));
        sendContact(res, Status.CREATED_201, created);
    }

    private void get(long owner, ServerRequest req, ServerResponse res) {
        StoredContact row = contactId(req).flatMap(id -> contacts.findStored(owner, id)).orElseThrow(ContactService::notFound);
        ContactJson.Encoded contact = json.contact(row);
        sendContact(res, Status.OK_200, contact.json(), contact.etag());
    }

    private void replace(long owner, ServerRequest req, ServerResponse res) {
        Optional<Long> id = contactId(req);
        var draft = ContactBodies.draft(RequestBodies.jsonObject(req));
        Consumer<Contact> precondition = ifMatch(req);
        sendContact(res, Status.OK_200, id.flatMap(i -> contacts.update(owner, i, precondition, current -> draft))
                .orElseThrow(ContactService::notFound));
    }

    private void patch(long owner, ServerRequest req, ServerResponse res) {
        Optional<Long> id = contactId(req);
        ContactPatch patch = ContactBodies.patch(RequestBodies.jsonObject(req));
        Consumer<Contact> precondition = ifMatch(req);
        sendContact(res, Status.OK_200, id.flatMap(i -> contacts.update(owner, i, precondition, patch::apply))
                .orElseThrow(ContactService::notFound));
    }

    private void delete(long owner, ServerRequest req, ServerResponse res) {
        Consumer<Contact> precondition = ifMatch(req);
        if (!contactId(req).map(id -> contacts.trash(owner, id, precondition)).orElse(false)) {
            throw notFound();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    /** {@code POST /contacts/delete/ {"ids": [...]}}: moves the caller's among them to the trash, at once. */
    private void deleteMany(long owner, ServerRequest req, ServerResponse res) {
        Set<Long> wanted = bulkIds(req);
        List<Long> deleted = wanted.isEmpty() ? List.of() : contacts.trashAll(owner, wanted);
        Json.ok(res, new DeletedContacts(deleted));
    }

    /**
     * {@code POST /contacts/trash/restore/ {"ids": [...]}}: brings the caller's among them back from the trash, at
     * once (an undo of a bulk delete in one request, not one per contact); 409 when they would not all fit.
     */
    private void restoreMany(long owner, ServerRequest req, ServerResponse res) {
        Set<Long> wanted = bulkIds(req);
        List<Long> restored = wanted.isEmpty() ? List.of() : contacts.restoreAll(owner, wanted);
        Json.ok(res, new RestoredContacts(restored));
    }

    /** The {@code ids} of a bulk request's body, each once, in order; 422 naming each that is not an id. */
    private static Set<Long> bulkIds(ServerRequest req) {
        List<FieldError> errors = new ArrayList<>();
        Set<Long> wanted = bulkIds(RequestBodies.jsonObject(req), errors);
        ValidationException.throwIfAny(errors);
        return wanted;
    }

    /** The {@code ids} of a body, each once, in order; each that is not an id goes to {@code errors}. */
    private static Set<Long> bulkIds(ObjectNode body, List<FieldError> errors) {
        JsonNode ids = body.get("ids");
        Set<Long> wanted = new LinkedHashSet<>();
        if (ids == null || ids.isNull()) {
            errors.add(FieldError.body("ids", "Field required", "missing"));
        } else if (!ids.isArray()) {
            errors.add(FieldError.body("ids", "Input should be a valid list", "list_type"));
        } else if (ids.size() > MAX_BULK_IDS) {
            errors.add(FieldError.body("ids", "List should have at most " + MAX_BULK_IDS + " items after "
                    + "validation, not " + ids.size(), "too_long"));
        } else {
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i).isIntegralNumber() && ids.get(i).canConvertToLong()) {
                    wanted.add(ids.get(i).longValue());
                } else {
                    errors.add(new FieldError(List.of("body", "ids", i), "Input should be a valid integer",
                            "int_type"));
                }
            }
        }
        return wanted;
    }

    private void trash(long owner, ServerRequest req, ServerResponse res) {
        List<FieldError> errors = new ArrayList<>();
        int skip = RequestParams.queryInt(req, "skip", 0, 0, Integer.MAX_VALUE, errors);
        int limit = RequestParams.queryInt(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        ValidationException.throwIfAny(errors);
        Page<TrashedContact> page = contacts.trashed(owner, skip, limit);
        res.header(TOTAL_COUNT, Integer.toString(page.total()));
        Json.ok(res, page.items());
    }

    private void restore(long owner, ServerRequest req, ServerResponse res) {
        Optional<Long> id = contactId(req);
        sendContact(res, Status.OK_200, id.flatMap(i -> contacts.restore(owner, i))
                .orElseThrow(ContactService::notFound));
    }

    private void purge(long owner, ServerRequest req, ServerResponse res) {
        if (!contactId(req).map(id -> contacts.purge(owner, id)).orElse(false)) {
            throw notFound();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void emptyTrash(long owner, ServerRequest req, ServerResponse res) {
        contacts.emptyTrash(owner);
        res.status(Status.NO_CONTENT_204).send();
    }

    private void getPhoto(long owner, ServerRequest req, ServerResponse res) {
        ContactRepository.Photo photo = contactId(req).flatMap(id -> contacts.photo(owner, id))
                .orElseThrow(() -> ApiException.notFound("Photo not found"));
        res.header(HeaderNames.CONTENT_TYPE, photo.contentType());
        res.header(HeaderNames.ETAG, photo.etag());
        res.send(photo.image());
    }

    /**
     * A photo's body (up to 1 MiB, sixteen times a JSON body's share of the bodies read ahead) is read only once its
     * sender is known, so that strangers' uploads cannot hold that share while everyone else's writes wait for it.
     */
    private void putPhotoOnceKnown(ServerRequest req, ServerResponse res) throws Exception {
        long owner = database.read(() -> auth.authenticate(req).userId());
        try (RequestBodies.Held body = RequestBodies.readAhead(req, PhotoImages.MAX_UPLOAD_BYTES)) {
            // decoded on the request's own thread, not a database thread: up to 0.1 s of CPU, and a turn to wait for
            ContactRepository.Photo photo = storedPhoto(req);
            database.call(() -> {
                putPhoto(owner, req, res, photo);
                return null;
            });
        }
    }

    /** A JPEG or PNG of at most 1 MiB, decoded as its declared type, re-encoded to at most 512×512. */
    private static ContactRepository.Photo storedPhoto(ServerRequest req) {
        PhotoImages.Format format = req.headers().contentType()
                .map(HttpMediaType::mediaType).flatMap(t -> PhotoImages.Format.ofMediaType(t.text()))
                .orElseThrow(() -> new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415,
                        "Unsupported media type: send image/jpeg or image/png"));
        byte[] upload = readPhoto(req);
        byte[] stored;
        try {
            stored = PhotoImages.reencode(upload, format);
        } catch (PhotoImages.InvalidImage e) {
            throw new ValidationException(new FieldError(List.of("body"), e.getMessage(), "value_error"));
        }
        return new ContactRepository.Photo(format.mediaType, stored, ContactETags.of(stored));
    }

    private void putPhoto(long owner, ServerRequest req, ServerResponse res, ContactRepository.Photo photo) {
        Optional<Long> id = contactId(req);
        Consumer<Optional<String>> precondition = photoIfMatch(req);
        if (!id.map(i -> contacts.putPhoto(owner, i, photo, precondition)).orElse(false)) {
            throw notFound();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void deletePhoto(long owner, ServerRequest req, ServerResponse res) {
        Consumer<Optional<String>> precondition = photoIfMatch(req);
        if (!contactId(req).map(id -> contacts.deletePhoto(owner, id, precondition)).orElse(false)) {
            throw notFound();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private static byte[] readPhoto(ServerRequest req) {
        if (!req.content().hasEntity()) {
            throw new ValidationException(new FieldError(List.of("body"), "Field required", "missing"));
        }
        return RequestBodies.bytesAtMost(req, PhotoImages.MAX_UPLOAD_BYTES, () -> new ApiException(
                Status.REQUEST_ENTITY_TOO_LARGE_413,
                "Photo too large: at most " + PhotoImages.MAX_UPLOAD_BYTES + " bytes are accepted"));
    }

    /** The precondition of a write: with {@code If-Match}, the contact must still be the one the client saw. */
    private static Consumer<Contact> ifMatch(ServerRequest req) {
        Optional<String> ifMatch = req.headers().first(HeaderNames.IF_MATCH);
        return current -> {
            if (ifMatch.isPresent() && !ContactETags.matches(ifMatch.get(), current)) {
                throw new ApiException(Status.PRECONDITION_FAILED_412, CHANGED_MEANWHILE);
            }
        };
    }

    /**
     * The precondition of a photo's write: with {@code If-Match}, the photo must still be the one the client saw (the
     * ETag of {@code GET .../photo/}, as RFC 9110 asks of the target resource; with no photo, nothing matches).
     */
    private static Consumer<Optional<String>> photoIfMatch(ServerRequest req) {
        Optional<String> ifMatch = req.headers().first(HeaderNames.IF_MATCH);
        return current -> {
            if (ifMatch.isPresent() && !ContactETags.matches(ifMatch.get(), current)) {
                throw new ApiException(Status.PRECONDITION_FAILED_412, CHANGED_MEANWHILE);
            }
        };
    }

    private static Optional<Long> contactId(ServerRequest req) {
        return RequestParams.pathId(req, "contact_id");
    }

    private static ApiException notFound() {
        return ApiException.notFound("Contact not found");
    }

    /** One contact, with its strong ETag: every answer that carries one contact is sent here. */
    public static void sendContact(ServerResponse res, Status status, Contact contact) {
        byte[] body = Json.bytes(contact);
        sendContact(res, status, body, ContactETags.of(body));
    }

    private static void sendContact(ServerResponse res, Status status, byte[] json, String etag) {
        res.header(HeaderNames.ETAG, etag);
        Json.sendEncoded(res, status, json);
    }

    private void sendPage(ServerResponse res, Page<StoredContact> page) {
        res.header(TOTAL_COUNT, Integer.toString(page.total()));
        Json.sendEncoded(res, Status.OK_200, json.array(page.items()));
    }
}
