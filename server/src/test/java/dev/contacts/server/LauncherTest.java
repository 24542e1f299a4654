package dev.contacts.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.contacts.server.support.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script (src/main/sh/contacts-server) hands the JVM each option whole, wherever it is installed, and
 * the user's JAVA_OPTS after its own. Run with a stand-in java that prints the arguments it was given.
 */
@Tag(TestDatabases.SQLITE_ONLY) // about the launcher, not the database
class LauncherTest {

    /** Where the launcher is installed: a folder name with a space, as "Program Files" or a user's "My apps" */
    private static final String DIST = "my apps";

    @Test
    void theAotCacheBesideTheJarIsOneArgumentInAFolderWithASpace(@TempDir Path dir) throws Exception {
        Path cache = Files.write(Files.createDirectories(dir.resolve(DIST)).resolve("contacts-server.aot"), new byte[0]);
        List<String> args = javaArguments(dir, null);
        assertTrue(args.contains("-XX:AOTCache=" + cache.toAbsolutePath()), "each option whole: " + args);
        assertEquals(List.of("-jar", dir.resolve(DIST).resolve("contacts-server.jar").toAbsolutePath().toString(),
                "--version"), args.subList(args.size() - 3, args.size()), "the server's jar and arguments come last");
    }

    @Test
    void javaOptsComeAfterTheShippedOptionsSoTheyWin(@TempDir Path dir) throws Exception {
        Files.write(Files.createDirectories(dir.resolve(DIST)).resolve("contacts-server.aot"), new byte[0]);
        List<String> args = javaArguments(dir, "-Xmx512m -Dsome.setting=1");
        int jar = args.indexOf("-jar");
        assertEquals(List.of("-Xmx512m", "-Dsome.setting=1"), args.subList(jar - 2, jar), args.toString());
        assertTrue(args.indexOf("-Xmx64m") < jar - 2 && args.stream().filter(a -> a.startsWith("-XX:AOTCache="))
                .allMatch(a -> args.indexOf(a) < jar - 2), args.toString());
    }

    /**
     * Runs a copy of the launcher in dir/{@value DIST} with dir/jdk/bin/java printing its arguments, one a line, and
     * JAVA_OPTS set to {@code javaOpts} (null: unset).
     */
    private static List<String> javaArguments(Path dir, String javaOpts) throws IOException, InterruptedException {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "the launcher is a POSIX shell script");
        Path dist = Files.createDirectories(dir.resolve(DIST));
        Files.copy(Path.of("src/main/sh/contacts-server"), dist.resolve("contacts-server"));
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true));
        ProcessBuilder builder = new ProcessBuilder("sh", dist.resolve("contacts-server").toString(), "--version")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        builder.environment().remove("JAVA_OPTS");
        if (javaOpts != null) {
            builder.environment().put("JAVA_OPTS", javaOpts);
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }
}
