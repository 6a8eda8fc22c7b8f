package io.lambdajca.it;

import io.lambdajca.testfunctions.Handlers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    /** Pool of 2 whose SDK clients have {@link #STREAMING_CONNECTIONS} HTTP connections: for response streaming. */
    static final String STREAMING_JNDI = "java:/lambda/Streaming";
    static final int STREAMING_CONNECTIONS = 2;

    static final int PAGED_FUNCTIONS = 60;
    static final List<String> POOLS = List.of("Default", "ShortTimeout", "SmallPool", "LargePool", "BadSecret",
            "Unreachable", "Streaming");

    private static LocalLambda lambda;
    private static boolean configured;
    /** Where server.log stood when this test run configured the server: later lines are this run's. */
    private static long logStart;

    static synchronized LocalLambda lambda() {
        return lambda;
    }

    @Override
    public void setup(ManagementClient management, String containerId) throws Exception {
        synchronized (LambdaEnvironment.class) {
            if (configured) {
                return;
            }
            logStart = Files.exists(serverLog()) ? Files.size(serverLog()) : 0;
            Files.deleteIfExists(cliFile());
            lambda = startEndpoint();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> lambda().close(), "local-lambda-stop"));
            String endpoint = lambda.endpoint().toString();
            execute(management, logger("io.lambdajca", "TRACE"));
            // the secret goes into the model as an encrypted expression, as the README advises
            String secret = EncryptedExpressions.encrypt(management, LocalLambda.DEFAULT_SECRET_KEY);
            configureWithKeys("Default", DEFAULT_JNDI, endpoint, secret, "5", "5000");
            configureWithKeys("ShortTimeout", SHORT_TIMEOUT_JNDI, endpoint, secret, "5",
                    "5000", "ReadTimeoutMillis=1500", "CallTimeoutMillis=1500");
            configureWithKeys("SmallPool", SMALL_POOL_JNDI, endpoint, secret, "2", "500");
            configureWithKeys("LargePool", LARGE_POOL_JNDI, endpoint, secret, "60", "5000");
            configureWithKeys("Streaming", STREAMING_JNDI, endpoint, secret, "2", "5000",
                    "MaxConnections=" + STREAMING_CONNECTIONS);
            configureWithKeys("BadSecret", BAD_SECRET_JNDI, endpoint, "not-the-secret", "2", "5000");
            configureWithKeys("Unreachable", UNREACHABLE_JNDI, "http://127.0.0.1:1", secret,
                    "2", "5000", "MaxRetries=1", "ConnectTimeoutMillis=500");
            CredentialsEnvironment.configure(management, endpoint, secret);
            FaultEnvironment.configure(secret);
            runCliFile();
            execute(management, systemProperty("lambdajca.test.endpoint", endpoint));
            deployRar(management);
            for (String pool : allPools()) {
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

    static Path serverLog() {
        return Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
    }

    /** The server log's lines written since this run configured the server. Client side only. */
    static List<String> serverLogOfThisRun() throws IOException {
        byte[] all = Files.readAllBytes(serverLog());
        int from = (int) Math.min(logStart, all.length);
        return List.of(new String(all, from, all.length - from, StandardCharsets.UTF_8).split("\n"));
    }

    /** How many temporary credentials the endpoint issued for the role. Client side only. */
    static long credentialsIssuedFor(String roleArn) {
        long count = 0;
        for (var issued : lambda().issuedCredentials()) {
            if (issued.roleArn().equals(roleArn)) {
                count++;
            }
        }
        return count;
    }

    /** Every connection definition the environment configures. */
    static List<String> allPools() {
        List<String> all = new ArrayList<>(POOLS);
        all.addAll(CredentialsEnvironment.POOLS);
        all.addAll(FaultEnvironment.POOLS);
        return all;
    }

    /**
     * Stops the endpoint listening, as an outage would; {@link #restartEndpoint()} brings it back on the same port
     * with its functions and issued credentials, as the real service comes back.
     */
    static synchronized void stopEndpoint() {
        lambda.suspend();
    }

    static synchronized void restartEndpoint() {
        lambda.resume();
    }

    private static LocalLambda startEndpoint() {
        Path zip = Path.of(System.getProperty("lambdajca.functions.zip"));
        LocalLambda.Builder b = CredentialsEnvironment.iam(LocalLambda.builder().port(0).retryAfterSeconds(1));
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
        b.function(FunctionDefinition.builder("tenanted", Handlers.COUNTING, zip).tenantIsolation().build());
        for (int i = 0; i < PAGED_FUNCTIONS; i++) {
            b.function(FunctionDefinition.builder(String.format("page-%03d", i), Handlers.ECHO, zip).build());
        }
        ManagementFunctions.deploy(b, zip);
        StreamingFunctions.deploy(b, zip);
        LocalLambda started = b.build().start();
        ManagementFunctions.prepare(started);
        return started;
    }

    /** Runs src/main/scripts/configure-lambda-adapter.sh with static keys, as an administrator would. */
    static void configureWithKeys(String pool, String jndi, String endpoint, String secret, String maxPool,
            String blockingTimeout, String... properties) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>();
        for (String p : properties) {
            options.add("--property");
            options.add(p);
        }
        configure(pool, jndi, endpoint, List.of(maxPool, blockingTimeout), List.of("LAMBDA_ACCESS_KEY_ID="
                + LocalLambda.DEFAULT_ACCESS_KEY, "LAMBDA_SECRET_ACCESS_KEY=" + secret), options.toArray(String[]::new));
    }

    /** Runs src/main/scripts/configure-lambda-adapter.sh with no keys and the given extra options. */
    static void configure(String pool, String jndi, String endpoint, List<String> maxPoolAndTimeout,
            String... options) throws IOException, InterruptedException {
        configure(pool, jndi, endpoint, maxPoolAndTimeout, List.of(), options);
    }

    private static void configure(String pool, String jndi, String endpoint, List<String> maxPoolAndTimeout,
            List<String> env, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", System.getProperty("lambdajca.configure.script"),
                "--pool-name", pool, "--jndi", jndi, "--max-pool", maxPoolAndTimeout.get(0), "--blocking-timeout",
                maxPoolAndTimeout.get(1), "--region", "us-east-1", "--endpoint", endpoint));
        cmd.addAll(List.of(options));
        run(cmd, env, pool);
    }

    /**
     * Runs one of the project's configuration scripts, which appends its CLI commands to one file (env entries are
     * NAME=VALUE); {@link #runCliFile()} then runs them all in one jboss-cli.sh call.
     */
    static void run(List<String> cmd, List<String> env, String what) throws IOException, InterruptedException {
        List<String> appending = new ArrayList<>(cmd);
        appending.add("--append-to");
        appending.add(cliFile().toString());
        exec(appending, env, what);
    }

    private static Path cliFile() {
        return Path.of(System.getProperty("jboss.home")).resolveSibling("lambda-config.cli");
    }

    /** Runs the configuration scripts' commands, as an administrator's jboss-cli.sh --file would. */
    private static void runCliFile() throws IOException, InterruptedException {
        exec(List.of(Path.of(System.getProperty("jboss.home"), "bin", "jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:9990", "--file=" + cliFile()), List.of(), "the configuration");
        Files.delete(cliFile());
    }

    private static void exec(List<String> cmd, List<String> env, String what) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> environment = pb.environment();
        environment.put("JBOSS_HOME", System.getProperty("jboss.home"));
        for (String kv : env) {
            environment.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed for " + what + ":\n" + out);
        }
    }

    static void deployRar(ManagementClient management) throws IOException {
        deploy(management, RAR, Path.of(System.getProperty("lambdajca.rar")));
    }

    static void undeployRar(ManagementClient management) throws IOException {
        undeploy(management, RAR);
    }

    static ModelNode poolStatistics(String pool) {
        return Operations.createAddress("subsystem", "resource-adapters", "resource-adapter", RA_NAME,
                "connection-definitions", pool, "statistics", "pool");
    }

    private static ModelNode logger(String category, String level) {
        ModelNode op = Operations.createAddOperation(Operations.createAddress("subsystem", "logging", "logger",
                category));
        op.get("level").set(level);
        return op;
    }

    static ModelNode systemProperty(String name, String value) {
        ModelNode op = Operations.createAddOperation(Operations.createAddress("system-property", name));
        op.get("value").set(value);
        return op;
    }

    /** Deploys {@code file} under {@code name} (a RAR must keep the name the configuration uses). */
    public static void deploy(ManagementClient management, String name, Path file) throws IOException {
        ModelNode add = Operations.createAddOperation(Operations.createAddress("deployment", name));
        ModelNode content = new ModelNode();
        content.get("path").set(file.toAbsolutePath().toString());
        content.get("archive").set(true);
        add.get("content").add(content);
        add.get("enabled").set(true);
        execute(management, add);
    }

    public static void undeploy(ManagementClient management, String name) throws IOException {
        execute(management, Operations.createRemoveOperation(Operations.createAddress("deployment", name)));
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
