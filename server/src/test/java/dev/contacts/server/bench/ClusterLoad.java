package dev.contacts.server.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contacts.server.support.TestApi;

/**
 * The load of bench/cluster.sh (not a test): several users create and read contacts through the load balancer
 * for a fixed time while the script kills an instance. Every request carries an {@code X-Request-Id} that the
 * balancer logs with the instance it chose, and every request's outcome is written to {@code requests.tsv}, so
 * the script can tell which failed requests were in flight on the killed instance. Afterwards it reads every
 * user's contacts back and checks that each acknowledged create (a 201) is there with its name.
 * <p>
 * Usage: {@code ClusterLoad <base url> <output folder> <users> <seconds>}; exit code 1 when an acknowledged
 * create is missing.
 */
public final class ClusterLoad {

    /** A request's outcome: status -1 when no HTTP answer came at all (then {@code error} says why). */
    private record Outcome(String requestId, String kind, int user, long startMillis, long endMillis, int status,
                           String error, long contactId) {
        boolean acknowledgedCreate() {
            return kind.equals("create") && status == 201;
        }

        boolean failed() {
            return status < 200 || status >= 300;
        }
    }

    private ClusterLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        Path out = Path.of(args[1]);
        int users = Integer.parseInt(args[2]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[3]));
        TestApi api = TestApi.forBenchmark(base);

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> tokens = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String email = "cluster-" + run + "-" + u + "@example.com";
            if (api.register(email, TestApi.PASSWORD).status() != 201) {
                throw new IllegalStateException("cannot register " + email);
            }
            tokens.add(api.token(email, TestApi.PASSWORD));
        }
        System.out.println("ready: " + users + " users registered and logged in through the load balancer");

        long deadline = System.currentTimeMillis() + length.toMillis();
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(users)) {
            List<Future<List<Outcome>>> work = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                int user = u;
                work.add(clients.submit(() -> drive(api, user, tokens.get(user), deadline)));
            }
            for (Future<List<Outcome>> done : work) {
                outcomes.addAll(done.get());
            }
        }
        write(out.resolve("requests.tsv"), outcomes);

        Map<Long, String> present = new HashMap<>();
        for (int u = 0; u < users; u++) {
            present.putAll(everyContact(api, tokens.get(u)));
        }
        List<Outcome> acknowledged = outcomes.stream().filter(Outcome::acknowledgedCreate).toList();
        List<Outcome> missing = acknowledged.stream()
                .filter(o -> !o.requestId().equals(present.get(o.contactId()))).toList();
        Set<String> names = new HashSet<>(present.values());
        long failedCreatesWrittenAnyway = outcomes.stream()
                .filter(o -> o.kind().equals("create") && o.failed() && names.contains(o.requestId())).count();

        System.out.printf("requests: %d (%d creates, %d reads), failed: %d%n", outcomes.size(),
                outcomes.stream().filter(o -> o.kind().equals("create")).count(),
                outcomes.stream().filter(o -> o.kind().equals("read")).count(),
                outcomes.stream().filter(Outcome::failed).count());
        System.out.printf("acknowledged creates: %d, present afterwards: %d, missing: %d%n", acknowledged.size(),
                acknowledged.size() - missing.size(), missing.size());
        System.out.printf("failed creates that were written all the same (in flight when the answer was lost): %d%n",
                failedCreatesWrittenAnyway);
        missing.forEach(o -> System.out.println("MISSING: " + o));
        if (!missing.isEmpty()) {
            System.exit(1);
        }
    }

    /** One user's loop until the deadline: three creates, then a read of the last contact created. */
    private static List<Outcome> drive(TestApi api, int user, String token, long deadline) {
        List<Outcome> outcomes = new ArrayList<>();
        long lastId = 0;
        for (int n = 0; System.currentTimeMillis() < deadline; n++) {
            String requestId = "u" + user + "-" + n;
            boolean read = n % 4 == 3 && lastId > 0;
            HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(read ? "/contacts/" + lastId + "/" : "/contacts/"))
                    .header("Authorization", "Bearer " + token)
                    .header("X-Request-Id", requestId)
                    .timeout(Duration.ofSeconds(30));
            if (!read) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        TestApi.json("first_name", requestId, "last_name", "Cluster")));
            }
            long start = System.currentTimeMillis();
            int status = -1;
            String error = "";
            long contactId = 0;
            try {
                TestApi.Response response = api.send(request);
                status = response.status();
                if (!read && status == 201) {
                    contactId = response.json().get("id").asLong();
                    lastId = contactId;
                }
            } catch (RuntimeException e) {
                error = String.valueOf(e.getCause() != null ? e.getCause() : e).replaceAll("\\s+", " ");
            }
            outcomes.add(new Outcome(requestId, read ? "read" : "create", user, start, System.currentTimeMillis(),
                    status, error, contactId));
        }
        return outcomes;
    }

    /** Every contact of the user, id to first name, page by page. */
    private static Map<Long, String> everyContact(TestApi api, String token) {
        Map<Long, String> contacts = new HashMap<>();
        for (int skip = 0; ; skip += 1000) {
            TestApi.Response page = api.get("/contacts/?skip=" + skip + "&limit=1000", token);
            if (page.status() != 200) {
                throw new IllegalStateException("cannot read the contacts back: " + page);
            }
            for (JsonNode contact : page.json()) {
                contacts.put(contact.get("id").asLong(), contact.get("first_name").asText());
            }
            if (page.json().size() < 1000) {
                return contacts;
            }
        }
    }

    private static void write(Path file, List<Outcome> outcomes) {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("request_id\tkind\tuser\tstart_ms\tend_ms\tstatus\terror");
            for (Outcome o : outcomes) {
                w.printf("%s\t%s\t%d\t%d\t%d\t%d\t%s%n", o.requestId(), o.kind(), o.user(), o.startMillis(),
                        o.endMillis(), o.status(), o.error());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
