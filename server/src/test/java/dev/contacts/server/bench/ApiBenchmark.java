package dev.contacts.server.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerSettings;
import dev.contacts.server.support.TestApi;

/**
 * Throughput and latency of the API on this machine: a benchmark, not a test (run with bench/api.sh). Starts
 * the real server on a temporary database and drives it over HTTP on loopback with a bounded number of
 * requests, then prints one line per scenario.
 */
public final class ApiBenchmark {

    private static final int CLIENTS = 8;
    /** Only the scenarios whose name has a match of this pattern (the environment's ONLY) run; all when unset. */
    private static final Pattern ONLY = Pattern.compile(System.getenv().getOrDefault("ONLY", ""));
    /**
     * Calls made before each scenario is measured (the environment's WARMUP; none when unset): so that the first
     * scenario of a run does not carry the JIT's compilation of the code all of them share ({@link #runAll} also
     * makes every scenario's before the first is measured).
     */
    private static final int WARM_UP = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "0"));
    /**
     * The CPU time so far of each process (by id) that works for the server outside this JVM (a PostgreSQL's), in
     * ns: what they spend during a scenario is added to this JVM's own.
     */
    static Supplier<Map<Long, Long>> otherCpuNanos = Map::of;

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path dir = Files.createTempDirectory("contacts-bench");
        try (ContactsServer server = ContactsServer.start(
                ServerSettings.embedded(dir.resolve("contacts.db")).withRateLimit(0))) {
            TestApi api = TestApi.forBenchmark(server.uri("127.0.0.1"));
            System.out.print(header("scenario"));

            List<String> emails = new ArrayList<>();
            run("register (argon2id hash)", 32, i -> {
                String email = "bench" + i + "@example.com";
                synchronized (emails) {
                    emails.add(email);
                }
                return api.register(email, TestApi.PASSWORD).status();
            });
            run("login (argon2id verify + tokens)", 64,
                    i -> api.login(emails.get(i % emails.size()), TestApi.PASSWORD).status());
            // The two refusals must cost the same, so that timing does not tell which emails have accounts.
            run("login refused: wrong password", 64,
                    i -> refused(api.login(emails.get(i % emails.size()), "wrong password " + i).status()));
            run("login refused: unknown email", 64,
                    i -> refused(api.login("nobody" + i + "@example.com", "wrong password " + i).status()));

            String token = api.token(emails.get(0), TestApi.PASSWORD);
            run("create contact", contacts, i -> api.post("/contacts/", token, TestApi.json(
                    "first_name", "First" + i, "last_name", "Last" + (i % 97), "email", "p" + i + "@example.org",
                    "birthday", String.format("19%02d-%02d-%02d", 50 + i % 50, 1 + i % 12, 1 + i % 28))).status());
            run("list page of 100 (of " + contacts + ")", 500,
                    i -> api.get("/contacts/?skip=" + (i * 100 % contacts) + "&limit=100", token).status());
            run("search substring (of " + contacts + ")", 500,
                    i -> api.get("/contacts/search/?query=st" + (i % 90), token).status());
            run("birthdays, 30 days (of " + contacts + ")", 300,
                    i -> api.get("/contacts/birthdays/?days=30", token).status());
        }
    }

    /** A 401 is the expected answer here; anything else is a failure of the benchmark. */
    private static int refused(int status) {
        return status == 401 ? 200 : 500;
    }

    /** The heading of {@link #run}'s lines, {@code first} above the scenarios' names. */
    static String header(String first) {
        return String.format("%-46s %8s %10s %9s %9s %11s %14s%n", first, "requests", "req/s", "p50 ms", "p95 ms",
                "cpu ms/req", "of it clients");
    }

    /**
     * Runs {@code requests} calls on {@value #CLIENTS} client threads; prints throughput, latency and the CPU time
     * per request (this JVM's, the clients' included, and {@link #otherCpuNanos}): on a machine shared with other
     * work, CPU time is the steadier figure.
     */
    static void run(String name, int requests, IntFunction<Integer> call) throws Exception {
        if (!ONLY.matcher(name).find()) {
            return;
        }
        warmUp(name, requests, null, call);
        long[] latencies = new long[requests];
        long cpu = ownCpuNanos();
        Map<Long, Long> others = otherCpuNanos.get();
        Map<Long, Long> httpClients = httpClientCpuNanos();
        List<Thread> clients = new ArrayList<>();
        long clientsSpent;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS, task -> {
            Thread client = new Thread(task);
            clients.add(client);
            return client;
        })) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    int status = call.apply(n);
                    latencies[n] = System.nanoTime() - t0;
                    if (status >= 400) {
                        throw new IllegalStateException(name + " answered " + status);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            // the clients' own CPU (their threads and the HTTP client's), which this JVM's total includes: what is
            // left of the total is the server's
            clientsSpent = clients.stream().mapToLong(t -> THREADS.getThreadCpuTime(t.threadId())).sum();
            for (Map.Entry<Long, Long> thread : httpClientCpuNanos().entrySet()) {
                clientsSpent += thread.getValue() - httpClients.getOrDefault(thread.getKey(), 0L);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long othersSpent = 0;
        for (Map.Entry<Long, Long> process : otherCpuNanos.get().entrySet()) {
            // a process that ended meanwhile is missing here: what it spent during the scenario is not counted
            othersSpent += process.getValue() - others.getOrDefault(process.getKey(), 0L);
        }
        double cpuPerRequest = (ownCpuNanos() - cpu + othersSpent) / 1e6 / requests;
        Arrays.sort(latencies);
        System.out.printf("%-46s %8d %10.0f %9.1f %9.1f %11.2f %14.2f%n", name, requests, requests / seconds,
                latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.95)] / 1e6, cpuPerRequest,
                clientsSpent / 1e6 / requests);
    }

    /**
     * Reads each asked right after a write that raises the owner's book version, at which the server remembers what
     * some reads found (a birthday run's count, the places of deep pages): in rounds of one write (on this thread),
     * then {@value #CLIENTS} reads at once, so that every read is among the first at its version, and as many run at
     * a time as in {@link #run}. The reads' latency, req/s and CPU a request are the read phases' alone (the writes
     * excluded); the writes' p50 and p95 end the line (docs/benchmarks.md, "Reads after a write").
     */
    static void runAfterWrites(String name, int requests, IntFunction<Integer> write, IntFunction<Integer> call)
            throws Exception {
        if (!ONLY.matcher(name).find()) {
            return;
        }
        long[] latencies = new long[requests];
        long[] writes = new long[(requests + CLIENTS - 1) / CLIENTS];
        List<Thread> clients = new ArrayList<>();
        long reading = 0;
        long cpu = 0;
        long othersSpent = 0;
        long clientsSpent = 0;
        warmUp(name, requests, write, call);
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS, task -> {
            Thread client = new Thread(task);
            clients.add(client);
            return client;
        })) {
            for (int round = 0; round < writes.length; round++) {
                long w0 = System.nanoTime();
                checked(name, write.apply(round));
                writes[round] = System.nanoTime() - w0;
                long cpu0 = ownCpuNanos();
                Map<Long, Long> others = otherCpuNanos.get();
                Map<Long, Long> httpClients = httpClientCpuNanos();
                long t0 = System.nanoTime();
                readAtOnce(pool, name, Math.min(CLIENTS, requests - round * CLIENTS), call, latencies, round * CLIENTS);
                reading += System.nanoTime() - t0;
                cpu += ownCpuNanos() - cpu0;
                for (Map.Entry<Long, Long> process : otherCpuNanos.get().entrySet()) {
                    othersSpent += process.getValue() - others.getOrDefault(process.getKey(), 0L);
                }
                for (Map.Entry<Long, Long> thread : httpClientCpuNanos().entrySet()) {
                    clientsSpent += thread.getValue() - httpClients.getOrDefault(thread.getKey(), 0L);
                }
            }
            // the pool's threads only read
            clientsSpent += clients.stream().mapToLong(t -> THREADS.getThreadCpuTime(t.threadId())).sum();
        }
        Arrays.sort(latencies);
        Arrays.sort(writes);
        System.out.printf("%-46s %8d %10.0f %9.1f %9.1f %11.2f %14.2f   its writes: p50 %.1f, p95 %.1f ms%n", name,
                requests, requests / (reading / 1e9), latencies[requests / 2] / 1e6,
                latencies[(int) (requests * 0.95)] / 1e6, (cpu + othersSpent) / 1e6 / requests,
                clientsSpent / 1e6 / requests, writes[writes.length / 2] / 1e6,
                writes[(int) (writes.length * 0.95)] / 1e6);
    }

    /** A scenario of {@link #runAll}: its calls each made after its round's {@code write} when that is not null. */
    record Scenario(String name, int requests, IntFunction<Integer> write, IntFunction<Integer> call) {

        Scenario(String name, int requests, IntFunction<Integer> call) {
            this(name, requests, null, call);
        }
    }

    /**
     * Runs the scenarios in turn, as {@link #run} or {@link #runAfterWrites}. With a warm-up (WARMUP), every
     * scenario's warm-up calls are also made once before the first one is measured: a scenario whose paths no
     * scenario before it took (the first birthday page after the lists) was otherwise measured while the JIT still
     * compiled them, its compiler threads taking a third of the JVM's CPU then (docs/benchmarks.md, "The first birthday
     * scenario's tail"). Each scenario still makes its own warm-up calls right before it is measured.
     */
    static void runAll(List<Scenario> scenarios) throws Exception {
        for (Scenario s : scenarios) {
            if (ONLY.matcher(s.name()).find()) {
                warmUp(s.name(), s.requests(), s.write(), s.call());
            }
        }
        for (Scenario s : scenarios) {
            if (s.write() == null) {
                run(s.name(), s.requests(), s.call());
            } else {
                runAfterWrites(s.name(), s.requests(), s.write(), s.call());
            }
        }
    }

    /**
     * {@value #CLIENTS} clients make WARMUP calls (none when unset), in rounds after a write each as
     * {@link #runAfterWrites} does when {@code write} is not null.
     */
    private static void warmUp(String name, int requests, IntFunction<Integer> write, IntFunction<Integer> call)
            throws Exception {
        if (WARM_UP == 0) {
            return;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            if (write != null) {
                for (int i = 0; i < WARM_UP; i += CLIENTS) {
                    checked(name, write.apply(i));
                    readAtOnce(pool, name, Math.min(CLIENTS, WARM_UP - i), call, new long[CLIENTS], 0);
                }
                return;
            }
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < WARM_UP; i++) {
                int n = i % requests;
                done.add(pool.submit(() -> call.apply(n)));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        }
    }

    /** Calls {@code first} to {@code first + count - 1} at once on {@code pool}, their latencies kept, all awaited. */
    private static void readAtOnce(ExecutorService pool, String name, int count, IntFunction<Integer> call,
                                   long[] latencies, int first) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int n = first + k;
            done.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                int status = call.apply(n);
                latencies[n] = System.nanoTime() - t0;
                return checked(name, status);
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
    }

    /** A status, or a failure of the benchmark when it is an error. */
    private static int checked(String name, int status) {
        if (status >= 400) {
            throw new IllegalStateException(name + " answered " + status);
        }
        return status;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The CPU time so far of the JDK's HTTP client threads (its selector and workers), by thread id, in ns. */
    private static Map<Long, Long> httpClientCpuNanos() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("HttpClient-")) {
                cpu.put(thread.getThreadId(), THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return cpu;
    }

    private static long ownCpuNanos() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime();
    }
}
