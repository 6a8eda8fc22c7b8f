package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lambdajca.local.testing.HoldingHandler;
import io.lambdajca.local.testing.Poll;
import io.lambdajca.testfunctions.Handlers;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AccountLimit;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Reserved concurrency is taken out of what functions without a reservation share, through the SDK against an
 * endpoint with a small account quota. Model: AccountLimit.UnreservedConcurrentExecutions is "The maximum number of
 * simultaneous function executions, minus the capacity that's reserved for individual functions with
 * PutFunctionConcurrency", and PutFunctionConcurrency "reserves capacity" for a function.
 */
class UnreservedConcurrencyContractTest {

    /** The account's quota of concurrent executions (AWS's default is 1,000). */
    private static final int QUOTA = 5;
    /** What the function "reserving" keeps for itself: one execution is left to the others. */
    private static final int RESERVED = 4;

    /** Where the held invocations say they run, and are released. */
    @TempDir
    Path running;
    /** Where invocations that are not to be held run: released from the start. */
    private Path passing;

    private LocalLambda lambda;
    private LambdaClient client;
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<Future<InvokeResponse>> held = new ArrayList<>();

    @BeforeEach
    void start() throws URISyntaxException, IOException {
        passing = Files.createDirectory(running.resolve("passing"));
        Files.createFile(passing.resolve(HoldingHandler.RELEASE));
        Path testClasses = Path.of(HoldingHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // deployed functions keep their reservation as given: PutFunctionConcurrency would keep the whole of so small
        // a quota unreserved
        lambda = LocalLambda.builder().port(0).accountConcurrency(QUOTA)
                .function(FunctionDefinition.builder("reserving", Handlers.ECHO, TestFunctions.zip())
                        .reservedConcurrency(RESERVED).build())
                .function(FunctionDefinition.builder("holding", HoldingHandler.class.getName(), testClasses)
                        .timeoutSeconds(60).build())
                .build().start();
        client = ApiFixture.noRetryClient(lambda);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            release();
        } finally {
            callers.shutdownNow();
            client.close();
            lambda.close();
        }
    }

    @Test
    void functionsWithoutReservation_shareWhatItLeaves_andGetItBackWhenTheReservationIsDeleted() throws Exception {
        assertThat(unreserved()).isEqualTo(QUOTA - RESERVED);
        hold(1);
        // the one execution left is taken: the next is throttled, as the account's (not a reservation's) limit
        assertThrottled();
        // the reservation stays the reserving function's own
        assertThat(client.invoke(r -> r.functionName("reserving").payload(SdkBytes.fromUtf8String("{}")))
                .functionError()).isNull();

        client.deleteFunctionConcurrency(r -> r.functionName("reserving"));
        assertThat(unreserved()).isEqualTo(QUOTA);
        hold(QUOTA - 1);
        assertThrottled();
    }

    @Test
    void deletingAFunctionWithAReservation_givesItBackToTheOthers() throws Exception {
        hold(1);
        assertThrottled();

        client.deleteFunction(r -> r.functionName("reserving"));
        assertThat(unreserved()).isEqualTo(QUOTA);
        hold(QUOTA - 1);
        assertThrottled();
    }

    @Test
    void eventsWaitingForAnExecution_holdUpNoOtherFunctionsEvent_andRunOnceItIsFree() throws Exception {
        hold(1); // the one execution left to functions without a reservation
        Path waiting = Files.createDirectory(running.resolve("waiting"));
        Files.createFile(waiting.resolve(HoldingHandler.RELEASE)); // each ends at once when it gets to run
        for (int i = 0; i < 6; i++) { // more events than the endpoint ever had threads for them
            assertThat(client.invoke(r -> r.functionName("holding").invocationType(InvocationType.EVENT)
                    .payload(holdingInput(waiting))).statusCode()).isEqualTo(202);
        }
        assertThat(client.invoke(r -> r.functionName("reserving").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{}"))).statusCode()).isEqualTo(202);
        Poll.until(Duration.ofSeconds(5), () -> lambda.stats("reserving").get("invocations") == 1,
                "the reserving function's event ran, queued after six that wait");
        assertThat(lambda.stats("holding").get("invocations")).as("the waiting events did not run").isZero();

        release();
        Poll.until(Duration.ofSeconds(10), () -> lambda.stats("holding").get("invocations") == 7,
                "the held invocation and the six waiting events ran");
    }

    private int unreserved() {
        AccountLimit limit = client.getAccountSettings(r -> { }).accountLimit();
        assertThat(limit.concurrentExecutions()).isEqualTo(QUOTA);
        return limit.unreservedConcurrentExecutions();
    }

    /** Starts {@code n} invocations of "holding" and waits until they all run (each holds an execution). */
    private void hold(int n) {
        int before = held.size();
        for (int i = 0; i < n; i++) {
            held.add(callers.submit(() -> invokeHolding(running)));
        }
        Poll.value(Duration.ofSeconds(10), this::runningCount, count -> count == before + n || failedHolder(),
                (before + n) + " invocations running");
        assertThat(runningCount()).as("invocations running").isEqualTo(before + n);
    }

    private InvokeResponse invokeHolding(Path in) {
        return client.invoke(r -> r.functionName("holding").payload(holdingInput(in)));
    }

    /** The input that makes "holding" run in that directory: its path as a JSON string. */
    private static SdkBytes holdingInput(Path in) {
        return SdkBytes.fromUtf8String("\"" + in.toString().replace("\\", "\\\\") + "\"");
    }

    /** Whether an invocation meant to hold an execution has ended instead (throttled, say): the wait is over. */
    private boolean failedHolder() {
        return held.stream().anyMatch(Future::isDone);
    }

    private long runningCount() {
        try (Stream<Path> files = Files.list(running)) {
            return files.filter(p -> p.getFileName().toString().startsWith(HoldingHandler.RUNNING)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One more invocation of a function without a reservation is refused: every execution left to them is held. (One
     * let through would end at once, released from the start.)
     */
    private void assertThrottled() {
        TooManyRequestsException e = catchThrowableOfType(TooManyRequestsException.class,
                () -> invokeHolding(passing));
        assertThat(e).as("throttled beyond the unreserved executions").isNotNull();
        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.reasonAsString()).isEqualTo("ConcurrentInvocationLimitExceeded");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
    }

    /** Ends the held invocations and checks that each ran to its end; again, nothing more. */
    private void release() throws Exception {
        if (!Files.exists(running.resolve(HoldingHandler.RELEASE))) {
            Files.createFile(running.resolve(HoldingHandler.RELEASE));
        }
        for (Future<InvokeResponse> f : held) {
            InvokeResponse r = f.get(30, TimeUnit.SECONDS);
            assertThat(r.functionError()).isNull();
            assertThat(r.payload().asUtf8String()).isEqualTo("\"released\"");
        }
    }
}
