package dev.contacts.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerSettings;
import dev.contacts.server.db.DatabaseSettings;
import dev.contacts.server.db.SqlTimes;
import dev.contacts.server.support.TestApi;
import org.jooq.SQLDialect;
import org.sqlite.SQLiteDataSource;

/**
 * Address book v2 at scale: search, sorted listing and birthdays over 100,000 contacts of one user (run with
 * bench/address-book.sh). The contacts are written straight into the database as the release before v2 wrote
 * them (no sort keys, no folded text), so the server's start also measures re-keying a migrated book; then
 * everything is driven over HTTP on loopback. Also prints the database's query plans, to show which index serves
 * what. On SQLite by default; on PostgreSQL when DB_URL names an empty database.
 */
public final class AddressBookBenchmark {

    private static final String[] FIRST = {"Ádám", "Adam", "Émile", "Eve", "Zoë", "Núñez", "Olga", "Jürgen", "Mia",
            "Søren", "Łukasz", "Chloé", "Noah", "İlkay", "Björk", "Anaïs", "José", "Ömer", "Zoltán", "Ana"};
    private static final String[] LAST = {"Smith", "Müller", "García", "Straße", "Dupont", "Kowalski", "Nakamura",
            "O'Brien", "Öztürk", "Shevchenko", "Rossi", "Andersson", "Novák", "Ivanova", "Núñez", "Lee"};
    private static final String[] LABELS = {"Family", "Work", "Friends", "Football", "School"};

    /** The ids of a page of a month's birthdays, in the order the birthday index holds (month-day, names, id). */
    private static final String BIRTHDAY_PAGE = "SELECT id FROM contacts WHERE user_id = 1 AND deleted_at IS NULL "
            + "AND birthday_md BETWEEN '06-10' AND '07-10' ORDER BY birthday_md, last_name_key, first_name_key, id "
            + "LIMIT 1000";

    private AddressBookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path file = Files.createTempDirectory("contacts-bench").resolve("contacts.db");
        // DB_URL (with DB_USER, DB_PASSWORD...) names an empty PostgreSQL database to run on instead of SQLite
        DatabaseSettings database = System.getenv("DB_URL") == null ? DatabaseSettings.sqlite(file)
                : ServerSettings.from(ServerSettings.config(Map.of("db.path", file.toString()))).database();
        ServerSettings settings = ServerSettings.embedded(file).withDatabase(database).withRateLimit(0);
        // BOOK=file (SQLite): the book a run made before is copied and used as it is, so that two builds are measured
        // over the same rows without making them again; a run that finds no such file leaves its book there.
        // BOOK=name (PostgreSQL): the same with a database of that name on the same server, copied as a template
        // into DB_URL's database (dropped first: it must not be the one BOOK names)
        Path book = System.getenv("BOOK") == null || database.isPostgreSql() ? null : Path.of(System.getenv("BOOK"));
        String bookDatabase = database.isPostgreSql() ? System.getenv("BOOK") : null;
        boolean reused = book != null && Files.exists(book);
        long t0 = System.nanoTime();
        if (bookDatabase != null) {
            reused = copyDatabase(database, bookDatabase, databaseName(database), true);
        }
        if (reused) {
            if (book != null) {
                Files.copy(book, file);
            }
            System.out.printf("copied the book %s: %.1f s%n", book != null ? book : bookDatabase,
                    (System.nanoTime() - t0) / 1e9);
        } else {
            try (ContactsServer server = ContactsServer.start(settings)) {
                TestApi.forBenchmark(server.uri("127.0.0.1")).register("big@example.com", TestApi.PASSWORD);
            }
            insertRows(database, contacts);
            System.out.printf("inserted %d contacts as the release before v2 wrote them: %.1f s%n", contacts,
                    (System.nanoTime() - t0) / 1e9);
        }

        if (database.isPostgreSql()) {
            ApiBenchmark.otherCpuNanos = postgreSqlCpu(database);
        }
        t0 = System.nanoTime();
        try (ContactsServer server = ContactsServer.start(settings)) {
            System.out.printf("server start, re-keying every contact (sort keys, folded text, labels): %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            TestApi api = TestApi.forBenchmark(server.uri("127.0.0.1"));
            String token = api.token("big@example.com", TestApi.PASSWORD);
            System.out.print(ApiBenchmark.header("scenario (" + contacts + " contacts, one user)"));
            List<ApiBenchmark.Scenario> scenarios = new ArrayList<>();
            String[] words = {"nunez", "strasse", "zoe", "441234", "ana lee", "emile straße", "work", "nobody"};
            scenarios.add(new ApiBenchmark.Scenario("search, one or two words", 200,
                    i -> api.getStatus("/contacts/search/?query=" + encode(words[i % words.length]), token)));
            scenarios.add(new ApiBenchmark.Scenario("search, a common word (nunez: 11% of the book)", 100,
                    i -> api.getStatus("/contacts/search/?query=nunez", token)));
            scenarios.add(new ApiBenchmark.Scenario("search, a common word, sorted by last name", 100,
                    i -> api.getStatus("/contacts/search/?query=nunez&sort=last_name", token)));
            // the desktop app's search: the favourites, then the others, sorted by last name
            scenarios.add(new ApiBenchmark.Scenario("search nunez favorite=true by last_name", 100,
                    i -> api.getStatus("/contacts/search/?query=nunez&sort=last_name&favorite=true", token)));
            scenarios.add(new ApiBenchmark.Scenario("search nunez favorite=false by last_name", 100,
                    i -> api.getStatus("/contacts/search/?query=nunez&sort=last_name&favorite=false", token)));
            scenarios.add(new ApiBenchmark.Scenario("search, a rare word", 100,
                    i -> api.getStatus("/contacts/search/?query=zzz" + i, token)));
            scenarios.add(new ApiBenchmark.Scenario("search, a two-letter word (zo: 10%)", 100,
                    i -> api.getStatus("/contacts/search/?query=zo", token)));
            scenarios.add(new ApiBenchmark.Scenario("list by first_name, first page of 100", 200,
                    i -> api.getStatus("/contacts/?sort=first_name&limit=100", token)));
            scenarios.add(new ApiBenchmark.Scenario("list by last_name desc, page at 50,000", 100,
                    i -> api.getStatus("/contacts/?sort=last_name&order=desc&skip=" + (contacts / 2) + "&limit=100",
                            token)));
            scenarios.add(new ApiBenchmark.Scenario("list label=Work by first_name, 100", 200,
                    i -> api.getStatus("/contacts/?label=Work&sort=first_name&limit=100", token)));
            // the desktop app's two lists: the favourites, then the others (a book without favourites has none)
            scenarios.add(new ApiBenchmark.Scenario("list favorite=true by first_name, 100", 200,
                    i -> api.getStatus("/contacts/?favorite=true&sort=first_name&limit=100", token)));
            scenarios.add(new ApiBenchmark.Scenario("list favorite=false by first_name, 100", 200,
                    i -> api.getStatus("/contacts/?favorite=false&sort=first_name&limit=100", token)));
            scenarios.add(new ApiBenchmark.Scenario("birthdays, 7 days (default limit 1000)", 100,
                    i -> api.getStatus("/contacts/birthdays/", token)));
            scenarios.add(new ApiBenchmark.Scenario("birthdays, 30 days, first 1000", 50,
                    i -> api.getStatus("/contacts/birthdays/?days=30", token)));
            scenarios.add(new ApiBenchmark.Scenario("birthdays, 366 days, page at 50,000", 20,
                    i -> api.getStatus("/contacts/birthdays/?days=366&skip=" + (contacts / 2), token)));

            // The scenarios above ask one request again and again of a book that does not change, and the server
            // remembers a birthday run's count and the places of deep pages at the owner's book version: these ask
            // each read among the first after a write that raises it (a PATCH of one contact's notes), as the first
            // reads after any write do. Their figures are the reads' alone (ApiBenchmark.runAfterWrites).
            List<Long> noted = api.get("/contacts/?skip=" + (contacts / 3) + "&limit=100", token).ids();
            AtomicInteger calls = new AtomicInteger();
            IntFunction<Integer> note = i -> api.patch("/contacts/" + noted.get(i % noted.size()) + "/", token,
                    TestApi.json("additional_data", "Called back, call " + calls.incrementAndGet())).status();
            scenarios.add(new ApiBenchmark.Scenario("write alone: PATCH a contact's notes", 100, note));
            scenarios.add(new ApiBenchmark.Scenario("write, then: birthdays, 7 days", 100, note,
                    i -> api.getStatus("/contacts/birthdays/", token)));
            scenarios.add(new ApiBenchmark.Scenario("write, then: birthdays, 30 days, first 1000", 50, note,
                    i -> api.getStatus("/contacts/birthdays/?days=30", token)));
            scenarios.add(new ApiBenchmark.Scenario("write, then: birthdays, 366 days at 50,000", 20, note,
                    i -> api.getStatus("/contacts/birthdays/?days=366&skip=" + (contacts / 2), token)));
            scenarios.add(new ApiBenchmark.Scenario("write, then: list by last_name desc at 50,000", 100, note,
                    i -> api.getStatus("/contacts/?sort=last_name&order=desc&skip=" + (contacts / 2) + "&limit=100",
                            token)));
            // a write that moves a contact in the list and the birthday runs read: every place and count is read anew
            // at the new version (the notes edit above moves none since V15's order version)
            IntFunction<Integer> rename = i -> api.patch("/contacts/" + noted.get(i % noted.size()) + "/", token,
                    TestApi.json("last_name", "Renamed " + calls.incrementAndGet())).status();
            IntFunction<Integer> reborn = i -> api.patch("/contacts/" + noted.get(i % noted.size()) + "/", token,
                    TestApi.json("birthday", LocalDate.of(1980, 1, 1).plusDays(calls.incrementAndGet() % 366)
                            .toString())).status();
            scenarios.add(new ApiBenchmark.Scenario("write a name, then: list by last_name desc at 50,000", 100,
                    rename, i -> api.getStatus("/contacts/?sort=last_name&order=desc&skip=" + (contacts / 2)
                            + "&limit=100", token)));
            scenarios.add(new ApiBenchmark.Scenario("write a birthday, then: birthdays, 366 days at 50,000", 20,
                    reborn, i -> api.getStatus("/contacts/birthdays/?days=366&skip=" + (contacts / 2), token)));
            // a search's total is remembered at the book version, which the notes edit raises: each search here counts
            // its total again (its warm scenario remembers it)
            scenarios.add(new ApiBenchmark.Scenario("write, then: search, a common word (nunez)", 100, note,
                    i -> api.getStatus("/contacts/search/?query=nunez", token)));
            ApiBenchmark.runAll(scenarios);
        }
        if (book != null && !reused) {
            Files.copy(file, book); // re-keyed by the server's start: a later run starts at once
        }
        if (bookDatabase != null && !reused) {
            // vacuumed and analysed first (the re-keying left a dead version of every row), so that every run over
            // the copy starts from the same tables and statistics
            try (Connection c = connect(database); Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) contacts");
            }
            copyDatabase(database, databaseName(database), bookDatabase, false);
            System.out.printf("left the book in the database %s%n", bookDatabase);
        }
        if (database.isPostgreSql()) {
            printPostgreSqlPlans(database);
        } else if (System.getenv("NO_PLANS") == null) {
            printPlans(file);
        }
        if (book != null) {
            // the copy and what the server left beside it (its signing key): the book stays in BOOK
            try (Stream<Path> left = Files.list(file.getParent())) {
                for (Path f : left.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(file.getParent());
        }
    }

    private static Connection connect(DatabaseSettings database) throws SQLException {
        if (!database.isPostgreSql()) {
            SQLiteDataSource source = new SQLiteDataSource();
            source.setUrl("jdbc:sqlite:" + database.file());
            return source.getConnection();
        }
        Properties credentials = new Properties();
        database.user().ifPresent(user -> credentials.setProperty("user", user));
        database.password().ifPresent(password -> credentials.setProperty("password", password));
        return DriverManager.getConnection(database.url().orElseThrow(), credentials);
    }

    /** The name of the PostgreSQL database a JDBC URL names (jdbc:postgresql://host:port/name?...). */
    private static String databaseName(DatabaseSettings database) {
        String url = database.url().orElseThrow();
        String path = url.substring(url.indexOf('/', url.indexOf("//") + 2) + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /**
     * Makes the database {@code to} a copy of {@code from} on the same PostgreSQL server (CREATE DATABASE ...
     * TEMPLATE), through its maintenance database; {@code replace}: {@code to} is dropped first, and nothing is
     * done when {@code from} does not exist. Whether it was copied.
     */
    private static boolean copyDatabase(DatabaseSettings database, String from, String to, boolean replace)
            throws SQLException {
        if (from.equals(to) || "postgres".equals(to)) {
            throw new IllegalArgumentException("BOOK must name another database than DB_URL's, which is dropped");
        }
        String url = database.url().orElseThrow();
        String name = databaseName(database);
        int at = url.indexOf("/" + name, url.indexOf("//") + 2);
        DatabaseSettings maintenance = new DatabaseSettings(database.file(),
                Optional.of(url.substring(0, at + 1) + "postgres" + url.substring(at + 1 + name.length())),
                database.user(), database.password(), database.poolSize());
        try (Connection c = connect(maintenance); Statement s = c.createStatement()) {
            if (replace) {
                try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + from + "'")) {
                    if (!r.next()) {
                        return false;
                    }
                }
                s.execute("DROP DATABASE IF EXISTS \"" + to + "\"");
            }
            s.execute("CREATE DATABASE \"" + to + "\" TEMPLATE \"" + from + "\"");
        }
        return true;
    }

    /**
     * PostgreSQL's plans, with the time each took (EXPLAIN ANALYZE): the search as the repository runs it (LIKE
     * over the folded text, served by the trigram index), a rare word, a deep sorted page and a birthday range.
     */
    private static void printPostgreSqlPlans(DatabaseSettings database) throws SQLException {
        String live = "FROM contacts WHERE user_id = 1 AND deleted_at IS NULL";
        String[][] queries = {
                {"search", "SELECT id, count(*) OVER () " + live + " AND search_text LIKE '%nunez%' ESCAPE '\\' "
                        + "ORDER BY id LIMIT 100"},
                {"rare word", "SELECT id, count(*) OVER () " + live + " AND search_text LIKE '%zzz1%' ESCAPE '\\' "
                        + "ORDER BY id LIMIT 100"},
                {"sorted ids", "SELECT id " + live + " ORDER BY first_name_key, id LIMIT 100 OFFSET 50000"},
                {"birthdays", "SELECT count(*) " + live + " AND birthday_md BETWEEN '06-10' AND '07-10'"},
                {"bday page", BIRTHDAY_PAGE},
        };
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String[] q : queries) {
                try (ResultSet r = s.executeQuery("EXPLAIN ANALYZE " + q[1])) {
                    while (r.next()) {
                        System.out.printf("plan %-11s %s%n", q[0] + ":", r.getString(1));
                    }
                }
            }
        }
    }

    /**
     * The CPU time so far of a local PostgreSQL's processes (the postmaster serving this database and its
     * children), by process id, in ns, from /proc: the server's queries cost CPU there too. None when the
     * database is not on this machine.
     */
    private static Supplier<Map<Long, Long>> postgreSqlCpu(DatabaseSettings database) throws SQLException {
        long postmaster;
        // read while the connection is open: its backend process ends with it
        try (Connection c = connect(database); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
            r.next();
            Path status = Path.of("/proc", Long.toString(r.getLong(1)), "status");
            if (!Files.isReadable(status)) {
                return Map::of;
            }
            try (Stream<String> lines = Files.lines(status)) {
                postmaster = lines.filter(l -> l.startsWith("PPid:"))
                        .mapToLong(l -> Long.parseLong(l.substring(5).strip())).findFirst().orElseThrow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return () -> {
            Map<Long, Long> cpu = new HashMap<>();
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(process.resolve("stat"));
                        long pid = Long.parseLong(process.getFileName().toString());
                        // after the command's closing parenthesis: state, ppid, ... utime (12th), stime (13th)
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (Long.parseLong(fields[1]) == postmaster || pid == postmaster) {
                            // in clock ticks: USER_HZ is 100 on Linux
                            cpu.put(pid, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L);
                        }
                    } catch (IOException gone) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return cpu;
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void insertRows(DatabaseSettings database, int contacts) throws Exception {
        SQLDialect dialect = database.isPostgreSql() ? SQLDialect.POSTGRES : SQLDialect.SQLITE;
        Object written = SqlTimes.jdbcValue(dialect, Instant.parse("2025-01-01T00:00:00Z"));
        try (Connection c = connect(database)) {
            c.setAutoCommit(false);
            long owner;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM users")) {
                r.next();
                owner = r.getLong(1);
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO contacts (user_id, first_name, "
                    + "last_name, email, phone, birthday, birthday_md, additional_data, first_name_folded, "
                    + "last_name_folded, emails, phones, labels, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < contacts; i++) {
                    String first = FIRST[i % FIRST.length] + (i % 7 == 0 ? "" : " " + i);
                    String last = LAST[(i / FIRST.length) % LAST.length];
                    String email = "p" + i + "@example.org";
                    String phone = String.format("+380 44 %03d %04d", i % 1000, i % 10_000);
                    String birthday = String.format("19%02d-%02d-%02d", 50 + i % 50, 1 + i % 12, 1 + i % 28);
                    insert.setLong(1, owner);
                    insert.setString(2, first);
                    insert.setString(3, last);
                    insert.setString(4, email);
                    insert.setString(5, phone);
                    insert.setObject(6, SqlTimes.jdbcValue(dialect, LocalDate.parse(birthday)));
                    insert.setString(7, birthday.substring(5));
                    insert.setString(8, i % 3 == 0 ? "Met at the conference in " + (2000 + i % 25) : null);
                    insert.setString(9, "[{\"value\":\"" + email + "\",\"label\":\"other\"}]");
                    insert.setString(10, "[{\"value\":\"" + phone + "\",\"label\":\"mobile\"}]");
                    insert.setString(11, "[\"" + LABELS[i % LABELS.length] + "\"]");
                    insert.setObject(12, written);
                    insert.setObject(13, written);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        // a commit per 1,000, as an import commits per batch: on PostgreSQL each row's trigger
                        // updates the owner's count (V5), and 100,000 updates of one row in one transaction take
                        // quadratic time (each walks the row's versions made before it in that transaction)
                        c.commit();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    /**
     * SQLite's plan for each kind of query, and its time (one client, median of 5): a search's scan through the
     * covering index against the same scan over the table rows; the trigram index's page by id, count, and page by
     * last name (the name index walked) of a common word (11% of the book), and the count of a rare one; a label's
     * count.
     */
    private static void printPlans(Path file) throws Exception {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        String live = "FROM contacts WHERE user_id = 1 AND deleted_at IS NULL";
        // a search's matches in the trigram index (any owner's), each tested in the owner's covering id index
        String found = "FROM (SELECT rowid AS id FROM contacts_search WHERE contacts_search MATCH '\"%s\"') AS matches "
                + "CROSS JOIN contacts INDEXED BY contacts_live_id WHERE contacts.id = matches.id AND user_id = 1 "
                + "AND deleted_at IS NULL";
        String[][] queries = {
                {"search ids", "SELECT id FROM contacts INDEXED BY contacts_live_search WHERE user_id = 1 "
                        + "AND deleted_at IS NULL AND instr(search_text, 'zzz') > 0 ORDER BY id LIMIT 100"},
                {"search count", "SELECT count(*) FROM contacts INDEXED BY contacts_live_search WHERE user_id = 1 "
                        + "AND deleted_at IS NULL AND instr(search_text, 'zzz') > 0"},
                {"no index", "SELECT count(*) FROM contacts NOT INDEXED WHERE user_id = 1 "
                        + "AND deleted_at IS NULL AND instr(search_text, 'zzz') > 0"},
                {"trigram ids", "SELECT matches.id " + found.formatted("nunez") + " ORDER BY matches.id LIMIT 100"},
                {"trigram count", "SELECT count(*) " + found.formatted("nunez")},
                {"trigram walk", "SELECT id " + live + " AND id IN (SELECT rowid FROM contacts_search "
                        + "WHERE contacts_search MATCH '\"nunez\"') ORDER BY last_name_key, id LIMIT 100"},
                {"trigram rare", "SELECT count(*) " + found.formatted("zzz1")},
                {"label count", "SELECT (SELECT count(*) FROM contact_labels WHERE user_id = 1 AND name_folded = "
                        + "'work') - (SELECT count(*) FROM contacts JOIN contact_labels ON contact_id = contacts.id "
                        + "AND name_folded = 'work' WHERE contacts.user_id = 1 AND deleted_at IS NOT NULL)"},
                {"sorted ids", "SELECT id " + live + " ORDER BY first_name_key, id LIMIT 100 OFFSET 50000"},
                {"list count", "SELECT count(*) " + live},
                {"birthdays", "SELECT count(*) " + live + " AND birthday_md BETWEEN '06-10' AND '07-10'"},
                {"birthday page", BIRTHDAY_PAGE},
        };
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            boolean trigrams;
            try (ResultSet r = s.executeQuery("SELECT 1 FROM sqlite_master WHERE name = 'contacts_search'")) {
                trigrams = r.next(); // not there before V6 (an older jar, for an A/B run)
            }
            for (String[] q : queries) {
                if (!trigrams && q[1].contains("contacts_search")) {
                    continue;
                }
                try (ResultSet r = s.executeQuery("EXPLAIN QUERY PLAN " + q[1])) {
                    while (r.next()) {
                        System.out.printf("plan %-13s %s%n", q[0] + ":", r.getString("detail"));
                    }
                }
                long[] times = new long[5];
                for (int i = 0; i < times.length; i++) {
                    long t0 = System.nanoTime();
                    try (ResultSet r = s.executeQuery(q[1])) {
                        while (r.next()) {
                            r.getObject(1);
                        }
                    }
                    times[i] = System.nanoTime() - t0;
                }
                java.util.Arrays.sort(times);
                System.out.printf("time %-13s %.1f ms (one client, median of 5)%n", q[0] + ":", times[2] / 1e6);
            }
        }
    }
}
