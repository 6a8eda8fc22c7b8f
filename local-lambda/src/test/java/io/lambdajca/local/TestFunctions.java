package io.lambdajca.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test handlers' deployment ZIP, built by the test-functions module. */
final class TestFunctions {

    private TestFunctions() {
    }

    static Path zip() {
        return Path.of(System.getProperty("test.functions.zip", "target/functions/test-functions.zip"));
    }

    static byte[] zipBytes() {
        try {
            return Files.readAllBytes(zip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
