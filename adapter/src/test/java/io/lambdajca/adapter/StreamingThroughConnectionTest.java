package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.InvocationType;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.testfunctions.Handlers;
import io.lambdajca.testfunctions.MegabytesStreamHandler;
import jakarta.resource.ResourceException;

/**
 * invokeStream through a real connection (the adapter's SDK async client on Netty) against the local endpoint's
 * InvokeWithResponseStream, with the streaming test functions: what an application reads, when it can read it, how a
 * failure reaches it, and what a stream costs (memory, pooled connections).
 */
class StreamingThroughConnectionTest {

    private static final long MIB = 1024 * 1024;

    private static LocalLambda lambda;
    private static DirectConnection direct;
    private static LambdaConnection connection;

    @BeforeAll
    static void connect() throws ResourceException {
        Path zip = Path.of(System.getProperty("test.functions.zip", "target/functions/test-functions.zip"));
        lambda = LocalLambda.builder().port(0)
                .function(FunctionDefinition.builder("lines", Handlers.STREAM_LINES, zip).build())
                .function(FunctionDefinition.builder("gated", Handlers.STREAM_GATED, zip).timeoutSeconds(10).build())
                .function(FunctionDefinition.builder("failing-stream", Handlers.STREAM_FAILING, zip).build())
                .function(FunctionDefinition.builder("megabytes", Handlers.STREAM_MEGABYTES, zip).timeoutSeconds(120)
                        .build())
                .build().start();
        direct = DirectConnection.to(lambda, mcf -> { });
        connection = direct.connection();
    }

    @AfterAll
    static void close() throws ResourceException {
        if (direct != null) {
            direct.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    private static InvocationRequest request(String function, String json) {
        return InvocationRequest.builder(function).payload(json.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void bytes_arriveInTheOrderTheFunctionWroteThem_withTheHeadersLambdaAnswered() throws IOException {
        try (InvocationStream stream = connection.invokeStream(request("lines", "200"))) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.executedVersion()).isEqualTo("$LATEST");
            assertThat(stream.contentType()).isEqualTo("application/octet-stream");
            List<String> lines = new BufferedReader(new InputStreamReader(stream.inputStream(),
                    StandardCharsets.UTF_8)).lines().collect(Collectors.toList());
            assertThat(lines).containsExactlyElementsOf(IntStream.rangeClosed(1, 200).mapToObj(i -> "line " + i)
                    .collect(Collectors.toList()));
            assertThat(stream.isComplete()).isTrue();
            assertThat(stream.logTail()).as("not asked for").isEmpty();
        }
    }

    @Test
    void firstBytes_areReadableWhileTheFunctionStillRuns(@TempDir Path dir) throws IOException {
        Path marker = dir.resolve("go");
        try (InvocationStream stream = connection.invokeStream(request("gated", "\"" + marker + "\""))) {
            InputStream in = stream.inputStream();
            assertThat(new String(in.readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("first\n");
            assertThat(stream.isComplete()).as("the function waits for the marker").isFalse();
            Files.createFile(marker); // only now may the function finish
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("last\n");
            assertThat(stream.isComplete()).isTrue();
        }
    }

    @Test
    void functionError_midStream_isThrownByTheReader_afterTheLinesItWrote_withTheLogTail() throws IOException {
        InvocationRequest failing = InvocationRequest.builder("failing-stream")
                .payload("3".getBytes(StandardCharsets.UTF_8)).tailLog(true).build();
        try (InvocationStream stream = connection.invokeStream(failing)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream.inputStream(),
                    StandardCharsets.UTF_8));
            List<String> read = new ArrayList<>();
            assertThatThrownBy(() -> {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    read.add(line);
                }
            }).isInstanceOfSatisfying(FunctionErrorException.class, e -> {
                assertThat(e.errorType()).isEqualTo("java.lang.IllegalStateException");
                assertThat(e.errorMessage()).isEqualTo("failed after 3 lines");
                assertThat(e.functionName()).isEqualTo("failing-stream");
            });
            assertThat(read).containsExactly("line 1", "line 2", "line 3");
            assertThat(stream.isComplete()).isTrue();
            assertThat(stream.logTail()).hasValueSatisfying(log -> assertThat(log).contains("about to fail"));
        }
    }

    @Test
    void logTail_ofACompletedStream_isDecoded() throws IOException {
        InvocationRequest lines = InvocationRequest.builder("lines").payload("2".getBytes(StandardCharsets.UTF_8))
                .tailLog(true).build();
        try (InvocationStream stream = connection.invokeStream(lines)) {
            assertThat(stream.logTail()).as("sent with the end of the stream").isEmpty();
            stream.inputStream().readAllBytes();
            assertThat(stream.logTail()).hasValueSatisfying(log -> assertThat(log).contains("START", "END"));
        }
    }

    @Test
    void dryRun_streamsNothing() throws IOException {
        InvocationRequest dry = InvocationRequest.builder("lines").payload("2".getBytes(StandardCharsets.UTF_8))
                .invocationType(InvocationType.DRY_RUN).build();
        try (InvocationStream stream = connection.invokeStream(dry)) {
            assertThat(stream.statusCode()).isEqualTo(204);
            assertThat(stream.inputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void absentFunction_isFunctionNotFound_fromInvokeStreamItself() {
        assertThatThrownBy(() -> connection.invokeStream(request("no-such-function", "1")))
                .isInstanceOf(FunctionNotFoundException.class)
                .hasMessageContaining("InvokeWithResponseStream of function 'no-such-function'");
    }

    @Test
    void refusedRequests_failBeforeAnyNetworkCall() {
        long before = lambda.lambdaRequests();
        assertThatThrownBy(() -> connection.invokeStream(InvocationRequest.builder("lines")
                .invocationType(InvocationType.EVENT).build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Event").hasMessageContaining("RequestResponse or DryRun");
        assertThatThrownBy(() -> connection.invokeStream(InvocationRequest.builder("lines")
                .invocationType(InvocationType.EVENT).afterCommit(true).build()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> connection.invokeStream(InvocationRequest.builder("lines").afterCommit(true)
                .build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("afterCommit");
        assertThatThrownBy(() -> connection.invokeStream(request("bad name!", "1")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("bad name!");
        assertThatThrownBy(() -> connection.invokeStream(InvocationRequest.builder("lines")
                .payload("{not json".getBytes(StandardCharsets.UTF_8)).build()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> connection.invokeStream(InvocationRequest.builder("lines")
                .durableExecutionName("order-42").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("order-42");
        assertThatThrownBy(() -> connection.invokeStream(null)).isInstanceOf(InvalidRequestException.class);
        assertThat(lambda.lambdaRequests()).as("requests the endpoint received").isEqualTo(before);
    }

    @Test
    void earlyClose_freesTheConnection_soThatOneConnectionServesManyStreams() throws Exception {
        try (DirectConnection one = DirectConnection.to(lambda, mcf -> {
            mcf.setMaxConnections(1);
            mcf.setConnectTimeoutMillis(2_000L);
            mcf.setMaxRetries(0);
        })) {
            for (int i = 0; i < 20; i++) {
                InvocationStream stream = one.connection().invokeStream(request("megabytes", "50"));
                InputStream in = stream.inputStream();
                assertThat(in.read()).as("stream " + i).isEqualTo('a');
                assertThat(stream.isComplete()).isFalse();
                if (i % 2 == 0) {
                    stream.close();
                } else {
                    in.close(); // closing its input stream closes the invocation stream
                }
            }
            try (InvocationStream last = one.connection().invokeStream(request("lines", "3"))) {
                assertThat(new String(last.inputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("line 1\nline 2\nline 3\n");
            }
        }
    }

    @Test
    void largeStream_isReadWithBoundedMemory() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long size = 100 * MIB;
        long highest = 0;
        long offset = 0;
        try (InvocationStream stream = connection.invokeStream(request("megabytes", "100"))) {
            InputStream in = stream.inputStream();
            byte[] buffer = new byte[32 * 1024];
            long nextCheck = 10 * MIB;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != MegabytesStreamHandler.byteAt(offset + i)) {
                        throw new AssertionError("byte " + (offset + i) + " differs");
                    }
                }
                offset += n;
                if (offset >= nextCheck) {
                    System.gc();
                    highest = Math.max(highest, memory.getHeapMemoryUsage().getUsed() - baseline);
                    nextCheck += 10 * MIB;
                }
            }
        }
        assertThat(offset).isEqualTo(size);
        // a reader that held the stream would hold up to 100 MB; the adapter holds two chunks at most
        assertThat(highest).as("heap grown while streaming 100 MB, after GC").isLessThan(32 * MIB);
    }
}
