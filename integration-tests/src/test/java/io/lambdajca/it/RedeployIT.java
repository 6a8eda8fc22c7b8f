package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.local.testing.Poll;

/**
 * 50 cycles of deploying the RAR and the sample EAR, using them (the sample's API lists functions through the adapter)
 * and undeploying both: after each undeploy no thread of the SDK, its HTTP client or the adapter survives (within
 * {@link #THREADS_GONE}), and after a
 * forced GC the server's live threads, loaded classes and used heap stay within 5% of what they were after the first
 * {@value #WARM_UP} cycles (which let the server's own caches fill). The server runs with
 * {@code -XX:SoftRefLRUPolicyMSPerMB=0}, so that a GC also clears soft caches (the SDK's JSON buffers), which the JVM
 * would otherwise only clear under memory pressure: what remains is what an undeploy really leaves behind. A leaked
 * adapter class loader would add its ~10,000 classes and megabytes of heap per cycle.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
@RunAsClient
class RedeployIT {

    /** Threads the adapter's SDK clients start: the SDK's timeout scheduler and Apache's idle connection reaper. */
    private static final Pattern ADAPTER_THREADS =
            Pattern.compile("(?i).*(sdk-|idle-connection-reaper|lambdajca|aws).*");
    private static final int CYCLES = 50;
    private static final String EAR = "lambda-sample.ear";
    private static final double TOLERANCE = 0.05;
    private static final int WARM_UP = 5;
    /**
     * Threads, classes and heap are each compared as the lowest reading in 10 cycles right after the warm-up and in
     * the last 10: a single reading moves with what the server does at that moment (the heap by a few MB either way
     * with what it allocates between the GC and the read, -5% to +6%; its own threads by 3 of 57, +5.4%, with no
     * adapter thread left), while a leak raises every reading, the lowest too.
     */
    private static final int WINDOW = 10;
    /** How long the adapter's and SDK's threads may take to end after an undeploy. */
    private static final Duration THREADS_GONE = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static WebArchive unrelatedApp() {
        return ShrinkWrap.create(WebArchive.class, "redeploy-it.war")
                .addAsWebResource(new StringAsset("ok"), "index.txt");
    }

    @ArquillianResource
    private ManagementClient management;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void fiftyRedeploys_ofTheRarAndTheSampleEar_leaveNoThreads_andNoGrowth() throws Exception {
        assertFalse(adapterThreads().isEmpty(), "with the RAR deployed its SDK clients run threads: " + threadNames());
        LambdaEnvironment.deploy(management, EAR, Path.of(System.getProperty("lambdajca.sample.ear")));
        use();
        long[][] readings = new long[CYCLES][];
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            LambdaEnvironment.undeploy(management, EAR);
            LambdaEnvironment.undeployRar(management);
            // Apache's idle-connection-reaper ends on its own shortly after its last client closed: waited for
            int undeployed = cycle;
            Poll.until(THREADS_GONE, this::noAdapterThreads, "cycle " + undeployed
                    + ": no adapter or SDK thread left after undeploy");
            readings[cycle] = threadsClassesAndHeapAfterGc();
            LambdaEnvironment.deployRar(management);
            LambdaEnvironment.deploy(management, EAR, Path.of(System.getProperty("lambdajca.sample.ear")));
            use();
        }
        LambdaEnvironment.undeploy(management, EAR);
        for (String pool : LambdaEnvironment.allPools()) {
            LambdaEnvironment.execute(management, Operations.createWriteAttributeOperation(
                    LambdaEnvironment.poolStatistics(pool), "statistics-enabled", true));
        }
        long[] first = readings[0];
        long[] last = readings[CYCLES - 1];
        long[] afterWarmUp = lowest(readings, WARM_UP, WARM_UP + WINDOW);
        long[] atTheEnd = lowest(readings, CYCLES - WINDOW, CYCLES);
        System.out.printf("FIGURE redeploy: %d cycles of RAR + sample EAR; undeployed, after a forced GC, first / last "
                + "cycle: live threads %d / %d, loaded classes %d / %d, heap used %.1f / %.1f MB; lowest in cycles "
                + "%d-%d / %d-%d: threads %d / %d (%+.1f%%), classes %d / %d (%+.1f%%), heap %.1f / %.1f MB "
                + "(%+.1f%%)%n", CYCLES, first[0], last[0], first[1], last[1], first[2] / 1048576.0,
                last[2] / 1048576.0, WARM_UP + 1, WARM_UP + WINDOW, CYCLES - WINDOW + 1, CYCLES, afterWarmUp[0],
                atTheEnd[0], change(afterWarmUp[0], atTheEnd[0]), afterWarmUp[1], atTheEnd[1],
                change(afterWarmUp[1], atTheEnd[1]), afterWarmUp[2] / 1048576.0, atTheEnd[2] / 1048576.0,
                change(afterWarmUp[2], atTheEnd[2]));
        String[] measures = {"threads", "classes", "heap"};
        for (int m = 0; m < measures.length; m++) {
            int measure = m;
            assertTrue(atTheEnd[m] <= afterWarmUp[m] * (1 + TOLERANCE), measures[m] + " grew: lowest "
                    + afterWarmUp[m] + " after the warm-up, " + atTheEnd[m] + " at the end; by cycle: "
                    + Arrays.toString(Arrays.stream(readings).mapToLong(r -> r[measure]).toArray()));
        }
    }

    /** Each measure's lowest reading in cycles {@code from} (included) to {@code to}. */
    private static long[] lowest(long[][] readings, int from, int to) {
        long[] low = readings[from].clone();
        for (int cycle = from + 1; cycle < to; cycle++) {
            for (int m = 0; m < low.length; m++) {
                low[m] = Math.min(low[m], readings[cycle][m]);
            }
        }
        return low;
    }

    /**
     * Response streaming starts the adapter's own threads ({@code lambdajca-stream-*}, Netty's event loop): after each
     * of 3 undeploys of the RAR, with the sample's streamed report having run, none is left. Leaves the RAR deployed
     * and the EAR undeployed, as it found them.
     */
    @Test
    void redeploysAfterResponseStreaming_leaveNoStreamingThread() throws Exception {
        for (int cycle = 0; cycle < 3; cycle++) {
            LambdaEnvironment.deploy(management, EAR, Path.of(System.getProperty("lambdajca.sample.ear")));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:8080/lambda-sample/api/functions/" + StreamingFunctions.LINES + "/streams"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"payload\":\"3\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("line 1\nline 2\nline 3\n", r.body());
            assertTrue(threadNames().stream().anyMatch(n -> n.startsWith("lambdajca-stream")),
                    "streaming runs on the adapter's threads: " + threadNames());
            LambdaEnvironment.undeploy(management, EAR);
            LambdaEnvironment.undeployRar(management);
            int undeployed = cycle;
            Poll.until(THREADS_GONE, this::noAdapterThreads, "cycle " + undeployed
                    + ": no streaming, adapter or SDK thread left after undeploy");
            LambdaEnvironment.deployRar(management);
        }
    }

    /** The sample application lists the functions through the adapter. */
    private void use() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:8080/lambda-sample/api/functions")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("echo"), r.body());
    }

    private long[] threadsClassesAndHeapAfterGc() throws Exception {
        ModelNode memory = Operations.createAddress("core-service", "platform-mbean", "type", "memory");
        for (int i = 0; i < 3; i++) {
            LambdaEnvironment.execute(management, Operations.createOperation("gc", memory));
        }
        long heap = LambdaEnvironment.execute(management, Operations.createReadAttributeOperation(memory,
                "heap-memory-usage")).get("used").asLong();
        long threads = LambdaEnvironment.execute(management, Operations.createReadAttributeOperation(
                Operations.createAddress("core-service", "platform-mbean", "type", "threading"), "thread-count"))
                .asLong();
        long classes = LambdaEnvironment.execute(management, Operations.createReadAttributeOperation(
                Operations.createAddress("core-service", "platform-mbean", "type", "class-loading"),
                "loaded-class-count")).asLong();
        return new long[] {threads, classes, heap};
    }

    private static double change(long from, long to) {
        return 100.0 * (to - from) / from;
    }

    private boolean noAdapterThreads() {
        try {
            return adapterThreads().isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException("reading the server's threads failed", e);
        }
    }

    private List<String> adapterThreads() throws Exception {
        return threadNames().stream().filter(n -> ADAPTER_THREADS.matcher(n).matches()).collect(Collectors.toList());
    }

    private List<String> threadNames() throws Exception {
        ModelNode op = Operations.createOperation("dump-all-threads",
                Operations.createAddress("core-service", "platform-mbean", "type", "threading"));
        op.get("locked-monitors").set(false);
        op.get("locked-synchronizers").set(false);
        return LambdaEnvironment.execute(management, op).asList().stream()
                .map(t -> t.get("thread-name").asString()).collect(Collectors.toList());
    }
}
