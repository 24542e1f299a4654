package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.model.UpcomingBirthday;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upcoming birthdays as the repository reads them (runs of month-days from the birthday index) against the
 * contract's rules written plainly ({@link BirthdayModel}), over a generated book crowded around the new year and
 * the end of February, on dates in common and leap years, for windows from 0 to 366 days, read whole and page by
 * page. Trashed contacts, contacts without a birthday and another user's contacts are in the same table.
 */
class BirthdayOrderTest {

    private static final String[] LAST = {"Núñez", "nunez", "Smith", "smith", "Émile", "", "Zoë", "O'Brien",
            "Straße"};
    private static final String[] FIRST = {"Ana", "ana", "Ádám", "Adam", "Eve", "Zoltán"};
    /** Where the order is easiest to get wrong: the new year, the end of February, and the dates below. */
    private static final String[] CROWDED = {"12-30", "12-31", "01-01", "01-02", "02-27", "02-28", "02-29",
            "03-01", "03-02", "06-15", "11-26"};
    /** Years that birthdays are stored with: leap (1604, the year-less birthdays' year; 1988; 2000) and common. */
    private static final int[] YEARS = {1604, 1988, 2000, 1979, 2023};
    private static final String[] TODAYS = {"2026-12-30", "2026-12-31", "2027-01-01", "2027-02-27", "2027-02-28",
            "2027-03-01", "2027-12-31", "2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01", "2028-12-31",
            "2026-11-26", "2027-06-15"};
    private static final int[] DAYS = {0, 1, 2, 7, 30, 60, 61, 364, 365, 366};

    private static Database database;
    private static ContactRepository contacts;
    private static long owner;
    /** The owner's live contacts, as the model sees them. */
    private static final List<BirthdayModel> LIVE = new ArrayList<>();

    @BeforeAll
    static void book() {
        database = Database.open(TestDatabases.fresh());
        DSLContext dsl = database.dsl();
        contacts = new ContactRepository(dsl, Clock.systemUTC(), Integer.MAX_VALUE);
        owner = user(dsl, "owner@example.com");
        long other = user(dsl, "other@example.com");
        Random random = new Random(13);
        List<Contact> made = contacts.createAll(owner, drafts(random, 160));
        contacts.createAll(other, drafts(random, 40));
        Set<Long> trashed = new HashSet<>();
        for (Contact c : made) {
            if (random.nextInt(8) == 0) {
                trashed.add(c.id());
            }
        }
        contacts.trashAll(owner, trashed);
        for (Contact c : made) {
            if (!trashed.contains(c.id())) {
                LIVE.add(new BirthdayModel(c.id(), c.firstName(), c.lastName(), c.birthday()));
            }
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static long user(DSLContext dsl, String email) {
        return dsl.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.PASSWORD_HASH, "x")
                .set(USERS.CREATED_AT, Instant.now()).returning(USERS.ID).fetchSingle().getId();
    }

    private static List<ContactDraft> drafts(Random random, int n) {
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drafts.add(new ContactDraft(FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)],
                    null, null, birthday(random), null));
        }
        return drafts;
    }

    private static LocalDate birthday(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return LocalDate.ofYearDay(2000, 1 + random.nextInt(366));
        }
        String monthDay = CROWDED[random.nextInt(CROWDED.length)];
        int year = YEARS[random.nextInt(YEARS.length)];
        // a 29 February birthday needs a leap year
        return LocalDate.parse((monthDay.equals("02-29") && year % 4 != 0 ? 2000 : year) + "-" + monthDay);
    }

    @Test
    void everyWindowHoldsTheContractsBirthdaysInItsOrder() {
        for (String day : TODAYS) {
            LocalDate today = LocalDate.parse(day);
            for (int days : DAYS) {
                String what = "today " + today + ", " + days + " days";
                List<BirthdayModel> expected = BirthdayModel.upcoming(LIVE, today, days);
                ContactRepository.CountedBirthdays window =
                        contacts.countBirthdays(owner, BirthdayCalendar.window(today, days));
                assertEquals(expected.size(), window.total(), what + ": X-Total-Count");

                List<Contact> whole = page(window, 0, 1000);
                assertEquals(ids(expected), whole.stream().map(Contact::id).toList(), what);
                for (int i = 0; i < whole.size(); i++) {
                    UpcomingBirthday shown = BirthdayCalendar.upcoming(whole.get(i), today);
                    assertEquals(expected.get(i).next(today), shown.nextBirthday(), what);
                    assertEquals(expected.get(i).daysUntil(today), shown.daysUntil(), what);
                }
            }
        }
    }

    @Test
    void pagesOfAnySizeAddUpToTheWholeWindow() {
        Random random = new Random(7);
        for (String day : TODAYS) {
            LocalDate today = LocalDate.parse(day);
            for (int days : DAYS) {
                String what = "today " + today + ", " + days + " days";
                List<Long> expected = ids(BirthdayModel.upcoming(LIVE, today, days));
                ContactRepository.CountedBirthdays window =
                        contacts.countBirthdays(owner, BirthdayCalendar.window(today, days));
                int limit = 1 + random.nextInt(12);
                List<Long> paged = new ArrayList<>();
                for (int skip = 0; skip < expected.size(); skip += limit) {
                    List<Contact> page = page(window, skip, limit);
                    assertEquals(Math.min(limit, expected.size() - skip), page.size(), what + ", skip " + skip);
                    page.forEach(c -> paged.add(c.id()));
                }
                assertEquals(expected, paged, what + ", pages of " + limit);
                assertTrue(page(window, expected.size(), limit).isEmpty(), what + ": past the end");
            }
        }
    }

    private static List<Contact> page(ContactRepository.CountedBirthdays window, int skip, int limit) {
        List<Contact> read = new ArrayList<>();
        contacts.birthdays(owner, window, skip, limit, row -> read.add(row.contact()));
        return read;
    }

    private static List<Long> ids(List<BirthdayModel> models) {
        return models.stream().map(BirthdayModel::id).toList();
    }
}
