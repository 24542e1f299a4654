package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.USERS;

import dev.contacts.model.ContactDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.conf.ParamType;

/** What the repository's plan and listing tests set up their books with, and how they read SQLite's plans. */
final class RepositoryBooks {

    private RepositoryBooks() {
    }

    /** SQLite's plan of {@code query}, its values inlined: one line a step. */
    static String plan(DSLContext dsl, ResultQuery<?> query) {
        return String.join("\n", dsl.fetch("EXPLAIN QUERY PLAN " + query.getSQL(ParamType.INLINED))
                .getValues("detail", String.class));
    }

    /** A user made by SQL (no password to hash): their id. */
    static long user(DSLContext dsl, String email) {
        return dsl.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.PASSWORD_HASH, "x")
                .set(USERS.CREATED_AT, Instant.now()).returning(USERS.ID).fetchSingle().getId();
    }

    /** Contacts with names that tie and sort apart from their ids; one in {@code every} a favourite. */
    static List<ContactDraft> favoriteDrafts(Random random, int n, int every) {
        String[] first = {"Ana", "ana", "Ádám", "Adam", "Eve", "Zoltán", "Émile", "Zoë"};
        String[] last = {"Núñez", "nunez", "Smith", "Straße", "", "O'Brien"};
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drafts.add(new ContactDraft(first[random.nextInt(first.length)], last[random.nextInt(last.length)], null,
                    null, null, null, null, null, null, null, List.of(), i % every == 0));
        }
        return drafts;
    }
}
