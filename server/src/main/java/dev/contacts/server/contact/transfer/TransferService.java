package dev.contacts.server.contact.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contacts.model.Contact;
import dev.contacts.model.FieldError;
import dev.contacts.model.ImportReport;
import dev.contacts.server.auth.BearerAuthentication;
import dev.contacts.server.contact.ContactRepository;
import dev.contacts.server.contact.ContactService;
import dev.contacts.server.db.Database;
import dev.contacts.server.http.ApiException;
import dev.contacts.server.http.ApiRules;
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
 * The HTTP side of moving an address book in and out: {@code GET /contacts/export/}, {@code POST
 * /contacts/import/}, {@code GET /contacts/duplicates/} and {@code POST /contacts/merge/}. Each user sees and
 * changes only their own contacts: another user's id answers like one that does not exist. An export and an
 * import (and the duplicates) run on the request's own thread, their database work a {@link Database#call} (or
 * {@link Database#read}, or for an export a read of its snapshot) per page or batch, so that no database thread
 * waits for a client that reads an export (or a long list of duplicates) or sends an import slowly.
 */
public final class TransferService implements ApiRules.Service {

    /** The largest import body. */
    public static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;
    /** The most items one import file may hold. */
    public static final int MAX_IMPORT_ITEMS = 10_000;
    /** The most ids an export may name. */
    static final int MAX_EXPORT_IDS = 10_000;
    static final int MERGE_MIN = 2;
    static final int MERGE_MAX = 50;

    private final Database database;
    private final TransferRepository repository;
    private final BearerAuthentication auth;
    /** Each account's exports take turns (each keeps its whole file aside until it is sent). */
    private final ExportTurns exportTurns = new ExportTurns();

    public TransferService(Database database, ContactRepository contacts, BearerAuthentication auth) {
        this.database = database;
        this.repository = new TransferRepository(database.dsl(), contacts);
        this.auth = auth;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.ownCalls(Method.GET, "/contacts/export", this::export)
                .ownCalls(Method.POST, "/contacts/import", this::importFile)
                .ownCalls(Method.GET, "/contacts/duplicates", this::duplicates)
                .post("/contacts/merge", auth.protect(this::merge));
    }

    private void export(ServerRequest req, ServerResponse res) throws Exception {
        long owner = database.read(() -> auth.authenticate(req).userId());
        List<FieldError> errors = new ArrayList<>();
        Exporter.Format format = switch (RequestParams.query(req, "format").map(String::strip).orElse("vcard")) {
            case "vcard" -> Exporter.Format.VCARD;
            case "csv" -> Exporter.Format.CSV;
            default -> {
                errors.add(FieldError.query("format", "Input should be 'vcard' or 'csv'", "enum"));
                yield null;
            }
        };
        Optional<String> version = RequestParams.query(req, "version").map(String::strip);
        if (version.isPresent() && format == Exporter.Format.VCARD) {
            format = switch (version.get()) {
                case "4.0" -> Exporter.Format.VCARD;
                case "3.0" -> Exporter.Format.VCARD_3;
                default -> {
                    errors.add(FieldError.query("version", "Input should be '3.0' or '4.0'", "enum"));
                    yield null;
                }
            };
        } else if (version.isPresent() && format != null) {
            errors.add(FieldError.query("version", "Only a vCard export has a version", "value_error"));
        }
        Optional<String> layout = RequestParams.query(req, "layout").map(String::strip);
        if (layout.isPresent() && format == Exporter.Format.CSV) {
            format = switch (layout.get()) {
                case "google" -> Exporter.Format.CSV;
                case "outlook" -> Exporter.Format.OUTLOOK_CSV;
                default -> {
                    errors.add(FieldError.query("layout", "Input should be 'google' or 'outlook'", "enum"));
                    yield null;
                }
            };
        } else if (layout.isPresent() && format != null) {
            errors.add(FieldError.query("layout", "Only a CSV export has a layout", "value_error"));
        }
        Optional<List<Long>> ids = RequestParams.query(req, "ids").map(text -> ids(text, errors));
        ValidationException.throwIfAny(errors);
        res.header(HeaderNames.CONTENT_TYPE, format.contentType);
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + format.fileName + "\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        try (Writer out = new OutputStreamWriter(res.outputStream(), StandardCharsets.UTF_8)) {
            new Exporter(repository, database, exportTurns).export(owner, ids, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ids=1,2,3}: positive whole numbers, at most {@value #MAX_EXPORT_IDS}. */
    private static List<Long> ids(String text, List<FieldError> errors) {
        List<Long> ids = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                long id = Long.parseLong(part.strip());
                if (id < 1) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                errors.add(FieldError.query("ids", "Input should be ids separated by commas, e.g. 1,2,3", "value_error"));
                return List.of();
            }
        }
        if (ids.size() > MAX_EXPORT_IDS) {
            errors.add(FieldError.query("ids", "At most " + MAX_EXPORT_IDS + " ids", "too_long"));
        }
        return ids;
    }

    private void importFile(ServerRequest req, ServerResponse res) throws Exception {
        long owner = database.read(() -> auth.authenticate(req).userId());
        ImportFile.Format format = importFormat(req);
        List<FieldError> errors = new ArrayList<>();
        Importer.Duplicates duplicates = switch (RequestParams.query(req, "duplicates").map(String::strip)
                .orElse("merge")) {
            case "merge" -> Importer.Duplicates.MERGE;
            case "skip" -> Importer.Duplicates.SKIP;
            case "create" -> Importer.Duplicates.CREATE;
            default -> {
                errors.add(FieldError.query("duplicates", "Input should be 'merge', 'skip' or 'create'", "enum"));
                yield null;
            }
        };
        ValidationException.throwIfAny(errors);
        if (req.headers().contentLength().orElse(0) > MAX_IMPORT_BYTES) {
            throw tooLarge();
        }
        // read once the caller is known, not before: up to 10 MiB of a stranger's would take the heap's share
        try (RequestBodies.Held body = RequestBodies.readAhead(req, MAX_IMPORT_BYTES)) {
            byte[] bytes = readImport(req);
            Charset charset = charset(req);
            requireText(bytes, charset);
            // read from the bytes each time, never made one String (docs/benchmarks.md, "A lean import")
            ImportFile.Text text = () -> new InputStreamReader(new ByteArrayInputStream(bytes), strict(charset));
            ImportReport report;
            try (ReadOnDemand items = ImportFile.read(text, format).orElseThrow(() -> new ValidationException(
                    new FieldError(List.of("body"), format == ImportFile.Format.VCARD
                            ? "Not a vCard file: it should begin with BEGIN:VCARD"
                            : "Not a contacts CSV: the header row is not Google Contacts', Outlook's or Thunderbird's",
                            "value_error")))) {
                if (items.size() > MAX_IMPORT_ITEMS) {
                    throw new ValidationException(new FieldError(List.of("body"), "Too many contacts in one file: at "
                            + "most " + MAX_IMPORT_ITEMS + ", this one has " + items.size(), "too_long"));
                }
                // closed once its items are stored, before the answer is sent (a client that reads slowly must not
                // keep a large card's turn, which is held until then: VCardImport)
                report = new Importer(repository, database).run(owner, items, duplicates);
            }
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            Json.ok(res, report);
        }
    }

    /** {@code text/vcard} (or the older {@code text/x-vcard}, {@code text/directory}) or {@code text/csv}; else 415. */
    private static ImportFile.Format importFormat(ServerRequest req) {
        String type = req.headers().contentType().map(t -> t.mediaType().text().toLowerCase(Locale.ROOT)).orElse("");
        return switch (type) {
            case "text/vcard", "text/x-vcard", "text/directory" -> ImportFile.Format.VCARD;
            case "text/csv" -> ImportFile.Format.CSV;
            default -> throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "Unsupported media type " + (type.isEmpty() ? "(none)" : type) + ": send text/vcard or text/csv");
        };
    }

    /** The body's charset: UTF-8 unless the Content-Type names another one. */
    private static Charset charset(ServerRequest req) {
        Optional<String> name = req.headers().contentType().flatMap(HttpMediaType::charset);
        if (name.isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.get());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "Unsupported charset " + name.get());
        }
    }

    /**
     * 422 unless the body is text in its charset, strictly: bytes that are not well-formed in the charset are
     * refused, never replaced; so is U+0000, which is no text a contact holds and which PostgreSQL's text cannot
     * store (a UTF-16 file read as UTF-8 shows it). Checked in pieces of 8 KiB before any item is read, so that a
     * file with a bad byte at its end imports nothing.
     */
    private static void requireText(byte[] body, Charset charset) {
        try {
            CharsetDecoder strict = strict(charset);
            ByteBuffer in = ByteBuffer.wrap(body);
            CharBuffer out = CharBuffer.allocate(8192);
            CoderResult result;
            do {
                result = strict.decode(in, out.clear(), true);
                if (result.isError()) {
                    result.throwException();
                }
                noNul(out.flip());
            } while (result.isOverflow());
            do {
                result = strict.flush(out.clear());
                noNul(out.flip());
            } while (result.isOverflow());
        } catch (CharacterCodingException e) {
            throw new ValidationException(new FieldError(List.of("body"),
                    "The file is not valid " + charset.name() + " text", "value_error"));
        }
    }

    private static void noNul(CharBuffer decoded) throws CharacterCodingException {
        for (int i = decoded.position(); i < decoded.limit(); i++) {
            if (decoded.get(i) == '\0') {
                throw new CharacterCodingException();
            }
        }
    }

    /** A decoder that refuses what is not well-formed text in the charset, rather than replacing it. */
    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * At most {@value #MAX_IMPORT_BYTES}; more is refused with 413 whatever the Content-Length said. Not held to
     * UTF-8 here as JSON bodies are: the file is in the charset its Content-Type names (UTF-8 when it names none),
     * and {@link #decode} refuses it strictly in that charset.
     */
    private static byte[] readImport(ServerRequest req) {
        byte[] body = RequestBodies.bytesAtMost(req, MAX_IMPORT_BYTES, TransferService::tooLarge);
        if (body.length == 0) {
            throw new ValidationException(new FieldError(List.of("body"), "Field required", "missing"));
        }
        return body;
    }

    private static ApiException tooLarge() {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413,
                "Import too large: at most " + MAX_IMPORT_BYTES + " bytes are accepted");
    }

    /**
     * The groups of contacts that look like one person, written on the request's own thread between the finder's
     * database calls, so that a client that never reads a long answer (streamed once over 1 MiB) holds none.
     */
    private void duplicates(ServerRequest req, ServerResponse res) throws Exception {
        long owner = database.read(() -> auth.authenticate(req).userId());
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        try (JsonArrayStream groups = new JsonArrayStream(res)) {
            new Duplicates(database, repository.contacts()).forEachGroup(owner, group -> groups.add(Json.bytes(group)));
            groups.complete();
        }
    }

    private void merge(long owner, ServerRequest req, ServerResponse res) {
        ObjectNode body = RequestBodies.jsonObject(req);
        List<Long> ids = mergeIds(body.get("ids"));
        try {
            Contact merged = new Merger(repository).merge(owner, ids)
                    .orElseThrow(() -> ApiException.notFound("Contact not found"));
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            ContactService.sendContact(res, Status.OK_200, merged);
        } catch (Merger.TooLarge e) {
            throw new ValidationException(e.errors);
        }
    }

    /** {@code ids}: 2 to 50 distinct contact ids, the one to keep first. */
    private static List<Long> mergeIds(JsonNode node) {
        List<Object> loc = List.of("body", "ids");
        if (node == null || node.isNull()) {
            throw new ValidationException(new FieldError(loc, "Field required", "missing"));
        }
        if (!node.isArray()) {
            throw new ValidationException(new FieldError(loc, "Input should be a valid list", "list_type"));
        }
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 1) {
                throw new ValidationException(new FieldError(List.of("body", "ids", i),
                        "Input should be a valid contact id", "int_type"));
            }
            if (!ids.add(id.asLong())) {
                throw new ValidationException(new FieldError(List.of("body", "ids", i),
                        "Each contact may be named once", "value_error"));
            }
        }
        if (ids.size() < MERGE_MIN || ids.size() > MERGE_MAX) {
            throw new ValidationException(new FieldError(loc, "List should have " + MERGE_MIN + " to " + MERGE_MAX
                    + " items, not " + ids.size(), ids.size() < MERGE_MIN ? "too_short" : "too_long"));
        }
        return List.copyOf(ids);
    }
}
