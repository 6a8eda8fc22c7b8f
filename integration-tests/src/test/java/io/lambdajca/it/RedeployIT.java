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
     * The heap is compared as the lowest reading after a GC in 10 cycles right after the warm-up and in the last 10: a
     * single reading moves by a few MB either way with what the server allocates between the GC and the read (-5% and
     * +5.1% in two runs), while a leak raises every reading, the lowest too.
     */
    private static final int HEAP_WINDOW = 10;
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
        long[] first = null;
        long[] baseline = null;
        long[] last = null;
        long[] heaps = new long[CYCLES];
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            LambdaEnvironment.undeploy(management, EAR);
            LambdaEnvironment.undeployRar(management);
            // Apache's idle-connection-reaper ends on its own shortly after its last client closed: waited for
            int undeployed = cycle;
            Poll.until(THREADS_GONE, this::noAdapterThreads, "cycle " + undeployed
                    + ": no adapter or SDK thread left after undeploy");
            last = threadsClassesAndHeapAfterGc();
            heaps[cycle] = last[2];
            if (first == null) {
                first = last;
            }
            if (cycle == WARM_UP) {
                baseline = last;
            }
            LambdaEnvironment.deployRar(management);
            LambdaEnvironment.deploy(management, EAR, Path.of(System.getProperty("lambdajca.sample.ear")));
            use();
        }
        LambdaEnvironment.undeploy(management, EAR);
        for (String pool : LambdaEnvironment.allPools()) {
            LambdaEnvironment.execute(management, Operations.createWriteAttributeOperation(
                    LambdaEnvironment.poolStatistics(pool), "statistics-enabled", true));
        }
        long heapAfterWarmUp = Arrays.stream(heaps, WARM_UP, WARM_UP + HEAP_WINDOW).min().orElseThrow();
        long heapAtTheEnd = Arrays.stream(heaps, CYCLES - HEAP_WINDOW, CYCLES).min().orElseThrow();
        System.out.printf("FIGURE redeploy: %d cycles of RAR + sample EAR; undeployed, after a forced GC, first cycle "
                + "/ after %d cycles / last: live threads %d / %d / %d (%+.1f%%), loaded classes %d / %d / %d "
                + "(%+.1f%%), heap used %.1f / %.1f / %.1f MB; lowest heap used in cycles %d-%d / %d-%d: %.1f / %.1f "
                + "MB (%+.1f%%)%n", CYCLES, WARM_UP, first[0], baseline[0], last[0], change(baseline[0], last[0]),
                first[1], baseline[1], last[1], change(baseline[1], last[1]), first[2] / 1048576.0,
                baseline[2] / 1048576.0, last[2] / 1048576.0, WARM_UP + 1, WARM_UP + HEAP_WINDOW,
                CYCLES - HEAP_WINDOW + 1, CYCLES, heapAfterWarmUp / 1048576.0, heapAtTheEnd / 1048576.0,
                change(heapAfterWarmUp, heapAtTheEnd));
        assertTrue(last[0] <= baseline[0] * (1 + TOLERANCE), "threads grew: " + baseline[0] + " -> " + last[0]);
        assertTrue(last[1] <= baseline[1] * (1 + TOLERANCE), "classes grew: " + baseline[1] + " -> " + last[1]);
        assertTrue(heapAtTheEnd <= heapAfterWarmUp * (1 + TOLERANCE), "heap grew: lowest " + heapAfterWarmUp
                + " after the warm-up, " + heapAtTheEnd + " at the end; by cycle: " + Arrays.toString(heaps));
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
