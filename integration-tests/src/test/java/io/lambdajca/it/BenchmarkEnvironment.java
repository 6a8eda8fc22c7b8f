package io.lambdajca.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/** The test environment, exposing the endpoint's URL and a few management steps to the benchmarks. */
public class BenchmarkEnvironment extends LambdaEnvironment {

    public static String endpoint() {
        return lambda().endpoint().toString();
    }

    @Override
    public void setup(ManagementClient management, String containerId) throws Exception {
        super.setup(management, containerId);
        // the suite turns every pool's statistics on for its tests; a production pool has them off, as WildFly's default
        execute(management, Operations.createWriteAttributeOperation(poolStatistics("LargePool"),
                "statistics-enabled", false));
    }

    /** The RAR the tests deploy (the build's). */
    public static Path rar() {
        return Path.of(System.getProperty("lambdajca.rar"));
    }

    /** Sets a system property of the server, or removes it when {@code value} is null. */
    public static void systemProperty(ManagementClient management, String name, String value) throws IOException {
        ModelNode address = Operations.createAddress("system-property", name);
        ModelNode exists = management.getControllerClient().execute(Operations.createReadResourceOperation(address));
        if (Operations.isSuccessfulOutcome(exists)) {
            execute(management, Operations.createRemoveOperation(address));
        }
        if (value != null) {
            execute(management, systemProperty(name, value));
        }
    }

    /** The server log's size now: {@link #serverLogFrom(long)} gives what is written after. */
    public static long serverLogSize() throws IOException {
        return Files.size(serverLog());
    }

    public static String serverLogFrom(long offset) throws IOException {
        byte[] all = Files.readAllBytes(serverLog());
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
}
