package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.CONTACTS;
import static dev.contacts.server.db.generated.Tables.CONTACT_LABELS;
import static dev.contacts.server.db.generated.Tables.CONTACT_PHOTOS;
import static dev.contacts.server.db.generated.Tables.USERS;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.LabelCount;
import dev.contacts.model.Page;
import dev.contacts.model.TrashedContact;
import dev.contacts.model.Wire;
import dev.contacts.server.Refusal;
import dev.contacts.server.db.Database;
import dev.contacts.server.db.GroupCommit;
import dev.contacts.server.db.RenderedQuery;
import dev.contacts.server.db.SqlTimes;
import dev.contacts.server.db.generated.tables.records.ContactsRecord;
import org.jooq.Condition;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Contacts in the database: the only place with their SQL. Every query is scoped to one owner. A deleted
 * contact stays in the table with {@code deleted_at} set (the trash) until it is purged; everything but the
 * trash's own queries sees live contacts only.
 */
public final class ContactRepository {

    /** How long a trashed contact is kept. */
    public static final Duration TRASH_KEPT = Duration.ofDays(30);

    /** A stored photo, as re-encoded by the server. */
    public record Photo(String contentType, byte[] image, String etag) {
    }

    private static final ObjectMapper JSON = Wire.mapper();
    private static final int REKEY_BATCH = 5000;
    /** The most values one IN list binds (see {@link #inChunks}). */
    static final int IN_LIST_MAX = 1000;
    /** Every column a new contact's row is inserted with: all but its generated id. */
    private static final List<Field<?>> INSERTED_COLUMNS = Arrays.stream(CONTACTS.fields())
            .filter(column -> !column.equals(CONTACTS.ID)).toList();
    /** A contact's columns, in the order {@link #stored(ResultSet, SQLDialect)} reads them. */
    private static final List<Field<?>> CONTACT_COLUMNS = List.of(CONTACTS.ID, CONTACTS.FIRST_NAME,
            CONTACTS.LAST_NAME, CONTACTS.BIRTHDAY, CONTACTS.ADDITIONAL_DATA, CONTACTS.EMAILS, CONTACTS.PHONES,
            CONTACTS.ADDRESSES, CONTACTS.ORGANIZATION, CONTACTS.JOB_TITLE, CONTACTS.NICKNAME, CONTACTS.LABELS,
            CONTACTS.FAVORITE, CONTACTS.HAS_PHOTO, CONTACTS.CREATED_AT, CONTACTS.UPDATED_AT, CONTACTS.ROW_VERSION);
    /** Where {@link #CONTACT_COLUMNS} has the row's version. */
    private static final int VERSION_COLUMN = 17;
    /** One live contact of an owner: what {@code GET /contacts/{id}/} reads, rendered once (read by {@link #stored}). */
    private static final RenderedQuery<Optional<StoredContact>> FIND = new RenderedQuery<>(
            dsl -> dsl.select(CONTACT_COLUMNS).from(CONTACTS)
                    .where(CONTACTS.USER_ID.eq(DSL.param("owner", Long.class)).and(CONTACTS.DELETED_AT.isNull())
                            .and(CONTACTS.ID.eq(DSL.param("id", Long.class)))), null);
    /**
     * The contacts table read through the search index, which holds each owner's folded text in last-name order, with
     * the favourite mark (SQLite, migration V17): covering for a scan of the text and for a walk by last name.
     */
    private static final Table<Record> SEARCH_INDEXED =
            DSL.table("{0} indexed by {1}", CONTACTS, DSL.name("contacts_live_search"));
    /** SQLite's trigram index of every contact's folded search text (FTS5, migration V6), by contact id. */
    private static final Table<Record> TRIGRAMS = DSL.table(DSL.name("contacts_search"));
    /** The contacts table read through the owner's id index (covering for an owner's test of a contact found). */
    private static final Table<Record> ID_INDEXED =
            DSL.table("{0} indexed by {1}", CONTACTS, DSL.name("contacts_live_id"));
    /**
     * The label index by owner, label and contact, named: SQLite otherwise looks a contact's label up by its primary
     * key (contact, label) and reads the row for the owner, twice the time in a walk of 5,000 entries.
     */
    private static final Table<Record> LABELS_INDEXED =
            DSL.table("{0} indexed by {1}", CONTACT_LABELS, DSL.name("contact_labels_owner"));
    /**
     * The owner's live favourites' index (migration V13), named: SQLite's planner, without statistics, walked the sort
     * key's index instead and read every contact's row to test its mark (110 ms for a first page of 1,000 favourites
     * among 100,000 contacts, against 1.7 ms reading the favourites and sorting them).
     */
    private static final Table<Record> FAVORITES_INDEXED =
            DSL.table("{0} indexed by {1}", CONTACTS, DSL.name("contacts_live_favorite"));
    /** The id of a contact the trigram index found ({@link #matches}). */
    private static final Field<Long> FOUND = DSL.field(DSL.name("matches", "id"), Long.class);
    /** The shortest word the trigram index can find as a phrase: one trigram. */
    private static final int TRIGRAM = 3;
    /** The most trigrams a two-character word is looked up by: past it, the word is tested on each contact. */
    private static final int MOST_TRIGRAMS = 200;
    /**
     * The trigrams of the index (its vocabulary, migration V10) after "from" up to "to": those that begin with a
     * two-character word, at most {@link #MOST_TRIGRAMS} and one.
     */
    private static final RenderedQuery<List<String>> TRIGRAMS_BEGINNING = new RenderedQuery<>(dsl -> {
        Field<String> term = DSL.field(DSL.name("term"), String.class);
        return dsl.select(term).from(DSL.table(DSL.name("contacts_search_terms")))
                .where(term.gt(DSL.param("from", String.class)).and(term.le(DSL.param("to", String.class))))
                .limit(DSL.inline(MOST_TRIGRAMS + 1));
    }, (rows, dialect) -> {
        List<String> terms = new ArrayList<>();
        while (rows.next()) {
            terms.add(rows.getString(1));
        }
        return terms;
    });

    private final DSLContext dsl;
    private final Clock clock;
    private final int maxPerOwner;
    /** Single creates committed together (SQLite); null on PostgreSQL and inside a transaction. */
    private final GroupCommit creates;
    /** The insert of a new contact's row, rendered on first use: see {@link #insertAll}. */
    private volatile String insertSql;
    /** The rows read before, with their JSON: a row read again is known by its id and version ({@link #stored}). */
    private final ContactJson json = new ContactJson();
    /** Places remembered deep in sorted lists, each valid at one book version ({@link #fromPlaces}). */
    private final ListAnchors anchors;

    public ContactRepository(DSLContext dsl, Clock clock, int maxPerOwner) {
        // SQLite commits one writer at a time, each waiting for its own fsync; PostgreSQL writes concurrently and
        // already flushes its log once for the commits that wait together
        this(dsl, clock, maxPerOwner, Database.isSqlite(dsl) ? new GroupCommit(dsl) : null, new ListAnchors());
    }

    /** As the public constructor, remembering places in {@code anchors}: for tests that ask what it kept. */
    ContactRepository(DSLContext dsl, Clock clock, int maxPerOwner, ListAnchors anchors) {
        this(dsl, clock, maxPerOwner, Database.isSqlite(dsl) ? new GroupCommit(dsl) : null, anchors);
    }

    private ContactRepository(DSLContext dsl, Clock clock, int maxPerOwner, GroupCommit creates,
                              ListAnchors anchors) {
        this.dsl = dsl;
        this.clock = clock;
        this.maxPerOwner = maxPerOwner;
        this.creates = creates;
        this.anchors = anchors;
    }

    public Page<StoredContact> list(long owner, ListOptions options, int skip, int limit) {
        if (options.matchesNothing()) {
            return new Page<>(List.of(), 0);
        }
        Listing shape = new Listing(options.sort(), options.descending(), options.favorite() != null,
                options.label() != null, false, Trigrams.NONE, 0, false, false, false, false, false, false);
        Map<String, Object> values = listingValues(owner, options, skip, limit);
        if (shape.label() && !shape.favorite()) {
            // counted first (cheap, from the label index): no page past the end, and a label on few contacts reads
            // them first (SQLite), rather than walking the sort key's index of every contact to find them
            int total = LABELLED.fetch(dsl, Map.of("owner", owner, "label_owner", owner,
                    "label", values.get("label"), "trashed_label", values.get("label")));
            if (total <= skip) {
                return new Page<>(List.of(), total);
            }
            return new Page<>(rendered(PAGES, labelPlan(owner, shape, total, skip, limit), ContactRepository::pageQuery,
                    null).fetch(dsl, values, this::pageRows).items(), total);
        }
        if (Boolean.TRUE.equals(options.favorite()) && !shape.label() && Database.isSqlite(dsl)) {
            int total = FAVORITES.fetch(dsl, Map.of("owner", owner, "favorite_owner", owner));
            if (total <= skip) {
                return new Page<>(List.of(), total);
            }
            if (fewFavorites(owner, total, skip, limit)) {
                // read first from their index and sorted, rather than a walk of the sort key's index that reads
                // each contact's row to test its mark
                values.remove("favorite");
                return new Page<>(rendered(PAGES, shape.fromFavorites(), ContactRepository::pageQuery, null)
                        .fetch(dsl, values, this::pageRows).items(), total);
            }
        }
        List<StoredContact> items = skip >= ListAnchors.SPACING ? fromPlaces(owner, options, shape, skip, limit) : null;
        if (items == null) {
            items = rendered(PAGES, shape, ContactRepository::pageQuery, null).fetch(dsl, values, this::pageRows).items();
        }
        if (!shape.filtered()) {
            // the owner's count of live contacts is kept on their row (migration V5): no count of the rows
            return new Page<>(items, LIVE_CONTACTS.fetch(dsl, Map.of("owner", owner)));
        }
        if (!shape.label()) {
            // by the favourite mark alone: counted from the index of the owner's live favourites (migration V13)
            Map<String, Object> owners = Map.of("owner", owner, "favorite_owner", owner);
            return new Page<>(items, (Boolean.TRUE.equals(options.favorite()) ? FAVORITES : NOT_FAVORITES)
                    .fetch(dsl, owners));
        }
        // counted apart: a count in the page's statement would read every match before the page, which the
        // sorted index otherwise stops reading after (a label=Work page of 100,000 contacts took longer so)
        values.keySet().removeAll(List.of("skip", "limit"));
        return new Page<>(items, rendered(COUNTS, shape, ContactRepository::countQuery,
                (rows, dialect) -> rows.next() ? rows.getInt(1) : 0).fetch(dsl, values));
    }

    public Page<StoredContact> search(long owner, SearchCriteria criteria, ListOptions options, int skip, int limit) {
        if (criteria.matchesNothing() || options.matchesNothing()) {
            return new Page<>(List.of(), 0);
        }
        Map<String, Object> values = listingValues(owner, options, skip, limit);
        List<String> indexedWords = new ArrayList<>();
        Listing shape = searchShape(criteria, options, values, indexedWords);
        if (shape.trigrams() == Trigrams.NONE) {
            return searchPage(shape, values, skip);
        }
        boolean favoritesApart = favoritesApart(owner, shape, skip, limit);
        if (favoritesApart && Boolean.TRUE.equals(options.favorite())) {
            // the favourites read from their index, each tested on its own text, and sorted (the page counts them)
            return searchPage(shape.favoritesTested(indexedWords.size()),
                    favoriteTextValues(shape, values, indexedWords), skip);
        }
        // SQLite, some words found through the trigram index: counted first, from the index's matches (or, without
        // the mark, all of them less the few favourites'), unless remembered at the owner's book version; then the
        // page in the plan that count makes cheaper (none past the end)
        int total = total(searched(owner, criteria, options), owner, () -> favoritesApart
                ? notFavoriteCount(shape, values, indexedWords) : count(shape.counting(), values));
        if (total <= skip) {
            return new Page<>(List.of(), total);
        }
        Listing planned = plan(owner, shape, indexedWords.size(), total, skip, limit);
        if (planned.trigrams() == Trigrams.TEXT) {
            List<StoredContact> items = rendered(PAGES, planned, ContactRepository::pageQuery, null)
                    .fetch(dsl, textValues(shape, values, indexedWords, owner, total, skip, limit), this::pageRows)
                    .items();
            if (items.size() == Math.min(limit, total - skip)) {
                return new Page<>(items, total);
            }
            // the matches lie past the part of the order walked (they cluster there: a word of the sort key's
            // own name, say): walked again against the index's matches
            planned = shape.walking();
        }
        return new Page<>(rendered(PAGES, planned, ContactRepository::pageQuery, null)
                .fetch(dsl, values, this::pageRows).items(), total);
    }

    /**
     * A search's total: the one remembered for {@code searched} when the owner's book version is still the one it was
     * counted at (every write that can change it raises that version in its own transaction, on any instance or by
     * SQL: migrations V12, V16), else counted by {@code counting}, whose statement reads that version too (one
     * snapshot), and remembered. {@code searched} null: counted, not remembered.
     */
    private int total(ListAnchors.Searched searched, long owner, Supplier<ListAnchors.Counted> counting) {
        ListAnchors.Counted known = searched == null ? null : anchors.count(searched);
        if (known != null && known.version() == BOOK_VERSION.fetch(dsl, Map.of("owner", owner))) {
            return known.count();
        }
        ListAnchors.Counted counted = counting.get();
        if (searched != null && counted.version() >= 0) {
            anchors.putCount(searched, counted);
        }
        return counted.count();
    }

    /**
     * What a search's total is remembered as: a search by its query's words alone (a field's or a label's rows
     * changed by SQL raise no version), of at most {@link #KEPT_WORDS} words and {@link #REMEMBERED_QUERY}
     * characters; else null.
     */
    private static ListAnchors.Searched searched(long owner, SearchCriteria criteria, ListOptions options) {
        boolean wordsAlone = criteria.firstName() == null && criteria.lastName() == null && criteria.email() == null
                && options.label() == null;
        return wordsAlone && criteria.words().size() <= KEPT_WORDS
                && criteria.words().stream().mapToInt(String::length).sum() <= REMEMBERED_QUERY
                ? new ListAnchors.Searched(owner, criteria.words(), options.favorite()) : null;
    }

    /** The longest query (its words' characters) whose total is remembered: a bound on what the totals hold. */
    private static final int REMEMBERED_QUERY = 200;

    /**
     * The values of a page read by a walk that tests each contact's text ({@link Trigrams#TEXT}): the words the
     * trigram index would find become words tested on each contact (after the ones that already are), and the walk
     * ends at the entry {@link #TEXT_WALK_REACH} times as far into the sort key's index as the page's matches, spread
     * evenly, would take (the owner's last entry at most).
     */
    private Map<String, Object> textValues(Listing shape, Map<String, Object> values, List<String> indexedWords,
                                           long owner, int total, int skip, int limit) {
        Map<String, Object> walked = new HashMap<>(values);
        walked.remove("trigrams");
        for (int i = 0; i < indexedWords.size(); i++) {
            walked.put("word" + (shape.words() + i), indexedWords.get(i));
        }
        long live = LIVE_CONTACTS.fetch(dsl, Map.of("owner", owner));
        walked.put("bound_owner", owner);
        long reach = TEXT_WALK_REACH * walkedAmong(live, total, skip, limit);
        walked.put("bound", (int) Math.max(0, Math.min(live - 1, reach)));
        return walked;
    }

    /**
     * Whether a search by trigram words and the favourite mark alone (SQLite) reads the owner's few favourites apart,
     * each tested on its own text: as a list by the mark alone, when they are no more than a sort key's walk reads to
     * fill the page ({@link #fewFavorites}). Else each of the trigram index's matches is tested in the owner's id index
     * and its row read for the mark (16.6 ms a count for a word in 11,000 of 100,000 contacts, either mark).
     */
    private boolean favoritesApart(long owner, Listing shape, int skip, int limit) {
        return shape.favorite() && shape.trigrams() == Trigrams.FIRST && !shape.label() && shape.words() == 0
                && !shape.firstName() && !shape.lastName() && !shape.email()
                && fewFavorites(owner, FAVORITES.fetch(dsl, Map.of("owner", owner, "favorite_owner", owner)), skip,
                limit);
    }

    /** The values of {@link Listing#favoritesTested}: the trigram words become words tested on each favourite. */
    private static Map<String, Object> favoriteTextValues(Listing shape, Map<String, Object> values,
                                                          List<String> indexedWords) {
        Map<String, Object> tested = new HashMap<>(values);
        tested.keySet().removeAll(List.of("trigrams", "favorite"));
        for (int i = 0; i < indexedWords.size(); i++) {
            tested.put("word" + (shape.words() + i), indexedWords.get(i));
        }
        return tested;
    }

    /**
     * The total of a {@code favorite=false} search by trigram words alone over few favourites: the whole search's
     * count (the trigram index alone, for one user's book) less the favourites that match, each tested on its own
     * text, in one statement (one snapshot).
     */
    private ListAnchors.Counted notFavoriteCount(Listing shape, Map<String, Object> values,
                                                 List<String> indexedWords) {
        Map<String, Object> counted = notFavoriteValues(values, indexedWords);
        counted.put("version_owner", values.get("owner"));
        return rendered(NOT_FAVORITE_COUNTS, shape.counting().favoritesTested(indexedWords.size()),
                (dsl, favorites) -> atBookVersion(dsl, notFavoriteCountQuery(dsl, favorites)), COUNTED)
                .fetch(dsl, counted);
    }

    private static Map<String, Object> notFavoriteValues(Map<String, Object> values, List<String> indexedWords) {
        Map<String, Object> counted = new HashMap<>(values);
        counted.keySet().removeAll(List.of("skip", "limit", "favorite"));
        counted.put("owner_below", values.get("owner"));
        counted.put("owner_above", values.get("owner"));
        counted.put("all_trigrams", values.get("trigrams"));
        counted.put("favorite_owner", values.get("owner"));
        for (int i = 0; i < indexedWords.size(); i++) {
            counted.put("favorite_word" + i, indexedWords.get(i));
        }
        return counted;
    }

    /** The statement that counts a {@code favorite=false} search over few favourites, its values bound: for tests. */
    ResultQuery<?> notFavoriteCountStatement(long owner, SearchCriteria criteria) {
        ListOptions options = new ListOptions(ListOptions.Sort.ID, false, null, false);
        List<String> indexedWords = new ArrayList<>();
        Map<String, Object> values = listingValues(owner, options, 0, 1);
        Listing shape = searchShape(criteria, options, values, indexedWords);
        ResultQuery<?> statement = notFavoriteCountQuery(dsl, shape.counting().favoritesTested(indexedWords.size()));
        notFavoriteValues(values, indexedWords).forEach(statement::bind);
        return statement;
    }

    /**
     * A page at least {@link ListAnchors#SPACING} deep in a list (all the owner's live contacts, or those with one
     * favourite mark), read from the remembered place nearest before it: a seek of the sort key's index and fewer than
     * SPACING entries stepped over, instead of every entry before the page. The page's statement reads the owner's
     * version that the list is read at too ({@link #versionColumn}), and its rows are taken only when that is the
     * places' version: a write since (on any instance, or by SQL) that can change the list raised it. Places missing
     * are read first, each a step of SPACING entries from the one before, each step's statement reading the version
     * too. Reading them from the start costs about four times the walk of one
     * page (SQLite merging two ranges of the index at every step: docs/benchmarks.md, "Deep pages from remembered
     * places"), so a list is only remembered at a version (no places) by its first deep page, and its places are read
     * by the next deep page that finds the book still at that version: a book written between every two deep pages has
     * each read from its offset, as before, for one more read of its version. Null when no place serves: the caller
     * reads the page from its offset.
     */
    private List<StoredContact> fromPlaces(long owner, ListOptions options, Listing shape, int skip, int limit) {
        ListAnchors.Listed list = new ListAnchors.Listed(owner, shape.sort(), shape.descending(), options.favorite());
        int wanted = skip / ListAnchors.SPACING;
        ListAnchors.Places places = anchors.get(list);
        if (places == null) {
            anchors.put(list, new ListAnchors.Places(versionOf(shape.sort()).fetch(dsl, Map.of("owner", owner)),
                    List.of()));
            return null;
        }
        if (places.places().size() < wanted) {
            ListAnchors.Places read = readPlaces(list, places, known -> placesTo(list, shape, known, wanted));
            if (read == null) {
                return null; // another request reads them: this page from its offset meanwhile
            }
            if (read.version() != places.version()) {
                return null; // the book changed: remembered at its version now, the page read from its offset
            }
            if (read.places().size() < wanted) {
                // at that version the list ends before the last place wanted, so before the page
                return List.of();
            }
            places = read;
        }
        ListAnchors.Place from = places.places().get(wanted - 1);
        Map<String, Object> values = placedValues(list, shape, from, Database.isSqlite(dsl));
        values.put("skip", skip - wanted * ListAnchors.SPACING);
        values.put("limit", limit);
        PlacedPage page = rendered(PLACED_PAGES, shape, ContactRepository::placedPageQuery, null)
                .fetch(dsl, values, this::placedRows);
        if (page.items().isEmpty()) {
            return null; // past the list's end, or a version without rows to tell it: read from the offset
        }
        if (page.version() == places.version()) {
            return page.items();
        }
        anchors.put(list, new ListAnchors.Places(page.version(), List.of()));
        return null;
    }

    /**
     * The places of {@code list} read on from those {@code known} by {@code reader} and remembered, by one request at
     * a time ({@link ListAnchors#startReading}): null while another reads them. Those another request remembered at
     * the same version meanwhile are read on from.
     */
    private ListAnchors.Places readPlaces(ListAnchors.Ordered list, ListAnchors.Places known,
                                          UnaryOperator<ListAnchors.Places> reader) {
        if (!anchors.startReading(list)) {
            return null;
        }
        try {
            ListAnchors.Places now = anchors.get(list);
            ListAnchors.Places read = reader.apply(now != null && now.version() == known.version()
                    && now.places().size() > known.places().size() ? now : known);
            anchors.put(list, read);
            return read;
        } finally {
            anchors.doneReading(list);
        }
    }

    /**
     * The places of {@code list} up to the {@code wanted}th after those {@code known}, while every step reads their
     * version: fewer than wanted when the list ends before. When a step reads another version, none, at that version.
     */
    private ListAnchors.Places placesTo(ListAnchors.Listed list, Listing shape, ListAnchors.Places known, int wanted) {
        return stepOn(known, wanted, last -> {
            boolean after = last != null;
            Map<String, Object> values = after ? placedValues(list, shape, last, Database.isSqlite(dsl))
                    : listValues(list, shape, "");
            values.put("skip", ListAnchors.SPACING - 1);
            values.put("limit", 1);
            return rendered(after ? PLACE_STEPS_AFTER : PLACE_STEPS, shape,
                    after ? ContactRepository::placedStepQuery : ContactRepository::firstStepQuery,
                    (rows, dialect) -> step(rows, dialect, shape.sort())).fetch(dsl, values);
        });
    }

    /**
     * The places {@code known}, read on up to the {@code wanted}th: {@code next} takes a step of
     * {@link ListAnchors#SPACING} entries after the last place (from the start when given null). Fewer than wanted
     * when the entries end before; none, at the version read, when a step reads another version than known's.
     */
    private static ListAnchors.Places stepOn(ListAnchors.Places known, int wanted,
                                             Function<ListAnchors.Place, Step> next) {
        List<ListAnchors.Place> read = new ArrayList<>(known.places());
        while (read.size() < wanted) {
            Step step = next.apply(read.isEmpty() ? null : read.getLast());
            if (step.version() != known.version()) {
                return new ListAnchors.Places(step.version(), List.of());
            }
            if (step.place() == null) {
                break;
            }
            read.add(step.place());
        }
        return new ListAnchors.Places(known.version(), read);
    }

    /**
     * The values of a statement that reads a list after {@code place}: its owner, filter and the place (on SQLite
     * for two ranges: see {@link #placedIds}).
     */
    private static Map<String, Object> placedValues(ListAnchors.Listed list, Listing shape,
                                                    ListAnchors.Place place, boolean sqlite) {
        Map<String, Object> values = listValues(list, shape, "");
        values.put("after_id", place.id());
        if (shape.sort() != ListOptions.Sort.ID) {
            values.put("after_key", place.key());
        }
        if (shape.sort() != ListOptions.Sort.ID && sqlite) {
            values.putAll(listValues(list, shape, "later_"));
            values.remove("later_version_owner");
            values.put("later_key", place.key());
        }
        return values;
    }

    /** The owner (of the list and of its book version) and the favourite mark, their names prefixed. */
    private static Map<String, Object> listValues(ListAnchors.Listed list, Listing shape, String prefix) {
        Map<String, Object> values = new HashMap<>();
        values.put(prefix + "owner", list.owner());
        values.put(prefix + "version_owner", list.owner());
        if (shape.favorite()) {
            values.put(prefix + "favorite", list.favorite());
        }
        return values;
    }

    /** A step's book version, and the entry it reached (null: the list ends before it). */
    private record Step(long version, ListAnchors.Place place) {
    }

    /** A page read from a place, with the book version its statement read. */
    private record PlacedPage(List<StoredContact> items, long version) {
    }

    private static Step step(ResultSet rows, SQLDialect dialect, ListOptions.Sort sort) throws SQLException {
        if (!rows.next()) {
            return new Step(-1, null); // the account is gone (as BOOK_VERSION reads it): a list without contacts
        }
        long version = rows.getLong(1);
        long id = rows.getLong(2);
        if (rows.wasNull()) {
            return new Step(version, null);
        }
        return new Step(version, new ListAnchors.Place(sort == ListOptions.Sort.ID ? id : placeKey(rows, 3, dialect,
                sort), id));
    }

    /** A sort key as read from a row, to be bound again as it was read: text, or PostgreSQL's times. */
    private static Object placeKey(ResultSet rows, int column, SQLDialect dialect, ListOptions.Sort sort)
            throws SQLException {
        boolean time = sort == ListOptions.Sort.CREATED_AT || sort == ListOptions.Sort.UPDATED_AT;
        return time && dialect.family() == SQLDialect.POSTGRES ? rows.getObject(column, OffsetDateTime.class)
                : rows.getString(column);
    }

    private PlacedPage placedRows(ResultSet rows, SQLDialect dialect) throws SQLException {
        List<StoredContact> items = new ArrayList<>();
        long version = -1;
        while (rows.next()) {
            items.add(stored(rows, dialect));
            version = rows.getLong(CONTACT_COLUMNS.size() + 1);
        }
        return new PlacedPage(items, version);
    }

    /**
     * A list's page by a label alone: on SQLite its few contacts read first, else the sort key's index walked. A walk
     * tests each entry either against the list of every contact that carries the label, made first (20,000 of
     * 100,000 contacts: about 3.4 ms, then 0.2 µs an entry), or by a lookup in the label index (about 0.5 µs an
     * entry, nothing made first): the lookups when the walk reads at most half as many entries as the label has
     * contacts (a first page of a label on a fifth of 100,000 contacts: 0.3 ms instead of 4 ms; docs/benchmarks.md,
     * "label=Work").
     */
    private Listing labelPlan(long owner, Listing shape, int total, int skip, int limit) {
        if (!Database.isSqlite(dsl)) {
            return shape;
        }
        long walked = walked(owner, total, skip, limit);
        if (fewEnoughToSort(total, walked)) {
            return shape.fromLabel();
        }
        return walked * 2 <= total ? shape.probingLabel() : shape;
    }

    /**
     * Whether a page of the owner's {@code total} favourites (the mark alone, SQLite) reads them first from their
     * index and sorts them. A walk of the sort key's index reads each entry's row to test the mark, so either way
     * costs a row per contact read: the favourites first when they are no more than the entries a walk reads to fill
     * the page (a first page of 100 among 100,000 contacts: up to about 3,000 favourites).
     */
    private boolean fewFavorites(long owner, int total, int skip, int limit) {
        return total <= walked(owner, total, skip, limit);
    }

    /**
     * The statement of one step of {@code skip} entries along a list after {@code place} (as {@link #placesTo} reads
     * places), its values bound: for tests of its plan.
     */
    ResultQuery<?> placedStepStatement(long owner, ListOptions options, ListAnchors.Place place, int skip) {
        ListAnchors.Listed list = new ListAnchors.Listed(owner, options.sort(), options.descending(), options.favorite());
        Listing shape = new Listing(options.sort(), options.descending(), options.favorite() != null, false, false,
                Trigrams.NONE, 0, false, false, false, false, false, false);
        Map<String, Object> values = placedValues(list, shape, place, Database.isSqlite(dsl));
        values.put("skip", skip);
        values.put("limit", 1);
        ResultQuery<?> statement = placedStepQuery(dsl, shape);
        values.forEach(statement::bind);
        return statement;
    }

    /** The page statement of a list by the favourite mark alone, its values bound: for tests of its plan. */
    ResultQuery<?> favoriteListStatement(long owner, ListOptions options, int skip, int limit) {
        Map<String, Object> values = listingValues(owner, options, skip, limit);
        Listing shape = new Listing(options.sort(), options.descending(), true, false, false, Trigrams.NONE, 0, false,
                false, false, false, false, false);
        if (Boolean.TRUE.equals(options.favorite()) && fewFavorites(owner,
                FAVORITES.fetch(dsl, Map.of("owner", owner, "favorite_owner", owner)), skip, limit)) {
            shape = shape.fromFavorites();
            values.remove("favorite");
        }
        ResultQuery<?> statement = pageQuery(dsl, shape);
        values.forEach(statement::bind);
        return statement;
    }

    /** The page statement of a list by a label alone, its values bound: for tests that ask how it runs. */
    ResultQuery<?> labelListStatement(long owner, ListOptions options, int skip, int limit) {
        Map<String, Object> values = listingValues(owner, options, skip, limit);
        int total = list(owner, options, 0, 1).total();
        ResultQuery<?> statement = pageQuery(dsl, labelPlan(owner, new Listing(options.sort(), options.descending(),
                false, true, false, Trigrams.NONE, 0, false, false, false, false, false, false), total, skip, limit));
        values.forEach(statement::bind);
        return statement;
    }

    /** The page statement a search runs, its values bound: for tests that ask the database how it runs it. */
    ResultQuery<?> searchStatement(long owner, SearchCriteria criteria, ListOptions options, int skip, int limit) {
        Map<String, Object> values = listingValues(owner, options, skip, limit);
        List<String> indexedWords = new ArrayList<>();
        Listing shape = searchShape(criteria, options, values, indexedWords);
        boolean favoritesApart = shape.trigrams() != Trigrams.NONE && favoritesApart(owner, shape, skip, limit);
        if (favoritesApart && Boolean.TRUE.equals(options.favorite())) {
            values = favoriteTextValues(shape, values, indexedWords);
            shape = shape.favoritesTested(indexedWords.size());
        } else if (shape.trigrams() != Trigrams.NONE) {
            int total = (favoritesApart ? notFavoriteCount(shape, values, indexedWords)
                    : count(shape.counting(), values)).count();
            Listing planned = plan(owner, shape, indexedWords.size(), total, skip, limit);
            if (planned.trigrams() == Trigrams.TEXT) {
                values = textValues(shape, values, indexedWords, owner, total, skip, limit);
            }
            shape = planned;
        }
        ResultQuery<?> statement = pageQuery(dsl, shape);
        values.forEach(statement::bind);
        return statement;
    }

    /**
     * How a page of a search found through the trigram index is read, given its {@code total}. By id: in the index's
     * own order (it yields its matches by id), stopping when the page is full. By another key: either the matches
     * read first, each contact's row then, and sorted (a cost per match, so for few matches), or the key's index
     * walked in order, each entry tested against the matches, until the page is full (a cost per entry walked: about
     * a twenty-fifth of a row's, measured at 100,000 contacts; for common words), or, for the commonest words, walked
     * testing each entry's own text, nothing made first ({@link Trigrams#TEXT}). Matches spread evenly over the key's
     * order take (skip + limit) x live / total entries to fill the page; never more than the owner's live contacts.
     */
    private Listing plan(long owner, Listing shape, int indexedWords, int total, int skip, int limit) {
        if (shape.sort() == ListOptions.Sort.ID) {
            return shape;
        }
        long walked = walked(owner, total, skip, limit);
        if (fewEnoughToSort(total, walked)) {
            return shape;
        }
        // a walk against the index's matches makes them first (FTS5 finding each and keeping it: about 0.29 µs a
        // match at 100,000 contacts), then tests each entry (0.12 µs); a walk that tests each entry's text makes
        // nothing first but reads each entry's row (0.58 µs): the cheaper walk while it reads fewer entries than
        // about 5/8 of the matches (a first page of 100 among 100,000 contacts: a word in more than about 4,000)
        return walked * 8 < total * 5L ? shape.textWalking(indexedWords) : shape.walking();
    }

    /**
     * How much further than the estimate a walk that tests each entry's text goes before it gives up: matches spread
     * evenly fill the page well within twice that; matches clustered further on (a search for a last name, sorted by
     * last name) are then found against the index's matches, the text walk's entries wasted (at most about the cost
     * of making the matches: the walk is chosen only when it reads fewer entries than 5/8 of the matches).
     */
    private static final int TEXT_WALK_REACH = 2;

    /**
     * Whether reading a listing's {@code total} contacts (their rows) and sorting them costs less than walking the
     * sort key's index until the page is full ({@code walked} entries, each tested against them).
     */
    private static boolean fewEnoughToSort(int total, long walked) {
        return (long) total * ROW_PER_ENTRY <= walked;
    }

    /**
     * How many entries of the sort key's index a walk reads to fill a page, when the listing's {@code total} contacts
     * are spread evenly over the key's order; never more than the owner's live contacts.
     */
    private long walked(long owner, int total, int skip, int limit) {
        return walkedAmong(LIVE_CONTACTS.fetch(dsl, Map.of("owner", owner)), total, skip, limit);
    }

    private static long walkedAmong(long live, int total, int skip, int limit) {
        return Math.min(live, (long) (skip + limit) * live / Math.max(total, 1));
    }

    /** How many index entries a walk reads for the cost of one contact's row read and sorted (measured: about 25). */
    private static final int ROW_PER_ENTRY = 25;

    /**
     * How many contacts a search of {@code shape} holds in all, {@code values} without its page's skip and limit, and
     * the owner's book version, in one statement.
     */
    private ListAnchors.Counted count(Listing shape, Map<String, Object> values) {
        Map<String, Object> counted = new HashMap<>(values);
        counted.keySet().removeAll(List.of("skip", "limit"));
        if (shape.trigramsAlone()) {
            counted.put("owner_below", values.get("owner"));
            counted.put("owner_above", values.get("owner"));
            counted.put("all_trigrams", values.get("trigrams"));
        }
        counted.put("version_owner", values.get("owner"));
        return rendered(SEARCH_COUNTS, shape, (dsl, counting) -> atBookVersion(dsl, countQuery(dsl, counting)),
                COUNTED).fetch(dsl, counted);
    }

    /** The owner's book version and {@code count}'s one value, in one statement; no row when the account is gone. */
    @SuppressWarnings("unchecked")
    private static ResultQuery<?> atBookVersion(DSLContext dsl, ResultQuery<?> count) {
        return dsl.select(USERS.BOOK_VERSION, DSL.field((Select<Record1<Integer>>) count)).from(USERS)
                .where(USERS.ID.eq(DSL.param("version_owner", Long.class)));
    }

    /** A version and a count, as {@link #atBookVersion} or {@link #BIRTHDAY_COUNT_AT} read them (none: -1, 0). */
    private static final RenderedQuery.Rows<ListAnchors.Counted> COUNTED = (rows, dialect) -> rows.next()
            ? new ListAnchors.Counted(rows.getLong(1), rows.getInt(2)) : new ListAnchors.Counted(-1, 0);

    /**
     * The shape of a search; its words and fields go to {@code values}, and the words found through the trigram index
     * to {@code indexedWords} as well (as they are, for a walk that tests them on each contact's text).
     */
    private Listing searchShape(SearchCriteria criteria, ListOptions options, Map<String, Object> values,
                                List<String> indexedWords) {
        // every word a literal substring of one field: on SQLite, words of a trigram or more are found through the
        // trigram index (one phrase each, all of them required); the shorter ones are tested on each contact
        List<String> indexed = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        for (String word : criteria.words()) {
            int length = word.codePointCount(0, word.length());
            if (!Database.isSqlite(dsl) || length < TRIGRAM - 1) {
                scanned.add(word);
            } else if (length >= TRIGRAM) {
                indexed.add(phrase(word));
                indexedWords.add(word);
            } else {
                // two characters: the trigrams that begin with them, one of which each text holding them has
                Optional<String> any = anyTrigramOf(word);
                (any.isPresent() ? indexed : scanned).add(any.orElse(word));
                if (any.isPresent()) {
                    indexedWords.add(word);
                }
            }
        }
        if (!indexed.isEmpty()) {
            // AND written out: FTS5 takes no implicit AND beside a parenthesized OR
            values.put("trigrams", String.join(" AND ", indexed));
        }
        for (int i = 0; i < scanned.size(); i++) {
            values.put("word" + i, needle(scanned.get(i)));
        }
        if (criteria.firstName() != null) {
            values.put("first_name", needle(criteria.firstName()));
        }
        if (criteria.lastName() != null) {
            values.put("last_name", needle(criteria.lastName()));
        }
        if (criteria.email() != null) {
            values.put("email", needle(criteria.email()));
        }
        return new Listing(options.sort(), options.descending(), options.favorite() != null, options.label() != null,
                true, indexed.isEmpty() ? Trigrams.NONE : Trigrams.FIRST, scanned.size(), criteria.firstName() != null,
                criteria.lastName() != null, criteria.email() != null, false, false, false);
    }

    /**
     * An FTS5 query matching the texts that hold the two-character {@code word}: any of the index's trigrams that
     * begin with it (the index holds each text followed by a line end, so every occurrence of the word begins one:
     * migration V10). No trigram: the word's own phrase, which FTS5 finds in no text, as the word is in none. Empty
     * past {@link #MOST_TRIGRAMS} (a bound on the query's size; such a word is tested on each contact, as before).
     */
    private Optional<String> anyTrigramOf(String word) {
        List<String> trigrams = TRIGRAMS_BEGINNING.fetch(dsl, Map.of("from", word,
                "to", word + Character.toString(Character.MAX_CODE_POINT)));
        if (trigrams.size() > MOST_TRIGRAMS) {
            return Optional.empty();
        }
        if (trigrams.isEmpty()) {
            return Optional.of(phrase(word));
        }
        return Optional.of("(" + String.join(" OR ", trigrams.stream().map(ContactRepository::phrase).toList()) + ")");
    }

    /**
     * An FTS5 phrase of {@code word}'s text: its trigrams at consecutive positions, which is {@code word} itself as
     * a substring. Inside the quotes every character is literal; a quote is doubled.
     */
    private static String phrase(String word) {
        return '"' + word.replace("\"", "\"\"") + '"';
    }

    /**
     * How many live contacts of the owner have their next birthday in each run of a window
     * ({@link BirthdayCalendar#window}): the total, and where in the runs a page starts. Each run is counted from
     * the birthday index.
     */
    public CountedBirthdays countBirthdays(long owner, List<BirthdayCalendar.MonthDays> window) {
        // a run counted before at the owner's order version now holds as many: every write that could change that
        // count (a live contact added, removed, trashed, restored, its birthday or owner changed) raises the version
        long version = ORDER_VERSION.fetch(dsl, Map.of("owner", owner));
        List<Integer> counts = new ArrayList<>();
        for (BirthdayCalendar.MonthDays run : window) {
            ListAnchors.BirthdayRun counted = new ListAnchors.BirthdayRun(owner, run.from(), run.to());
            counts.add(anchors.count(counted, version, () -> BIRTHDAY_COUNT_AT.fetch(dsl, Map.of(
                    "version_owner", owner, "owner", owner, "from", run.from(), "to", run.to()))).count());
        }
        return new CountedBirthdays(window, List.copyOf(counts));
    }

    /** The runs of a birthday window with how many of the owner's live contacts each holds. */
    public record CountedBirthdays(List<BirthdayCalendar.MonthDays> runs, List<Integer> counts) {

        public int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Where the rest of a birthday page begins: in run {@code run} of the window, {@code skip} contacts into it (the
     * page's own skip, in its first part only), or after the contact {@code after} (the last one written, null at the
     * start of a run); {@code left} contacts are still to come.
     */
    public record BirthdayCursor(int run, int skip, int left, BirthdayKey after) {

        /** The start of the page {@code skip} contacts into the window, {@code limit} long. */
        public static BirthdayCursor page(int skip, int limit) {
            return new BirthdayCursor(0, skip, limit, null);
        }
    }

    /** A contact's place in its run's order: its month-day (none in a run of one day), name keys, and id. */
    public record BirthdayKey(List<String> keys, long id) {
    }

    /** Some contacts of a birthday page, in order, and where the rest begins (empty when the page is done). */
    public record BirthdayPart(List<StoredContact> rows, Optional<BirthdayCursor> next) {
    }

    /**
     * The live contacts with their next birthday in the window, nearest first (then last name, first name, id):
     * at most {@code most} of the page that {@code from} continues, or more of it when all are rows this instance
     * remembers (held anyway: {@link #birthdayPart}). Each run of the window is read in order from the
     * birthday index, from the run the page starts in (by the counts); nothing is sorted but one day's names when 28
     * and 29 February share a day. A page is read in parts, each in a database call of its own, so that its JSON is
     * written between them, on no database thread. A part goes on after the last contact of the one before by its
     * key (keyset), not by an offset: a contact there throughout is neither repeated nor skipped when others are
     * added or removed between the parts.
     */
    public BirthdayPart birthdays(long owner, CountedBirthdays window, BirthdayCursor from, int most) {
        List<StoredContact> rows = new ArrayList<>(Math.min(most, from.left()));
        int run = from.run();
        int skip = from.skip();
        int left = from.left();
        BirthdayKey after = from.after();
        while (run < window.runs().size() && left > 0 && rows.size() < most) {
            if (after == null && skip >= window.counts().get(run)) {
                skip -= window.counts().get(run);
                run++;
                continue;
            }
            BirthdayCalendar.MonthDays days = window.runs().get(run);
            if (after == null && skip >= ListAnchors.SPACING && !days.sameDay()) {
                // deep in a run: the page goes on after the entry just before it, found from a remembered place
                BirthdayKey before = placedInRun(new ListAnchors.BirthdayRun(owner, days.from(), days.to()), skip);
                if (before != null) {
                    after = before;
                    skip = 0;
                }
            }
            int wanted = Math.min(left, most - rows.size());
            Map<String, Object> values = new HashMap<>(Map.of("owner", owner, "from", days.from(), "to", days.to(),
                    "limit", wanted));
            if (after == null) {
                values.put("skip", skip);
            } else {
                for (int i = 0; i < after.keys().size(); i++) {
                    values.put("after" + i, after.keys().get(i));
                }
                values.put("after_id", after.id());
                if (!days.sameDay()) {
                    values.remove("from"); // the place reached is where the rest of the run begins
                }
            }
            PartRows part = birthdayPart(owner, days.sameDay(), after == null, values, wanted, left);
            rows.addAll(part.rows());
            left -= part.rows().size();
            skip = 0;
            if (part.last() == null) {
                run++;
                after = null;
            } else {
                after = part.last();
            }
        }
        boolean done = left == 0 || run == window.runs().size();
        return new BirthdayPart(rows, done ? Optional.empty() : Optional.of(new BirthdayCursor(run, 0, left, after)));
    }

    /**
     * The key of the entry at position {@code skip} (counted from 1) of a run of month-days, found from the place
     * remembered nearest before it, in a statement that reads the owner's order version too: null when no place
     * serves (none remembered yet at that version, or a write since), and the caller reads the run from its offset.
     * As for a sorted list ({@link #fromPlaces}), the first deep page of a run only remembers the version, and the
     * next one at that version reads the places (each a step of {@link ListAnchors#SPACING} entries from the last).
     */
    private BirthdayKey placedInRun(ListAnchors.BirthdayRun run, int skip) {
        int wanted = skip / ListAnchors.SPACING;
        ListAnchors.Places places = anchors.get(run);
        if (places == null) {
            anchors.put(run, new ListAnchors.Places(ORDER_VERSION.fetch(dsl, Map.of("owner", run.owner())),
                    List.of()));
            return null;
        }
        if (places.places().size() < wanted) {
            ListAnchors.Places read = readPlaces(run, places, known -> birthdayPlacesTo(run, known, wanted));
            if (read == null) {
                return null; // another request reads them: this one from its offset meanwhile
            }
            if (read.version() != places.version() || read.places().size() < wanted) {
                return null; // the book changed, or at that version the run ends before the page
            }
            places = read;
        }
        ListAnchors.Place from = places.places().get(wanted - 1);
        int further = skip - wanted * ListAnchors.SPACING;
        Step step;
        if (further == 0) {
            step = new Step(ORDER_VERSION.fetch(dsl, Map.of("owner", run.owner())), from);
        } else {
            step = BIRTHDAY_STEP_AFTER.fetch(dsl, birthdayStepValues(run, from, further - 1));
        }
        if (step.version() != places.version()) {
            anchors.put(run, new ListAnchors.Places(step.version(), List.of()));
            return null;
        }
        if (step.place() == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) step.place().key();
        return new BirthdayKey(keys, step.place().id());
    }

    /** As {@link #placesTo}, for a run of month-days. */
    private ListAnchors.Places birthdayPlacesTo(ListAnchors.BirthdayRun run, ListAnchors.Places known, int wanted) {
        return stepOn(known, wanted, last -> last == null
                ? BIRTHDAY_STEP.fetch(dsl, Map.of("version_owner", run.owner(), "owner", run.owner(),
                        "from", run.from(), "to", run.to(), "skip", ListAnchors.SPACING - 1, "limit", 1))
                : BIRTHDAY_STEP_AFTER.fetch(dsl, birthdayStepValues(run, last, ListAnchors.SPACING - 1)));
    }

    /** The values of a step of {@code skip} entries in a run after {@code place}. */
    private static Map<String, Object> birthdayStepValues(ListAnchors.BirthdayRun run, ListAnchors.Place place,
                                                         int skip) {
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) place.key();
        Map<String, Object> values = new HashMap<>();
        values.put("version_owner", run.owner());
        values.put("owner", run.owner());
        values.put("to", run.to());
        for (int i = 0; i < keys.size(); i++) {
            values.put("after" + i, keys.get(i));
        }
        values.put("after_id", place.id());
        values.put("skip", skip);
        values.put("limit", 1);
        return values;
    }

    /** A step along a run: the owner's order version, and the entry reached (its keys and id), none past its end. */
    private static Step birthdayStep(ResultSet rows, SQLDialect dialect) throws SQLException {
        if (!rows.next()) {
            return new Step(-1, null); // the account is gone
        }
        long version = rows.getLong(1);
        long id = rows.getLong(2);
        if (rows.wasNull()) {
            return new Step(version, null);
        }
        return new Step(version, new ListAnchors.Place(keyStrings(rows, 3, 3), id));
    }

    /**
     * A part's rows in order, and the key of the last when the part was read to its limit (else null: the run ends
     * with them).
     */
    private record PartRows(List<StoredContact> rows, BirthdayKey last) {
    }

    /**
     * At most {@code wanted} contacts of one run from its place in {@code values}. Their ids, versions and keys come
     * from the birthday index alone (migration V11); a row remembered with that id and version is the database's row
     * (every change raises the version), so only the others are read from the table, each by id, and each must still
     * have the version the index gave: a row changed between the two statements, or a part mostly not remembered,
     * is read instead as before, rows and keys in one statement (one snapshot). The table's seek and columns of each
     * row were most of SQLite's part of a birthday page (docs/benchmarks.md, "Birthday pages from the index alone").
     * <p>
     * When the first {@code wanted} are all remembered, the part goes on to {@code reach} contacts (the rest of the
     * page) in the same statement if those are all remembered too: rows held anyway, so a page of 1,000 asked again
     * is one statement and one database call, not five (each statement's start was as much of SQLite's time as its
     * 200 steps).
     */
    private PartRows birthdayPart(long owner, boolean sameDay, boolean fromOffset, Map<String, Object> values,
                                  int wanted, int reach) {
        int keys = sameDay ? 2 : 3;
        RenderedQuery<Integer> joined;
        RenderedQuery<Integer> indexed;
        if (fromOffset) {
            joined = sameDay ? BIRTHDAYS_BY_NAME : BIRTHDAYS_BY_DAY;
            indexed = sameDay ? BIRTHDAY_IDS_BY_NAME : BIRTHDAY_IDS_BY_DAY;
        } else {
            joined = sameDay ? BIRTHDAYS_BY_NAME_AFTER : BIRTHDAYS_BY_DAY_AFTER;
            indexed = sameDay ? BIRTHDAY_IDS_BY_NAME_AFTER : BIRTHDAY_IDS_BY_DAY_AFTER;
        }
        List<Long> ids = new ArrayList<>(wanted);
        List<Long> versions = new ArrayList<>(wanted);
        List<StoredContact> rows = new ArrayList<>(wanted);
        BirthdayKey[] last = new BirthdayKey[1];
        values.put("limit", reach);
        int[] unknown = new int[2];
        indexed.fetch(dsl, values, (result, dialect) -> {
            while (result.next()) {
                long id = result.getLong(1);
                long version = result.getLong(2 + keys);
                StoredContact known = json.known(id, version);
                int at = ids.size();
                if (at >= wanted && (unknown[0] > 0 || known == null)) {
                    unknown[1]++; // past the part, something not remembered: the part is the first wanted
                    break;
                }
                ids.add(id);
                versions.add(version);
                rows.add(known);
                unknown[0] += known == null ? 1 : 0;
                if (at == wanted - 1) {
                    last[0] = new BirthdayKey(keyStrings(result, 2, keys), id);
                }
            }
            return ids.size();
        });
        values.put("limit", wanted);
        if (ids.size() > wanted) {
            if (unknown[1] == 0) {
                // every contact up to the reach (the rest of the page) remembered: the part is all of them, and
                // nothing of this run is read after it
                return new PartRows(rows, null);
            }
            ids.subList(wanted, ids.size()).clear();
            versions.subList(wanted, versions.size()).clear();
            rows.subList(wanted, rows.size()).clear();
        }
        if (ids.size() < wanted) {
            last[0] = null; // the run ends within the part
        }
        int missing = unknown[0];
        if (missing * MISSING_READ_ALONE <= ids.size()) {
            for (int i = 0; i < rows.size() && missing > 0; i++) {
                if (rows.get(i) == null) {
                    Optional<StoredContact> row = findStored(owner, ids.get(i));
                    if (row.isEmpty() || row.get().version() != versions.get(i)) {
                        break; // changed meanwhile
                    }
                    rows.set(i, row.get());
                    missing--;
                }
            }
            if (missing == 0) {
                return new PartRows(rows, last[0]);
            }
        }
        List<StoredContact> read = new ArrayList<>(wanted);
        last[0] = null;
        joined.fetch(dsl, values, (result, dialect) -> {
            while (result.next()) {
                StoredContact row = stored(result, dialect);
                read.add(row);
                if (read.size() == wanted) {
                    last[0] = new BirthdayKey(keyStrings(result, CONTACT_COLUMNS.size() + 1, keys), row.id());
                }
            }
            return read.size();
        });
        return new PartRows(read, last[0]);
    }

    /** {@code keys} text columns from {@code first} on. */
    private static List<String> keyStrings(ResultSet result, int first, int keys) throws SQLException {
        List<String> key = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            key.add(result.getString(first + i));
        }
        return List.copyOf(key);
    }

    /** The page {@code skip} contacts into the window read whole (one part), each contact to {@code each}: for tests. */
    void birthdays(long owner, CountedBirthdays window, int skip, int limit, Consumer<StoredContact> each) {
        Optional<BirthdayCursor> next = Optional.of(BirthdayCursor.page(skip, limit));
        while (next.isPresent()) {
            BirthdayPart part = birthdays(owner, window, next.get(), limit);
            part.rows().forEach(each);
            next = part.next();
        }
    }

    public Optional<Contact> find(long owner, long id) {
        return findStored(owner, id).map(StoredContact::contact);
    }

    /** The owner's live contact {@code id} as stored: what is sent as its JSON ({@link ContactJson}). */
    Optional<StoredContact> findStored(long owner, long id) {
        return FIND.fetch(dsl, Map.of("owner", owner, "id", id),
                (rows, dialect) -> rows.next() ? Optional.of(stored(rows, dialect)) : Optional.empty());
    }

    /** The rows read before with the JSON they are sent as: what the service sends contacts with. */
    ContactJson json() {
        return json;
    }

    /** The owner's live contacts among {@code ids}, by id. */
    public Map<Long, Contact> findAll(long owner, Collection<Long> ids) {
        Map<Long, Contact> found = new HashMap<>();
        for (List<Long> chunk : inChunks(ids)) {
            dsl.selectFrom(CONTACTS).where(live(owner).and(CONTACTS.ID.in(chunk)))
                    .forEach(r -> found.put(r.getId(), toContact(r)));
        }
        return found;
    }

    /**
     * {@code values} in lists short enough for one IN: SQLite takes at most 32,766 bound values in a statement,
     * and an owner may have more contacts than that with one name.
     */
    public static <T> List<List<T>> inChunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST_MAX) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIST_MAX)));
        }
        return chunks;
    }

    /**
     * Stores a new contact; {@link Refusal.ContactLimitReached} when the owner holds the most contacts allowed. On
     * SQLite it is committed with the creates queued beside it ({@link GroupCommit}), each checked and inserted in
     * a savepoint of its own, so a refused one stores nothing and the others go on.
     */
    public Contact create(long owner, ContactDraft draft) {
        if (creates == null) {
            return createAll(owner, List.of(draft)).get(0);
        }
        List<NewRow> row = newRows(owner, List.of(draft));
        return creates.run(t -> {
            requireRoom(t, owner, 1);
            return insertAll(t, owner, row).get(0);
        });
    }

    /**
     * Stores new contacts in one transaction (a batch of an import: one commit for many rows); {@link Refusal.ContactLimitReached}
     * when they do not all fit, and then none is stored.
     */
    public List<Contact> createAll(long owner, List<ContactDraft> drafts) {
        // worked out before the transaction: on SQLite every other writer waits while it runs
        List<NewRow> rows = newRows(owner, drafts);
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            requireRoom(t, owner, drafts.size());
            return insertAll(t, owner, rows);
        });
    }

    /** The creates' group commit (SQLite), for tests that make a group form; empty on PostgreSQL. */
    Optional<GroupCommit> createGroups() {
        return Optional.ofNullable(creates);
    }

    /** How many more contacts the owner may hold now. */
    public int room(long owner) {
        return Math.max(0, maxPerOwner - LIVE_CONTACTS.fetch(dsl, Map.of("owner", owner)));
    }

    /** This repository working inside the transaction {@code tx} belongs to: several calls, one commit. */
    public ContactRepository within(DSLContext tx) {
        return new ContactRepository(tx, clock, maxPerOwner, null, anchors);
    }

    /** The owner's live contacts with an id above {@code afterId}, in id order: the pages of an export. */
    public List<Contact> liveAfter(long owner, long afterId, int limit) {
        return dsl.selectFrom(CONTACTS).where(live(owner).and(CONTACTS.ID.gt(afterId))).orderBy(CONTACTS.ID)
                .limit(limit).fetch(ContactRepository::toContact);
    }

    /** A new contact as the insert binds it (JDBC values of {@link #INSERTED_COLUMNS}), made at {@code at}. */
    private record NewRow(ContactDraft draft, Instant at, Object[] values) {
    }

    /** The rows of new contacts: their keys, JSON and times worked out, as the insert binds them. */
    private List<NewRow> newRows(long owner, List<ContactDraft> drafts) {
        Instant now = now();
        List<NewRow> rows = new ArrayList<>(drafts.size());
        for (ContactDraft draft : drafts) {
            ContactsRecord row = dsl.newRecord(CONTACTS);
            row.setUserId(owner);
            row.setCreatedAt(now);
            row.setUpdatedAt(now);
            row.setHasPhoto(false);
            row.setRowVersion(0L);
            // given here, as V4's trigger would give it: on SQLite that trigger updated the new row, which also
            // raised its version (V8), two more writes of the row and its indexes in every create
            row.setUid("urn:uuid:" + UUID.randomUUID());
            fill(row, draft);
            Object[] values = new Object[INSERTED_COLUMNS.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = SqlTimes.jdbcValue(dsl.dialect(), row.get(INSERTED_COLUMNS.get(i)));
            }
            rows.add(new NewRow(draft, now, values));
        }
        return rows;
    }

    /**
     * Inserts new contacts with one statement prepared once and executed for each, and their labels in one
     * batch. jOOQ renders the statement (once per repository); JDBC runs it, because rendering a statement per
     * contact (or binding through jOOQ, which walks the whole query per value) took most of an import's time. The
     * contacts answered are the drafts as stored.
     */
    private List<Contact> insertAll(DSLContext t, long owner, List<NewRow> rows) {
        if (insertSql == null) {
            // the same text whichever thread renders it first. The new id comes back from RETURNING (both databases
            // have it; jOOQ would emulate it on SQLite), not as a generated key: sqlite-jdbc runs a statement of its
            // own for that after each insert
            insertSql = t.insertInto(CONTACTS, INSERTED_COLUMNS)
                    .values(INSERTED_COLUMNS.stream().map(column -> DSL.val(null, column)).toList()).getSQL()
                    + " returning " + t.render(DSL.name(CONTACTS.ID.getName()));
        }
        List<Contact> created = new ArrayList<>(rows.size());
        List<Object[]> labels = new ArrayList<>();
        t.connection(connection -> {
            // kept open on the connection: preparing it compiled the table's triggers into it every time, a seventh
            // of a create's CPU (docs/benchmarks.md, "Creates: where a create's CPU goes")
            PreparedStatement insert = RenderedQuery.keptOpen(connection, insertSql);
            for (NewRow row : rows) {
                for (int i = 0; i < row.values().length; i++) {
                    insert.setObject(i + 1, row.values()[i]);
                }
                long id;
                try (ResultSet key = insert.executeQuery()) {
                    if (!key.next()) {
                        throw new IllegalStateException("the database gave no id to a new contact");
                    }
                    id = key.getLong(1);
                }
                for (String label : row.draft().labels()) {
                    labels.add(new Object[] {id, owner, label, ContactKeys.fold(label)});
                }
                created.add(new Contact(id, row.draft(), false, row.at(), row.at()));
            }
        });
        if (!labels.isEmpty()) {
            var batch = t.batch(t.insertInto(CONTACT_LABELS, CONTACT_LABELS.CONTACT_ID, CONTACT_LABELS.USER_ID,
                    CONTACT_LABELS.NAME, CONTACT_LABELS.NAME_FOLDED).values((Long) null, null, null, null)
                    .onConflictDoNothing());
            for (Object[] label : labels) {
                batch = batch.bind(label);
            }
            batch.execute();
        }
        return created;
    }

    /**
     * Changes a live contact with {@code change(current draft)} in one transaction, so two concurrent partial
     * updates never undo each other's fields. {@code precondition} sees the current contact first (to refuse a
     * stale write); either may throw to refuse, and nothing is written then.
     */
    public Optional<Contact> update(long owner, long id, Consumer<Contact> precondition,
                                    UnaryOperator<ContactDraft> change) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            // the owner first: the change of a sort key or the time raises the owner's book version (V12)
            lockOwner(t, owner);
            ContactsRecord record = Database.lockingRows(t.selectFrom(CONTACTS)
                    .where(live(owner).and(CONTACTS.ID.eq(id)))).fetchOne();
            if (record == null) {
                return Optional.empty();
            }
            Contact current = toContact(record);
            precondition.accept(current);
            ContactDraft changed = change.apply(current.toDraft());
            fill(record, changed);
            record.setUpdatedAt(now());
            // raised in the same UPDATE, so V8's trigger has nothing to do: on SQLite it wrote the row once more
            record.setRowVersion(record.getRowVersion() + 1);
            record.store();
            storeLabels(t, owner, id, changed.labels());
            return Optional.of(toContact(record));
        });
    }

    /**
     * Changes the labels of several of the owner's live contacts in one transaction: those carrying the label whose
     * folded form is {@code folded} (as {@code label=} and the counts match it), or, with {@code folded} null, those
     * among {@code ids}. {@code change} gets each one's labels and gives the new list (normalised after, so labels
     * that now differ only in case merge); it may throw to refuse, and then nothing is written. The contacts changed,
     * in id order, each with its labels as they were (so a removal can say where the label stood); a contact whose
     * labels stay the same is not written.
     */
    public Map<Long, List<String>> relabel(long owner, String folded, Collection<Long> ids,
                                           BiFunction<Long, List<String>, List<String>> change) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            lockOwner(t, owner);
            Condition which = folded != null
                    ? CONTACTS.ID.in(DSL.select(CONTACT_LABELS.CONTACT_ID).from(CONTACT_LABELS)
                            .where(CONTACT_LABELS.USER_ID.eq(owner).and(CONTACT_LABELS.NAME_FOLDED.eq(folded))))
                    : CONTACTS.ID.in(ids);
            List<ContactsRecord> records = Database.lockingRows(t.selectFrom(CONTACTS)
                    .where(live(owner).and(which)).orderBy(CONTACTS.ID)).fetch();
            Instant now = now();
            Map<Long, List<String>> changed = new LinkedHashMap<>();
            for (ContactsRecord record : records) {
                ContactDraft draft = toContact(record).toDraft();
                // only the labels normalised: the rest of the contact is written back exactly as it was read
                ContactDraft relabelled = draft.withLabels(
                        draft.withLabels(change.apply(record.getId(), draft.labels())).normalized().labels());
                if (relabelled.labels().equals(draft.labels())) {
                    continue;
                }
                fill(record, relabelled);
                record.setUpdatedAt(now);
                record.store();
                storeLabels(t, owner, record.getId(), relabelled.labels());
                changed.put(record.getId(), draft.labels());
            }
            return changed;
        });
    }

    /** Moves a live contact to the trash; false when there is none. */
    public boolean trash(long owner, long id, Consumer<Contact> precondition) {
        return dsl.transactionResult(tx -> {
            // the owner first, as every writer of an owner's count does (its trigger updates the owner's row)
            lockOwner(tx.dsl(), owner);
            ContactsRecord record = Database.lockingRows(tx.dsl().selectFrom(CONTACTS)
                    .where(live(owner).and(CONTACTS.ID.eq(id)))).fetchOne();
            if (record == null) {
                return false;
            }
            precondition.accept(toContact(record));
            record.setDeletedAt(now());
            record.store();
            return true;
        });
    }

    /** Moves the owner's live contacts among {@code ids} to the trash in one transaction; the ids moved. */
    public List<Long> trashAll(long owner, Collection<Long> ids) {
        return dsl.transactionResult(tx -> {
            lockOwner(tx.dsl(), owner);
            List<Long> moved = tx.dsl().select(CONTACTS.ID).from(CONTACTS)
                    .where(live(owner).and(CONTACTS.ID.in(ids))).orderBy(CONTACTS.ID).fetch(CONTACTS.ID);
            tx.dsl().update(CONTACTS).set(CONTACTS.DELETED_AT, now()).where(CONTACTS.ID.in(moved)).execute();
            return moved;
        });
    }

    /** The owner's trash, newest deletion first; entries past {@link #TRASH_KEPT} are gone already. */
    public Page<TrashedContact> trashed(long owner, int skip, int limit) {
        Condition condition = inTrash(owner);
        int total = dsl.fetchCount(CONTACTS, condition);
        List<TrashedContact> items = dsl.selectFrom(CONTACTS).where(condition)
                .orderBy(CONTACTS.DELETED_AT.desc(), CONTACTS.ID.desc())
                .limit(limit).offset(skip)
                .fetch(r -> new TrashedContact(toContact(r), r.getDeletedAt()));
        return new Page<>(items, total);
    }

    /** Brings a trashed contact back with its id and every field; empty when it is not in the trash. */
    public Optional<Contact> restore(long owner, long id) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            lockOwner(t, owner);
            ContactsRecord record = Database.lockingRows(t.selectFrom(CONTACTS)
                    .where(inTrash(owner).and(CONTACTS.ID.eq(id)))).fetchOne();
            if (record == null) {
                return Optional.empty();
            }
            requireRoom(t, owner, 1);
            record.setDeletedAt(null);
            record.store();
            return Optional.of(toContact(record));
        });
    }

    /**
     * Brings the owner's trashed contacts among {@code ids} back, with their ids and every field, in one
     * transaction; the ids restored. {@link Refusal.ContactLimitReached} when they would not all fit, and then none
     * is restored.
     */
    public List<Long> restoreAll(long owner, Collection<Long> ids) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            lockOwner(t, owner);
            List<Long> found = t.select(CONTACTS.ID).from(CONTACTS).where(inTrash(owner).and(CONTACTS.ID.in(ids)))
                    .orderBy(CONTACTS.ID).fetch(CONTACTS.ID);
            requireRoom(t, owner, found.size());
            t.update(CONTACTS).setNull(CONTACTS.DELETED_AT).where(CONTACTS.ID.in(found)).execute();
            return found;
        });
    }

    /** Deletes one trashed contact for good; false when it is not in the trash. */
    public boolean purge(long owner, long id) {
        return dsl.transactionResult(tx -> {
            lockOwner(tx.dsl(), owner);
            return raisingBookVersion(tx.dsl(), owner,
                    tx.dsl().deleteFrom(CONTACTS).where(inTrash(owner).and(CONTACTS.ID.eq(id))).execute()) > 0;
        });
    }

    /** Empties the owner's trash; the number of contacts deleted for good. */
    public int emptyTrash(long owner) {
        return dsl.transactionResult(tx -> {
            lockOwner(tx.dsl(), owner);
            return raisingBookVersion(tx.dsl(), owner, tx.dsl().deleteFrom(CONTACTS)
                    .where(CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNotNull())).execute());
        });
    }

    /**
     * Raises the owner's book version when {@code deleted} trashed contacts went for good: the triggers (V12, V15)
     * raise it for live contacts only, and another window's open trash must follow too. Not the order version: no
     * live list changed.
     */
    private static int raisingBookVersion(DSLContext t, long owner, int deleted) {
        if (deleted > 0) {
            t.update(USERS).set(USERS.BOOK_VERSION, USERS.BOOK_VERSION.plus(1)).where(USERS.ID.eq(owner)).execute();
        }
        return deleted;
    }

    /**
     * Deletes, for every owner, what has been in the trash longer than {@link #TRASH_KEPT}. It keeps the book
     * versions: the trash lists hide these entries already ({@link #trashed}), so no list changes.
     */
    public int pruneTrash(Instant now) {
        return dsl.deleteFrom(CONTACTS).where(CONTACTS.DELETED_AT.lt(now.minus(TRASH_KEPT))).execute();
    }

    /**
     * The owner's book version (migration V12): raised in the same transaction as every write that changes what one
     * of the owner's lists shows (a contact added, edited, trashed, restored, deleted for good; a label or photo
     * changed), on any instance, and for live contacts by plain SQL too (triggers). -1 when the account is gone.
     */
    public long bookVersion(long owner) {
        return BOOK_VERSION.fetch(dsl, Map.of("owner", owner));
    }

    /** The owner's labels on live contacts, with their counts (in no particular order). */
    public List<LabelCount> labels(long owner) {
        return dsl.select(DSL.min(CONTACT_LABELS.NAME), DSL.count())
                .from(CONTACT_LABELS).join(CONTACTS).on(CONTACTS.ID.eq(CONTACT_LABELS.CONTACT_ID))
                .where(CONTACT_LABELS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNull()))
                .groupBy(CONTACT_LABELS.NAME_FOLDED)
                .fetch(r -> new LabelCount(r.value1(), r.value2()));
    }

    public Optional<Photo> photo(long owner, long id) {
        return dsl.select(CONTACT_PHOTOS.CONTENT_TYPE, CONTACT_PHOTOS.IMAGE, CONTACT_PHOTOS.ETAG)
                .from(CONTACT_PHOTOS).join(CONTACTS).on(CONTACTS.ID.eq(CONTACT_PHOTOS.CONTACT_ID))
                .where(live(owner).and(CONTACTS.ID.eq(id)))
                .fetchOptional(r -> new Photo(r.value1(), r.value2(), r.value3()));
    }

    /** Sets or replaces a live contact's photo; false when there is no such contact. */
    public boolean putPhoto(long owner, long id, Photo photo) {
        return putPhoto(owner, id, photo, etag -> { });
    }

    /**
     * As {@link #putPhoto(long, long, Photo)}, once {@code precondition} accepted the current photo's tag (empty
     * when it has none); what it throws rolls everything back.
     */
    public boolean putPhoto(long owner, long id, Photo photo, Consumer<Optional<String>> precondition) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            lockOwner(t, owner); // (its time changes: the owner's book version too)
            int changed = t.update(CONTACTS).set(CONTACTS.HAS_PHOTO, true).set(CONTACTS.UPDATED_AT, now())
                    .where(live(owner).and(CONTACTS.ID.eq(id))).execute();
            if (changed == 0) {
                return false;
            }
            precondition.accept(photoTag(t, id));
            t.insertInto(CONTACT_PHOTOS, CONTACT_PHOTOS.CONTACT_ID, CONTACT_PHOTOS.CONTENT_TYPE, CONTACT_PHOTOS.IMAGE,
                            CONTACT_PHOTOS.ETAG)
                    .values(id, photo.contentType(), photo.image(), photo.etag())
                    .onConflict(CONTACT_PHOTOS.CONTACT_ID).doUpdate()
                    .set(CONTACT_PHOTOS.CONTENT_TYPE, photo.contentType())
                    .set(CONTACT_PHOTOS.IMAGE, photo.image())
                    .set(CONTACT_PHOTOS.ETAG, photo.etag())
                    .execute();
            return true;
        });
    }

    /**
     * Removes a live contact's photo (if any), once {@code precondition} accepted the current photo's tag (empty when
     * it has none); false when there is no such contact.
     */
    public boolean deletePhoto(long owner, long id, Consumer<Optional<String>> precondition) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            lockOwner(t, owner); // (its time changes: the owner's book version too)
            ContactsRecord record = Database.lockingRows(t.selectFrom(CONTACTS)
                    .where(live(owner).and(CONTACTS.ID.eq(id)))).fetchOne();
            if (record == null) {
                return false;
            }
            precondition.accept(photoTag(t, id));
            if (t.deleteFrom(CONTACT_PHOTOS).where(CONTACT_PHOTOS.CONTACT_ID.eq(id)).execute() > 0) {
                record.setHasPhoto(false);
                record.setUpdatedAt(now());
                record.store();
            }
            return true;
        });
    }

    /** The tag of a contact's photo, read in the transaction that holds the contact's row. */
    private static Optional<String> photoTag(DSLContext t, long id) {
        return t.select(CONTACT_PHOTOS.ETAG).from(CONTACT_PHOTOS).where(CONTACT_PHOTOS.CONTACT_ID.eq(id))
                .fetchOptional(CONTACT_PHOTOS.ETAG);
    }

    /**
     * Recomputes the sort keys and folded text of every row made by another {@link ContactKeys#VERSION} (rows
     * from before v2, or after an ICU upgrade), in batches; the number of rows re-keyed.
     */
    public int rekeyStale() {
        int total = 0;
        while (true) {
            RekeyBatch batch = dsl.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                // by owner, each owner locked before its rows: a row's new keys raise its owner's book version (V12)
                List<ContactsRecord> stale = t.selectFrom(CONTACTS)
                        .where(CONTACTS.KEYS_VERSION.ne(ContactKeys.VERSION))
                        .orderBy(CONTACTS.USER_ID, CONTACTS.ID).limit(REKEY_BATCH).fetch();
                int rekeyed = 0;
                Long locked = null;
                for (ContactsRecord record : stale) {
                    if (!record.getUserId().equals(locked)) {
                        locked = record.getUserId();
                        lockOwner(t, locked);
                    }
                    // Each row is claimed by a conditional write, held until commit: instances starting together
                    // on one database re-key each row once (the others find it no longer stale and skip it).
                    if (t.update(CONTACTS).set(CONTACTS.KEYS_VERSION, CONTACTS.KEYS_VERSION)
                            .where(CONTACTS.ID.eq(record.getId()).and(CONTACTS.KEYS_VERSION.ne(ContactKeys.VERSION)))
                            .execute() == 0) {
                        continue;
                    }
                    ContactDraft draft = toContact(record).toDraft();
                    fill(record, draft);
                    // v1 wrote SQLite timestamps of varying width; written again, they get the fixed width that
                    // sorts in time order
                    record.changed(CONTACTS.CREATED_AT, true);
                    record.changed(CONTACTS.UPDATED_AT, true);
                    record.store();
                    storeLabels(t, record.getUserId(), record.getId(), draft.labels());
                    rekeyed++;
                }
                return new RekeyBatch(stale.size(), rekeyed);
            });
            total += batch.rekeyed();
            if (batch.read() < REKEY_BATCH) {
                return total;
            }
        }
    }

    /** Stale rows one batch read, and how many of them it re-keyed (another instance may have had the rest). */
    private record RekeyBatch(int read, int rekeyed) {
    }

    /**
     * Makes the other transactions that lock this owner wait until this one ends (PostgreSQL; on SQLite write
     * transactions run one at a time anyway). Every transaction that writes several of an owner's contacts, or
     * counts them, or trashes or restores one (whose trigger then updates the owner's count), takes this lock
     * before any contact's row, so two of them never hold rows the other needs (a deadlock, which PostgreSQL ends
     * by failing one of them).
     */
    public boolean lockOwner(long owner) {
        return lockOwner(dsl, owner);
    }

    /** Locks the owner's row; false when there is none (the account deleted since its token was checked). */
    private static boolean lockOwner(DSLContext t, long owner) {
        return !Database.lockingRows(t.selectOne().from(USERS).where(USERS.ID.eq(owner))).fetch().isEmpty();
    }

    /**
     * Refuses {@code more} contacts beyond the owner's limit. The owner's count of live contacts is kept by the
     * database's triggers (migration V5) as contacts are inserted, trashed, restored or deleted; read with the
     * owner locked, so concurrent creates count one by one.
     */
    private void requireRoom(DSLContext t, long owner, int more) {
        if (LIVE_CONTACTS_LOCKED.fetch(t, Map.of("owner", owner)) + more > maxPerOwner) {
            throw new Refusal.ContactLimitReached();
        }
    }

    /**
     * What decides a listing's SQL text, as opposed to its values: each shape is rendered once (per database) and
     * its statement kept prepared, since rendering a listing with jOOQ on every request cost more than running it.
     *
     * @param search a search; else a list
     * @param trigrams how some words of a search's query are found through the trigram index (SQLite), if any
     * @param words how many words of a search's query are tested on each contact (all of them on PostgreSQL, where
     *              its planner picks the trigram index by itself)
     * @param labelFirst whether the label's contacts are read first (from the label index), then sorted (SQLite)
     * @param labelProbed whether each contact the sort key's walk reads is looked up in the label index (SQLite),
     *                    rather than tested against the list of every contact that carries the label
     * @param favoritesFirst whether the owner's live favourites are read first (from their index, migration V13),
     *                       then sorted (SQLite)
     */
    private record Listing(ListOptions.Sort sort, boolean descending, boolean favorite, boolean label, boolean search,
                           Trigrams trigrams, int words, boolean firstName, boolean lastName, boolean email,
                           boolean labelFirst, boolean labelProbed, boolean favoritesFirst) {

        /** Whether some rows of the owner's live contacts are left out (the count on their row is not the total). */
        boolean filtered() {
            return favorite || label || search;
        }

        /**
         * Whether the page's statement counts the total too: a search that reads every entry anyway (a scan, or
         * PostgreSQL's matches). One through the trigram index is counted apart, before its page.
         */
        boolean counted() {
            return search && trigrams == Trigrams.NONE;
        }

        /** Whether the only filter is a search's words, every one of them found through the trigram index. */
        boolean trigramsAlone() {
            return trigrams == Trigrams.FIRST && !favorite && !label && words == 0 && !firstName && !lastName
                    && !email;
        }

        /** The shape whose count is this one's: the index's matches, each tested in the owner's id index. */
        Listing counting() {
            return new Listing(ListOptions.Sort.ID, false, favorite, label, search, Trigrams.FIRST, words, firstName,
                    lastName, email, false, false, false);
        }

        /** The same listing, its page read by walking the sort key's index. */
        Listing walking() {
            return new Listing(sort, descending, favorite, label, search, Trigrams.WALK, words, firstName, lastName,
                    email, false, false, false);
        }

        /**
         * The same listing, its page read by walking the sort key's index up to a bound, each entry's text tested for
         * every word: the {@code indexedWords} that the trigram index would find become words tested on each contact.
         */
        Listing textWalking(int indexedWords) {
            return new Listing(sort, descending, favorite, label, search, Trigrams.TEXT, words + indexedWords,
                    firstName, lastName, email, false, false, false);
        }

        /** The same listing, the label's contacts read first from the label index. */
        Listing fromLabel() {
            return new Listing(sort, descending, favorite, label, search, trigrams, words, firstName, lastName, email,
                    true, false, false);
        }

        /** The same listing (by the favourite mark alone), the owner's live favourites read first from their index. */
        Listing fromFavorites() {
            return new Listing(sort, descending, favorite, label, search, trigrams, words, firstName, lastName, email,
                    false, false, true);
        }

        /**
         * The same search by the favourite mark (true), its page read from the owner's live favourites' index, each
         * favourite's text tested for every word: the {@code indexedWords} the trigram index would find too.
         */
        Listing favoritesTested(int indexedWords) {
            return new Listing(sort, descending, favorite, label, search, Trigrams.NONE, words + indexedWords,
                    firstName, lastName, email, false, false, true);
        }

        /** The same listing, the sort key's index walked and each entry looked up in the label index. */
        Listing probingLabel() {
            return new Listing(sort, descending, favorite, label, search, trigrams, words, firstName, lastName, email,
                    false, true, false);
        }
    }

    /** How a search's words of a trigram or more are found through SQLite's trigram index. */
    private enum Trigrams {
        /** Not at all: no such word, or PostgreSQL (its planner uses its own trigram index). */
        NONE,
        /** The index's matches first (in id order), each tested against the owner's id index (and row). */
        FIRST,
        /** The sort key's index walked in order, each entry tested against the index's matches. */
        WALK,
        /**
         * Not at all for the page: the sort key's index walked in order up to a bound (the entry "bound" entries in),
         * each entry's row read and its text tested for every word, as a word shorter than a trigram is.
         */
        TEXT
    }

    /** Listings with more search words than this are rendered for the one request (no shape kept per word count). */
    private static final int KEPT_WORDS = 4;
    private static final Map<Listing, RenderedQuery<Page<StoredContact>>> PAGES = new ConcurrentHashMap<>();
    private static final Map<Listing, RenderedQuery<Integer>> COUNTS = new ConcurrentHashMap<>();
    /** A search's count with the owner's book version ({@link #count}), by its shape. */
    private static final Map<Listing, RenderedQuery<ListAnchors.Counted>> SEARCH_COUNTS = new ConcurrentHashMap<>();
    /** {@link #notFavoriteCount}'s statements, by the favourites' shape (its words: the trigram words). */
    private static final Map<Listing, RenderedQuery<ListAnchors.Counted>> NOT_FAVORITE_COUNTS =
            new ConcurrentHashMap<>();
    /** The owner's book version (migration V12), which lists by update time are read at: see {@link #fromPlaces}. */
    private static final RenderedQuery<Long> BOOK_VERSION = new RenderedQuery<>(
            dsl -> dsl.select(USERS.BOOK_VERSION).from(USERS).where(USERS.ID.eq(DSL.param("owner", Long.class))),
            (rows, dialect) -> rows.next() ? rows.getLong(1) : -1);
    /** The owner's order version (migration V15), which every other list and birthday run is read at. */
    private static final RenderedQuery<Long> ORDER_VERSION = new RenderedQuery<>(
            dsl -> dsl.select(USERS.ORDER_VERSION).from(USERS).where(USERS.ID.eq(DSL.param("owner", Long.class))),
            (rows, dialect) -> rows.next() ? rows.getLong(1) : -1);
    private static final Map<Listing, RenderedQuery<PlacedPage>> PLACED_PAGES = new ConcurrentHashMap<>();
    private static final Map<Listing, RenderedQuery<Step>> PLACE_STEPS = new ConcurrentHashMap<>();
    private static final Map<Listing, RenderedQuery<Step>> PLACE_STEPS_AFTER = new ConcurrentHashMap<>();
    /**
     * The owner's order version and how many of their live contacts have a stored month-day from {@code from} to
     * {@code to}, in one statement (one snapshot); none when the account is gone.
     */
    private static final RenderedQuery<ListAnchors.Counted> BIRTHDAY_COUNT_AT = new RenderedQuery<>(
            dsl -> dsl.select(USERS.ORDER_VERSION, DSL.field(DSL.selectCount().from(CONTACTS).where(inMonthDays())))
                    .from(USERS).where(USERS.ID.eq(DSL.param("version_owner", Long.class))),
            COUNTED);
    /** One step along a run of month-days from its start: see {@link #birthdayStep}. */
    private static final RenderedQuery<Step> BIRTHDAY_STEP = new RenderedQuery<>(
            dsl -> birthdayStepQuery(dsl, false), ContactRepository::birthdayStep);
    /** One step along a run of month-days after a place. */
    private static final RenderedQuery<Step> BIRTHDAY_STEP_AFTER = new RenderedQuery<>(
            dsl -> birthdayStepQuery(dsl, true), ContactRepository::birthdayStep);
    /** A part of one run of month-days from an offset (read by each call's own reader, which keeps its rows). */
    private static final RenderedQuery<Integer> BIRTHDAYS_BY_DAY = new RenderedQuery<>(
            dsl -> birthdayPage(dsl, false, CONTACTS.BIRTHDAY_MD, CONTACTS.LAST_NAME_KEY, CONTACTS.FIRST_NAME_KEY),
            null);
    /** The same for a run of one day (28 and 29 February in a common year): by name alone. */
    private static final RenderedQuery<Integer> BIRTHDAYS_BY_NAME = new RenderedQuery<>(
            dsl -> birthdayPage(dsl, false, CONTACTS.LAST_NAME_KEY, CONTACTS.FIRST_NAME_KEY), null);
    /** A part of one run of month-days after a given contact's key (the next part of a page). */
    private static final RenderedQuery<Integer> BIRTHDAYS_BY_DAY_AFTER = new RenderedQuery<>(
            dsl -> birthdayPage(dsl, true, CONTACTS.BIRTHDAY_MD, CONTACTS.LAST_NAME_KEY, CONTACTS.FIRST_NAME_KEY),
            null);
    /** The same for a run of one day. */
    private static final RenderedQuery<Integer> BIRTHDAYS_BY_NAME_AFTER = new RenderedQuery<>(
            dsl -> birthdayPage(dsl, true, CONTACTS.LAST_NAME_KEY, CONTACTS.FIRST_NAME_KEY), null);
    /** The ids, keys and versions of such parts, from the birthday index alone (read by {@link #birthdayPart}). */
    private static final RenderedQuery<Integer> BIRTHDAY_IDS_BY_DAY = new RenderedQuery<>(
            dsl -> birthdayIds(dsl, false, CONTACTS.BIRTHDAY_MD, CONTACTS.LAST_NAME_KEY, CONTACTS.FIRST_NAME_KEY),
            null);
    private static final RenderedQuery<Integer> BIRTHDAY_IDS_BY_NAME = new RenderedQuery<>(
            dsl -> birthdayIds(dsl, false, CONTACTS.LAST_NAME_KEY, CONTACTS.FIRST_NAME_KEY), null);
    private static final RenderedQuery<Integer> BIRTHDAY_IDS_BY_DAY_AFTER = new RenderedQuery<>(
            dsl -> birthdayIds(dsl, true, CONTACTS.BIRTHDAY_MD, CONTACTS.LAST_NAME_KEY, CONTACTS.FIRST_NAME_KEY),
            null);
    private static final RenderedQuery<Integer> BIRTHDAY_IDS_BY_NAME_AFTER = new RenderedQuery<>(
            dsl -> birthdayIds(dsl, true, CONTACTS.LAST_NAME_KEY, CONTACTS.FIRST_NAME_KEY), null);
    /**
     * A part is read from the index alone, its rows not remembered then each by id, when at most one in this many
     * is not remembered; more, and it is read in one statement with the table joined (a cold page).
     */
    private static final int MISSING_READ_ALONE = 4;
    /**
     * How many of the owner's live contacts carry a label: its entries in the label index (the owner's, by folded
     * name), less the owner's trashed contacts that carry it, read from the trash index. Testing each entry's contact
     * instead took 8 to 11 ms for a label on 20,000 of 100,000 contacts (docs/benchmarks.md, "100,000 contacts, this
     * round").
     */
    private static final RenderedQuery<Integer> LABELLED = new RenderedQuery<>(dsl -> dsl.select(
            DSL.field(DSL.selectCount().from(CONTACT_LABELS)
                            .where(CONTACT_LABELS.USER_ID.eq(DSL.param("label_owner", Long.class))
                                    .and(CONTACT_LABELS.NAME_FOLDED.eq(DSL.param("label", String.class)))))
                    .minus(DSL.field(DSL.selectCount().from(CONTACTS).join(CONTACT_LABELS)
                            .on(CONTACT_LABELS.CONTACT_ID.eq(CONTACTS.ID)
                                    .and(CONTACT_LABELS.NAME_FOLDED.eq(DSL.param("trashed_label", String.class))))
                            .where(CONTACTS.USER_ID.eq(DSL.param("owner", Long.class))
                                    .and(CONTACTS.DELETED_AT.isNotNull()))))),
            (rows, dialect) -> rows.next() ? rows.getInt(1) : 0);
    /**
     * The owner's live favourites, counted from their partial index (migration V13) alone. The mark is tested bare,
     * as the index's WHERE has it: SQLite uses a partial index only for terms written as in it ("favorite = 1", or a
     * bound value, made the planner walk another index, every live contact's row read: 153 ms at 100,000). Named on
     * SQLite: V17's index of the text holds the mark too, and the planner counted all its entries instead (20 ms).
     */
    private static Field<Integer> liveFavorites(DSLContext dsl) {
        return DSL.field(DSL.selectCount().from(Database.isSqlite(dsl) ? FAVORITES_INDEXED : CONTACTS)
                .where(CONTACTS.USER_ID.eq(DSL.param("favorite_owner", Long.class)).and(CONTACTS.DELETED_AT.isNull())
                        .and(DSL.condition(CONTACTS.FAVORITE))));
    }
    private static final RenderedQuery<Integer> FAVORITES = new RenderedQuery<>(dsl -> favoriteCount(dsl, true),
            (rows, dialect) -> rows.next() ? rows.getInt(1) : 0);
    private static final RenderedQuery<Integer> NOT_FAVORITES = new RenderedQuery<>(dsl -> favoriteCount(dsl, false),
            (rows, dialect) -> rows.next() ? rows.getInt(1) : 0);

    /**
     * How many of the owner's live contacts carry the favourite mark, or lack it: their count on the owner's row less
     * the favourites, in one statement (one snapshot). None when the account is gone.
     */
    private static ResultQuery<Record1<Integer>> favoriteCount(DSLContext dsl, boolean favorite) {
        return dsl.select(favorite ? liveFavorites(dsl) : USERS.LIVE_CONTACTS.minus(liveFavorites(dsl))).from(USERS)
                .where(USERS.ID.eq(DSL.param("owner", Long.class)));
    }

    /** The statement that counts a list by the favourite mark alone, its values bound: for tests of its plan. */
    ResultQuery<?> favoriteCountStatement(long owner, boolean favorite) {
        ResultQuery<?> statement = favoriteCount(dsl, favorite);
        statement.bind("owner", owner);
        statement.bind("favorite_owner", owner);
        return statement;
    }
    /** The owner's count of live contacts, kept on their row by the database's triggers (migration V5). */
    private static final RenderedQuery<Integer> LIVE_CONTACTS = new RenderedQuery<>(
            dsl -> dsl.select(USERS.LIVE_CONTACTS).from(USERS).where(USERS.ID.eq(DSL.param("owner", Long.class))),
            (rows, dialect) -> rows.next() ? rows.getInt(1) : 0);
    /**
     * The same, the owner's row locked until the transaction ends (PostgreSQL; SQLite's writers take turns): the
     * room check of a create or restore, rendered once (jOOQ rendering it took a twentieth of a create's CPU).
     */
    private static final RenderedQuery<Integer> LIVE_CONTACTS_LOCKED = new RenderedQuery<>(
            dsl -> Database.lockingRows(dsl.select(USERS.LIVE_CONTACTS).from(USERS)
                    .where(USERS.ID.eq(DSL.param("owner", Long.class)))),
            (rows, dialect) -> rows.next() ? rows.getInt(1) : 0);

    /**
     * The query of {@code shape}, rendered on its first use (a shape with many search words: for this call only).
     * Kept for every later call, so {@code rows} must hold nothing of this one (else null, and each call gives its
     * own reader).
     */
    private static <K, T> RenderedQuery<T> rendered(Map<K, RenderedQuery<T>> kept, K shape,
                                                    BiFunction<DSLContext, K, ResultQuery<?>> query,
                                                    RenderedQuery.Rows<T> rows) {
        if (shape instanceof Listing listing && listing.words() > KEPT_WORDS) {
            return new RenderedQuery<>(dsl -> query.apply(dsl, shape), rows);
        }
        return kept.computeIfAbsent(shape, s -> new RenderedQuery<>(dsl -> query.apply(dsl, s), rows));
    }

    /**
     * A page of a search with its total: counted in the same statement (a window count over what the page is cut
     * from, which the scan reads anyway); only a page past the end needs a count of its own.
     */
    private Page<StoredContact> searchPage(Listing shape, Map<String, Object> values, int skip) {
        Page<StoredContact> page = rendered(PAGES, shape, ContactRepository::pageQuery, null)
                .fetch(dsl, values, this::pageRows);
        if (!page.items().isEmpty() || skip == 0) {
            return page;
        }
        values.keySet().removeAll(List.of("skip", "limit"));
        return new Page<>(List.of(), rendered(COUNTS, shape, ContactRepository::countQuery,
                (rows, dialect) -> rows.next() ? rows.getInt(1) : 0).fetch(dsl, values));
    }

    /** The values of a listing's owner, filters and page (a search adds its words). */
    private static Map<String, Object> listingValues(long owner, ListOptions options, int skip, int limit) {
        Map<String, Object> values = new HashMap<>();
        values.put("owner", owner);
        if (options.favorite() != null) {
            values.put("favorite", options.favorite());
        }
        if (options.label() != null) {
            values.put("label_owner", owner);
            values.put("label", ContactKeys.fold(options.label()));
        }
        values.put("skip", skip);
        values.put("limit", limit);
        return values;
    }

    /**
     * One page in one statement: the ids in order (from an index, sorting narrow rows at most), then those rows
     * joined. Deep pages and scans never carry the wide rows (lists, notes) along; a search also counts its total
     * there ({@link #pageRows}).
     */
    private static ResultQuery<?> pageQuery(DSLContext dsl, Listing shape) {
        Table<?> from = source(dsl, shape);
        // in id order the id is the page's only key: a second copy of it as the sort key kept SQLite from seeing that
        // the page comes in the outer query's order, and it sorted the page's wide rows again (a sixth of a page's
        // statement); a search whose trigram matches come first reads them in the index's own id order
        boolean byId = shape.sort() == ListOptions.Sort.ID;
        Field<Long> id = byId && shape.trigrams() == Trigrams.FIRST ? FOUND : CONTACTS.ID;
        List<Field<?>> pageFields = new ArrayList<>(List.of(id.as("page_id")));
        if (!byId) {
            pageFields.add(sortColumn(shape.sort()).as("sort_key"));
        }
        if (shape.counted()) {
            pageFields.add(DSL.count().over().as("total"));
        }
        Table<?> page = shape.search() && !Database.isSqlite(dsl) ? matchedPage(dsl, shape, from)
                : dsl.select(pageFields).from(from).where(conditions(dsl, shape))
                        .orderBy(pageOrder(shape, byId ? null : sortColumn(shape.sort()), id))
                        .limit(DSL.param("limit", Integer.class)).offset(DSL.param("skip", Integer.class))
                        .asTable("page");
        List<Field<?>> columns = new ArrayList<>(CONTACT_COLUMNS);
        if (shape.counted()) {
            columns.add(page.field("total"));
        }
        return dsl.select(columns).from(page).join(CONTACTS).on(CONTACTS.ID.eq(page.field("page_id", Long.class)))
                .orderBy(pageOrder(shape, byId ? null : page.field("sort_key"), page.field("page_id")));
    }

    /**
     * The ids (page_id) and sort keys (sort_key, but in id order) of a list's entries in order from the offset "skip",
     * "limit" of them: from the list's start, or after the place whose key and id are "after_key" and "after_id".
     * After a place, the entries with its key and a later id, then those with a later key: two ranges of the key's
     * index, merged in order. A row value (key, id) > (?, ?) seeks SQLite's index by the key alone and steps over the
     * key's earlier entries (0.6 ms for a key shared by 6,000 contacts, against 0.1 ms). PostgreSQL seeks its index by
     * a row value exactly, and did not merge the two ranges: it read all of the later keys' range and sorted it (a
     * step of 1,000 at 49,000 by last name desc: 50 ms against 0.2 ms for the row value; docs/benchmarks.md,
     * "PostgreSQL at 100,000 contacts, again").
     */
    private static Select<?> placedIds(DSLContext dsl, Listing shape, boolean after) {
        @SuppressWarnings("unchecked")
        Field<Object> key = (Field<Object>) sortColumn(shape.sort());
        boolean byId = shape.sort() == ListOptions.Sort.ID;
        boolean descending = shape.descending();
        List<Field<?>> fields = byId ? List.of(CONTACTS.ID.as("page_id"))
                : List.of(CONTACTS.ID.as("page_id"), key.as("sort_key"));
        Field<Long> afterId = DSL.param("after_id", Long.class);
        Condition laterId = descending ? CONTACTS.ID.lt(afterId) : CONTACTS.ID.gt(afterId);
        Field<Integer> limit = DSL.param("limit", Integer.class);
        Field<Integer> skip = DSL.param("skip", Integer.class);
        if (!after || byId) {
            Condition where = after ? listed(shape, "").and(laterId) : listed(shape, "");
            return dsl.select(fields).from(CONTACTS).where(where).orderBy(pageOrder(shape, byId ? null : key,
                    CONTACTS.ID)).limit(limit).offset(skip);
        }
        if (!Database.isSqlite(dsl)) {
            Field<Object> afterKey = DSL.param("after_key", key);
            Condition later = descending ? DSL.row(key, CONTACTS.ID).lt(afterKey, afterId)
                    : DSL.row(key, CONTACTS.ID).gt(afterKey, afterId);
            return dsl.select(fields).from(CONTACTS).where(listed(shape, "").and(later))
                    .orderBy(pageOrder(shape, key, CONTACTS.ID)).limit(limit).offset(skip);
        }
        Condition sameKey = listed(shape, "").and(key.eq(DSL.param("after_key", key))).and(laterId);
        Field<Object> laterKeyValue = DSL.param("later_key", key);
        Condition laterKey = listed(shape, "later_").and(descending ? key.lt(laterKeyValue) : key.gt(laterKeyValue));
        return dsl.select(fields).from(CONTACTS).where(sameKey)
                .unionAll(dsl.select(fields).from(CONTACTS).where(laterKey))
                .orderBy(pageOrder(shape, DSL.field(DSL.name("sort_key")), DSL.field(DSL.name("page_id"))))
                .limit(limit).offset(skip);
    }

    /** The owner's live contacts of a list (with the favourite mark, when it has one), its values' names prefixed. */
    private static Condition listed(Listing shape, String prefix) {
        Condition condition = CONTACTS.USER_ID.eq(DSL.param(prefix + "owner", Long.class))
                .and(CONTACTS.DELETED_AT.isNull());
        return shape.favorite() ? condition.and(CONTACTS.FAVORITE.eq(DSL.param(prefix + "favorite", Boolean.class)))
                : condition;
    }

    /** The owner's version a list is read at, as a value of the statement that reads it. */
    private static Field<?> listVersion(Listing shape) {
        return DSL.field(DSL.select(versionColumn(shape.sort())).from(USERS)
                .where(USERS.ID.eq(DSL.param("version_owner", Long.class))));
    }

    /**
     * The version of the owner's that a list in this order is read at: the book version (V12) by update time, which
     * every edit changes; else the order version (V15), which an edit that changes no sort key, favourite mark or
     * birthday leaves, so that places read before such an edit still serve.
     */
    private static Field<Integer> versionColumn(ListOptions.Sort sort) {
        return sort == ListOptions.Sort.UPDATED_AT ? USERS.BOOK_VERSION : USERS.ORDER_VERSION;
    }

    private static RenderedQuery<Long> versionOf(ListOptions.Sort sort) {
        return sort == ListOptions.Sort.UPDATED_AT ? BOOK_VERSION : ORDER_VERSION;
    }

    /**
     * One step along a list: the owner's book version and the entry "skip" entries into the list (its id, and its
     * key but in id order), none past its end; from its start ({@link #firstStepQuery}) or after a place.
     */
    private static ResultQuery<?> placedStepQuery(DSLContext dsl, Listing shape) {
        return stepQuery(dsl, shape, true);
    }

    private static ResultQuery<?> firstStepQuery(DSLContext dsl, Listing shape) {
        return stepQuery(dsl, shape, false);
    }

    private static ResultQuery<?> stepQuery(DSLContext dsl, Listing shape, boolean after) {
        Table<?> step = placedIds(dsl, shape, after).asTable("step");
        List<Field<?>> fields = new ArrayList<>(List.of(versionColumn(shape.sort()), step.field("page_id")));
        if (shape.sort() != ListOptions.Sort.ID) {
            fields.add(step.field("sort_key"));
        }
        // the owner's row whether or not the list goes that far: the version that says where it ends
        return dsl.select(fields).from(USERS).leftJoin(step).on(DSL.trueCondition())
                .where(USERS.ID.eq(DSL.param("version_owner", Long.class)));
    }

    /** A page of a list after a place, each row followed by the owner's book version (read by {@link #placedRows}). */
    private static ResultQuery<?> placedPageQuery(DSLContext dsl, Listing shape) {
        Table<?> page = placedIds(dsl, shape, true).asTable("page");
        boolean byId = shape.sort() == ListOptions.Sort.ID;
        List<Field<?>> columns = new ArrayList<>(CONTACT_COLUMNS);
        columns.add(listVersion(shape));
        return dsl.select(columns).from(page).join(CONTACTS).on(CONTACTS.ID.eq(page.field("page_id", Long.class)))
                .orderBy(pageOrder(shape, byId ? null : page.field("sort_key"), page.field("page_id")));
    }

    /** A listing's order: by its sort key, then by id in the same direction (by id alone when that is the key). */
    private static List<SortField<?>> pageOrder(Listing shape, Field<?> key, Field<?> id) {
        if (shape.sort() == ListOptions.Sort.ID) {
            return List.of(direction(id, shape.descending()));
        }
        return List.of(direction(key, shape.descending()), direction(id, shape.descending()));
    }

    /**
     * PostgreSQL: a search's page, from all its matches found first (a materialized CTE). Given the page's order and
     * LIMIT, the planner walked the owner's rows in that order to stop early, but the page's total (a window count)
     * reads every match anyway: a word in 11% of 100,000 contacts took 740 ms that way, 39 ms through the trigram
     * index (docs/benchmarks.md, "The same benchmark on PostgreSQL 14"). Planned apart, the matches come from the
     * cheaper of the trigram index and the owner's rows.
     */
    private static Table<?> matchedPage(DSLContext dsl, Listing shape, Table<?> from) {
        CommonTableExpression<Record2<Long, Object>> matches = DSL.name("matches").fields("match_id", "match_key")
                .asMaterialized(DSL.select(CONTACTS.ID, sortColumn(shape.sort()).coerce(Object.class))
                        .from(from).where(conditions(dsl, shape)));
        Field<Long> id = matches.field("match_id", Long.class);
        Field<Object> key = matches.field("match_key", Object.class);
        return dsl.with(matches).select(id.as("page_id"), key.as("sort_key"), DSL.count().over().as("total"))
                .from(matches)
                .orderBy(pageOrder(shape, key, id))
                .limit(DSL.param("limit", Integer.class)).offset(DSL.param("skip", Integer.class))
                .asTable("page");
    }

    /** A page's contacts, and its total when the statement counted it (else 0, for the caller to replace). */
    private Page<StoredContact> pageRows(ResultSet rows, SQLDialect dialect) throws SQLException {
        List<StoredContact> items = new ArrayList<>();
        int total = 0;
        boolean counted = rows.getMetaData().getColumnCount() > CONTACT_COLUMNS.size();
        while (rows.next()) {
            items.add(stored(rows, dialect));
            if (counted) {
                total = rows.getInt(CONTACT_COLUMNS.size() + 1);
            }
        }
        return new Page<>(items, total);
    }

    /** How many contacts a listing of {@code shape} holds in all (a search's: for a page past its end). */
    private static ResultQuery<?> countQuery(DSLContext dsl, Listing shape) {
        var each = dsl.selectCount().from(source(dsl, shape)).where(conditions(dsl, shape));
        if (!shape.trigramsAlone()) {
            return each;
        }
        // A search by trigram words alone (SQLite): when every contact of the file is the owner's and none is in a
        // trash (one user's book, as the desktop's), every match of the index is the owner's live contact, so the
        // index counts them alone (1.7 ms for a word in 11,000 of 100,000 contacts), without testing each in the
        // owner's id index (6.3 ms; docs/benchmarks.md, "A common word's count, birthdays' pages"). Decided in the same
        // statement, so on the same snapshot; the three tests are index seeks.
        Condition ownerAlone = DSL.notExists(DSL.selectOne().from(CONTACTS)
                        .where(CONTACTS.USER_ID.lt(DSL.param("owner_below", Long.class))))
                .and(DSL.notExists(DSL.selectOne().from(CONTACTS)
                        .where(CONTACTS.USER_ID.gt(DSL.param("owner_above", Long.class)))))
                .and(DSL.notExists(DSL.selectOne().from(CONTACTS).where(CONTACTS.DELETED_AT.isNotNull())));
        Field<Integer> indexed = DSL.field(DSL.selectCount().from(TRIGRAMS)
                .where(DSL.condition("{0} match {1}", TRIGRAMS, DSL.param("all_trigrams", String.class))));
        return dsl.select(DSL.when(ownerAlone, indexed).otherwise(DSL.field(each)));
    }

    /**
     * The count of a search by trigram words alone, less the owner's live favourites whose text holds every word
     * ("favorite_word0"..., as many as {@code favorites} tests), read from their index (migration V13; the mark bare,
     * as the index's WHERE has it).
     */
    @SuppressWarnings("unchecked")
    private static ResultQuery<?> notFavoriteCountQuery(DSLContext dsl, Listing favorites) {
        Listing whole = new Listing(ListOptions.Sort.ID, false, false, false, true, Trigrams.FIRST, 0, false, false,
                false, false, false, false);
        Condition favorite = CONTACTS.USER_ID.eq(DSL.param("favorite_owner", Long.class))
                .and(CONTACTS.DELETED_AT.isNull()).and(DSL.condition(CONTACTS.FAVORITE));
        for (int i = 0; i < favorites.words(); i++) {
            favorite = favorite.and(contains(dsl, CONTACTS.SEARCH_TEXT, "favorite_word" + i));
        }
        Field<Integer> all = DSL.field((Select<Record1<Integer>>) countQuery(dsl, whole));
        return dsl.select(all.minus(DSL.field(DSL.selectCount().from(FAVORITES_INDEXED).where(favorite))));
    }

    /**
     * Where a listing reads its contacts from. SQLite: a search with only words shorter than a trigram reads the
     * owner's folded text from its covering index (every entry is tested). One that the trigram index narrows reads
     * the index's matches first (a CROSS JOIN keeps that order), each tested in the owner's id index (a covering
     * index: no row is read for it), or walks the sort key's index ({@link Trigrams#WALK}: the planner's choice).
     * PostgreSQL: the planner picks the trigram index (or the owner's rows, for a small book) by itself.
     */
    private static Table<?> source(DSLContext dsl, Listing shape) {
        if (shape.trigrams() == Trigrams.FIRST) {
            return matches().crossJoin(ID_INDEXED);
        }
        if (shape.labelFirst()) {
            return CONTACT_LABELS.crossJoin(CONTACTS);
        }
        if (shape.favoritesFirst()) {
            return FAVORITES_INDEXED;
        }
        if (shape.trigrams() == Trigrams.TEXT) {
            // by last name the text's own index holds the order, the mark and the text: no row read (migration V17)
            return shape.sort() == ListOptions.Sort.LAST_NAME ? SEARCH_INDEXED : sortIndexed(shape.sort());
        }
        return shape.words() > 0 && shape.trigrams() == Trigrams.NONE && Database.isSqlite(dsl) ? SEARCH_INDEXED
                : CONTACTS;
    }

    /** The owner's live contacts that a listing of {@code shape} keeps. */
    private static Condition conditions(DSLContext dsl, Listing shape) {
        Condition condition = CONTACTS.USER_ID.eq(DSL.param("owner", Long.class)).and(CONTACTS.DELETED_AT.isNull());
        if (shape.favoritesFirst()) {
            // bare, as the partial index's WHERE has it (SQLite takes the index only so)
            condition = condition.and(DSL.condition(CONTACTS.FAVORITE));
        } else if (shape.favorite()) {
            condition = condition.and(CONTACTS.FAVORITE.eq(DSL.param("favorite", Boolean.class)));
        }
        if (shape.labelFirst()) {
            condition = condition.and(CONTACTS.ID.eq(CONTACT_LABELS.CONTACT_ID))
                    .and(CONTACT_LABELS.USER_ID.eq(DSL.param("label_owner", Long.class)))
                    .and(CONTACT_LABELS.NAME_FOLDED.eq(DSL.param("label", String.class)));
        } else if (shape.labelProbed()) {
            // each contact the walk reads is looked up in the label index, by owner, label and contact (covering)
            condition = condition.and(DSL.exists(DSL.selectOne().from(LABELS_INDEXED)
                    .where(CONTACT_LABELS.USER_ID.eq(DSL.param("label_owner", Long.class))
                            .and(CONTACT_LABELS.NAME_FOLDED.eq(DSL.param("label", String.class)))
                            .and(CONTACT_LABELS.CONTACT_ID.eq(CONTACTS.ID)))));
        } else if (shape.label()) {
            // driven from the label's index: only the contacts that carry it are looked at
            condition = condition.and(CONTACTS.ID.in(DSL.select(CONTACT_LABELS.CONTACT_ID).from(CONTACT_LABELS)
                    .where(CONTACT_LABELS.USER_ID.eq(DSL.param("label_owner", Long.class))
                            .and(CONTACT_LABELS.NAME_FOLDED.eq(DSL.param("label", String.class))))));
        }
        // the contacts whose folded text holds every long word (of any owner: the owner is tested above)
        if (shape.trigrams() == Trigrams.FIRST) {
            condition = condition.and(CONTACTS.ID.eq(FOUND));
        } else if (shape.trigrams() == Trigrams.WALK) {
            condition = condition.and(CONTACTS.ID.in(DSL.select(FOUND).from(matches())));
        } else if (shape.trigrams() == Trigrams.TEXT) {
            // the walk ends at the key of the entry "bound" entries into the owner's list (the entries after it with
            // the same key too): a range of the index, so SQLite stops there
            @SuppressWarnings("unchecked")
            Field<Object> key = (Field<Object>) sortColumn(shape.sort());
            Field<Object> bound = DSL.field(DSL.select(key).from(sortIndexed(shape.sort()))
                    .where(CONTACTS.USER_ID.eq(DSL.param("bound_owner", Long.class)).and(CONTACTS.DELETED_AT.isNull()))
                    .orderBy(pageOrder(shape, key, CONTACTS.ID))
                    .limit(DSL.inline(1)).offset(DSL.param("bound", Integer.class)));
            condition = condition.and(shape.descending() ? key.ge(bound) : key.le(bound));
        }
        for (int i = 0; i < shape.words(); i++) {
            condition = condition.and(contains(dsl, CONTACTS.SEARCH_TEXT, "word" + i));
        }
        if (shape.firstName()) {
            condition = condition.and(contains(dsl, CONTACTS.FIRST_NAME_FOLDED, "first_name"));
        }
        if (shape.lastName()) {
            condition = condition.and(contains(dsl, CONTACTS.LAST_NAME_FOLDED, "last_name"));
        }
        if (shape.email()) {
            condition = condition.and(contains(dsl, CONTACTS.EMAIL_FOLDED, "email"));
        }
        return condition;
    }

    /** The contacts table read through the index of the owner's live contacts by {@code sort}'s key, then id. */
    private static Table<Record> sortIndexed(ListOptions.Sort sort) {
        String index = switch (sort) {
            case ID -> "contacts_live_id";
            case FIRST_NAME -> "contacts_live_first_name";
            case LAST_NAME -> "contacts_live_last_name";
            case CREATED_AT -> "contacts_live_created";
            case UPDATED_AT -> "contacts_live_updated";
        };
        return DSL.table("{0} indexed by {1}", CONTACTS, DSL.name(index));
    }

    /** The ids of the contacts (of any owner) whose folded text holds every word of the value "trigrams". */
    private static Table<Record1<Long>> matches() {
        return DSL.select(DSL.field(DSL.name("rowid"), Long.class).as("id")).from(TRIGRAMS)
                .where(DSL.condition("{0} match {1}", TRIGRAMS, DSL.param("trigrams", String.class)))
                .asTable("matches");
    }

    /**
     * A part of a run of month-days in one statement, in the order of {@code keys} then id: its ids from the birthday
     * index (owner, month-day, last and first name keys, id), which holds that order, then their rows, each followed
     * by its keys (where the next part goes on). From an offset ("skip"), or when {@code after}, after the contact
     * whose keys and id are "after0", "after1", ... and "after_id".
     */
    private static ResultQuery<?> birthdayPage(DSLContext dsl, boolean after, Field<?>... keys) {
        Table<?> page = birthdayIds(dsl, after, keys).asTable("page");
        List<SortField<?>> pageOrder = new ArrayList<>();
        List<Field<?>> columns = new ArrayList<>(CONTACT_COLUMNS);
        for (int i = 0; i < keys.length; i++) {
            pageOrder.add(page.field("key" + i).asc());
            columns.add(page.field("key" + i));
        }
        Field<Long> pageId = page.field("page_id", Long.class);
        pageOrder.add(pageId.asc());
        return dsl.select(columns).from(page).join(CONTACTS).on(CONTACTS.ID.eq(pageId)).orderBy(pageOrder);
    }

    /**
     * The ids of a part of a run of month-days, in order, each with its keys and then its row version: all of them
     * in the birthday index (owner, month-day, last and first name keys, id, version), so no row is read.
     */
    private static Select<?> birthdayIds(DSLContext dsl, boolean after, Field<?>... keys) {
        return birthdayIds(dsl, after, false, keys);
    }

    /**
     * The owner's order version and the entry "skip" entries into a run of month-days (by month-day: its id and keys),
     * from the run's start or after a place; the owner's row whether or not the run goes that far.
     */
    private static ResultQuery<?> birthdayStepQuery(DSLContext dsl, boolean after) {
        Table<?> step = birthdayIds(dsl, after, true, CONTACTS.BIRTHDAY_MD, CONTACTS.LAST_NAME_KEY,
                CONTACTS.FIRST_NAME_KEY).asTable("step");
        return dsl.select(USERS.ORDER_VERSION, step.field("page_id"), step.field("key0"), step.field("key1"),
                        step.field("key2"))
                .from(USERS).leftJoin(step).on(DSL.trueCondition())
                .where(USERS.ID.eq(DSL.param("version_owner", Long.class)));
    }

    /** As above; {@code skipAfter}: an offset after the place too. */
    private static Select<?> birthdayIds(DSLContext dsl, boolean after, boolean skipAfter, Field<?>... keys) {
        List<Field<?>> pageFields = new ArrayList<>(List.of(CONTACTS.ID.as("page_id")));
        for (int i = 0; i < keys.length; i++) {
            pageFields.add(keys[i].as("key" + i));
        }
        pageFields.add(CONTACTS.ROW_VERSION.as("page_version"));
        List<SortField<?>> order = new ArrayList<>(Arrays.stream(keys).map(Field::asc).toList());
        order.add(CONTACTS.ID.asc());
        Condition where = inMonthDays();
        if (after) {
            List<Field<?>> place = new ArrayList<>(Arrays.asList(keys));
            place.add(CONTACTS.ID);
            List<Field<?>> afterPlace = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                afterPlace.add(DSL.param("after" + i, String.class));
            }
            afterPlace.add(DSL.param("after_id", Long.class));
            Condition afterIt = DSL.row(place).gt(DSL.row(afterPlace));
            // by month-day, the place is in the run, so it is the run's start too: without "from" beside it, SQLite
            // seeks the index to the place instead of reading the run from its start and skipping what went before
            where = keys[0].equals(CONTACTS.BIRTHDAY_MD)
                    ? CONTACTS.USER_ID.eq(DSL.param("owner", Long.class)).and(CONTACTS.DELETED_AT.isNull())
                            .and(CONTACTS.BIRTHDAY_MD.le(DSL.param("to", String.class))).and(afterIt)
                    : where.and(afterIt);
        }
        var limited = dsl.select(pageFields).from(CONTACTS).where(where).orderBy(order)
                .limit(DSL.param("limit", Integer.class));
        return after && !skipAfter ? limited : limited.offset(DSL.param("skip", Integer.class));
    }

    /** The owner's live contacts whose stored month-day is from {@code from} to {@code to}: a range of the index. */
    private static Condition inMonthDays() {
        return CONTACTS.USER_ID.eq(DSL.param("owner", Long.class)).and(CONTACTS.DELETED_AT.isNull())
                .and(CONTACTS.BIRTHDAY_MD.between(DSL.param("from", String.class), DSL.param("to", String.class)));
    }

    /** The column a listing is sorted by; ties are broken by id in the same direction. */
    private static Field<?> sortColumn(ListOptions.Sort sort) {
        return switch (sort) {
            case ID -> CONTACTS.ID;
            case FIRST_NAME -> CONTACTS.FIRST_NAME_KEY;
            case LAST_NAME -> CONTACTS.LAST_NAME_KEY;
            case CREATED_AT -> CONTACTS.CREATED_AT;
            case UPDATED_AT -> CONTACTS.UPDATED_AT;
        };
    }

    private static <T> SortField<T> direction(Field<T> field, boolean descending) {
        return descending ? field.desc() : field.asc();
    }

    private static Condition live(long owner) {
        return CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNull());
    }

    private Condition inTrash(long owner) {
        return CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNotNull())
                .and(CONTACTS.DELETED_AT.ge(clock.instant().minus(TRASH_KEPT)));
    }

    /**
     * A literal substring test of the value named {@code needle} ({@code %}, {@code _} and backslashes are plain
     * characters: {@link #needle}). SQLite: instr(), which needs no escaping. PostgreSQL: LIKE with the needle
     * escaped, the form a trigram index serves.
     */
    private static Condition contains(DSLContext dsl, Field<String> folded, String needle) {
        if (Database.isSqlite(dsl)) {
            return DSL.position(folded, DSL.param(needle, String.class)).gt(DSL.inline(0));
        }
        return folded.like(DSL.param(needle, String.class), '\\');
    }

    /** The value a {@link #contains} test binds for {@code text}: itself on SQLite, an escaped LIKE pattern else. */
    private String needle(String text) {
        if (Database.isSqlite(dsl)) {
            return text;
        }
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static void storeLabels(DSLContext t, long owner, long contactId, List<String> labels) {
        t.deleteFrom(CONTACT_LABELS).where(CONTACT_LABELS.CONTACT_ID.eq(contactId)).execute();
        for (String label : labels) {
            t.insertInto(CONTACT_LABELS, CONTACT_LABELS.CONTACT_ID, CONTACT_LABELS.USER_ID, CONTACT_LABELS.NAME,
                            CONTACT_LABELS.NAME_FOLDED)
                    .values(contactId, owner, label, ContactKeys.fold(label))
                    .onConflictDoNothing()
                    .execute();
        }
    }

    private static void fill(ContactsRecord record, ContactDraft draft) {
        record.setFirstName(draft.firstName());
        record.setLastName(draft.lastName());
        record.setEmail(draft.email());
        record.setPhone(draft.phone());
        record.setEmails(write(draft.emails()));
        record.setPhones(write(draft.phones()));
        record.setAddresses(write(draft.addresses()));
        record.setLabels(write(draft.labels()));
        record.setOrganization(draft.organization());
        record.setJobTitle(draft.jobTitle());
        record.setNickname(draft.nickname());
        record.setFavorite(draft.favorite());
        record.setBirthday(draft.birthday());
        record.setAdditionalData(draft.additionalData());
        record.setFirstNameFolded(ContactKeys.fold(draft.firstName()));
        record.setLastNameFolded(ContactKeys.fold(draft.lastName()));
        record.setEmailFolded(ContactKeys.emailsText(draft));
        record.setFirstNameKey(ContactKeys.sortKey(draft.firstName()));
        record.setLastNameKey(ContactKeys.sortKey(draft.lastName()));
        record.setSearchText(ContactKeys.searchText(draft));
        record.setKeysVersion(ContactKeys.VERSION);
        record.setBirthdayMd(draft.birthday() == null ? null : BirthdayCalendar.monthDay(draft.birthday()));
    }

    private static Contact toContact(ContactsRecord r) {
        return new StoredContact(r.getId(), r.getFirstName(), r.getLastName(), r.getBirthday(), r.getAdditionalData(),
                r.getEmails(), r.getPhones(), r.getAddresses(), r.getOrganization(), r.getJobTitle(), r.getNickname(),
                r.getLabels(), r.getFavorite(), r.getHasPhoto(), r.getCreatedAt(), r.getUpdatedAt(), r.getRowVersion())
                .contact();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a contact's list", e);
        }
    }

    /**
     * A contact's row as read through JDBC, its columns in the order of {@link #CONTACT_COLUMNS}: the one read before
     * when its id and version are those of a remembered row (the same content), else its columns.
     */
    private StoredContact stored(ResultSet row, SQLDialect dialect) throws SQLException {
        StoredContact known = json.known(row.getLong(1), row.getLong(VERSION_COLUMN));
        if (known != null) {
            return known;
        }
        return new StoredContact(row.getLong(1), row.getString(2), row.getString(3),
                SqlTimes.date(row, 4, dialect), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), row.getString(10), row.getString(11), row.getString(12),
                row.getBoolean(13), row.getBoolean(14),
                SqlTimes.instant(row, 15, dialect), SqlTimes.instant(row, 16, dialect), row.getLong(VERSION_COLUMN));
    }

    /** Now, to the microsecond: what PostgreSQL's timestamptz keeps, so an answer equals a later read of it. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
