package io.lambdajca.local.testing;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something a test cannot be told about directly (a background invocation started, a handler thread ended,
 * credentials expired) by asking again every 20 ms until it holds or a deadline passes; never a fixed sleep.
 */
public final class Poll {

    private static final long INTERVAL_MILLIS = 20;

    private Poll() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} when it still does not after {@code timeout}. */
    public static void until(Duration timeout, Supplier<Boolean> condition, String what) {
        value(timeout, condition, Boolean.TRUE::equals, what);
    }

    /**
     * Reads a growing counter until it has not moved for {@code quiet} and returns it; fails when it still moves after
     * {@code timeout}. For counts that background work may still raise (a client warming up after a deployment).
     */
    public static long settled(Duration timeout, Duration quiet, LongSupplier counter, String what) {
        long[] last = {-1};
        long[] since = {System.nanoTime()};
        until(timeout, () -> {
            long n = counter.getAsLong();
            if (n != last[0]) {
                last[0] = n;
                since[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - since[0] >= quiet.toNanos();
        }, what + " unchanged for " + quiet.toMillis() + " ms");
        return last[0];
    }

    /**
     * Asks {@code value} until its answer satisfies {@code done} and returns that answer; fails naming {@code what}
     * and the last answer when none did within {@code timeout}.
     */
    public static <T> T value(Duration timeout, Supplier<T> value, Predicate<? super T> done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T answer = value.get();
            if (done.test(answer)) {
                return answer;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("still not " + what + " after " + timeout.toMillis() + " ms (last: "
                        + answer + ")");
            }
            try {
                Thread.sleep(INTERVAL_MILLIS); // the polling interval; the deadline bounds the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
