package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.CONTACTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A page's rows read before are known by their id and version ({@link ContactJson#known}), so the version must
 * change with every change of a row, whatever statement makes it (the database's trigger, migration V8): a row
 * changed behind the server's back (another instance, another tool) is read anew by every read.
 */
class RowVersionTest {

    private Database database;
    private ContactRepository contacts;
    private long owner;
    private final LocalDate today = LocalDate.now(Clock.systemUTC());

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        contacts = new ContactRepository(database.dsl(), Clock.systemUTC(), 100);
        owner = new UserRepository(database.dsl(), Clock.systemUTC()).create("owner@example.com", "hash").userId();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aRowChangedByAnyStatementIsReadAnewByEveryRead() {
        // born today (in a leap year, for a 29 February): in the window of upcoming birthdays
        Contact ada = contacts.create(owner, new ContactDraft("Ada", "Lovelace", "ada@example.com", null,
                today.withYear(2000), null));
        for (String name : List.of("Grace", "Grace", "Ada")) {
            String stored = firstName(ada.id());
            assertEquals(List.of(stored, stored, stored, stored), names(), "each read gives it (and remembers it)");
            long before = version(ada.id());
            database.dsl().execute("update contacts set first_name = ?, emails = ? where id = ?", name,
                    "[{\"value\":\"" + name + "@example.com\",\"label\":\"work\"}]", ada.id());
            assertTrue(version(ada.id()) > before, "raised by a statement that names no version");
            assertEquals(List.of(name, name, name, name), names());
            StoredContact found = contacts.findStored(owner, ada.id()).orElseThrow();
            assertEquals(name + "@example.com", found.contact().email());
            assertEquals(version(ada.id()), found.version());
        }
    }

    @Test
    void everyWriteOfTheServerRaisesTheVersion() {
        Contact ada = contacts.create(owner, new ContactDraft("Ada", "Lovelace", "ada@example.com", null, null, null));
        List<Runnable> writes = List.of(
                () -> contacts.update(owner, ada.id(), current -> { }, draft -> draft.withEmail("grace@example.com")),
                () -> contacts.putPhoto(owner, ada.id(), new ContactRepository.Photo("image/png", new byte[] {1}, "\"p\"")),
                () -> contacts.deletePhoto(owner, ada.id(), photoTag -> { }),
                () -> contacts.trash(owner, ada.id(), current -> { }),
                () -> contacts.restore(owner, ada.id()));
        long before = version(ada.id());
        for (Runnable write : writes) {
            write.run();
            long after = version(ada.id());
            assertTrue(after > before, "raised from " + before);
            before = after;
        }
        assertEquals(contacts.findStored(owner, ada.id()).orElseThrow().version(), before);
    }

    @Test
    void aNewContactsRowIsWrittenOnceWithAUidOfItsOwn() {
        // one create alone (SQLite: through the group commit) and two in one batch (an import's)
        List<Contact> created = new ArrayList<>();
        created.add(contacts.create(owner, new ContactDraft("Ada", "Lovelace", "ada@example.com", null, null, null)));
        created.addAll(contacts.createAll(owner, List.of(
                new ContactDraft("Grace", "Hopper", null, null, null, null),
                new ContactDraft("Alan", "Turing", null, null, null, null))));
        List<String> uids = new ArrayList<>();
        for (Contact contact : created) {
            // any write of the row after its insert (on SQLite V4's trigger set the UID that way) raises it
            assertEquals(0, version(contact.id()), "written once: " + contact.firstName());
            String uid = database.dsl().select(CONTACTS.UID).from(CONTACTS).where(CONTACTS.ID.eq(contact.id()))
                    .fetchOne(CONTACTS.UID);
            assertTrue(uid.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), uid);
            uids.add(uid);
        }
        assertEquals(3, uids.stream().distinct().count(), "each its own: " + uids);
    }

    @Test
    void anEditWritesTheRowOnce() {
        Assumptions.assumeTrue(Database.isSqlite(database.dsl()), "PostgreSQL's version trigger sets it in place");
        Contact ada = contacts.create(owner, new ContactDraft("Ada", "Lovelace", "ada@example.com", null, null, null));
        long writes = database.dsl().transactionResult(tx -> {
            // a temporary trigger sees this connection's writes of the row, the triggers' included
            tx.dsl().execute("create temp table row_writes (id integer)");
            tx.dsl().execute("create temp trigger row_written after update on main.contacts"
                    + " begin insert into row_writes values (new.id); end");
            contacts.within(tx.dsl()).update(owner, ada.id(), current -> { }, draft -> draft.withEmail("grace@example.com"));
            long count = tx.dsl().fetchOne("select count(*) from row_writes").get(0, Long.class);
            tx.dsl().execute("drop trigger temp.row_written");
            tx.dsl().execute("drop table temp.row_writes");
            return count;
        });
        assertEquals(1, writes, "the change and its version in one write");
        assertEquals(1, version(ada.id()));
    }

    /** The first names the owner's reads give: a list page, a search, a read by id, upcoming birthdays. */
    private List<String> names() {
        List<String> names = new ArrayList<>();
        names.addAll(contacts.list(owner, ListOptions.DEFAULT, 0, 10).items().stream()
                .map(StoredContact::firstName).toList());
        names.addAll(contacts.search(owner, SearchCriteria.of("lovelace", null, null, null), ListOptions.DEFAULT,
                0, 10).items().stream().map(StoredContact::firstName).toList());
        contacts.findStored(owner, firstId()).ifPresent(row -> names.add(row.firstName()));
        contacts.birthdays(owner, contacts.countBirthdays(owner, BirthdayCalendar.window(today, 0)), 0, 10,
                row -> names.add(row.firstName()));
        return names;
    }

    private long firstId() {
        return database.dsl().select(CONTACTS.ID).from(CONTACTS).fetchOne(CONTACTS.ID);
    }

    private String firstName(long id) {
        return database.dsl().select(CONTACTS.FIRST_NAME).from(CONTACTS).where(CONTACTS.ID.eq(id))
                .fetchOne(CONTACTS.FIRST_NAME);
    }

    private long version(long id) {
        return database.dsl().select(CONTACTS.ROW_VERSION).from(CONTACTS).where(CONTACTS.ID.eq(id))
                .fetchOne(CONTACTS.ROW_VERSION);
    }
}
