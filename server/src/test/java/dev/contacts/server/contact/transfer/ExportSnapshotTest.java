package dev.contacts.server.contact.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.server.auth.UserRepository;
import dev.contacts.server.contact.ContactRepository;
import dev.contacts.server.db.Database;
import dev.contacts.server.support.TestDatabases;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An export is one picture of the book: what is written while it runs (an import adding a relation, an edit) is in
 * none of it or all of it. A CSV export once read the kept properties twice (a pass counting the Relation / Event /
 * ... columns, then the pass writing), and an entry added between the two came out joined to another in the last
 * pair ("Bob ::: Carol"), or not at all when its group had no column.
 */
class ExportSnapshotTest {

    /** More than one page of the export, so the contact changed is read after the first output. */
    private static final int BOOK = Exporter.PAGE + 50;

    private final ExportTurns turns = new ExportTurns();
    private Database database;
    private TransferRepository repository;
    private long owner;
    private Contact last;

    @BeforeEach
    void book() throws Exception {
        database = Database.open(TestDatabases.fresh());
        ContactRepository contacts = new ContactRepository(database.dsl(), Clock.systemUTC(), 1000);
        repository = new TransferRepository(database.dsl(), contacts);
        owner = new UserRepository(database.dsl(), Clock.systemUTC()).create("owner@example.com", "hash").userId();
        for (int i = 1; i <= BOOK; i++) {
            last = contacts.create(owner, new ContactDraft("P" + i, "Person", "p" + i + "@example.com", null, null,
                    null));
        }
        repository.setFileFields(owner, last.id(), null, kept("Spouse,Bob"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** The kept properties of a Google CSV row with these relations ("Spouse,Bob", ...). */
    private static String kept(String... relations) {
        StringBuilder header = new StringBuilder("First Name,Last Name,Labels");
        StringBuilder row = new StringBuilder("P,Person,");
        for (int n = 1; n <= relations.length; n++) {
            header.append(",Relation ").append(n).append(" - Label,Relation ").append(n).append(" - Value");
            row.append(',').append(relations[n - 1]);
        }
        return ImportFile.read(header + "\n" + row + "\n", ImportFile.Format.CSV).orElseThrow().getFirst()
                .contact().extras();
    }

    /** Exports the book, running {@code meanwhile} when the export first writes to its output. */
    private String export(Exporter.Format format, Runnable meanwhile) throws Exception {
        return export(owner, format, meanwhile);
    }

    private String export(long who, Exporter.Format format, Runnable meanwhile) throws Exception {
        StringWriter text = new StringWriter();
        Writer out = new Writer() {
            private boolean ran;

            @Override
            public void write(char[] chars, int from, int length) {
                if (!ran) {
                    ran = true;
                    meanwhile.run();
                }
                text.write(chars, from, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        new Exporter(repository, database, turns).export(who, Optional.empty(), format, out);
        out.flush();
        return text.toString();
    }

    private static List<CSVRecord> rows(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void anAccountsNextExportWaitsUntilItsFirstIsSentAndAnotherAccountsDoesNot() throws Exception {
        // each export keeps its whole file aside until it is sent: one account's exports at once would multiply that
        long other = new UserRepository(database.dsl(), Clock.systemUTC()).create("other@example.com", "hash")
                .userId();
        CountDownLatch firstSending = new CountDownLatch(1);
        CountDownLatch firstMayGoOn = new CountDownLatch(1);
        AtomicBoolean secondWrote = new AtomicBoolean();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = threads.submit(() -> export(owner, Exporter.Format.CSV, () -> {
                firstSending.countDown();
                try {
                    firstMayGoOn.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(firstSending.await(30, TimeUnit.SECONDS));
            try {
                waitsItsTurn(threads, first, other, firstMayGoOn, secondWrote);
            } finally {
                firstMayGoOn.countDown(); // never left waiting, whatever failed
            }
        }
        assertEquals(0, turns.exports(owner), "no turn kept for an account that is not exporting");
    }

    private void waitsItsTurn(ExecutorService threads, Future<String> first, long other, CountDownLatch firstMayGoOn,
                              AtomicBoolean secondWrote) throws Exception {
        Future<String> second = threads.submit(() -> export(owner, Exporter.Format.CSV,
                () -> secondWrote.set(true)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!turns.waiting(owner) && !second.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(turns.waiting(owner), "the account's second export waits for its turn");
        String others = threads.submit(() -> export(other, Exporter.Format.CSV, () -> { }))
                .get(30, TimeUnit.SECONDS);
        assertTrue(others.startsWith("First Name,"), "another account's export went on: " + others);
        assertFalse(secondWrote.get(), "the account's second export waits while its first is sent");
        assertFalse(second.isDone());

        firstMayGoOn.countDown();
        assertEquals(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aRelationAddedWhileACsvExportRunsChangesNeitherItsColumnsNorItsRows() throws Exception {
        String csv = export(Exporter.Format.CSV,
                () -> repository.setFileFields(owner, last.id(), null, kept("Spouse,Bob", "Friend,Carol")));

        List<CSVRecord> rows = rows(csv);
        assertEquals(BOOK, rows.size());
        assertFalse(rows.getFirst().isMapped("Relation 2 - Value"), "one relation at most when the export began");
        CSVRecord changed = rows.getLast();
        assertEquals("P" + BOOK, changed.get("First Name"));
        assertEquals("Bob", changed.get("Relation 1 - Value"), "the book as it was when the export began");
        assertFalse(csv.contains(":::" + " Carol"), csv.substring(0, 200));

        // nothing lost: the next export has both, each in its own pair
        CSVRecord again = rows(export(Exporter.Format.CSV, () -> { })).getLast();
        assertEquals(List.of("Bob", "Carol"), List.of(again.get("Relation 1 - Value"), again.get("Relation 2 - Value")));
    }

    @Test
    void aRelationAddedWhereNoneWasWhileACsvExportRunsIsNotHalfInIt() throws Exception {
        Contact first = repository.contacts().liveAfter(owner, 0, 1).getFirst();
        String csv = export(Exporter.Format.CSV, () -> {
            repository.setFileFields(owner, last.id(), null, null);
            repository.setFileFields(owner, first.id(), null, kept("Spouse,Ann"));
        });

        List<CSVRecord> rows = rows(csv);
        assertEquals("", rows.getFirst().get("Relation 1 - Value"));
        assertEquals("Bob", rows.getLast().get("Relation 1 - Value"));
    }

    @Test
    void aContactEditedWhileAVCardExportRunsIsExportedAsItWasWhenTheExportBegan() throws Exception {
        String vcard = export(Exporter.Format.VCARD, () -> repository.contacts().update(owner, last.id(),
                current -> { }, draft -> draft.withEmail("changed@example.com")));

        assertTrue(vcard.contains("p" + BOOK + "@example.com"), "the email before the edit");
        assertFalse(vcard.contains("changed@example.com"));
    }

    @Test
    void writersGoOnWhileASnapshotIsOpenAndItKeepsSeeingTheBookAsItWas() throws Exception {
        try (Database.Snapshot snapshot = database.snapshot()) {
            assertEquals(BOOK, snapshot.read(dsl -> repository.within(dsl).contacts().liveAfter(owner, 0, 1000)).size());
            // on SQLite a snapshot holding the write lock would leave this waiting out the busy timeout, then failing
            repository.contacts().trash(owner, last.id(), current -> { });
            assertEquals(BOOK, snapshot.read(dsl -> repository.within(dsl).contacts().liveAfter(owner, 0, 1000)).size());
        }
        assertEquals(BOOK - 1, repository.contacts().liveAfter(owner, 0, 1000).size());
    }
}
