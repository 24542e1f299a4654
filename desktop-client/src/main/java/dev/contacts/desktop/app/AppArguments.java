package dev.contacts.desktop.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.contacts.desktop.embedded.EmbeddedServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The app's command line: {@code --data-dir DIR} (where the embedded database and settings live) and
 * {@code --server URL} (use a remote server instead of the embedded one), with {@code --help} and
 * {@code --version}. Parsed once, by the launcher, before any window.
 */
public record AppArguments(Path dataDir, Optional<URI> server) {

    /** The options as picocli fills them. */
    @Command(name = "contacts", mixinStandardHelpOptions = true, versionProvider = Options.Version.class,
            sortOptions = false, description = "Contacts, a secure address book.")
    static final class Options {

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "where the address book and the app's settings live (default ${DEFAULT-VALUE})")
        Path dataDir = defaults().dataDir();

        @Option(names = "--server", paramLabel = "URL", converter = ServerUrl.class,
                description = "use the Contacts server at URL (e.g. http://host:8000) instead of the app's own")
        URI server;

        /** The version in the jar's manifest. */
        static final class Version implements CommandLine.IVersionProvider {
            @Override
            public String[] getVersion() {
                return new String[] {"contacts " + Optional.ofNullable(
                        AppArguments.class.getPackage().getImplementationVersion()).orElse("(development build)")};
            }
        }
    }

    /** No options: the embedded server over the user's data folder. */
    public static AppArguments defaults() {
        return new AppArguments(EmbeddedServer.defaultDataDir(), Optional.empty());
    }

    /** A command line for the app's options. */
    public static CommandLine commandLine() {
        return new CommandLine(new Options());
    }

    /** What {@code line} parsed. */
    public static AppArguments of(CommandLine line) {
        Options options = line.getCommand();
        return new AppArguments(options.dataDir, Optional.ofNullable(options.server));
    }

    /** Parses {@code args}; a {@link CommandLine.ParameterException} says what is wrong with them. */
    public static AppArguments parse(List<String> args) {
        CommandLine line = commandLine();
        line.parseArgs(args.toArray(String[]::new));
        return of(line);
    }

    /** An http(s) URL with a host; a trailing slash is added so that paths resolve below it. */
    static final class ServerUrl implements CommandLine.ITypeConverter<URI> {
        @Override
        public URI convert(String text) {
            URI uri;
            try {
                uri = URI.create(text.endsWith("/") ? text : text + "/");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("needs a URL such as http://host:8000, got " + text);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new CommandLine.TypeConversionException("needs a URL such as http://host:8000, got " + text);
            }
            return uri;
        }
    }
}
