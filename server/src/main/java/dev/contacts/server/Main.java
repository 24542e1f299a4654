package dev.contacts.server;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import io.helidon.config.Config;

/**
 * The standalone server: {@code java -jar server/target/contacts-server.jar [--host H] [--port N] [--db FILE]}.
 * Settings come from the command line, then environment variables, then {@code ./application.yaml}, then the
 * defaults built into the jar.
 */
public final class Main {

    static final int EXIT_USAGE = 2;

    private static final String USAGE = """
            Usage: java -jar contacts-server.jar [options]
              --host HOST   address to listen on (default 127.0.0.1)
              --port N      port to listen on, 0 picks a free one (default 8000)
              --db FILE     SQLite database file, created with its folders if missing (default contacts.db)
              --rate-limit N  requests per minute and client address on /register/, /token/ and
                            /token/refresh/ (default 60; 0 turns the limit off)
              --help        print this help and exit
            Every setting can also be given in application.yaml or as an environment variable
            (SERVER_HOST, SERVER_PORT, DB_PATH, AUTH_SECRET, AUTH_RATE_DASH_LIMIT, ...).""";

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> overrides;
        try {
            overrides = parseArguments(args);
        } catch (UsageException e) {
            fail(e.getMessage());
            return;
        }
        if (overrides == null) {
            System.out.println(USAGE);
            return;
        }
        ServerSettings settings;
        try {
            settings = ServerSettings.from(config(overrides));
        } catch (RuntimeException e) {
            fail("invalid setting: " + e.getMessage());
            return;
        }
        ContactsServer server;
        try {
            server = ContactsServer.start(settings);
        } catch (RuntimeException e) {
            fail("cannot start: " + e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "contacts-shutdown"));
        System.out.println("Contacts API listening on http://" + settings.host() + ":" + server.port());
    }

    /** The settings the command line gives, as config keys; {@code null} when help was asked for. */
    static Map<String, String> parseArguments(String[] args) throws UsageException {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                return null;
            }
            String key = switch (name) {
                case "--host" -> "server.host";
                case "--port" -> "server.port";
                case "--db" -> "db.path";
                case "--rate-limit" -> "auth.rate-limit";
                default -> throw new UsageException("unknown option " + arg + " (see --help)");
            };
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value (see --help)");
                }
                value = args[++i];
            }
            if (name.equals("--port")) {
                checkNumber(name, value, 0, 65_535);
            }
            if (name.equals("--rate-limit")) {
                checkNumber(name, value, 0, Integer.MAX_VALUE);
            }
            if (value.isBlank()) {
                throw new UsageException(name + " needs a non-empty value");
            }
            overrides.put(key, value);
        }
        return overrides;
    }

    private static void checkNumber(String name, String value, int min, int max) throws UsageException {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new UsageException(name + " must be " + min + " to " + max + ", got " + value);
            }
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, got " + value);
        }
    }

    static Config config(Map<String, String> overrides) {
        return ServerSettings.config(overrides);
    }

    private static void fail(String message) {
        PrintStream err = System.err;
        err.println("contacts-server: " + message.replace('\n', ' '));
        System.exit(EXIT_USAGE);
    }

    /** A command line that cannot be understood. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
