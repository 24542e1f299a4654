package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import dev.contacts.model.Page;
import dev.contacts.server.db.Database;
import dev.contacts.server.db.DatabaseSettings;
import dev.contacts.server.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V6 indexes the book that is there already (on SQLite the trigram index is built from every contact's
 * folded text; V10 builds it again, each text followed by a line end), and the re-keying of stale rows at start reaches the index too: search then finds exactly the
 * owner's live contacts that match, never the trash or another user's.
 */
class SearchIndexMigrationTest {

    @Test
    void anExistingBookIsFoundThroughTheSearchIndexAfterV6AndAfterReKeying() throws SQLException {
        DatabaseSettings settings = TestDatabases.empty();
        DataSource source = TestDatabases.dataSource(settings);
        Flyway.configure().dataSource(source).target("5")
                .locations(Database.MIGRATIONS + (settings.isPostgreSql() ? "postgresql" : "sqlite")).load().migrate();
        try (Connection c = source.getConnection()) {
            c.createStatement().execute("insert into users (email, password_hash, created_at) values "
                    + "('owner@example.com', 'hash', '2026-01-01T00:00:00Z'), "
                    + "('other@example.com', 'hash', '2026-01-01T00:00:00Z')");
            // as V5 left them: folded text and keys of this version, or none yet (a row from before v2)
            insert(c, "owner@example.com", "María", "maria\nnunez", ContactKeys.VERSION, false);
            insert(c, "owner@example.com", "Trashed", "trashed\nnunez", ContactKeys.VERSION, true);
            insert(c, "other@example.com", "Other", "other\nnunez", ContactKeys.VERSION, false);
            insert(c, "owner@example.com", "Núñez", "", "", false);
            insert(c, "owner@example.com", "Smith", "smith", ContactKeys.VERSION, false);
        }
        try (Database database = Database.open(settings)) {
            long owner = database.dsl().select(USERS.ID).from(USERS).where(USERS.EMAIL.eq("owner@example.com"))
                    .fetchSingle().value1();
            ContactRepository contacts = new ContactRepository(database.dsl(), Clock.systemUTC(), Integer.MAX_VALUE);
            assertEquals(List.of("María"), firstNames(contacts.search(owner,
                    SearchCriteria.of("NUÑEZ", null, null, null), ListOptions.DEFAULT, 0, 10)));
            assertEquals(1, contacts.rekeyStale());
            assertEquals(List.of("María", "Núñez"), firstNames(contacts.search(owner,
                    SearchCriteria.of("nunez", null, null, null), ListOptions.DEFAULT, 0, 10)));
            assertEquals(List.of("Smith"), firstNames(contacts.search(owner,
                    SearchCriteria.of("smi th", null, null, null), ListOptions.DEFAULT, 0, 10)));
            // two characters (on SQLite through the trigrams that begin with them, V10), one at the text's very end
            assertEquals(List.of("María", "Núñez"), firstNames(contacts.search(owner,
                    SearchCriteria.of("nu", null, null, null), ListOptions.DEFAULT, 0, 10)));
            assertEquals(List.of("Smith"), firstNames(contacts.search(owner,
                    SearchCriteria.of("th", null, null, null), ListOptions.DEFAULT, 0, 10)));
            if (!settings.isPostgreSql()) {
                // FTS5 compares its index with the contacts' text, and fails on any difference
                database.dsl().execute("insert into contacts_search (contacts_search, rank) values ('integrity-check', 1)");
            }
        }
    }

    private static void insert(Connection c, String owner, String firstName, String searchText, String keysVersion,
                               boolean trashed) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into contacts (user_id, first_name, last_name, "
                + "first_name_folded, last_name_folded, search_text, keys_version, created_at, updated_at, deleted_at) "
                + "values ((select id from users where email = ?), ?, '', ?, '', ?, ?, "
                + "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', " + (trashed ? "'2026-01-02T00:00:00Z'" : "null")
                + ")")) {
            insert.setString(1, owner);
            insert.setString(2, firstName);
            insert.setString(3, ContactKeys.fold(firstName));
            insert.setString(4, searchText);
            insert.setString(5, keysVersion);
            insert.executeUpdate();
        }
    }

    private static List<String> firstNames(Page<StoredContact> page) {
        return page.items().stream().map(StoredContact::firstName).toList();
    }
}
