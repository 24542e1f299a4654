package dev.contacts.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Calls made all at once, for tests of races: each on its own thread, released together by a latch. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code count} calls (given their number) at once; how many gave each answer. */
    public static Map<Integer, Integer> tally(int count, IntFunction<Integer> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(threads.submit(() -> {
                    go.await();
                    return call.apply(n);
                }));
            }
            go.countDown();
            Map<Integer, Integer> tally = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                tally.merge(answer.get(), 1, Integer::sum);
            }
            return tally;
        }
    }
}
