package io.lambdajca.adapter.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Values built once per key, with no lock held while building: the first caller for a key builds its value on its own
 * thread (which may make network calls); callers of the same key meanwhile wait for that build, at most
 * {@code maxWait}, while callers of other keys are not held up at all. A failed build is forgotten, so that the next
 * caller tries again.
 */
public final class SingleFlight<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> values = new ConcurrentHashMap<>();
    private final Duration maxWait;

    public SingleFlight(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /**
     * The value of that key: built now with {@code build} if no caller has built it, else the built one, else (another
     * caller is building it) the one that caller builds, waited for at most the maximum wait.
     *
     * @param what names the value in the message of a wait that times out
     * @throws TimedOut when another caller's build of this key took longer than the maximum wait
     */
    public V get(K key, Function<? super K, ? extends V> build, Function<? super K, String> what) {
        CompletableFuture<V> known = values.get(key);
        if (known != null && known.isDone() && !known.isCompletedExceptionally()) {
            return known.getNow(null);
        }
        if (known == null) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            known = values.putIfAbsent(key, mine);
            if (known == null) {
                return build(key, mine, build);
            }
        }
        return await(key, known, what);
    }

    private V build(K key, CompletableFuture<V> mine, Function<? super K, ? extends V> build) {
        try {
            V value = build.apply(key);
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            values.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private V await(K key, CompletableFuture<V> building, Function<? super K, String> what) {
        try {
            return building.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimedOut("Waited " + maxWait.toMillis() + " ms for " + what.apply(key) + ", which another "
                    + "caller is still setting up (its first call has not answered); try again later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimedOut("Interrupted while waiting for " + what.apply(key) + ", which another caller is "
                    + "setting up");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** How many values are built. */
    public int size() {
        return (int) values.values().stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
    }

    /**
     * Forgets every value and hands each to {@code close}: a built one now, one being built as soon as its build
     * completes (on the building thread). Returns how many were built.
     */
    public int drain(BiConsumer<? super K, ? super V> close) {
        int built = 0;
        for (K key : values.keySet()) {
            CompletableFuture<V> f = values.remove(key);
            if (f == null) {
                continue;
            }
            if (f.isDone() && !f.isCompletedExceptionally()) {
                built++;
            }
            f.thenAccept(value -> close.accept(key, value));
        }
        return built;
    }

    /** A wait for another caller's build that ran out; its message names what was waited for and how long. */
    public static final class TimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message);
        }
    }
}
