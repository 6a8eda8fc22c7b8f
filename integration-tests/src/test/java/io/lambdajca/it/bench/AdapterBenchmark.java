package io.lambdajca.it.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Inside the server: invokes of the echo function by 16 concurrent callers through the adapter (a pooled connection
 * per call) and through a raw SDK LambdaClient built by the application with the same HTTP client and settings, in the
 * same JVM, alternating rounds after a warm-up; plus the cost of getConnection()+close() and the first invoke.
 */
final class AdapterBenchmark {

    static final int CALLERS = 16;
    private static final String PAYLOAD = "{\"hello\":\"world\",\"n\":42}";

    private final LambdaConnectionFactory factory;
    private final ManagedExecutorService executor;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final StringBuilder out = new StringBuilder();

    AdapterBenchmark(LambdaConnectionFactory factory, ManagedExecutorService executor, URI endpoint, String accessKey,
            String secretKey) {
        this.factory = factory;
        this.executor = executor;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    String run(int warmupSeconds, int roundSeconds, int rounds) throws Exception {
        long t0 = System.nanoTime();
        long t1;
        try (LambdaConnection c = factory.getConnection()) {
            t1 = System.nanoTime();
            c.invoke(InvocationRequest.builder("echo").payload(PAYLOAD).build());
        }
        long t2 = System.nanoTime();
        line("first invoke through the adapter in this deployment: %.1f ms (first getConnection %.1f ms, invoke "
                + "%.1f ms)", (t2 - t0) / 1e6, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        long t3 = System.nanoTime();
        try (LambdaConnection c = factory.getConnection()) {
            c.invoke(InvocationRequest.builder("echo").payload(PAYLOAD).build());
        }
        line("second invoke: %.1f ms", (System.nanoTime() - t3) / 1e6);

        long[] cycle = new long[200_000];
        for (int i = 0; i < cycle.length; i++) {
            long s = System.nanoTime();
            factory.getConnection().close();
            cycle[i] = System.nanoTime() - s;
        }
        Arrays.sort(cycle);
        line("getConnection()+close(), one caller, 200000 times after warm-up: median %.2f us, p99 %.2f us",
                cycle[cycle.length / 2] / 1e3, cycle[(int) (cycle.length * 0.99)] / 1e3);

        try (LambdaClient raw = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        secretKey)))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(50))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            SdkBytes payload = SdkBytes.fromUtf8String(PAYLOAD);
            Callable<Void> viaAdapter = () -> {
                try (LambdaConnection c = factory.getConnection()) {
                    if (c.invoke(InvocationRequest.builder("echo").payload(PAYLOAD).build()).statusCode() != 200) {
                        throw new IllegalStateException("invoke failed");
                    }
                }
                return null;
            };
            Callable<Void> viaSdk = () -> {
                if (raw.invoke(b -> b.functionName("echo").payload(payload)).statusCode() != 200) {
                    throw new IllegalStateException("invoke failed");
                }
                return null;
            };
            load(viaAdapter, warmupSeconds);
            load(viaSdk, warmupSeconds);
            List<Result> adapter = new ArrayList<>();
            List<Result> sdk = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                adapter.add(load(viaAdapter, roundSeconds));
                sdk.add(load(viaSdk, roundSeconds));
                line("round %d: adapter %s | raw SDK %s", r + 1, adapter.get(r), sdk.get(r));
            }
            Result a = Result.median(adapter);
            Result s = Result.median(sdk);
            line("median of %d rounds, %d callers: adapter %s | raw SDK %s", rounds, CALLERS, a, s);
            line("RATIO throughput adapter/raw SDK: %.3f", a.perSecond / s.perSecond);
            line("RATIO p50 added latency: %+.0f us; p99 added latency: %+.0f us", (a.p50 - s.p50) / 1e3,
                    (a.p99 - s.p99) / 1e3);
        }
        return out.toString();
    }

    private Result load(Callable<Void> call, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CALLERS; i++) {
            futures.add(executor.submit(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                while (!stop.get()) {
                    long s = System.nanoTime();
                    call.call();
                    if (n < lat.length) {
                        lat[n] = System.nanoTime() - s;
                    }
                    n++;
                }
                return Arrays.copyOf(lat, Math.min(n, lat.length));
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        List<long[]> all = new ArrayList<>();
        int total = 0;
        for (Future<long[]> f : futures) {
            long[] l = f.get();
            all.add(l);
            total += l.length;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] merged = new long[total];
        int at = 0;
        for (long[] l : all) {
            System.arraycopy(l, 0, merged, at, l.length);
            at += l.length;
        }
        Arrays.sort(merged);
        return new Result(total / elapsed, merged[total / 2], merged[(int) (total * 0.99)]);
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** Throughput and latency of one round. */
    static final class Result {
        final double perSecond;
        final long p50;
        final long p99;

        Result(double perSecond, long p50, long p99) {
            this.perSecond = perSecond;
            this.p50 = p50;
            this.p99 = p99;
        }

        static Result median(List<Result> results) {
            List<Result> sorted = new ArrayList<>(results);
            sorted.sort((x, y) -> Double.compare(x.perSecond, y.perSecond));
            return sorted.get(sorted.size() / 2);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f invokes/s, p50 %.0f us, p99 %.0f us", perSecond, p50 / 1e3,
                    p99 / 1e3);
        }
    }
}
