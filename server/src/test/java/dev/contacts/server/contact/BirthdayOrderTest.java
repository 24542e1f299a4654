package dev.contacts.server.contact;

import static dev.contacts.server.contact.RepositoryBooks.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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

    /**
     * A page read in parts (as the service reads one: each part goes on after the last contact of the one before)
     * holds what the page read whole holds, whatever the parts' size: across the new year, 28 and 29 February and
     * runs of equal names.
     */
    @Test
    void aPageReadInPartsEqualsThePageReadWhole() {
        Random random = new Random(11);
        for (String day : TODAYS) {
            LocalDate today = LocalDate.parse(day);
            for (int days : DAYS) {
                List<Long> all = ids(BirthdayModel.upcoming(LIVE, today, days));
                ContactRepository.CountedBirthdays window =
                        contacts.countBirthdays(owner, BirthdayCalendar.window(today, days));
                int skip = random.nextInt(3) == 0 ? 0 : random.nextInt(all.size() + 1);
                int limit = 1 + random.nextInt(all.size() + 1);
                List<Long> expected = all.stream().skip(skip).limit(limit).toList();
                String what = "today " + today + ", " + days + " days, skip " + skip + ", limit " + limit;
                assertEquals(expected, page(window, skip, limit).stream().map(Contact::id).toList(), what);
                for (int most : new int[] {1, 2, 3, 7, 50}) {
                    assertEquals(expected, inParts(owner, window, skip, limit, most), what + ", in parts of " + most);
                }
            }
        }
    }

    /**
     * Parts go on from the last contact written, not from an offset: contacts trashed or added before that place
     * between two parts neither repeat nor hide a contact that is there throughout.
     */
    @Test
    void contactsThereThroughoutAreReadOnceWhenOthersChangeBetweenParts() {
        long someone = user(database.dsl(), "parts@example.com");
        LocalDate today = LocalDate.parse("2027-06-15");
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            drafts.add(new ContactDraft("Ann", "Part " + (char) ('a' + i % 20), null, null,
                    LocalDate.parse("1990-06-" + (15 + i % 3)), null));
        }
        List<Long> made = contacts.createAll(someone, drafts).stream().map(Contact::id).toList();
        ContactRepository.CountedBirthdays window = contacts.countBirthdays(someone, BirthdayCalendar.window(today, 7));
        ContactRepository.BirthdayPart first = contacts.birthdays(someone, window,
                ContactRepository.BirthdayCursor.page(0, 1000), 15);
        List<Long> read = new ArrayList<>(first.rows().stream().map(StoredContact::id).toList());
        assertEquals(15, read.size());

        // before the next part: five already read go to the trash, eight come that sort before the place reached (an
        // offset would then read three again; with no new ones, it would skip five)
        Set<Long> trashed = new HashSet<>(read.subList(2, 7));
        contacts.trashAll(someone, trashed);
        List<ContactDraft> earlier = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            earlier.add(new ContactDraft("Ann", "Early " + i, null, null, LocalDate.parse("1990-06-15"), null));
        }
        contacts.createAll(someone, earlier);
        Optional<ContactRepository.BirthdayCursor> next = first.next();
        while (next.isPresent()) {
            ContactRepository.BirthdayPart part = contacts.birthdays(someone, window, next.get(), 15);
            part.rows().forEach(row -> read.add(row.id()));
            next = part.next();
        }

        List<Long> throughout = made.stream().filter(id -> !trashed.contains(id)).toList();
        List<Long> readOfThem = new ArrayList<>(read);
        readOfThem.retainAll(throughout);
        assertEquals(throughout.size(), readOfThem.size(), "each contact there throughout, once: " + read);
        assertEquals(new HashSet<>(throughout), new HashSet<>(readOfThem));
        List<Long> orderNow = inParts(someone, contacts.countBirthdays(someone, BirthdayCalendar.window(today, 7)), 0,
                1000, 1000);
        orderNow.retainAll(throughout);
        assertEquals(orderNow, readOfThem, "in the window's order");
    }

    private static List<Long> inParts(long who, ContactRepository.CountedBirthdays window, int skip, int limit,
                                      int most) {
        List<Long> read = new ArrayList<>();
        Optional<ContactRepository.BirthdayCursor> next = Optional.of(ContactRepository.BirthdayCursor.page(skip, limit));
        while (next.isPresent()) {
            ContactRepository.BirthdayPart part = contacts.birthdays(who, window, next.get(), most);
            assertTrue(part.rows().size() <= most, "a part holds at most " + most);
            part.rows().forEach(row -> read.add(row.id()));
            next = part.next();
        }
        return read;
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
