package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class AppArgumentsTest {

    @Test
    void embeddedByDefaultInTheUsersDataFolder() {
        AppArguments args = AppArguments.parse(List.of());
        assertTrue(args.server().isEmpty());
        assertTrue(args.dataDir().endsWith("contacts"), args.dataDir().toString());
        assertEquals(args, AppArguments.defaults(), "a start without options (which skips picocli) means the same");
    }

    @Test
    void dataDirAndRemoteServer() {
        AppArguments args = AppArguments.parse(List.of("--data-dir", "/tmp/x", "--server=http://host:8000"));
        assertEquals(Path.of("/tmp/x"), args.dataDir());
        assertEquals(URI.create("http://host:8000/"), args.server().orElseThrow());
    }

    @Test
    void badArgumentsAreRefusedWithAReason() {
        assertTrue(assertThrows(ParameterException.class, () -> AppArguments.parse(List.of("--nope")))
                .getMessage().contains("--nope"));
        assertTrue(assertThrows(ParameterException.class, () -> AppArguments.parse(List.of("--server", "ftp://x")))
                .getMessage().contains("http://host:8000"));
        assertThrows(ParameterException.class, () -> AppArguments.parse(List.of("--data-dir")));
    }

    @Test
    void helpNamesEveryOptionAndVersionNamesTheApp() {
        CommandLine line = AppArguments.commandLine();
        StringWriter help = new StringWriter();
        line.setOut(new PrintWriter(help));
        assertEquals(0, line.execute("--help"));
        for (String option : List.of("--data-dir", "--server", "--help", "--version")) {
            assertTrue(help.toString().contains(option), help.toString());
        }
        assertTrue(help.toString().contains(dev.contacts.desktop.embedded.EmbeddedServer.defaultDataDir().toString()), "the default data folder is shown");
        StringWriter version = new StringWriter();
        line.setOut(new PrintWriter(version));
        assertEquals(0, line.execute("--version"));
        assertTrue(version.toString().startsWith("contacts "), version.toString());
    }
}
