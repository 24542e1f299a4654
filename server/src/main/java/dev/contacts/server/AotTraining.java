package dev.contacts.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training run of the JVM's AOT cache (JDK 24+, JEP 483/515), made when the jar is packaged (server/pom.xml):
 * starts the server as {@link Main} does, on a temporary database, sends the requests a client sends first, and
 * exits, so that the cache holds the classes (loaded and linked) and the method profiles of a start and of the
 * API's common paths. The launcher {@code contacts-server} then starts with {@code -XX:AOTCache}. Not a user
 * command: it binds a free loopback port for a few seconds and deletes its database after.
 */
public final class AotTraining {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1) {
            // the client's side, in a JVM of its own (see requestsFromAnotherJvm)
            train(URI.create(args[0]));
            return;
        }
        Path folder = Files.createTempDirectory("contacts-aot-training");
        int exit = 1;
        try {
            String port = String.valueOf(freePort());
            Main.main(new String[] {"--port", port, "--rate-limit", "0", "--db", folder.resolve("contacts.db").toString()});
            requestsFromAnotherJvm(URI.create("http://127.0.0.1:" + port));
            exit = 0;
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            // the shutdown hook Main added stops the server; the JVM writes its AOT cache as it exits
            System.exit(exit);
        }
    }

    /**
     * Sends the training's requests from another JVM: in this one, the JDK's HTTP client and the TLS classes it
     * sets up (about 600) went into the cache, and a cache's classes are all loaded at every start of the server.
     */
    private static void requestsFromAnotherJvm(URI server) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process client = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AotTraining.class.getName(), server.toString()).inheritIO().start();
        if (client.waitFor() != 0) {
            throw new IllegalStateException("the training's requests failed");
        }
    }

    private static void train(URI server) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            Client client = new Client(http, server);
            client.send("GET", "/observe/health", null, null);
            String credentials = "{\"email\":\"training@example.com\",\"password\":\"" + UUID.randomUUID() + "\"}";
            client.send("POST", "/register/", null, credentials);
            Matcher token = ACCESS_TOKEN.matcher(client.send("POST", "/token/", null, credentials));
            if (!token.find()) {
                throw new IllegalStateException("the training login failed");
            }
            String bearer = token.group(1);
            for (int i = 0; i < 200; i++) {
                Matcher id = ID.matcher(client.send("POST", "/contacts/", bearer, "{\"first_name\":\"Maria\",\"last_name\":\"Smith"
                        + i + "\",\"email\":\"maria" + i + "@example.com\",\"phone\":\"+44 20 7946 0000\",\"birthday\":\"1990-05-17\"}"));
                if (id.find()) {
                    client.send("GET", "/contacts/" + id.group(1) + "/", bearer, null);
                    client.send("PATCH", "/contacts/" + id.group(1) + "/", bearer, "{\"additional_data\":\"trained\"}");
                }
                client.send("GET", "/contacts/?limit=100", bearer, null);
                client.send("GET", "/contacts/search/?query=smi", bearer, null);
                client.send("GET", "/contacts/birthdays/?days=30", bearer, null);
            }
            client.send("GET", "/contacts/export/?format=vcard", bearer, null);
        }
    }

    private record Client(HttpClient http, URI server) {

        String send(String method, String path, String bearer, String json) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                    .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return http.send(request.build(), BodyHandlers.ofString()).body();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
