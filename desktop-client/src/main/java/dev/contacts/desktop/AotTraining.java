package dev.contacts.desktop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.contacts.desktop.embedded.EmbeddedServer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The training run of the app's AOT cache (JDK 24+, JEP 483/515), made when the jar is packaged
 * (desktop-client/pom.xml): does what a warm start of the app does, without a screen (Monocle, which is on the
 * app's class path for this reason: the cache wants the class path of the runs that use it). Another JVM first
 * makes an address book with an account and 300 contacts; this one then starts the app as {@link Launcher} does
 * on that folder, signs in through the login card and waits for the list of contacts, and closes the window. So
 * the cache holds the classes (loaded and linked) and method profiles of a warm start of the window and the
 * embedded server, and not those of making a database (Flyway) or importing (ez-vcard): a cache's classes are
 * all loaded at every start, used or not. Not a user command. The installer's build runs it through the app
 * image's launcher ({@link Launcher} with {@code -Dcontacts.aot-training=true}), for that launcher's options.
 */
public final class AotTraining {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String EMAIL = "training@example.com";
    /** The same in both JVMs of a training: it only guards a temporary folder's account for a minute. */
    private static final String PASSWORD = "aot-training-password";
    /** The argument of the JVM that makes the training's address book. */
    private static final String PREPARE = "--address-book";
    /** A stuck step fails the build instead of hanging it. */
    private static final long STEP_SECONDS = 120;

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && PREPARE.equals(args[0])) {
            addressBook(Path.of(args[1]));
            System.exit(0);
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Path folder = Files.createTempDirectory("contacts-aot-training");
        CompletableFuture<Void> trained = new CompletableFuture<>();
        int exit = 1;
        try {
            addressBookFromAnotherJvm(folder);
            Thread.ofPlatform().daemon().name("contacts-aot-training").start(() -> {
                try {
                    signInAndList();
                    trained.complete(null);
                } catch (Throwable e) {
                    trained.completeExceptionally(e);
                } finally {
                    Platform.exit();
                }
            });
            Launcher.main(new String[] {"--data-dir", folder.toString()});
            trained.get(STEP_SECONDS, TimeUnit.SECONDS);
            exit = 0;
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            // the JVM writes its AOT cache as it exits
            System.exit(exit);
        }
    }

    /** Runs {@link #addressBook} in a JVM of its own (the runtime's java, without the training's options). */
    private static void addressBookFromAnotherJvm(Path folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        Optional.ofNullable(System.getProperty("java.util.logging.config.file"))
                .ifPresent(file -> command.add("-Djava.util.logging.config.file=" + file));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AotTraining.class.getName(), PREPARE,
                folder.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // where the installer's build names the cache to write
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException("the training's address book could not be made");
        }
    }

    /** The embedded server makes the address book in {@code folder}: an account with 300 contacts. */
    private static void addressBook(Path folder) throws Exception {
        try (EmbeddedServer embedded = new EmbeddedServer(folder); HttpClient http = HttpClient.newHttpClient()) {
            embedded.startInBackground();
            URI server = embedded.uri();
            String credentials = "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}";
            send(http, server, "/register/", null, "application/json", credentials);
            Matcher token = ACCESS_TOKEN.matcher(send(http, server, "/token/", null, "application/json", credentials));
            if (!token.find()) {
                throw new IllegalStateException("the training login failed");
            }
            StringBuilder cards = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                cards.append("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Maria Smith").append(i)
                        .append("\r\nN:Smith").append(i).append(";Maria;;;\r\nEMAIL:maria").append(i)
                        .append("@example.com\r\nTEL:+44 20 7946 0000\r\nBDAY:19900517\r\nEND:VCARD\r\n");
            }
            send(http, server, "/contacts/import/", token.group(1), "text/vcard", cards.toString());
        }
    }

    /** What a person does first on a warm start: signs in on the login card and sees their contacts. */
    private static void signInAndList() throws Exception {
        await(() -> onFx(() -> window().map(root -> root.lookup("#submit") != null).orElse(false)), "the login card");
        onFx(() -> {
            ((TextInputControl) find("#email")).setText(EMAIL);
            ((TextInputControl) find("#password")).setText(PASSWORD);
            ((ButtonBase) find("#submit")).fire();
            return null;
        });
        await(() -> onFx(() -> window().map(root -> root.lookup("#contacts-list")).orElse(null)
                instanceof ListView<?> list && !list.getItems().isEmpty()), "the list of contacts");
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the training waited in vain for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static String send(HttpClient http, URI server, String path, String bearer, String type, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .POST(BodyPublishers.ofString(body)).header("Content-Type", type);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), BodyHandlers.ofString()).body();
    }

    private static Node find(String selector) {
        Node node = window().map(root -> root.lookup(selector)).orElse(null);
        if (node == null) {
            throw new IllegalStateException("the training found no " + selector);
        }
        return node;
    }

    private static Optional<Parent> window() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing() && w.getScene() != null)
                .findFirst().map(w -> w.getScene().getRoot());
    }

    private static boolean holds(Callable<Boolean> condition) throws Exception {
        try {
            return condition.call();
        } catch (IllegalStateException e) {
            return false; // the toolkit has not started yet
        }
    }

    private static <T> T onFx(Callable<T> step) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(step.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(STEP_SECONDS, TimeUnit.SECONDS);
    }
}
