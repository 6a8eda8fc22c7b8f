package io.lambdajca.local.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import io.undertow.Undertow;
import io.undertow.util.Headers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Invokes per second of a trivial echo function with 32 concurrent keep-alive connections: from wrk replaying one
 * signed Invoke request (so every request's signature is checked), and through the AWS SDK client. In alternated rounds,
 * the same wrk also measures a bare Undertow handler answering the same request, so that the figure can be read against
 * what the machine does at that time. Prints figures; it is a benchmark, not a test. Arguments: seconds per run
 * (default 20), test-functions ZIP path; {@code -Dbench.rounds} (3), {@code -Dbench.wrkThreads} (2),
 * {@code -Dbench.sdk=false} to skip the SDK client.
 */
public final class LocalLambdaBenchmark {

    private static final String PAYLOAD = "{\"hello\":\"world\",\"n\":42}";
    private static final int CONNECTIONS = 32;
    private static final int WRK_THREADS = Integer.getInteger("bench.wrkThreads", 2);

    private LocalLambdaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path zip = Path.of(args.length > 1 ? args[1] : "target/functions/test-functions.zip");
        int rounds = Integer.getInteger("bench.rounds", 3);
        boolean withSdk = Boolean.parseBoolean(System.getProperty("bench.sdk", "true"));
        Undertow bare = bareUndertow();
        try (LocalLambda lambda = LocalLambda.builder().port(0).accountConcurrency(256)
                .function(FunctionDefinition.builder("echo", "io.lambdajca.testfunctions.EchoHandler", zip).build())
                .build().start()) {
            System.out.printf(Locale.ROOT, "local-lambda benchmark: echo function, %d connections, wrk %d threads, "
                    + "%d rounds of %d s, %d cores%n", CONNECTIONS, WRK_THREADS, rounds, seconds,
                    Runtime.getRuntime().availableProcessors());
            URI invoke = lambda.endpoint().resolve("/2015-03-31/functions/echo/invocations");
            URI bareUri = URI.create("http://127.0.0.1:" + port(bare) + "/2015-03-31/functions/echo/invocations");
            Path signed = signedRequestScript(invoke);
            if (withSdk) {
                sdk(lambda, 5);
            }
            wrk(invoke, signed, Math.max(10, seconds / 2), false); // warm-up: JIT and the environments' threads
            wrk(bareUri, signed, 5, false);
            double[] local = new double[rounds];
            double[] reference = new double[rounds];
            // alternated, so that both see the same machine: a shared 2-core machine's speed moves by ±15% within minutes
            for (int i = 0; i < rounds; i++) {
                reference[i] = wrk(bareUri, signed, seconds, false);
                local[i] = wrk(invoke, signed, seconds, i == rounds - 1);
                System.out.printf(Locale.ROOT, "round %d: local-lambda %.0f invokes/s, bare Undertow %.0f "
                        + "requests/s, ratio %.2f%n", i + 1, local[i], reference[i], local[i] / reference[i]);
            }
            System.out.printf(Locale.ROOT, "RESULT wrk (signed, SigV4 checked): %.0f invokes/s (median of %d "
                    + "rounds)%n", median(local), rounds);
            System.out.printf(Locale.ROOT, "RESULT bare Undertow echo handler, same wrk: %.0f requests/s; "
                    + "local-lambda / bare: %.2f (median of the rounds' ratios)%n", median(reference),
                    median(ratios(local, reference)));
            if (withSdk) {
                System.out.printf(Locale.ROOT, "RESULT AWS SDK LambdaClient (Apache client, same JVM): %.0f "
                        + "invokes/s%n", sdk(lambda, seconds));
            }
        } finally {
            bare.stop();
        }
    }

    /** The reference: an Undertow handler that reads the body and answers it, with Undertow's defaults. */
    private static Undertow bareUndertow() {
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(exchange -> exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
                    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    ex.getResponseSender().send(ByteBuffer.wrap(body));
                })).build();
        server.start();
        return server;
    }

    private static int port(Undertow server) {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** A wrk script replaying one Invoke request signed by the SDK's signer for the endpoint's default key. */
    private static Path signedRequestScript(URI uri) throws IOException {
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
        script.toFile().deleteOnExit();
        Files.writeString(script, lua);
        return script;
    }

    private static double wrk(URI uri, Path script, int seconds, boolean report) throws IOException,
            InterruptedException {
        Process p = new ProcessBuilder("wrk", "-t" + WRK_THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s",
                "--latency", "-s", script.toString(), uri.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
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

    private static double[] ratios(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return r;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double sdk(LocalLambda lambda, int seconds) throws Exception {
        try (LambdaClient client = LambdaClient.builder().endpointOverride(lambda.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(CONNECTIONS)).build()) {
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
