package io.lambdajca.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test handlers' deployment ZIP, built by the test-functions module. */
final class TestFunctions {

    static final String ECHO = "io.lambdajca.testfunctions.EchoHandler";
    static final String PRICING = "io.lambdajca.testfunctions.PricingHandler";
    static final String FAILING = "io.lambdajca.testfunctions.FailingHandler";
    static final String SLOW = "io.lambdajca.testfunctions.SlowHandler";
    static final String SPIN = "io.lambdajca.testfunctions.SpinHandler";
    static final String REPORTER = "io.lambdajca.testfunctions.ContextReporter::report";
    static final String GREETING = "io.lambdajca.testfunctions.GreetingHandler";

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
