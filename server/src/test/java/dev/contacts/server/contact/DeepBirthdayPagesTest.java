package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.CONTACTS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.contacts.model.ContactDraft;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Birthday pages deep in a run of month-days are read from places remembered at one book version, and each run's
 * count is remembered at its version ({@link ListAnchors}, migrations V12 and V14). A reader (one instance: its own
 * repository, places and counts) reads every deep page twice, so that it remembers the runs' versions and then their
 * places; then a write through another instance, through the reader itself or by SQL behind both; then every page the
 * reader gives, with its total, must be the contract's: held against {@link BirthdayModel} over the database's live
 * contacts, for windows across the new year and across 28 / 29 February in a common year, at places' boundaries and
 * past the end, with another user's contacts on the same days. Fails with the version check of a place or of a count
 * left out, or with a birthday changed by SQL alone not raising the version (V14).
 */
class DeepBirthdayPagesTest {

    /** A common year (28 and 29 February share a run), and the last days of a year before a leap year. */
    private static final List<LocalDate> TODAYS = List.of(LocalDate.parse("2027-02-26"),
            LocalDate.parse("2027-12-29"));
    /** More than two places' worth of contacts in the year's longest run. */
    private static final int BOOK = 3 * ListAnchors.SPACING;
    private static final String[] FIRST = {"Ada", "Ádám", "Bo", "Zoë", "Eve", "Olga", "Mia"};
    private static final String[] LAST = {"Smith", "Müller", "Lee", "Núñez", "Rossi", ""};
    private static final int LIMIT = 7;

    private Database database;
    private DSLContext sql;
    private ContactRepository writer;
    private long owner;
    private long other;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        sql = database.dsl();
        writer = repository();
        UserRepository users = new UserRepository(sql, Clock.systemUTC());
        owner = users.create("owner@example.com", "hash").userId();
        other = users.create("other@example.com", "hash").userId();
        List<ContactDraft> drafts = new ArrayList<>();
        LocalDate day = LocalDate.parse("1996-01-01"); // a leap year: 29 February among the days
        for (int i = 0; i < BOOK; i++) {
            // about eight contacts a day, many sharing a name; every 50th a birthday on 29 February
            LocalDate birthday = i % 50 == 0 ? LocalDate.parse("2000-02-29") : day.plusDays(i % 366);
            drafts.add(new ContactDraft(FIRST[i % FIRST.length], LAST[(i / 3) % LAST.length], "c" + i + "@example.com",
                    null, birthday, null));
        }
        writer.createAll(other, drafts.subList(0, 200));
        writer.createAll(owner, drafts);
        writer.createAll(other, drafts.subList(200, 400));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ContactRepository repository() {
        return new ContactRepository(sql, Clock.systemUTC(), 10 * BOOK);
    }

    @Test
    void writesThroughAnotherInstanceGiveTheContractsPages() {
        long[] made = new long[1];
        afterWrite("nothing written", reader -> { });
        afterWrite("a create early in the longest run", reader -> made[0] = writer.create(owner,
                new ContactDraft("Aaron", "Aaa", "new@example.com", null, LocalDate.parse("1990-03-01"), null)).id());
        afterWrite("a birthday moved within a run", reader -> writer.update(owner, idAt(5), current -> { },
                d -> born(d, "1980-11-30")));
        afterWrite("a birthday moved to another run", reader -> writer.update(owner, idAt(1500), current -> { },
                d -> born(d, "1980-12-30")));
        afterWrite("a birthday onto 29 February", reader -> writer.update(owner, idAt(700), current -> { },
                d -> born(d, "2004-02-29")));
        afterWrite("a name that moves a contact in its day", reader -> writer.update(owner, idAt(1200),
                current -> { }, d -> new ContactDraft("Aaa", "Aaa", d.emails(), d.phones(), d.birthday(),
                        d.additionalData(), d.addresses(), d.organization(), d.jobTitle(), d.nickname(), d.labels(),
                        d.favorite())));
        afterWrite("a trash", reader -> writer.trash(owner, made[0], current -> { }));
        afterWrite("a restore", reader -> writer.restore(owner, made[0]));
        afterWrite("a bulk trash", reader -> writer.trashAll(owner, List.of(idAt(10), idAt(2000), idAt(2500))));
        afterWrite("another user's contacts on the same days", reader -> writer.createAll(other, List.of(
                new ContactDraft("Aaa", "Aaa", null, null, LocalDate.parse("1990-03-01"), null),
                new ContactDraft("Aaa", "Aaa", null, null, LocalDate.parse("1990-12-30"), null))));
    }

    @Test
    void writesThroughTheReaderAndBehindItsBackGiveTheContractsPages() {
        afterWrite("a create through the reader", reader -> reader.create(owner,
                new ContactDraft("Aaron", "Aaa", null, null, LocalDate.parse("1990-03-02"), null)));
        // no other field changed, so no other trigger of the book version fires: V14's own
        afterWrite("a birthday changed by SQL alone", reader -> bornBySql(idAt(1800), "1991-03-03"));
        afterWrite("a birthday changed by SQL alone, to another run", reader -> bornBySql(idAt(900), "1991-12-31"));
        afterWrite("a live contact deleted by SQL", reader -> sql.execute("delete from contacts where id = ?",
                idAt(1100)));
        afterWrite("a contact trashed by SQL", reader -> sql.update(CONTACTS)
                .set(CONTACTS.DELETED_AT, Instant.parse("2026-01-01T00:00:00Z"))
                .where(CONTACTS.ID.eq(idAt(300))).execute());
    }

    /**
     * A new reader reads every deep page twice (the first remembers the runs' version, the second their places), then
     * {@code write} (given the reader), then every page and total the reader gives must be the contract's.
     */
    private void afterWrite(String what, Consumer<ContactRepository> write) {
        ContactRepository reader = repository();
        for (LocalDate today : TODAYS) {
            for (int days : new int[] {366, 300}) {
                for (int read = 0; read < 2; read++) {
                    for (int skip : skips(reader, today, days)) {
                        page(reader, today, days, skip);
                    }
                }
            }
        }
        write.accept(reader);
        List<BirthdayModel> live = live();
        for (LocalDate today : TODAYS) {
            for (int days : new int[] {366, 300}) {
                List<Long> expected = BirthdayModel.upcoming(live, today, days).stream().map(BirthdayModel::id)
                        .toList();
                for (int skip : skips(reader, today, days)) {
                    String at = what + ", today " + today + ", " + days + " days, skip " + skip;
                    ContactRepository.CountedBirthdays window =
                            reader.countBirthdays(owner, BirthdayCalendar.window(today, days));
                    assertEquals(expected.size(), window.total(), at + ": the total");
                    assertEquals(expected.stream().skip(skip).limit(LIMIT).toList(), page(reader, today, days, skip),
                            at);
                }
            }
        }
    }

    /**
     * The skips checked in a window: in each run of more than a place's worth, just before, at and after its first
     * and second places, and its last entries; and past the window's end.
     */
    private List<Integer> skips(ContactRepository reader, LocalDate today, int days) {
        ContactRepository.CountedBirthdays window = reader.countBirthdays(owner, BirthdayCalendar.window(today, days));
        List<Integer> skips = new ArrayList<>();
        int before = 0;
        for (int count : window.counts()) {
            for (int at : new int[] {ListAnchors.SPACING - 1, ListAnchors.SPACING, ListAnchors.SPACING + 1,
                    2 * ListAnchors.SPACING, 2 * ListAnchors.SPACING + 3, count - 2}) {
                if (at >= ListAnchors.SPACING - 1 && at <= count) {
                    skips.add(before + at);
                }
            }
            before += count;
        }
        skips.add(before);
        skips.add(before + 40);
        return skips;
    }

    /** The ids of the page {@code skip} contacts into a window, read as the service reads it (parts of 3). */
    private List<Long> page(ContactRepository reader, LocalDate today, int days, int skip) {
        ContactRepository.CountedBirthdays window = reader.countBirthdays(owner, BirthdayCalendar.window(today, days));
        List<Long> ids = new ArrayList<>();
        Optional<ContactRepository.BirthdayCursor> next = Optional.of(ContactRepository.BirthdayCursor.page(skip,
                LIMIT));
        while (next.isPresent()) {
            ContactRepository.BirthdayPart part = reader.birthdays(owner, window, next.get(), 3);
            part.rows().forEach(row -> ids.add(row.id()));
            next = part.next();
        }
        return ids;
    }

    /** The owner's live contacts as the database holds them now. */
    private List<BirthdayModel> live() {
        return sql.select(CONTACTS.ID, CONTACTS.FIRST_NAME, CONTACTS.LAST_NAME, CONTACTS.BIRTHDAY).from(CONTACTS)
                .where(CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNull()))
                .fetch(r -> new BirthdayModel(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The id of the owner's live contact at {@code position} in id order. */
    private long idAt(int position) {
        return sql.select(CONTACTS.ID).from(CONTACTS)
                .where(CONTACTS.USER_ID.eq(owner).and(CONTACTS.DELETED_AT.isNull())).orderBy(CONTACTS.ID)
                .limit(1).offset(position).fetchOne(CONTACTS.ID);
    }

    /** A birthday and its stored month-day changed, and nothing else (no time, no name). */
    private void bornBySql(long id, String birthday) {
        sql.update(CONTACTS).set(CONTACTS.BIRTHDAY, LocalDate.parse(birthday))
                .set(CONTACTS.BIRTHDAY_MD, birthday.substring(5)).where(CONTACTS.ID.eq(id)).execute();
    }

    private static ContactDraft born(ContactDraft d, String birthday) {
        return new ContactDraft(d.firstName(), d.lastName(), d.emails(), d.phones(), LocalDate.parse(birthday),
                d.additionalData(), d.addresses(), d.organization(), d.jobTitle(), d.nickname(), d.labels(),
                d.favorite());
    }
}
