package dev.contacts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.contacts.server.support.TempFolders;
import dev.contacts.server.support.TestDatabases;
import dev.contacts.server.auth.SigningSecret;
import dev.contacts.server.support.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the server writes to disk is its owner's only: the folder 0700, the database files and the key 0600. */
@Tag(TestDatabases.SQLITE_ONLY) // about the modes of SQLite's files
class DataAtRestTest {

    @Test
    void theDataFolderDatabaseWalShmAndKeyAreTheOwnersOnly() throws Exception {
        Path folder = TempFolders.create().resolve("data");
        Path database = folder.resolve("contacts.db");
        try (ContactsServer server = ContactsServer.start(ServerSettings.embedded(database).withRateLimit(0))) {
            TestApi api = new TestApi(server.uri("127.0.0.1"));
            api.createContact(api.newUser(), "Ada", "Lovelace"); // the server is open: the WAL and its index exist
            assertEquals("rwx------", mode(folder));
            for (String name : new String[] {"contacts.db", "contacts.db-wal", "contacts.db-shm"}) {
                assertEquals("rw-------", mode(folder.resolve(name)), name);
            }
            assertEquals("rw-------", mode(SigningSecret.keyFileFor(database)));
        }
    }

    @Test
    void everyAnswerCarryingContactsIsNotStored() {
        Path database = dev.contacts.server.support.TestServers.newDatabase();
        try (ContactsServer server = ContactsServer.start(ServerSettings.embedded(database).withRateLimit(0))) {
            TestApi api = new TestApi(server.uri("127.0.0.1"));
            String token = api.newUser();
            long id = api.createContact(token, "Ada", "Lovelace");
            for (String path : new String[] {"/contacts/", "/contacts/" + id + "/", "/contacts/search/?query=ada",
                    "/contacts/birthdays/?days=30"}) {
                assertEquals("no-store", api.get(path, token).header("Cache-Control"), path);
            }
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
