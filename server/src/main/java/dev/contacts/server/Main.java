package dev.contacts.server;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.contacts.server.contact.ContactKeys;
import dev.contacts.server.db.DatabaseSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The standalone server: {@code java -jar server/target/contacts-server.jar [--host H] [--port N] [--db FILE]}.
 * Settings come from the command line, then environment variables, then {@code ./application.yaml}, then the
 * defaults in the jar's application.yaml (the one place they are written; {@code --help} shows them from there).
 */
@Command(name = "contacts-server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false,
        description = "The Contacts API server.",
        footer = "Every setting can also be given in application.yaml or as an environment variable (SERVER_HOST, "
                + "SERVER_PORT, DB_PATH, DB_URL, DB_USER, DB_PASSWORD, AUTH_SECRET, AUTH_RATE_DASH_LIMIT, ...).")
public final class Main implements Callable<Integer> {

    static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    /** Each option's setting: an option given on the command line overrides that key of the configuration. */
    private static final Map<String, String> SETTINGS = Map.of(
            "--host", "server.host",
            "--port", "server.port",
            "--db", "db.path",
            "--rate-limit", "auth.rate-limit");

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", description = "address to listen on (default ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", paramLabel = "N",
            description = "port to listen on, 0 picks a free one (default ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--db", paramLabel = "FILE|URL",
            description = "SQLite database file, created with its folders if missing (default ${DEFAULT-VALUE}), "
                    + "or a PostgreSQL database: jdbc:postgresql://host:5432/name (see db.user, db.password)")
    private String database;

    @Option(names = "--rate-limit", paramLabel = "N",
            description = "requests per minute and client address on /register/, /token/ and /token/refresh/ "
                    + "(default ${DEFAULT-VALUE}; 0 turns the limit off)")
    private int rateLimit;

    /** The settings the command line gave, as configuration keys; filled by {@link #call()}. */
    private final Map<String, String> overrides = new LinkedHashMap<>();

    public static void main(String[] args) {
        if (List.of(args).stream().noneMatch(Set.of("-h", "--help", "-V", "--version")::contains)) {
            preload();
        }
        int exit = command(new Main()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /**
     * Starts, on a thread of its own, what every start needs whatever the settings say, while this thread reads the
     * command line and the configuration (picocli, whose Java 5 classes an AOT cache cannot hold, and Helidon
     * Config): sqlite-jdbc's native library (copied out of its jar and loaded; unused on PostgreSQL) and its
     * configuration's date format (the JDK's calendar data), {@link BigDecimal} (its class initialisation takes about
     * 30 ms, and Helidon's service registry reads its metadata with it) and ICU's root collator (the contacts' sort
     * keys). Each is what the start would do a moment later on its own path (docs/benchmarks.md, "Ready within a
     * second"); a failure here is left to the start, which meets it again and reports it.
     */
    private static void preload() {
        Thread.ofPlatform().daemon().name("contacts-preload").start(() -> {
            try {
                new SQLiteConfig();
                SQLiteJDBCLoader.initialize();
                BigDecimal.ONE.signum();
                ContactKeys.fold("");
            } catch (Exception | LinkageError e) {
                // the start reports it where it is needed
            }
        });
    }

    /** The command line for {@code main}: usage errors are one line on stderr and exit code 2. */
    static CommandLine command(Main main) {
        CommandLine line = new CommandLine(main);
        // Only --help shows the defaults: building that configuration for every start cost a second Helidon
        // Config (about a tenth of a start's main thread); picocli asks for them after it has read the options.
        line.setDefaultValueProvider(arg -> line.isUsageHelpRequested() ? builtInDefault(arg) : null);
        line.setParameterExceptionHandler((ParameterException e, String[] args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("contacts-server: " + e.getMessage() + " (see --help)");
            return EXIT_USAGE;
        });
        return line;
    }

    @Override
    public Integer call() {
        checkGiven();
        ServerSettings settings;
        try {
            settings = ServerSettings.from(ServerSettings.config(overrides));
        } catch (RuntimeException e) {
            return fail("invalid setting: " + e.getMessage());
        }
        ContactsServer server;
        try {
            server = ContactsServer.start(settings);
        } catch (RuntimeException e) {
            return fail("cannot start: " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "contacts-shutdown"));
        System.out.println("Contacts API listening on http://" + settings.host() + ":" + server.port());
        return CommandLine.ExitCode.OK;
    }

    /** Checks the options given and keeps them as configuration keys; a bad one is a usage error. */
    private void checkGiven() {
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            String key = SETTINGS.get(option.longestName());
            if (key == null) {
                continue;
            }
            String value = option.getValue().toString();
            if (value.isBlank()) {
                throw new ParameterException(spec.commandLine(), option.longestName() + " needs a non-empty value");
            }
            overrides.put(key, value);
            if (key.equals("db.path")) {
                // over DB_URL too: the command line wins; a PostgreSQL URL leaves db.path (the key file's place)
                overrides.put("db.url", value);
                if (DatabaseSettings.isPostgreSql(value)) {
                    overrides.remove("db.path");
                }
            }
        }
        if (overrides.containsKey("server.port") && (port < 0 || port > 65_535)) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, got " + port);
        }
        if (overrides.containsKey("auth.rate-limit") && rateLimit < 0) {
            throw new ParameterException(spec.commandLine(), "--rate-limit must be 0 or more, got " + rateLimit);
        }
    }

    /** The settings a command line gives, as configuration keys (for tests; {@code main} runs the server). */
    static Map<String, String> parseArguments(String... args) {
        Main main = new Main();
        CommandLine line = command(main);
        line.parseArgs(args);
        main.spec = line.getCommandSpec();
        main.checkGiven();
        return main.overrides;
    }

    /** An option's default as the jar's application.yaml sets it: shown by --help, never an override. */
    private static String builtInDefault(ArgSpec arg) {
        return arg instanceof OptionSpec option && SETTINGS.containsKey(option.longestName())
                ? BuiltIn.DEFAULTS.get(SETTINGS.get(option.longestName())).asString().orElse(null)
                : null;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("contacts-server: " + message.replace('\n', ' '));
        return EXIT_USAGE;
    }

    /** The jar's application.yaml alone, read when first needed. */
    private static final class BuiltIn {
        static final Config DEFAULTS = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.classpath(ServerSettings.DEFAULTS))
                .build();
    }

    /** The version in the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"contacts-server " + Optional.ofNullable(Main.class.getPackage().getImplementationVersion())
                    .orElse("(development build)")};
        }
    }
}
