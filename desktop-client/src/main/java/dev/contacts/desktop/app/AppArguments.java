package dev.contacts.desktop.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.contacts.desktop.embedded.EmbeddedServer;

/**
 * The app's command line: {@code --data-dir DIR} (where the embedded database and settings live) and
 * {@code --server URL} (use a remote server instead of the embedded one).
 */
public record AppArguments(Path dataDir, Optional<URI> server) {

    public static AppArguments parse(List<String> args) {
        Path dataDir = EmbeddedServer.defaultDataDir();
        Optional<URI> server = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value;
            String name = arg;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                value = i + 1 < args.size() ? args.get(i + 1) : null;
                if (name.equals("--data-dir") || name.equals("--server")) {
                    i++;
                }
            }
            switch (name) {
                case "--data-dir" -> dataDir = Path.of(require(name, value));
                case "--server" -> server = Optional.of(serverUri(require(name, value)));
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (use --data-dir DIR or --server URL)");
            }
        }
        return new AppArguments(dataDir, server);
    }

    private static String require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return value;
    }

    private static URI serverUri(String text) {
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text : text + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server needs a URL such as http://host:8000, got " + text);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--server needs a URL such as http://host:8000, got " + text);
        }
        return uri;
    }
}
