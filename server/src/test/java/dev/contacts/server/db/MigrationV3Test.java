package dev.contacts.server.db;

import static dev.contacts.server.db.generated.Tables.USERS;
import static dev.contacts.server.support.TestApi.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import dev.contacts.server.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerSettings;
import dev.contacts.server.auth.PasswordHasher;
import dev.contacts.server.support.TestApi;
import org.flywaydb.core.Flyway;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A database made by the release before v2 (schema V1 + V2, rows written as that release wrote them: one
 * email, one phone, timestamps of varying width) opens, migrates and serves the same contacts, now with their
 * v2 fields, sort keys and folded search text.
 */
@Tag(TestDatabases.SQLITE_ONLY) // about SQLite files of earlier versions
class MigrationV3Test {

    @TempDir
    Path dir;

    @Test
    void aV2DatabaseMigratesAndServesTheSameContacts() throws SQLException {
        Path file = dir.resolve("contacts.db");
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(source).locations(Database.MIGRATIONS + "sqlite").target("2").load().migrate();
        String hash;
        try (PasswordHasher hasher = new PasswordHasher(1)) {
            hash = hasher.hash(PASSWORD);
        }
        try (Connection c = source.getConnection()) {
            exec(c, "INSERT INTO users (id, email, password_hash, created_at, token_version) VALUES (?, ?, ?, ?, 0)",
                    1, "old@example.com", hash, "2025-01-02T03:04:05.123Z");
            exec(c, "INSERT INTO users (id, email, password_hash, created_at, token_version) VALUES (?, ?, ?, ?, 0)",
                    2, "other@example.com", hash, "2025-01-02T03:04:05Z");
            exec(c, "INSERT INTO contacts (id, user_id, first_name, last_name, email, phone, birthday, "
                            + "additional_data, first_name_folded, last_name_folded, email_folded, birthday_md, "
                            + "created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    7, "José", "Núñez", "jose@example.com", "+380 44 123 4567", "1990-05-17", "a note",
                    "josé", "núñez", "jose@example.com", "05-17", "2025-03-01T10:00:00Z", "2025-03-01T10:00:00.5Z");
            exec(c, "INSERT INTO contacts (id, user_id, first_name, last_name, email, phone, birthday, "
                            + "additional_data, first_name_folded, last_name_folded, email_folded, birthday_md, "
                            + "created_at, updated_at) VALUES (?, 1, ?, ?, NULL, NULL, NULL, NULL, ?, ?, NULL, "
                            + "NULL, ?, ?)",
                    9, "ábel", "Zed", "ábel", "zed", "2025-03-01T10:00:01Z", "2025-03-01T10:00:01Z");
            exec(c, "INSERT INTO contacts (id, user_id, first_name, last_name, email, phone, birthday, "
                            + "additional_data, first_name_folded, last_name_folded, email_folded, birthday_md, "
                            + "created_at, updated_at) VALUES (?, 2, ?, ?, NULL, NULL, NULL, NULL, ?, ?, NULL, "
                            + "NULL, ?, ?)",
                    8, "Adam", "Other", "adam", "other", "2025-03-01T10:00:02Z", "2025-03-01T10:00:02Z");
        }

        try (ContactsServer server = ContactsServer.start(ServerSettings.embedded(file).withRateLimit(0))) {
            TestApi api = new TestApi(server.uri("127.0.0.1"));
            String token = api.token("old@example.com", PASSWORD);
            TestApi.Response list = api.get("/contacts/", token);
            assertEquals(200, list.status());
            assertEquals("2", list.header("X-Total-Count"));
            JsonNode jose = list.json().get(0);
            assertEquals(7, jose.get("id").asLong());
            assertEquals("José", jose.get("first_name").asText());
            assertEquals("Núñez", jose.get("last_name").asText());
            assertEquals("jose@example.com", jose.get("email").asText());
            assertEquals("+380 44 123 4567", jose.get("phone").asText());
            assertEquals("1990-05-17", jose.get("birthday").asText());
            assertEquals("a note", jose.get("additional_data").asText());
            assertEquals("2025-03-01T10:00:00Z", jose.get("created_at").asText());
            assertEquals("2025-03-01T10:00:00.500Z", jose.get("updated_at").asText());
            assertEquals("other", jose.at("/emails/0/label").asText(), "v1's email is the first entry");
            assertEquals("mobile", jose.at("/phones/0/label").asText());
            assertEquals(false, jose.get("favorite").asBoolean());
            JsonNode abel = list.json().get(1);
            assertTrue(abel.get("email").isNull());
            assertEquals(0, abel.get("emails").size());

            // sort keys and folded text were computed on start
            assertEquals(List.of(9L, 7L), ids(api.get("/contacts/?sort=first_name", token)));
            assertEquals(List.of(7L), ids(api.get("/contacts/search/?query=nunez%20441234", token)));
            assertEquals("1", api.get("/contacts/search/?query=ABEL", token).header("X-Total-Count"));
            // other users' rows stay theirs
            String other = api.token("other@example.com", PASSWORD);
            assertEquals(List.of(8L), ids(api.get("/contacts/", other)));
            assertEquals(404, api.get("/contacts/7/", other).status());
        }
    }

    /**
     * The previous version kept the SQLite scripts in db/migration itself; they are now in db/migration/sqlite,
     * unchanged. Flyway records each script's name and checksum, not its folder: a database migrated from
     * another folder (the same scripts copied elsewhere) opens, validates and keeps its rows.
     */
    @Test
    void aDatabaseMigratedFromTheOldScriptFolderStillOpens() throws Exception {
        Path oldFolder = Files.createDirectories(dir.resolve("db/migration"));
        for (String script : List.of("V1__users_and_contacts.sql", "V2__sessions_and_throttling.sql",
                "V3__address_book_v2.sql", "V4__import_export.sql")) {
            try (InputStream in = MigrationV3Test.class.getResourceAsStream("/db/migration/sqlite/" + script)) {
                Files.copy(in, oldFolder.resolve(script));
            }
        }
        Path file = dir.resolve("previous.db");
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(source).locations("filesystem:" + oldFolder).load().migrate();
        try (Connection c = source.getConnection()) {
            exec(c, "INSERT INTO users (id, email, password_hash, created_at, token_version) VALUES (?, ?, ?, ?, 0)",
                    1, "kept@example.com", "x", "2026-01-02T03:04:05.000000000Z");
        }
        try (Database database = Database.open(file)) {
            assertEquals("kept@example.com", database.dsl().select(USERS.EMAIL).from(USERS).fetchSingle(USERS.EMAIL));
            // the scripts after V4 are applied on top, and nothing failed
            assertEquals(Migrations.NEWEST_VERSION, database.dsl().fetchCount(database.dsl().selectOne()
                    .from(DSL.table(DSL.name("flyway_schema_history")))
                    .where(DSL.field(DSL.name("success")).eq(true))), "each version applied once, none failed");
        }
    }

    private static List<Long> ids(TestApi.Response r) {
        assertEquals(200, r.status(), r.body());
        return r.ids();
    }

    private static void exec(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
