package io.lambdajca.local.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Invokes per second of a trivial echo function with 32 concurrent keep-alive connections: from wrk replaying one
 * signed Invoke request (so every request's signature is checked), and through the AWS SDK client. Prints figures; it
 * is a benchmark, not a test. Arguments: seconds per run (default 20), test-functions ZIP path.
 */
public final class LocalLambdaBenchmark {

    private static final String PAYLOAD = "{\"hello\":\"world\",\"n\":42}";
    private static final int CONNECTIONS = 32;

    private LocalLambdaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path zip = Path.of(args.length > 1 ? args[1] : "target/functions/test-functions.zip");
        try (LocalLambda lambda = LocalLambda.builder().port(0).accountConcurrency(256)
                .function(FunctionDefinition.builder("echo", "io.lambdajca.testfunctions.EchoHandler", zip).build())
                .build().start()) {
            System.out.printf(Locale.ROOT, "local-lambda benchmark: echo function, %d connections, %d s per run, "
                    + "%d cores%n", CONNECTIONS, seconds, Runtime.getRuntime().availableProcessors());
            sdk(lambda, 5, false);
            double wrk = wrk(lambda, Math.max(5, seconds / 4), false);
            wrk = wrk(lambda, seconds, true);
            double sdk = sdk(lambda, seconds, true);
            System.out.printf(Locale.ROOT, "RESULT wrk (signed, SigV4 checked): %.0f invokes/s%n", wrk);
            System.out.printf(Locale.ROOT, "RESULT AWS SDK LambdaClient (Apache client, same JVM): %.0f invokes/s%n",
                    sdk);
        }
    }

    private static double wrk(LocalLambda lambda, int seconds, boolean report) throws IOException,
            InterruptedException {
        URI uri = lambda.endpoint().resolve("/2015-03-31/functions/echo/invocations");
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                        .putHeader("Content-Type", "application/json").build())
                .payload(ContentStreamProvider.fromUtf8String(PAYLOAD))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")).request();
        StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\nwrk.body = '" + PAYLOAD + "'\n");
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                lua.append("wrk.headers[\"").append(name).append("\"] = \"").append(values.get(0)).append("\"\n");
            }
        });
        Path script = Files.createTempFile("local-lambda-bench", ".lua");
        Files.writeString(script, lua);
        Process p = new ProcessBuilder("wrk", "-t" + Integer.getInteger("bench.wrkThreads", 2), "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), uri.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Files.delete(script);
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk saw error answers; figures would be meaningless:\n" + out);
        }
        Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no figures from wrk:\n" + out);
        }
        if (report) {
            System.out.println(out.trim());
        }
        return Double.parseDouble(m.group(1));
    }

    private static double sdk(LocalLambda lambda, int seconds, boolean report) throws Exception {
        try (LambdaClient client = LambdaClient.builder().endpointOverride(lambda.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY)))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(CONNECTIONS)).build()) {
            SdkBytes payload = SdkBytes.fromUtf8String(PAYLOAD);
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
            List<Future<Long>> counts = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < CONNECTIONS; i++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (!stop.get()) {
                        if (client.invoke(b -> b.functionName("echo").payload(payload)).statusCode() != 200) {
                            throw new IllegalStateException("invoke failed");
                        }
                        n++;
                    }
                    return n;
                }));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            long total = 0;
            for (Future<Long> f : counts) {
                total += f.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            return total / elapsed;
        }
    }
}
