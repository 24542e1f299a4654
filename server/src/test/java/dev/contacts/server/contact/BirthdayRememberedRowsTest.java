package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A birthday page reads its ids and versions from the birthday index and takes the rows it remembers with that id
 * and version (migration V11): after every kind of change of the contacts it has remembered (content only, a name
 * that moves a contact in the order, a birthday into and out of the window, the trash and back, a change behind the
 * server's back, one contact of a part or most of them), each page, read whole or in parts, holds exactly the
 * database's rows in the contract's order, across the new year and 28 / 29 February, with the right total; another
 * user's contacts on the same days never appear. It fails when a remembered row is taken by its id alone (checked).
 */
class BirthdayRememberedRowsTest {

    /** Windows across the new year (into a leap year) and across the end of February in a common year. */
    private static final List<LocalDate> TODAYS = List.of(LocalDate.parse("2027-12-29"), LocalDate.parse("2027-02-26"));
    private static final String[] DAYS = {"1990-12-30", "1990-12-31", "2000-01-01", "1985-01-02", "1999-02-28",
            "2000-02-29", "1979-03-01", "1970-07-01"};
    private static final String[] LAST = {"Núñez", "nunez", "Smith", "Émile", "Straße", ""};

    private Database database;
    private ContactRepository contacts;
    private long owner;
    /** The owner's live contacts as the writes returned them. */
    private final Map<Long, Contact> live = new LinkedHashMap<>();

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        contacts = new ContactRepository(database.dsl(), Clock.systemUTC(), 1000);
        UserRepository users = new UserRepository(database.dsl(), Clock.systemUTC());
        owner = users.create("owner@example.com", "hash").userId();
        long other = users.create("other@example.com", "hash").userId();
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            drafts.add(new ContactDraft("Ann " + (char) ('a' + i % 5), LAST[i % LAST.length], "a" + i + "@example.com",
                    null, LocalDate.parse(DAYS[i % DAYS.length]), null));
        }
        // another user's contacts first and last, on the same days and names
        contacts.createAll(other, drafts.subList(0, 16));
        contacts.createAll(owner, drafts).forEach(c -> live.put(c.id(), c));
        contacts.createAll(other, drafts.subList(16, 32));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyPageHoldsTheDatabasesRowsAfterEachChangeOfRememberedOnes() {
        List<Long> ids = List.copyOf(live.keySet());
        checkEveryPage("all read anew");
        checkEveryPage("all remembered");

        // content only, one contact of a part: read alone by id
        update(ids.get(3), d -> d.withEmail("changed@example.com"));
        checkEveryPage("one email changed");

        // a name that moves it to the front of its day, and back
        update(ids.get(9), d -> named(d, "Aaron", "Aardvark"));
        checkEveryPage("one renamed to the front");
        update(ids.get(9), d -> named(d, "Zed", "Zzz"));
        checkEveryPage("renamed to the back");

        // a birthday out of every window, and one into 31 December and 29 February
        update(ids.get(0), d -> born(d, "1990-07-01"));
        update(ids.get(7), d -> born(d, "1990-12-31"));
        update(ids.get(15), d -> born(d, "2004-02-29"));
        checkEveryPage("birthdays moved");

        // to the trash and back
        contacts.trash(owner, ids.get(1), current -> { });
        contacts.trashAll(owner, List.of(ids.get(2), ids.get(11)));
        live.remove(ids.get(1));
        live.remove(ids.get(2));
        live.remove(ids.get(11));
        checkEveryPage("three trashed");
        restore(ids.get(2));
        checkEveryPage("one restored");

        // behind the server's back (another instance, another tool): the trigger raises the version
        database.dsl().execute("update contacts set first_name = 'Behind' where id = ?", ids.get(4));
        live.put(ids.get(4), contacts.find(owner, ids.get(4)).orElseThrow());
        assertEquals("Behind", live.get(ids.get(4)).firstName());
        checkEveryPage("changed by SQL");

        // most contacts of a part changed: the part read in one statement
        for (int i = 0; i < ids.size(); i += 2) {
            if (live.containsKey(ids.get(i))) {
                long id = ids.get(i);
                update(id, d -> d.withEmail("most" + id + "@example.com"));
            }
        }
        checkEveryPage("half changed");
        checkEveryPage("half changed, then remembered");
    }

    /**
     * Each window from each day: the total, the page read whole, and in parts of several sizes from several skips,
     * each contact's content as the last write left it.
     */
    private void checkEveryPage(String when) {
        List<BirthdayModel> models = live.values().stream()
                .map(c -> new BirthdayModel(c.id(), c.firstName(), c.lastName(), c.birthday())).toList();
        for (LocalDate today : TODAYS) {
            for (int days : new int[] {3, 7, 366}) {
                String what = when + ", today " + today + ", " + days + " days";
                List<Long> expected = BirthdayModel.upcoming(models, today, days).stream().map(BirthdayModel::id)
                        .toList();
                ContactRepository.CountedBirthdays window =
                        contacts.countBirthdays(owner, BirthdayCalendar.window(today, days));
                assertEquals(expected.size(), window.total(), what + ": the total");
                for (int skip : new int[] {0, 1, 5}) {
                    for (int most : new int[] {1, 3, 7, 1000}) {
                        List<StoredContact> read = inParts(window, today, skip, most);
                        List<Long> readIds = read.stream().map(StoredContact::id).toList();
                        List<Long> wanted = expected.stream().skip(skip).toList();
                        assertEquals(wanted, readIds, what + ", skip " + skip + ", parts of " + most);
                        for (StoredContact row : read) {
                            assertEquals(shown(live.get(row.id())), shown(row.contact()), what + ": " + row.id());
                        }
                    }
                }
            }
        }
    }

    /** The page read as the service reads it: in parts, each row's JSON made (and so remembered) as it is sent. */
    private List<StoredContact> inParts(ContactRepository.CountedBirthdays window, LocalDate today, int skip,
                                        int most) {
        List<StoredContact> read = new ArrayList<>();
        Optional<ContactRepository.BirthdayCursor> next =
                Optional.of(ContactRepository.BirthdayCursor.page(skip, 1000));
        while (next.isPresent()) {
            ContactRepository.BirthdayPart part = contacts.birthdays(owner, window, next.get(), most);
            // longer only with rows the server remembers (held anyway)
            assertTrue(part.rows().size() <= most || part.rows().stream()
                    .allMatch(row -> contacts.json().known(row.id(), row.version()) == row), "part of " + most);
            read.addAll(part.rows());
            part.rows().forEach(row -> contacts.json().upcoming(row, today));
            next = part.next();
        }
        return read;
    }

    /** What a page shows of a contact that any change above alters. */
    private static List<Object> shown(Contact c) {
        return List.of(c.id(), c.firstName(), c.lastName(), c.email(), String.valueOf(c.birthday()), c.updatedAt());
    }

    private void update(long id, java.util.function.UnaryOperator<ContactDraft> change) {
        live.put(id, contacts.update(owner, id, current -> { }, change).orElseThrow());
    }

    private void restore(long id) {
        live.put(id, contacts.restore(owner, id).orElseThrow());
    }

    private static ContactDraft named(ContactDraft d, String first, String last) {
        return new ContactDraft(first, last, d.emails(), d.phones(), d.birthday(), d.additionalData(), d.addresses(),
                d.organization(), d.jobTitle(), d.nickname(), d.labels(), d.favorite());
    }

    private static ContactDraft born(ContactDraft d, String birthday) {
        return new ContactDraft(d.firstName(), d.lastName(), d.emails(), d.phones(), LocalDate.parse(birthday),
                d.additionalData(), d.addresses(), d.organization(), d.jobTitle(), d.nickname(), d.labels(),
                d.favorite());
    }
}
