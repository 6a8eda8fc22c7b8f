package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.ThrottledException;
import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.testfunctions.Handlers;

/**
 * What invokeStream resends and what it does not, and what stopping the adapter does to an open stream: its reader,
 * blocked or not, gets a ConnectionUnavailableException, and the streaming threads end with the adapter.
 */
class StreamingRetriesAndStopTest {

    private static LocalLambda lambda;

    @BeforeAll
    static void start() {
        Path zip = Path.of(System.getProperty("test.functions.zip", "target/functions/test-functions.zip"));
        // Retry-After: 1, as Lambda sends with a 429 (with 0, a retry may start within a millisecond of the 429, and
        // the SDK's Netty client can then close the pooled connection under it: "The connection was closed during
        // the request", a race of the SDK's that real Lambda's Retry-After keeps retries clear of)
        lambda = LocalLambda.builder().port(0).retryAfterSeconds(1)
                .function(FunctionDefinition.builder("lines", Handlers.STREAM_LINES, zip).build())
                .function(FunctionDefinition.builder("throttled", Handlers.STREAM_LINES, zip).reservedConcurrency(0)
                        .build())
                .function(FunctionDefinition.builder("gated", Handlers.STREAM_GATED, zip).timeoutSeconds(1).build())
                .function(FunctionDefinition.builder("gated-long", Handlers.STREAM_GATED, zip).timeoutSeconds(60)
                        .build())
                .build().start();
    }

    @AfterAll
    static void stop() {
        if (lambda != null) {
            lambda.close();
        }
    }

    private static InvocationRequest request(String function, String json) {
        return InvocationRequest.builder(function).payload(json.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void throttling_beforeTheStreamOpens_isRetriedAsForInvoke_thenThrottledException() throws Exception {
        try (DirectConnection direct = DirectConnection.to(lambda, mcf -> {
            mcf.setMaxRetries(2);
            mcf.setRetryBaseDelayMillis(1L);
        })) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> direct.connection().invokeStream(request("throttled", "1")))
                    .isInstanceOfSatisfying(ThrottledException.class, e -> assertThat(e.attempts()).isEqualTo(3))
                    .hasMessageContaining("InvokeWithResponseStream of function 'throttled'");
            assertThat(lambda.stats("throttled").get("throttles")).isEqualTo(3);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two waits of Retry-After: 1")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void aFailureAfterTheStreamOpened_isNeverResent() throws Exception {
        try (DirectConnection direct = DirectConnection.to(lambda, mcf -> mcf.setMaxRetries(3))) {
            long before = lambda.stats("gated").get("invocations");
            // the marker never appears: the function times out after its first line
            try (InvocationStream stream = direct.connection().invokeStream(request("gated",
                    "\"/nonexistent/never-created\""))) {
                InputStream in = stream.inputStream();
                assertThat(new String(in.readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("first\n");
                assertThatThrownBy(in::readAllBytes).isInstanceOf(FunctionErrorException.class);
            }
            assertThat(lambda.stats("gated").get("invocations") - before).as("invocations").isEqualTo(1);
        }
    }

    @Test
    void adapterStop_abortsOpenStreams_withConnectionUnavailable_andEndsTheStreamingThreads(@TempDir Path dir)
            throws Exception {
        Path marker = dir.resolve("go");
        DirectConnection direct = DirectConnection.to(lambda, mcf -> { });
        InvocationStream open;
        InvocationStream blocked;
        CompletableFuture<Throwable> blockedReader;
        try {
            open = direct.connection().invokeStream(request("gated-long", "\"" + marker + "\""));
            assertThat(new String(open.inputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("first\n");
            blocked = direct.connection().invokeStream(request("gated-long", "\"" + marker + "\""));
            InputStream in = blocked.inputStream();
            assertThat(in.readNBytes(6)).hasSize(6);
            blockedReader = CompletableFuture.supplyAsync(() -> {
                try {
                    in.read(); // blocks: the function waits for the marker
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            assertThat(streamingThreads()).as("streaming threads while streams are open").isNotEmpty();
        } finally {
            direct.close(); // stops the adapter
        }
        assertThat(blockedReader.get(10, TimeUnit.SECONDS)).isInstanceOf(ConnectionUnavailableException.class);
        assertThatThrownBy(() -> open.inputStream().read()).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("resource adapter stopped");
        open.close();
        blocked.close();
        // stop() waited for the event loop and for Netty's global executor (which ran the loop's termination): their
        // threads are gone when it returns
        assertThat(streamingThreads()).isEmpty();
        Files.createFile(marker);
    }

    private static List<String> streamingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("lambdajca-stream") || n.startsWith("globalEventExecutor"))
                .collect(Collectors.toList());
    }
}
