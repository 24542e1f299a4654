package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.contacts.model.LabeledValue;
import dev.contacts.model.PostalAddress;
import dev.contacts.server.http.Json;
import org.junit.jupiter.api.Test;

/**
 * The remembered JSON of contacts is, byte for byte, what Jackson writes for the contacts of the rows asked about,
 * whatever was asked before: a row that differs from the remembered one in any field gets its own JSON.
 */
class ContactJsonTest {

    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.123456Z");

    private static String json(Object value) {
        return new String(Json.bytes(value), StandardCharsets.UTF_8);
    }

    private static StoredContact row(long id) {
        return new StoredContact(id, "Ada " + id, "Lovelace", LocalDate.of(1815, 12, 10),
                "Note \"quoted\"\n\ttab \u0001",
                json(List.of(new LabeledValue("ada@example.com", "work"), new LabeledValue("a@home.example", "home"))),
                json(List.of(new LabeledValue("+44 20 7946 0000", "mobile"))),
                json(List.of(new PostalAddress("home", "12 St James's Sq", "London", null, "SW1Y 4LB", "UK"))),
                "Analytical Engine", "Programmer", "Countess 👩‍💻", json(List.of("Friends", "Ünïcode")),
                true, false, CREATED, CREATED.plusNanos(1_000), 3);
    }

    private static StoredContact sparse(long id) {
        return new StoredContact(id, "Only", "Names", null, null, "[]", "[]", "[]", null, null, null, "[]", false,
                false, CREATED, CREATED, 0);
    }

    private static byte[] expected(StoredContact row) {
        return Json.bytes(row.contact());
    }

    @Test
    void aPageIsWhatJacksonWritesForItsContacts() {
        ContactJson remembered = new ContactJson();
        List<StoredContact> rows = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            rows.add(id % 3 == 0 ? sparse(id) : row(id));
        }
        for (int round = 0; round < 2; round++) {
            assertArrayEquals(Json.bytes(rows.stream().map(StoredContact::contact).toList()), remembered.array(rows),
                    "round " + round);
        }
        assertEquals("[]", new String(remembered.array(List.of())));
        assertArrayEquals(Json.bytes(List.of(row(7).contact())), remembered.array(List.of(row(7))));
    }

    @Test
    void aContactAndItsTagAreThoseOfItsJson() {
        ContactJson remembered = new ContactJson();
        for (int round = 0; round < 2; round++) {
            ContactJson.Encoded encoded = remembered.contact(row(5));
            assertArrayEquals(expected(row(5)), encoded.json());
            assertEquals(ContactETags.of(row(5).contact()), encoded.etag());
        }
    }

    @Test
    void aRowChangedInAnyFieldGetsItsOwnJson() throws ReflectiveOperationException {
        // a change of each field of the row (of the id: another contact of the same bucket)
        Map<String, Function<StoredContact, Object>> changes = Map.ofEntries(
                Map.entry("id", r -> bucketMatesOf(r.id(), 1)[0]),
                Map.entry("firstName", r -> r.firstName() + "a"),
                Map.entry("lastName", r -> r.lastName() + "b"),
                Map.entry("birthday", r -> r.birthday().plusDays(1)),
                Map.entry("additionalData", r -> "other"),
                Map.entry("emails", r -> json(List.of(new LabeledValue("new@example.com", "work")))),
                Map.entry("phones", r -> "[]"),
                Map.entry("addresses", r -> "[]"),
                Map.entry("organization", r -> "Babbage & Co"),
                Map.entry("jobTitle", r -> "Mathematician"),
                Map.entry("nickname", r -> "Ada"),
                Map.entry("labels", r -> json(List.of("Work"))),
                Map.entry("favorite", r -> !r.favorite()),
                Map.entry("hasPhoto", r -> !r.hasPhoto()),
                Map.entry("createdAt", r -> r.createdAt().minusNanos(1_000)),
                Map.entry("updatedAt", r -> r.updatedAt().plusNanos(1_000)),
                Map.entry("version", r -> r.version() + 1));
        assertEquals(Arrays.stream(StoredContact.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet()), changes.keySet(), "a change of every field");

        ContactJson remembered = new ContactJson();
        LocalDate today = LocalDate.of(2026, 11, 26);
        StoredContact before = row(9);
        for (Map.Entry<String, Function<StoredContact, Object>> change : changes.entrySet()) {
            StoredContact after = with(before, change.getKey(), change.getValue().apply(before));
            String field = change.getKey();
            if (!field.equals("version")) {
                assertNotEquals(json(before.contact()), json(after.contact()), field + " shows in the JSON");
            }
            for (StoredContact asked : List.of(before, after, before, after)) {
                assertArrayEquals(expected(asked), remembered.contact(asked).json(), field);
                assertArrayEquals(Json.bytes(List.of(asked.contact())), remembered.array(List.of(asked)), field);
                assertEquals(ContactETags.of(asked.contact()), remembered.contact(asked).etag(), field);
                assertArrayEquals(Json.bytes(BirthdayCalendar.upcoming(asked.contact(), today)),
                        remembered.upcoming(asked, today), field);
            }
        }
    }

    @Test
    void bigContactsAreSentWholeButNotAllKept() throws ReflectiveOperationException {
        ContactJson remembered = new ContactJson();
        String note = "A note of the longest kind, \u0001 escaped. ".repeat(300).substring(0, 10_000);
        LocalDate today = LocalDate.of(2026, 11, 26);
        for (int round = 0; round < 2; round++) {
            // each about 32 KB by the estimate, twice (as a contact and as a birthday): 600 are more than the budget
            for (long id = 1; id <= 600; id++) {
                StoredContact big = with(row(id), "additionalData", note);
                assertArrayEquals(expected(big), remembered.contact(big).json());
                assertArrayEquals(Json.bytes(BirthdayCalendar.upcoming(big.contact(), today)),
                        remembered.upcoming(big, today));
                assertTrue(remembered.heldBytes() <= ContactJson.BUDGET,
                        "within the budget: " + remembered.heldBytes());
            }
        }
        assertTrue(remembered.heldBytes() > ContactJson.BUDGET / 2, "and it is used: " + remembered.heldBytes());
    }

    /** {@code row} with {@code field} set to {@code value}. */
    private static StoredContact with(StoredContact row, String field, Object value)
            throws ReflectiveOperationException {
        RecordComponent[] fields = StoredContact.class.getRecordComponents();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = fields[i].getName().equals(field) ? value : fields[i].getAccessor().invoke(row);
        }
        return StoredContact.class.getDeclaredConstructor(Arrays.stream(fields).map(RecordComponent::getType)
                .toArray(Class<?>[]::new)).newInstance(values);
    }

    @Test
    void aRowSentBeforeIsKnownByItsIdAndVersionOnly() {
        ContactJson remembered = new ContactJson();
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertNull(remembered.known(5, 3), "nothing sent yet");
        remembered.contact(row(5));
        assertSame(remembered.contact(row(5)).row(), remembered.known(5, 3));
        assertNull(remembered.known(5, 4), "another version");
        long[] mates = bucketMatesOf(5, ContactJson.WAYS);
        assertNull(remembered.known(mates[0], 3), "another contact of the same bucket");
        // a contact sent only as a birthday is known too
        remembered.upcoming(row(6), today);
        assertEquals(row(6), remembered.known(6, 3));
        // contacts of the same bucket fill it; one more takes the slot its hash names, from whoever is there
        List<Long> inSlots = new ArrayList<>(List.of(5L));
        for (int i = 0; i < ContactJson.WAYS - 1; i++) {
            remembered.contact(row(mates[i]));
            inSlots.add(mates[i]);
        }
        for (long id : inSlots) {
            assertEquals(row(id), remembered.known(id, 3), "kept in its bucket: " + id);
        }
        long last = mates[ContactJson.WAYS - 1];
        List<Integer> slots = ContactJson.slotsOf(last);
        long replaced = inSlots.get(slots.get(1) - slots.get(0));
        remembered.contact(row(last));
        assertEquals(row(last), remembered.known(last, 3));
        for (long id : inSlots) {
            if (id == replaced) {
                assertNull(remembered.known(id, 3), "its slot taken: " + id);
            } else {
                assertEquals(row(id), remembered.known(id, 3), "still kept: " + id);
            }
        }
    }

    /** The first {@code count} ids above {@code id} whose bucket is its bucket. */
    private static long[] bucketMatesOf(long id, int count) {
        long[] mates = new long[count];
        int found = 0;
        for (long other = id + 1; found < count; other++) {
            if (ContactJson.slotsOf(other).getFirst().equals(ContactJson.slotsOf(id).getFirst())) {
                mates[found++] = other;
            }
        }
        return mates;
    }

    /**
     * Two pages of 1,000 contacts asked in turn (a month's birthdays and a page deep in the year, or a list and a
     * search) stay remembered all but a few, whatever the stride of their ids. With two slots an id, about 130 of the
     * 2,000 were made again each round (docs/benchmarks.md, "Remembered JSON in buckets").
     */
    @Test
    void twoPagesAskedInTurnStayRemembered() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        for (long stride : List.of(1L, 2L, 84L, 100L, 2048L)) {
            ContactJson remembered = new ContactJson();
            List<StoredContact> pages = new ArrayList<>();
            for (long i = 0; i < 1000; i++) {
                pages.add(row(7 + i * stride));
            }
            for (long i = 0; i < 1000; i++) {
                pages.add(row(10_000_007 + i * stride));
            }
            for (int round = 0; round < 3; round++) {
                pages.forEach(row -> remembered.upcoming(row, today));
            }
            List<byte[]> sent = pages.stream().map(row -> remembered.upcoming(row, today)).toList();
            int kept = 0;
            for (int i = 0; i < pages.size(); i++) {
                kept += remembered.upcoming(pages.get(i), today) == sent.get(i) ? 1 : 0;
            }
            assertTrue(kept >= 1980, "stride " + stride + ": " + kept + " of 2,000 kept");
        }
    }

    /**
     * A page asked again is mostly remembered whatever the spacing of its contacts' ids: one day's birthdays in the
     * benchmark's book are 84 ids apart, and imports, merges or deletions in bulk leave strides in real books. With
     * one slot per id modulo 2,048, ids 84 apart shared 512 slots and a page of 1,000 of them was made again on
     * every request (3 of 1,000 kept).
     */
    @Test
    void aPageAskedAgainIsRememberedWhateverTheStrideOfItsIds() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        for (long stride : List.of(1L, 2L, 84L, 100L, 2048L)) {
            ContactJson remembered = new ContactJson();
            List<StoredContact> page = new ArrayList<>();
            for (long i = 0; i < 1000; i++) {
                page.add(row(7 + i * stride));
            }
            List<byte[]> contacts = new ArrayList<>();
            List<byte[]> birthdays = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                contacts.clear();
                birthdays.clear();
                for (StoredContact row : page) {
                    contacts.add(remembered.contact(row).json());
                    birthdays.add(remembered.upcoming(row, today));
                }
            }
            int keptContacts = 0;
            int keptBirthdays = 0;
            for (int i = 0; i < page.size(); i++) {
                StoredContact row = page.get(i);
                assertArrayEquals(expected(row), contacts.get(i));
                assertArrayEquals(Json.bytes(BirthdayCalendar.upcoming(row.contact(), today)), birthdays.get(i));
                keptContacts += remembered.contact(row).json() == contacts.get(i) ? 1 : 0;
                keptBirthdays += remembered.upcoming(row, today) == birthdays.get(i) ? 1 : 0;
            }
            assertTrue(keptContacts >= 850, "stride " + stride + ": " + keptContacts + " contacts of 1,000 kept");
            assertTrue(keptBirthdays >= 850, "stride " + stride + ": " + keptBirthdays + " birthdays of 1,000 kept");
        }
    }

    @Test
    void anUpcomingBirthdayIsSeenFromTheDayAsked() {
        ContactJson remembered = new ContactJson();
        StoredContact row = row(3);
        // the birthday (10 December) from two days before to two days after
        for (LocalDate today = LocalDate.of(2026, 12, 8); today.isBefore(LocalDate.of(2026, 12, 13));
             today = today.plusDays(1)) {
            for (int round = 0; round < 2; round++) {
                assertArrayEquals(Json.bytes(BirthdayCalendar.upcoming(row.contact(), today)),
                        remembered.upcoming(row, today), today.toString());
            }
        }
    }
}
