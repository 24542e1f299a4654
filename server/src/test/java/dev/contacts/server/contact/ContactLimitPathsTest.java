package dev.contacts.server.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.server.Refusal;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contact limit on every path that adds or removes an owner's live contacts, on the suite's database: the
 * room the limit leaves always matches the live contacts there are (the database keeps the count as they change),
 * and each path that would go past the limit is refused and changes nothing.
 */
class ContactLimitPathsTest {

    private static final int LIMIT = 4;

    private Database database;
    private ContactRepository contacts;
    private UserRepository users;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.fresh());
        contacts = new ContactRepository(database.dsl(), Clock.systemUTC(), LIMIT);
        users = new UserRepository(database.dsl(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theRoomLeftMatchesTheLiveContactsAfterEveryPath() {
        long owner = users.create("owner@example.com", "hash").userId();
        long other = users.create("other@example.com", "hash").userId();
        List<Long> imported = contacts.createAll(owner, drafts("Imported", 3)).stream().map(Contact::id).toList();
        assertLive(owner, 3);
        long fourth = contacts.create(owner, draft("Fourth")).id();
        assertLive(owner, 4);
        assertThrows(Refusal.ContactLimitReached.class, () -> contacts.create(owner, draft("Fifth")));
        assertThrows(Refusal.ContactLimitReached.class, () -> contacts.createAll(owner, drafts("Batch", 1)));
        assertLive(owner, 4);

        contacts.trash(owner, imported.get(0), current -> { });
        assertLive(owner, 3);
        contacts.trashAll(owner, imported.subList(1, 3));
        assertLive(owner, 1);
        contacts.createAll(owner, drafts("Refill", 2));
        assertLive(owner, 3);
        contacts.restore(owner, imported.get(0)).orElseThrow();
        assertLive(owner, 4);
        assertThrows(Refusal.ContactLimitReached.class, () -> contacts.restore(owner, imported.get(1)));
        assertThrows(Refusal.ContactLimitReached.class, () -> contacts.restoreAll(owner, imported.subList(1, 3)));
        assertLive(owner, 4);

        contacts.trash(owner, fourth, current -> { });
        assertLive(owner, 3);
        assertEquals(List.of(imported.get(1)), contacts.restoreAll(owner, List.of(imported.get(1))));
        assertLive(owner, 4);
        // deleting for good what is in the trash leaves the live ones as they are
        contacts.purge(owner, imported.get(2));
        contacts.emptyTrash(owner);
        contacts.pruneTrash(Instant.now().plus(ContactRepository.TRASH_KEPT).plus(1, ChronoUnit.DAYS));
        assertLive(owner, 4);
        assertThrows(Refusal.ContactLimitReached.class, () -> contacts.create(owner, draft("Still full")));

        assertLive(other, 0);
        contacts.createAll(other, drafts("Other", LIMIT));
        assertLive(other, LIMIT);
        assertLive(owner, 4);
    }

    /** The owner has {@code count} live contacts, and the limit leaves room for the rest. */
    private void assertLive(long owner, int count) {
        assertEquals(count, contacts.list(owner, ListOptions.DEFAULT, 0, 1000).total());
        assertEquals(LIMIT - count, contacts.room(owner));
    }

    private static List<ContactDraft> drafts(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> draft(prefix + i)).toList();
    }

    private static ContactDraft draft(String firstName) {
        return new ContactDraft(firstName, "Family", null, null, null, null);
    }
}
