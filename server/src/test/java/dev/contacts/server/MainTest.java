package dev.contacts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import org.junit.jupiter.api.io.TempDir;

/** The command line: flags, config layering, and exit code 2 with one line on stderr for bad input. */
class MainTest {

    @Test
    void flagsBecomeConfigKeys() {
        assertEquals(Map.of("server.host", "0.0.0.0", "server.port", "0", "db.path", "x/y.db", "db.url", "x/y.db",
                        "auth.rate-limit", "0"),
                Main.parseArguments("--host", "0.0.0.0", "--port=0", "--db", "x/y.db", "--rate-limit", "0"));
        assertEquals(Map.of(), Main.parseArguments(), "an option not given leaves its setting to the configuration");
    }

    @Test
    void dbTakesAPostgreSqlUrlOrAPath() {
        Map<String, String> postgres = Main.parseArguments("--db", "jdbc:postgresql://db.example:5432/contacts");
        assertEquals(Map.of("db.url", "jdbc:postgresql://db.example:5432/contacts"), postgres,
                "a URL leaves db.path (where the key file goes) to the configuration");
        ServerSettings settings = ServerSettings.from(ServerSettings.config(postgres));
        assertTrue(settings.database().isPostgreSql());
        assertEquals(Path.of("contacts.db"), settings.database().file());
        assertEquals(10, settings.database().poolSize(), "the default of application.yaml");

        ServerSettings sqlite = ServerSettings.from(ServerSettings.config(Map.of("db.url", "data/c.db")));
        assertFalse(sqlite.database().isPostgreSql(), "a plain path in db.url is a SQLite file");
        assertEquals(Path.of("data/c.db"), sqlite.database().file());
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.from(ServerSettings.config(
                Map.of("db.url", "jdbc:postgresql://h/c", "db.pool-size", "0"))));
    }

    @Test
    void theDatabasePasswordComesFromAFileAndIsNeverShown(@TempDir Path dir) throws Exception {
        Path passwordFile = dir.resolve("pw");
        java.nio.file.Files.writeString(passwordFile, "s3cret-from-file\n");
        ServerSettings fromFile = ServerSettings.from(ServerSettings.config(Map.of(
                "db.url", "jdbc:postgresql://h/c", "db.user", "app", "db.password-file", passwordFile.toString())));
        assertEquals(java.util.Optional.of("s3cret-from-file"), fromFile.database().password());
        assertEquals(java.util.Optional.of("app"), fromFile.database().user());
        assertFalse(fromFile.toString().contains("s3cret"), fromFile.toString());

        ServerSettings inUrl = ServerSettings.from(ServerSettings.config(Map.of(
                "db.url", "jdbc:postgresql://h/c?user=app&password=s3cret-in-url&ssl=true")));
        assertFalse(inUrl.toString().contains("s3cret"), inUrl.toString());
        assertTrue(inUrl.database().describe().contains("ssl=true"));
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.from(ServerSettings.config(Map.of(
                "db.url", "jdbc:postgresql://h/c", "db.password-file", dir.resolve("missing").toString()))));
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertThrows(ParameterException.class, () -> Main.parseArguments("--nope"));
        assertThrows(ParameterException.class, () -> Main.parseArguments("--port"));
        assertThrows(ParameterException.class, () -> Main.parseArguments("--port", "eighty"));
        assertThrows(ParameterException.class, () -> Main.parseArguments("--port", "70000"));
        assertThrows(ParameterException.class, () -> Main.parseArguments("--rate-limit", "-1"));
        assertThrows(ParameterException.class, () -> Main.parseArguments("--db", ""));
    }

    @Test
    void helpShowsEachOptionWithTheDefaultOfApplicationYaml() {
        CommandLine line = Main.command(new Main());
        StringWriter help = new StringWriter();
        line.setOut(new PrintWriter(help));
        assertEquals(0, line.execute("--help"));
        String text = help.toString();
        for (String shown : List.of("--host", "(default 127.0.0.1)", "--port", "(default 8000)", "--db",
                "(default contacts.db)", "--rate-limit", "(default 60;", "--help", "--version", "AUTH_SECRET")) {
            assertTrue(text.contains(shown), shown + " in " + text);
        }
        StringWriter version = new StringWriter();
        line.setOut(new PrintWriter(version));
        assertEquals(0, line.execute("--version"));
        assertTrue(version.toString().startsWith("contacts-server "), version.toString());
    }

    @Test
    void commandLineWinsOverTheBuiltInDefaults() {
        ServerSettings defaults = ServerSettings.from(ServerSettings.config(Map.of()));
        assertEquals("127.0.0.1", defaults.host());
        assertEquals(8000, defaults.port());
        assertEquals(Path.of("contacts.db"), defaults.database().file());
        assertEquals(Duration.ofMinutes(30), defaults.tokenLifetime());
        ServerSettings overridden = ServerSettings.from(ServerSettings.config(Map.of("server.port", "9123", "db.path", "a.db")));
        assertEquals(9123, overridden.port());
        assertEquals(Path.of("a.db"), overridden.database().file());
    }

    @Test
    void tokenLifetimeIsAtMost60Minutes() {
        assertEquals(Duration.ofMinutes(60), ServerSettings.from(ServerSettings.config(
                Map.of("auth.token-minutes", "60"))).tokenLifetime());
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.from(ServerSettings.config(
                Map.of("auth.token-minutes", "61"))));
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.from(ServerSettings.config(
                Map.of("auth.token-minutes", "0"))));
    }

    private static Process launch(Path workDir, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // native access granted as the jar's manifest grants it (Enable-Native-Access): the start loads SQLite's
        // library on a thread of its own at once, and without the grant the JVM warns about it on stderr
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).start();
    }

    @Test
    void anUnknownFlagExitsWith2AndOneLineOnStderr(@TempDir Path dir) throws Exception {
        Process p = launch(dir, "--frobnicate");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("--frobnicate"), err);
    }

    @Test
    void aBadSettingValueExitsWith2(@TempDir Path dir) throws Exception {
        Process p = launch(dir, "--port", "-5");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
    }

    @Test
    void aDatabaseThatCannotBeOpenedStopsTheStartWithItsReason(@TempDir Path dir) throws Exception {
        // opened on a thread of its own while the web server is set up: its failure still stops the start, in one line
        Files.writeString(dir.resolve("contacts.db"), "not a database, but long enough for SQLite to read its header");
        Process p = launch(dir, "--port", "0", "--db", "contacts.db");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String last = err.lines().reduce((first, second) -> second).orElse("");
        assertTrue(last.startsWith("contacts-server: cannot start: Cannot open the database "), err);
        assertTrue(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isEmpty(),
                "it never says it listens");
    }

    @Test
    void startsPrintsWhereItListensAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Process p = launch(dir, "--port", "0", "--db", "data/contacts.db");
        try {
            var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.matches("Contacts API listening on http://127\\.0\\.0\\.1:\\d+"), line);
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(143, p.exitValue(), "ended by the signal, through the shutdown hook");
            assertTrue(dir.resolve("data/contacts.db").toFile().exists());
            assertTrue(dir.resolve("data/contacts.key").toFile().exists());
        } finally {
            p.destroyForcibly();
        }
    }
}
