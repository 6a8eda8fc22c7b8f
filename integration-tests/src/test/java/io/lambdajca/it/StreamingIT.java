package io.lambdajca.it;

import static io.lambdajca.ct.Failures.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.local.testing.Poll;
import jakarta.ejb.EJB;

/**
 * Response streaming through the adapter in WildFly: an EJB starts the invocation and returns its stream (the pooled
 * connection already back), a servlet copies it to its response. Lines reach an HTTP client in order, the first
 * while the function is still running; a client that goes away early cancels the stream and frees its HTTP
 * connection (more early closes than the SDK client has connections, then as many streams at once as it has); a
 * function failing mid-stream reaches the application as a FunctionErrorException after the bytes it wrote; and
 * 100 MB stream through with bounded heap.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamingIT {

    /** The SDK client of the Streaming definition has this many HTTP connections (MaxConnections). */
    private static final int CONNECTIONS = LambdaEnvironment.STREAMING_CONNECTIONS;
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long MB = 1024 * 1024;

    @Deployment
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("streaming-it.war", StreamingIT.class, StreamCaller.class,
                StreamOutcomes.class, StreamServlet.class, Poll.class);
    }

    @EJB
    private StreamCaller caller;

    @ArquillianResource
    private URL base;

    @ArquillianResource
    private ManagementClient management;

    @Test
    @Order(1)
    @RunAsClient
    void servletResponse_linesArriveInOrder_theFirstWhileTheFunctionStillRuns() throws Exception {
        // the gated function writes "first", then waits for the marker, which this client creates only once it has
        // read "first" over HTTP: the line crossed the adapter, the EJB and the servlet while the function ran
        Path marker = marker();
        HttpURLConnection gated = get("stream-gated", json(marker.toString()));
        try (BufferedReader body = lines(gated)) {
            assertEquals("first", body.readLine());
            Files.createFile(marker);
            assertEquals("last", body.readLine());
            assertNull(body.readLine(), "the response ends with the function");
        }
        int count = 500;
        long bytes = 0;
        try (BufferedReader body = lines(get("stream-lines", String.valueOf(count)))) {
            for (int i = 1; i <= count; i++) {
                assertEquals("line " + i, body.readLine(), "in the order written");
                bytes += ("line " + i + "\n").length();
            }
            assertNull(body.readLine());
        }
        String complete = "stream-lines complete after " + bytes + " bytes";
        Poll.until(DEADLINE, () -> outcomes().contains(complete), complete);
    }

    @Test
    @Order(2)
    @RunAsClient
    void clientGoingAwayEarly_cancelsTheStream_andFreesItsConnection() throws Exception {
        long logFrom = Files.size(LambdaEnvironment.serverLog());
        int closes = 2 * CONNECTIONS + 1;
        for (int i = 0; i < closes; i++) {
            // 150 MB that the client stops reading after its first 64 KB
            try (Socket socket = rawGet("stream-megabytes", "150")) {
                assertEquals(64 * 1024, socket.getInputStream().readNBytes(64 * 1024).length);
            }
        }
        List<String> gone = Poll.value(DEADLINE, () -> outcomes().stream()
                .filter(o -> o.startsWith("stream-megabytes")).toList(), l -> l.size() == closes,
                closes + " early closes recorded");
        System.out.println("StreamingIT early closes: " + gone);
        for (String outcome : gone) {
            assertTrue(outcome.startsWith("stream-megabytes client gone after "), outcome);
            long copied = Long.parseLong(outcome.split(" ")[4]);
            assertTrue(copied < 100 * MB, "stopped long before its 150 MB: " + outcome);
            assertTrue(outcome.endsWith("stream complete: false"), outcome);
        }
        // were the cancelled streams' connections still taken, these would wait for one
        List<Path> markers = new ArrayList<>();
        List<BufferedReader> open = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Path marker = marker();
                markers.add(marker);
                BufferedReader body = lines(get("stream-gated", json(marker.toString())));
                open.add(body);
                assertEquals("first", body.readLine(), "stream " + (i + 1) + " of " + CONNECTIONS + " at once");
            }
        } finally {
            for (Path marker : markers) {
                Files.createFile(marker);
            }
        }
        for (BufferedReader body : open) {
            assertEquals("last", body.readLine());
            body.close();
        }
        ModelNode op = Operations.createReadResourceOperation(LambdaEnvironment.poolStatistics("Streaming"));
        op.get("include-runtime").set(true);
        assertEquals(0, LambdaEnvironment.execute(management, op).get("InUseCount").asInt(), "no pooled "
                + "connection is held by a stream");
        List<String> errors = serverLogFrom(logFrom).stream()
                .filter(l -> l.contains(" ERROR ") || l.contains(" WARN ")).toList();
        assertEquals(List.of(), errors, "no error or warning left in the server log");
    }

    @Test
    @Order(3)
    void functionFailingMidStream_reachesTheApplicationAsFunctionErrorException_afterItsLines() throws IOException {
        try (InvocationStream stream = caller.open("stream-failing", "3")) {
            InputStream in = stream.inputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[4];
            FunctionErrorException e = thrown(FunctionErrorException.class, () -> {
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    read.write(buffer, 0, n);
                }
            });
            assertEquals("line 1\nline 2\nline 3\n", read.toString(StandardCharsets.UTF_8), "every line before it");
            assertEquals("java.lang.IllegalStateException", e.errorType(), e.getMessage());
            assertTrue(e.getMessage().contains("failed after 3 lines"), e.getMessage());
            assertTrue(stream.isComplete());
        }
    }

    @Test
    @Order(4)
    void hundredMegabytes_streamThroughWithBoundedHeap() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = heapAfterGc(memory);
        long total = 100 * MB;
        long read = 0;
        long pausedGrowth = Long.MIN_VALUE;
        long streamingGrowth = Long.MIN_VALUE;
        int pausedSamples = 0;
        try (InvocationStream stream = caller.open("stream-megabytes", "100")) {
            InputStream in = stream.inputStream();
            byte[] buffer = new byte[64 * 1024];
            long nextSample = 10 * MB;
            boolean paused = false;
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != (byte) ('a' + (read + i) % 26)) {
                        throw new AssertionError("byte " + (read + i) + " is " + buffer[i]);
                    }
                }
                read += n;
                if (!paused && read >= MB) {
                    // the reader stops for 3 s: the function, which could write 100 MB in far less, may run ahead
                    // only as far as the adapter buffers; heap after GC is sampled meanwhile
                    paused = true;
                    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                    while (System.nanoTime() < until) {
                        pausedGrowth = Math.max(pausedGrowth, heapAfterGc(memory) - before);
                        pausedSamples++;
                    }
                }
                if (read >= nextSample) {
                    streamingGrowth = Math.max(streamingGrowth, heapAfterGc(memory) - before);
                    nextSample += 10 * MB;
                }
            }
            assertTrue(stream.isComplete());
        }
        String figures = String.format("read %d bytes; heap after GC %.1f MB before; growth at most %.2f MB in %d "
                + "samples while the reader paused 3 s after 1 MB, at most %.2f MB sampled every 10 MB", read,
                before / (double) MB, pausedGrowth / (double) MB, pausedSamples, streamingGrowth / (double) MB);
        System.out.println("StreamingIT figures: " + figures);
        assertEquals(total, read, figures);
        assertTrue(pausedGrowth < 16 * MB, figures);
        assertTrue(streamingGrowth < 16 * MB, figures);
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static Path marker() throws IOException {
        return Files.createTempDirectory("stream-marker").resolve("go");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** GET /stream for the function: the response's headers read, its body not yet; streamed in chunks. */
    private HttpURLConnection get(String function, String payload) throws IOException {
        HttpURLConnection http = (HttpURLConnection) streamUrl(function, payload).openConnection();
        http.setReadTimeout(30_000);
        assertEquals(200, http.getResponseCode());
        assertEquals("chunked", http.getHeaderField("Transfer-Encoding"), "streamed, not buffered to a length");
        return http;
    }

    private static BufferedReader lines(HttpURLConnection http) throws IOException {
        return new BufferedReader(new InputStreamReader(http.getInputStream(), StandardCharsets.UTF_8));
    }

    /** GET /stream for the function on a socket of its own, which the caller closes to go away. */
    private Socket rawGet(String function, String payload) throws IOException {
        URL url = streamUrl(function, payload);
        Socket socket = new Socket(url.getHost(), url.getPort());
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("GET " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getHost()
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return socket;
    }

    private URL streamUrl(String function, String payload) throws IOException {
        return new URL(base, "stream?function=" + function + "&payload="
                + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    }

    /** What the servlet recorded, one outcome per copy. */
    private List<String> outcomes() {
        try {
            HttpURLConnection http = (HttpURLConnection) new URL(base, "stream?outcomes").openConnection();
            try (InputStream in = http.getInputStream()) {
                String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return all.isEmpty() ? List.of() : List.of(all.split("\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server log's lines from a position on. Client side only. */
    private static List<String> serverLogFrom(long position) throws IOException {
        byte[] all = Files.readAllBytes(LambdaEnvironment.serverLog());
        int from = (int) Math.min(position, all.length);
        return List.of(new String(all, from, all.length - from, StandardCharsets.UTF_8).split("\n"));
    }
}
