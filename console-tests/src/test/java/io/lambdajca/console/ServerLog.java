package io.lambdajca.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** A server's log file, read until it shows what a step waits for. */
final class ServerLog {

    private ServerLog() {
    }

    /**
     * Polls {@code log} until its text satisfies the condition and returns that text; fails at the deadline, or as soon
     * as {@code alive} says the server process ended.
     */
    static String await(Path log, Predicate<String> condition, Duration timeout, String failure,
            BooleanSupplier alive) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (condition.test(text)) {
                return text;
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(failure + ": the server process ended");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure + " within " + timeout.toSeconds() + " s; see " + log);
            }
            Thread.sleep(250); // polling interval; the deadline bounds the wait
        }
    }

    /** How many times the part (a message id, say) occurs in the log's text. */
    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
