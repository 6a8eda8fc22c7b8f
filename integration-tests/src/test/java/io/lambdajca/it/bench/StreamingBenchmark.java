package io.lambdajca.it.bench;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponseStreamUpdate;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;

/**
 * Inside the server: response streaming through the adapter ({@code invokeStream}, the bytes read from its input
 * stream) against a raw SDK {@code LambdaAsyncClient} built by the application with the same HTTP client (its bytes
 * counted in the SDK's visitor, the SDK's own way of consuming a stream), in the same JVM, one stream at a time in
 * alternating rounds after a warm-up: streamed bytes per second of a large stream, and time to first byte of a
 * one-line stream. The sync invoke of a 5 MiB response through the adapter is measured alongside, for reference.
 */
final class StreamingBenchmark {

    private static final String MEGABYTES = "stream-megabytes";
    private static final String LINES = "stream-lines";
    private static final long MIB = 1024 * 1024;

    private final LambdaConnectionFactory factory;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final Supplier<SdkAsyncHttpClient> httpClient;
    private final StringBuilder out = new StringBuilder();

    StreamingBenchmark(LambdaConnectionFactory factory, URI endpoint, String accessKey, String secretKey,
            Supplier<SdkAsyncHttpClient> httpClient) {
        this.factory = factory;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.httpClient = httpClient;
    }

    /**
     * @param megabytes the size of the large stream
     * @param firstBytes how many one-line streams per round for the time to first byte
     */
    String run(int megabytes, int firstBytes, int rounds) throws Exception {
        try (LambdaAsyncClient raw = LambdaAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        secretKey)))
                .httpClient(httpClient.get())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            // warm-up: both paths, small and large
            for (int i = 0; i < 3; i++) {
                adapterBytes(megabytes / 4);
                rawBytes(raw, megabytes / 4);
                syncBytes();
            }
            for (int i = 0; i < firstBytes; i++) {
                adapterFirstByte();
                rawFirstByte(raw);
            }
            List<Double> throughputRatios = new ArrayList<>();
            List<Double> firstByteRatios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                double a = megabytes * MIB / (adapterBytes(megabytes) / 1e9);
                double s = megabytes * MIB / (rawBytes(raw, megabytes) / 1e9);
                double sync = 5 * MIB / (syncBytes() / 1e9);
                long[] af = new long[firstBytes];
                long[] sf = new long[firstBytes];
                long[] syncLatency = new long[firstBytes];
                for (int i = 0; i < firstBytes; i++) {
                    af[i] = adapterFirstByte();
                    sf[i] = rawFirstByte(raw);
                    syncLatency[i] = syncSmall();
                }
                Arrays.sort(af);
                Arrays.sort(sf);
                Arrays.sort(syncLatency);
                double aMedian = af[firstBytes / 2];
                double sMedian = sf[firstBytes / 2];
                throughputRatios.add(a / s);
                firstByteRatios.add(aMedian / sMedian);
                line("round %d: %d MiB streamed: adapter %.0f MB/s | raw SDK async %.0f MB/s | sync invoke of 5 MiB "
                        + "through the adapter %.0f MB/s; time to first byte (median of %d, p99): adapter %.2f ms "
                        + "(%.2f) | raw SDK async %.2f ms (%.2f) | whole sync invoke of one line %.2f ms (%.2f)",
                        r + 1, megabytes, a / 1e6, s / 1e6, sync / 1e6, firstBytes, aMedian / 1e6,
                        af[(int) (firstBytes * 0.99)] / 1e6, sMedian / 1e6, sf[(int) (firstBytes * 0.99)] / 1e6,
                        syncLatency[firstBytes / 2] / 1e6, syncLatency[(int) (firstBytes * 0.99)] / 1e6);
            }
            line("RATIO streamed bytes/s adapter/raw SDK async: median %.3f (min %.3f, max %.3f) over %d rounds",
                    median(throughputRatios), min(throughputRatios), max(throughputRatios), rounds);
            line("RATIO time to first byte adapter/raw SDK async: median %.3f (min %.3f, max %.3f) over %d rounds",
                    median(firstByteRatios), min(firstByteRatios), max(firstByteRatios), rounds);
        }
        return out.toString();
    }

    /** Nanoseconds to stream and read {@code megabytes} MiB through the adapter. */
    private long adapterBytes(int megabytes) throws Exception {
        long start = System.nanoTime();
        long total = 0;
        InvocationStream stream;
        try (LambdaConnection c = factory.getConnection()) {
            stream = c.invokeStream(request(MEGABYTES, megabytes));
        }
        try (stream; InputStream in = stream.inputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        }
        check(total, megabytes * MIB);
        return System.nanoTime() - start;
    }

    private long rawBytes(LambdaAsyncClient raw, int megabytes) throws Exception {
        long start = System.nanoTime();
        AtomicLong total = new AtomicLong();
        raw.invokeWithResponseStream(b -> b.functionName(MEGABYTES).payload(SdkBytes.fromUtf8String(
                Integer.toString(megabytes))), InvokeWithResponseStreamResponseHandler.builder()
                .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
                        .onPayloadChunk(chunk -> total.addAndGet(chunk.payload().asByteBuffer().remaining()))
                        .build())
                .build()).get(5, TimeUnit.MINUTES);
        check(total.get(), megabytes * MIB);
        return System.nanoTime() - start;
    }

    /** Nanoseconds to the first byte of a one-line stream through the adapter (the rest is read after). */
    private long adapterFirstByte() throws Exception {
        long start = System.nanoTime();
        InvocationStream stream;
        try (LambdaConnection c = factory.getConnection()) {
            stream = c.invokeStream(request(LINES, 1));
        }
        long first;
        try (stream; InputStream in = stream.inputStream()) {
            if (in.read() != 'l') {
                throw new IllegalStateException("unexpected first byte");
            }
            first = System.nanoTime() - start;
            in.readAllBytes();
        }
        return first;
    }

    private long rawFirstByte(LambdaAsyncClient raw) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Long> first = new CompletableFuture<>();
        raw.invokeWithResponseStream(b -> b.functionName(LINES).payload(SdkBytes.fromUtf8String("1")),
                InvokeWithResponseStreamResponseHandler.builder()
                        .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
                                .onPayloadChunk((InvokeResponseStreamUpdate chunk) ->
                                        first.complete(System.nanoTime() - start))
                                .build())
                        .build()).get(1, TimeUnit.MINUTES);
        return first.get(1, TimeUnit.MINUTES);
    }

    /** Nanoseconds of a sync invoke of 5 MiB through the adapter (the whole response at once). */
    private long syncBytes() {
        long start = System.nanoTime();
        try (LambdaConnection c = factory.getConnection()) {
            InvocationResult r = c.invoke(request(MEGABYTES, 5));
            check(r.payload().length, 5 * MIB);
        }
        return System.nanoTime() - start;
    }

    private long syncSmall() {
        long start = System.nanoTime();
        try (LambdaConnection c = factory.getConnection()) {
            InvocationResult r = c.invoke(request(LINES, 1));
            if (r.payload().length == 0) {
                throw new IllegalStateException("empty answer");
            }
        }
        return System.nanoTime() - start;
    }

    private static InvocationRequest request(String function, int n) {
        return InvocationRequest.builder(function).payload(Integer.toString(n).getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static void check(long got, long expected) {
        if (got != expected) {
            throw new IllegalStateException("streamed " + got + " bytes, expected " + expected);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
