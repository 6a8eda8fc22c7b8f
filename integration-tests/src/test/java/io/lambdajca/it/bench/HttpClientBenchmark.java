package io.lambdajca.it.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.it.bench.AdapterBenchmark.Result;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Inside the server, for {@code HttpClientBenchmarkIT}: the adapter, with whichever HTTP client the deployed RAR was
 * built with, against a raw SDK {@code LambdaClient} with Apache 4 (the baseline every client is compared with), per
 * number of callers and payload size: alternating rounds after a warm-up, the echo function (the response is as large
 * as the request), both paths reading the response into the application's own array.
 */
final class HttpClientBenchmark {

    /** Threads whose names tell which HTTP client runs (Apache's reapers, the CRT's event loop, the JDK's cache). */
    private static final Pattern CLIENT_THREADS = Pattern.compile(
            "(?i)(idle-connection-reaper|.*evict.*|awseventloop.*|.*crt.*|keep-alive-timer|.*httpclient.*)");

    private final LambdaConnectionFactory factory;
    private final AdapterBenchmark loads;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final StringBuilder out = new StringBuilder();

    HttpClientBenchmark(LambdaConnectionFactory factory, ManagedThreadFactory threads, URI endpoint,
            String accessKey, String secretKey) {
        this.factory = factory;
        this.loads = new AdapterBenchmark(factory, threads, endpoint, accessKey, secretKey);
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    @SuppressWarnings("deprecation") // the raw baseline is the SDK's Apache 4 client, deprecated in SDK 2.57
    String run(String client, int[] callerCounts, int[] sizes, int warmupSeconds, int roundSeconds, int rounds)
            throws Exception {
        line("client %s: %d rounds of %d s per side after %d s warm-up per side; cores %d, load average %.2f at start",
                client, rounds, roundSeconds, warmupSeconds, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long t0 = System.nanoTime();
        try (LambdaConnection c = factory.getConnection()) {
            c.invoke(InvocationRequest.builder("echo").payload("{\"first\":1}").build());
        }
        line("client %s: first invoke through the adapter %.1f ms; HTTP client threads: %s", client,
                (System.nanoTime() - t0) / 1e6, clientThreads());
        try (LambdaClient raw = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        secretKey)))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(50))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            for (int size : sizes) {
                for (int callers : callerCounts) {
                    one(raw, client, size, callers, warmupSeconds, roundSeconds, rounds);
                }
            }
        }
        line("client %s: load average %.2f at the end", client,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return out.toString();
    }

    private void one(LambdaClient raw, String client, int size, int callers, int warmupSeconds, int roundSeconds,
            int rounds) throws Exception {
        byte[] json = AdapterBenchmark.payload(size);
        Callable<Void> viaAdapter = () -> {
            try (LambdaConnection c = factory.getConnection()) {
                var result = c.invoke(InvocationRequest.builder("echo").payload(json).build());
                if (result.statusCode() != 200 || result.payload().length != json.length) {
                    throw new IllegalStateException("invoke failed: " + result);
                }
            }
            return null;
        };
        Callable<Void> viaSdk = () -> {
            // the bytes copied into the SDK's type on every call, as the adapter path copies them into its request
            var r = raw.invoke(b -> b.functionName("echo").payload(SdkBytes.fromByteArray(json)));
            if (r.statusCode() != 200 || r.payload().asByteArray().length != json.length) {
                throw new IllegalStateException("invoke failed: " + r.statusCode());
            }
            return null;
        };
        loads.load(viaAdapter, warmupSeconds, callers);
        loads.load(viaSdk, warmupSeconds, callers);
        AdapterBenchmark.Paired paired = loads.paired(viaAdapter, viaSdk, rounds, roundSeconds, callers);
        line("CLIENT %-13s %2d callers %7s: adapter %s | raw SDK Apache 4 %s | ratio %s",
                client, callers, json.length >= 1024 * 1024 ? json.length / (1024 * 1024) + " MB" : json.length + " B",
                Result.median(paired.adapter()), Result.median(paired.sdk()), paired.ratios());
    }

    /** The live threads whose names tell the HTTP client, numbers left out. */
    private static String clientThreads() {
        TreeSet<String> names = new TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (CLIENT_THREADS.matcher(t.getName()).matches()) {
                names.add(t.getName().replaceAll("\\d+", "#"));
            }
        }
        return names.toString();
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
