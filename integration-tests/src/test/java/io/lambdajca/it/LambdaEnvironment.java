package io.lambdajca.it;

import io.lambdajca.testfunctions.Handlers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;

/**
 * The world the in-container tests run in, set up once per server: a local Lambda endpoint with the test functions,
 * the adapter configured with the project's CLI script the way an administrator does it, and the RAR deployed as a
 * standalone deployment through the management API. The endpoint lives until the test JVM exits.
 */
public class LambdaEnvironment implements ServerSetupTask {

    public static final String RAR = "lambda-jca-adapter.rar";
    static final String RA_NAME = "lambda";
    /** Pool of 5 against the local endpoint with default timeouts and retries. */
    static final String DEFAULT_JNDI = "java:/lambda/Default";
    /** Reads time out after 1.5 s: for timeout behaviour. */
    static final String SHORT_TIMEOUT_JNDI = "java:/lambda/ShortTimeout";
    /** Pool of 2 with a 500 ms blocking timeout: for pool exhaustion. */
    static final String SMALL_POOL_JNDI = "java:/lambda/SmallPool";
    /** Right key id, wrong secret. */
    static final String BAD_SECRET_JNDI = "java:/lambda/BadSecret";
    /** Pool of 60, for many concurrent callers. */
    static final String LARGE_POOL_JNDI = "java:/lambda/LargePool";
    /** Nothing listens at its endpoint. */
    static final String UNREACHABLE_JNDI = "java:/lambda/Unreachable";

    static final int PAGED_FUNCTIONS = 60;
    static final List<String> POOLS = List.of("Default", "ShortTimeout", "SmallPool", "LargePool", "BadSecret",
            "Unreachable");

    private static LocalLambda lambda;
    private static boolean configured;

    static synchronized LocalLambda lambda() {
        return lambda;
    }

    @Override
    public void setup(ManagementClient management, String containerId) throws Exception {
        synchronized (LambdaEnvironment.class) {
            if (configured) {
                return;
            }
            lambda = startEndpoint();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> lambda().close(), "local-lambda-stop"));
            String endpoint = lambda.endpoint().toString();
            configure("Default", DEFAULT_JNDI, endpoint, LocalLambda.DEFAULT_SECRET_KEY, "5", "5000");
            configure("ShortTimeout", SHORT_TIMEOUT_JNDI, endpoint, LocalLambda.DEFAULT_SECRET_KEY, "5", "5000",
                    "ReadTimeoutMillis=1500", "CallTimeoutMillis=1500");
            configure("SmallPool", SMALL_POOL_JNDI, endpoint, LocalLambda.DEFAULT_SECRET_KEY, "2", "500");
            configure("LargePool", LARGE_POOL_JNDI, endpoint, LocalLambda.DEFAULT_SECRET_KEY, "60", "5000");
            configure("BadSecret", BAD_SECRET_JNDI, endpoint, "not-the-secret", "2", "5000");
            configure("Unreachable", UNREACHABLE_JNDI, "http://127.0.0.1:1", LocalLambda.DEFAULT_SECRET_KEY, "2",
                    "5000", "MaxRetries=1", "ConnectTimeoutMillis=500");
            execute(management, systemProperty("lambdajca.test.endpoint", endpoint));
            deployRar(management);
            for (String pool : POOLS) {
                ModelNode enable = Operations.createWriteAttributeOperation(poolStatistics(pool),
                        "statistics-enabled", true);
                execute(management, enable);
            }
            configured = true;
        }
    }

    @Override
    public void tearDown(ManagementClient management, String containerId) {
        // kept for the other test classes; the server and the JVM end with the module's tests
    }

    /** Stops the endpoint, as an outage would; {@link #restartEndpoint()} brings it back on the same port. */
    static synchronized void stopEndpoint() {
        lambda.close();
    }

    static synchronized void restartEndpoint() {
        lambda = startEndpoint(lambda.port());
    }

    private static LocalLambda startEndpoint() {
        return startEndpoint(0);
    }

    private static LocalLambda startEndpoint(int port) {
        Path zip = Path.of(System.getProperty("lambdajca.functions.zip"));
        LocalLambda.Builder b = LocalLambda.builder().port(port).retryAfterSeconds(1);
        b.function(FunctionDefinition.builder("echo", Handlers.ECHO, zip).build());
        b.function(FunctionDefinition.builder("pricing", Handlers.PRICING, zip).build());
        b.function(FunctionDefinition.builder("failing", Handlers.FAILING, zip).build());
        b.function(FunctionDefinition.builder("slow", Handlers.SLOW, zip).timeoutSeconds(30).build());
        b.function(FunctionDefinition.builder("reporter", Handlers.REPORTER, zip)
                .environment("GREETING", "Bonjour").build());
        b.function(FunctionDefinition.builder("doomed", Handlers.ECHO, zip).build());
        b.function(FunctionDefinition.builder("aftercommit", Handlers.SLOW, zip).build());
        b.function(FunctionDefinition.builder("storm", Handlers.SLOW, zip).reservedConcurrency(2).build());
        b.function(FunctionDefinition.builder("long", Handlers.SLOW, zip).timeoutSeconds(120).build());
        b.function(FunctionDefinition.builder("throttled", Handlers.ECHO, zip).reservedConcurrency(0).build());
        for (int i = 0; i < PAGED_FUNCTIONS; i++) {
            b.function(FunctionDefinition.builder(String.format("page-%03d", i), Handlers.ECHO, zip).build());
        }
        return b.build().start();
    }

    /** Runs src/main/scripts/configure-lambda-adapter.sh, exactly as an administrator would. */
    static void configure(String pool, String jndi, String endpoint, String secret, String maxPool,
            String blockingTimeout, String... properties) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", System.getProperty("lambdajca.configure.script"),
                "--pool-name", pool, "--jndi", jndi, "--max-pool", maxPool, "--blocking-timeout", blockingTimeout,
                "--region", "us-east-1", "--endpoint", endpoint));
        for (String p : properties) {
            cmd.add("--property");
            cmd.add(p);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("JBOSS_HOME", System.getProperty("jboss.home"));
        env.put("LAMBDA_ACCESS_KEY_ID", LocalLambda.DEFAULT_ACCESS_KEY);
        env.put("LAMBDA_SECRET_ACCESS_KEY", secret);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("configure-lambda-adapter.sh failed for " + pool + ":\n" + out);
        }
    }

    static void deployRar(ManagementClient management) throws IOException {
        ModelNode add = Operations.createAddOperation(Operations.createAddress("deployment", RAR));
        ModelNode content = new ModelNode();
        content.get("path").set(Path.of(System.getProperty("lambdajca.rar")).toAbsolutePath().toString());
        content.get("archive").set(true);
        add.get("content").add(content);
        add.get("enabled").set(true);
        execute(management, add);
    }

    static void undeployRar(ManagementClient management) throws IOException {
        execute(management, Operations.createRemoveOperation(Operations.createAddress("deployment", RAR)));
    }

    static ModelNode poolStatistics(String pool) {
        return Operations.createAddress("subsystem", "resource-adapters", "resource-adapter", RA_NAME,
                "connection-definitions", pool, "statistics", "pool");
    }

    private static ModelNode systemProperty(String name, String value) {
        ModelNode op = Operations.createAddOperation(Operations.createAddress("system-property", name));
        op.get("value").set(value);
        return op;
    }

    static ModelNode execute(ManagementClient management, ModelNode op) throws IOException {
        ModelNode result = management.getControllerClient().execute(op);
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new IllegalStateException("management operation failed: " + op + " -> "
                    + Operations.getFailureDescription(result));
        }
        return Operations.readResult(result);
    }
}
