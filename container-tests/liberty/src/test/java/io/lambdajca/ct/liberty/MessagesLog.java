package io.lambdajca.ct.liberty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liberty's messages.log, read as entries: a header line
 * {@code [date time zone] thread logger L MSGID: text} (L the level: I, A, W, E...) and the lines that follow it
 * until the next header (a stack trace, a multi-line message).
 */
final class MessagesLog {

    private static final Pattern HEADER = Pattern.compile("^\\[[^\\]]+\\] \\p{XDigit}+ \\S*\\s+([A-Z]) ");

    private final Path file;

    MessagesLog(Path file) {
        this.file = file;
    }

    List<String> lines() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    /**
     * Every error and warning entry (levels E, W and F), each with its continuation lines. Nothing is left out:
     * this server's configuration starts on Liberty 26.0.0.3 with no warning of Liberty's own, so there is no
     * start-up noise to tell from the adapter's problems.
     */
    List<String> problems() throws IOException {
        List<String> problems = new ArrayList<>();
        StringBuilder entry = null;
        for (String line : lines()) {
            Matcher header = HEADER.matcher(line);
            if (header.lookingAt()) {
                addIfProblem(problems, entry);
                String level = header.group(1);
                boolean problem = level.equals("E") || level.equals("W") || level.equals("F");
                entry = problem ? new StringBuilder(line) : null;
            } else if (entry != null) {
                entry.append('\n').append(line);
            }
        }
        addIfProblem(problems, entry);
        return problems;
    }

    /** Waits until a line after the first {@code skip} lines matches. */
    void awaitAfter(int skip, Predicate<String> match, Duration timeout) throws IOException, InterruptedException,
            TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> lines = lines();
            if (lines.stream().skip(skip).anyMatch(match)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                List<String> tail = lines.subList(Math.min(lines.size(), Math.max(skip, lines.size() - 20)),
                        lines.size());
                throw new TimeoutException("no such line in " + file + " after " + timeout + "; it ends with:\n"
                        + String.join("\n", tail));
            }
            Thread.sleep(200);
        }
    }

    private static void addIfProblem(List<String> problems, StringBuilder entry) {
        if (entry != null) {
            problems.add(entry.toString());
        }
    }
}
