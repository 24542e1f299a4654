package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class AppArgumentsTest {

    @Test
    void embeddedByDefaultInTheUsersDataFolder() {
        AppArguments args = AppArguments.parse(List.of());
        assertTrue(args.server().isEmpty());
        assertTrue(args.dataDir().endsWith("contacts"), args.dataDir().toString());
    }

    @Test
    void dataDirAndRemoteServer() {
        AppArguments args = AppArguments.parse(List.of("--data-dir", "/tmp/x", "--server=http://host:8000"));
        assertEquals(Path.of("/tmp/x"), args.dataDir());
        assertEquals(URI.create("http://host:8000/"), args.server().orElseThrow());
    }

    @Test
    void badArgumentsAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> AppArguments.parse(List.of("--nope")));
        assertThrows(IllegalArgumentException.class, () -> AppArguments.parse(List.of("--server", "ftp://x")));
        assertThrows(IllegalArgumentException.class, () -> AppArguments.parse(List.of("--data-dir")));
    }
}
