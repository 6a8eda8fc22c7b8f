package io.lambdajca.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.it.BenchmarkEnvironment;
import io.lambdajca.local.LocalLambda;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The adapter benchmark (run with {@code -Pbenchmark}, not part of the test suite): prints figures and writes them to
 * target/adapter-benchmark.txt. It asserts nothing about speed; the figures are for the README.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(BenchmarkEnvironment.class)
@RunAsClient
class AdapterBenchmarkIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "benchmark.war")
                .addClasses(AdapterBenchmark.class, AdapterBenchmark.Result.class, CpuTime.class,
                        StreamingBenchmark.class, BenchmarkServlet.class)
                .setManifest(new StringAsset(MANIFEST));
    }

    /**
     * The benchmark WARs' manifest: the RAR's classes, and the JDK's {@code com.sun.management}, through which
     * {@link AdapterBenchmark} reads its callers' CPU time and allocated bytes (WildFly hides it from a deployment).
     */
    static final String MANIFEST = "Manifest-Version: 1.0\n"
            + "Dependencies: deployment.lambda-jca-adapter.rar, jdk.management\n";

    @ArquillianResource
    private URL base;

    @Test
    void adapterVersusRawSdk() throws Exception {
        warmTheEndpoint();
        int warmup = Integer.getInteger("bench.warmup", 30);
        int round = Integer.getInteger("bench.round", 10);
        int rounds = Integer.getInteger("bench.rounds", 3);
        String query = "endpoint=" + enc(BenchmarkEnvironment.endpoint()) + "&accessKey="
                + enc(LocalLambda.DEFAULT_ACCESS_KEY) + "&secretKey=" + enc(LocalLambda.DEFAULT_SECRET_KEY)
                + "&warmup=" + warmup + "&round=" + round + "&rounds=" + rounds;
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create(base + "benchmark?" + query)).timeout(Duration.ofMinutes(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        System.out.println(r.body());
        Files.writeString(Path.of("target", "adapter-benchmark.txt"), r.body());
    }

    /** Adapter against raw SDK at 24 B to 5 MB synchronous and 256 KB Event, with the heap's peak per round. */
    @Test
    void payloadSizeSweep() throws Exception {
        warmTheEndpoint();
        String query = "sweep=1&endpoint=" + enc(BenchmarkEnvironment.endpoint()) + "&accessKey="
                + enc(LocalLambda.DEFAULT_ACCESS_KEY) + "&secretKey=" + enc(LocalLambda.DEFAULT_SECRET_KEY)
                + "&warmup=" + Integer.getInteger("bench.sweep.warmup", 3)
                + "&smallRound=" + Integer.getInteger("bench.sweep.smallRound", 3)
                + "&largeRound=" + Integer.getInteger("bench.sweep.largeRound", 2)
                + "&rounds=" + Integer.getInteger("bench.sweep.rounds", 5)
                // some of the cases only (sizes in bytes, "event"), as for a profile: -Dbench.sweep.sizes=24,4096
                + "&sizes=" + enc(System.getProperty("bench.sweep.sizes", ""))
                // "text": records with 400-byte texts instead of small objects
                + "&shape=" + enc(System.getProperty("bench.sweep.shape", "objects"))
                // 1: the latencies each invoke has on its own, without 16 callers queueing for 2 cores
                + "&callers=" + Integer.getInteger("bench.sweep.callers", AdapterBenchmark.CALLERS);
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(base + "benchmark?" + query)).timeout(Duration.ofMinutes(30)).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        System.out.println(r.body());
        Files.writeString(Path.of("target", "payload-size-sweep.txt"), r.body());
    }

    @Test
    void streamingThroughTheAdapterVersusRawSdkAsync() throws Exception {
        int megabytes = Integer.getInteger("bench.stream.megabytes", 100);
        int firstBytes = Integer.getInteger("bench.stream.firstBytes", 200);
        int rounds = Integer.getInteger("bench.stream.rounds", 5);
        String query = "endpoint=" + enc(BenchmarkEnvironment.endpoint()) + "&accessKey="
                + enc(LocalLambda.DEFAULT_ACCESS_KEY) + "&secretKey=" + enc(LocalLambda.DEFAULT_SECRET_KEY)
                + "&megabytes=" + megabytes + "&firstBytes=" + firstBytes + "&rounds=" + rounds;
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(base + "benchmark?" + query)).timeout(Duration.ofMinutes(30)).GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        System.out.println(r.body());
        Files.writeString(Path.of("target", "streaming-benchmark.txt"), r.body());
    }

    /**
     * Runs the echo function once from this JVM, so that the figure for the adapter's first invoke does not include
     * the local endpoint's own cold start of the function (loading its code), which is not the adapter's.
     */
    private static void warmTheEndpoint() {
        try (LambdaClient client = LambdaClient.builder().endpointOverride(URI.create(BenchmarkEnvironment.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder()).build()) {
            for (int i = 0; i < 20; i++) {
                client.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{\"warm\":" + 1 + "}")));
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
