package dev.contacts.server.support;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import dev.contacts.server.auth.PasswordAttempts;

/** Logins (or current-password checks) waiting for their turn behind checks a test holds back. */
public final class WaitingLogins {

    private WaitingLogins() {
    }

    /**
     * Until {@code count} attempts wait for their turn on the instance of {@code attempts} (parked: there is no event
     * to wait for); fails if one of {@code answers} was answered meanwhile, since none may be before the test lets the
     * held checks go.
     */
    public static void await(PasswordAttempts attempts, int count, List<CompletableFuture<TestApi.Response>> answers) {
        while (attempts.waiting() != count) {
            for (CompletableFuture<TestApi.Response> answer : answers) {
                if (answer.isDone()) {
                    throw new AssertionError("answered while the checks ahead were held: " + answer.join());
                }
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
