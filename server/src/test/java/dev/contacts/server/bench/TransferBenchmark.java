package dev.contacts.server.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.sun.management.OperatingSystemMXBean;

import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerSettings;
import dev.contacts.server.support.TestApi;

/**
 * Import and export of a large address book (run with bench/transfer.sh): 10,000 contacts in a vCard file of
 * almost 10 MiB (the import limits), imported, imported again (every item merges, nothing changes), exported
 * as vCard and as CSV, the CSV imported into a second account and the vCard file into a third (the warm JVM's
 * figure for a new import). The script runs it in a small heap, so a
 * pass also shows that memory stays bounded.
 */
public final class TransferBenchmark {

    private static final String[] FIRST = {"Ádám", "Émile", "Zoë", "Núñez", "Jürgen", "Søren", "Łukasz", "Chloé"};
    private static final String[] LAST = {"Smith", "Müller", "García", "Straße", "Dupont", "Kowalski", "O'Brien"};

    private TransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String running = System.getenv("SERVER_URL");
        if (running != null && !running.isBlank()) {
            // a server started elsewhere (e.g. by its launcher, in its own heap), with --rate-limit 0
            run(URI.create(running), contacts);
            return;
        }
        Path file = Files.createTempDirectory("contacts-bench").resolve("contacts.db");
        try (ContactsServer server = ContactsServer.start(ServerSettings.embedded(file).withRateLimit(0))) {
            run(server.uri("127.0.0.1"), contacts);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap: max %d MiB, in use now %d MiB%n", rt.maxMemory() >> 20,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    private static void run(URI base, int contacts) throws Exception {
        TestApi api = TestApi.forBenchmark(base);
        String token = api.newUser();
        String vcf = vCards(contacts);
        System.out.printf("vCard file: %d contacts, %.2f MiB%n", contacts, vcf.length() / 1048576.0);

        String report = timed("import vCard (new contacts)", () -> post(base, token, "text/vcard", vcf));
        System.out.println(brief(report));
        report = timed("import the same file again (merge)", () -> post(base, token, "text/vcard", vcf));
        System.out.println(brief(report));
        String exported = timed("export vCard", () -> get(base, token, "vcard"));
        System.out.printf("%.2f MiB%n", exported.length() / 1048576.0);
        report = timed("import the export (round trip)", () -> post(base, token, "text/vcard", exported));
        System.out.println(brief(report));
        String csv = timed("export CSV", () -> get(base, token, "csv"));
        System.out.printf("%.2f MiB%n", csv.length() / 1048576.0);
        String second = api.newUser();
        report = timed("import the CSV into a new account", () -> post(base, second, "text/csv", csv));
        System.out.println(brief(report));
        // The first import above also pays for the JVM's warm-up (class loading, JIT); a running server is warm.
        String third = api.newUser();
        report = timed("import vCard into a new account, warm", () -> post(base, third, "text/vcard", vcf));
        System.out.println(brief(report));
    }

    /** Cards like a phone's export: two emails and phones, an address, groups, a birthday and a note. */
    private static String vCards(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length) % LAST.length] + " " + i;
            out.append("BEGIN:VCARD\r\nVERSION:3.0\r\n")
                    .append("N:").append(last).append(';').append(first).append(";;;\r\n")
                    .append("FN:").append(first).append(' ').append(last).append("\r\n")
                    .append("EMAIL;TYPE=INTERNET;TYPE=HOME:person").append(i).append("@example.com\r\n")
                    .append("EMAIL;TYPE=INTERNET;TYPE=WORK:p").append(i).append("@work.example\r\n")
                    .append("TEL;TYPE=CELL:+380 44 ").append(String.format("%07d", i)).append("\r\n")
                    .append("TEL;TYPE=WORK:+1 555 ").append(String.format("%07d", i)).append("\r\n")
                    .append("ADR;TYPE=HOME:;;").append(i).append(" Main Street;Springfield;IL;62701;USA\r\n")
                    .append("ORG:Company ").append(i % 100).append("\r\n")
                    .append("BDAY:--").append(String.format("%02d%02d", i % 12 + 1, i % 28 + 1)).append("\r\n")
                    .append("CATEGORIES:myContacts,Group ").append(i % 7).append("\r\n")
                    .append("URL:https://example.com/people/").append(i).append("\r\n")
                    .append("NOTE:").append("Met at the conference; likes long walks. ".repeat(13)).append("\r\n")
                    .append("END:VCARD\r\n");
        }
        return out.toString();
    }

    private static String post(URI base, String token, String type, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/contacts/import/"))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("import answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String get(URI base, String token, String format) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        base.resolve("/contacts/export/?format=" + format)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("export answered " + r.statusCode());
        }
        return r.body();
    }

    private static String brief(String report) {
        return report.length() > 80 ? report.substring(0, 80) + "..." : report;
    }

    /**
     * Runs one step and prints its wall time and the CPU time the whole process spent meanwhile (server and
     * client are in this process): on a machine shared with other work the CPU time is the steadier figure.
     */
    private static <T> T timed(String step, Callable<T> work) throws Exception {
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        T result = work.call();
        System.out.printf("%-36s %6.2f s  (cpu %6.2f s)  ", step, (System.nanoTime() - t0) / 1e9,
                (cpuNanos() - cpu0) / 1e9);
        return result;
    }

    /** This process's CPU time, or with SERVER_PID (Linux) that server's: the figure to compare across builds. */
    private static long cpuNanos() throws Exception {
        String pid = System.getenv("SERVER_PID");
        if (pid == null || pid.isBlank()) {
            return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
        String stat = Files.readString(Path.of("/proc", pid.strip(), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        return ticks * 1_000_000_000L / 100; // USER_HZ
    }
}
