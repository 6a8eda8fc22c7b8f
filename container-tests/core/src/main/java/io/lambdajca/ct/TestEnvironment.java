package io.lambdajca.ct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What every server's setup layer needs of the test JVM: its configuration and its scratch files. */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    /** A system property the module's failsafe configuration sets; fails naming it when it is missing. */
    public static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (the module's failsafe "
                    + "configuration sets it)");
        }
        return value;
    }

    /** Deletes a directory and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
