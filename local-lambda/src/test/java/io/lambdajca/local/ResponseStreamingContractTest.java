package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import io.lambdajca.local.testing.Poll;
import io.lambdajca.testfunctions.Handlers;
import io.lambdajca.testfunctions.MegabytesStreamHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponseStreamUpdate;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ResponseStreamingInvocationType;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * InvokeWithResponseStream through the SDK's asynchronous client (the only one that streams), against a running
 * endpoint: events in order and as the handler writes them, the closing InvokeComplete event, the limits and errors
 * Invoke has. Shapes: lambda-service-2.json, InvokeWithResponseStreamRequest/Response,
 * InvokeWithResponseStreamResponseEvent, InvokeResponseStreamUpdate, InvokeWithResponseStreamCompleteEvent.
 */
class ResponseStreamingContractTest {

    private static final long MIB = 1024 * 1024;

    private static ApiFixture api;
    private static LambdaAsyncClient async;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        async = LambdaAsyncClient.builder()
                .endpointOverride(api.lambda.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY)))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        api.create("lines", Handlers.STREAM_LINES, r -> { });
        api.create("gated", Handlers.STREAM_GATED, r -> r.timeout(10));
        api.create("failing-stream", Handlers.STREAM_FAILING, r -> { });
        api.create("megabytes", Handlers.STREAM_MEGABYTES, r -> r.timeout(60));
        api.create("pojo", Handlers.ECHO, r -> { });
    }

    @AfterAll
    static void stop() {
        async.close();
        api.close();
    }

    /** What one call received: the response, the chunks in order and the InvokeComplete event. */
    static final class Streamed {
        final AtomicReference<InvokeWithResponseStreamResponse> response = new AtomicReference<>();
        final List<byte[]> chunks = new CopyOnWriteArrayList<>();
        final List<InvokeWithResponseStreamCompleteEvent> completes = new CopyOnWriteArrayList<>();

        String text() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            chunks.forEach(all::writeBytes);
            return all.toString(StandardCharsets.UTF_8);
        }

        InvokeWithResponseStreamCompleteEvent complete() {
            assertThat(completes).as("exactly one InvokeComplete event").hasSize(1);
            return completes.get(0);
        }
    }

    private static Streamed stream(Consumer<InvokeWithResponseStreamRequest.Builder> request) throws Exception {
        return stream(request, chunk -> { });
    }

    private static Streamed stream(Consumer<InvokeWithResponseStreamRequest.Builder> request,
            Consumer<byte[]> onChunk) throws Exception {
        Streamed s = new Streamed();
        InvokeWithResponseStreamResponseHandler handler = InvokeWithResponseStreamResponseHandler.builder()
                .onResponse(s.response::set)
                .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
                        .onPayloadChunk((InvokeResponseStreamUpdate c) -> {
                            assertThat(s.completes).as("no chunk after InvokeComplete").isEmpty();
                            byte[] bytes = c.payload().asByteArray();
                            s.chunks.add(bytes);
                            onChunk.accept(bytes);
                        })
                        .onInvokeComplete(s.completes::add)
                        .build())
                .build();
        try {
            async.invokeWithResponseStream(request, handler).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
        return s;
    }

    private static SdkBytes json(String json) {
        return SdkBytes.fromUtf8String(json);
    }

    @Test
    void chunks_arriveInOrder_oneEventPerFlush_thenOneInvokeComplete() throws Exception {
        Streamed s = stream(r -> r.functionName("lines").payload(json("5")));
        // model: InvokeWithResponseStreamResponse, StatusCode 200 for RequestResponse; ExecutedVersion header
        assertThat(s.response.get().statusCode()).isEqualTo(200);
        assertThat(s.response.get().executedVersion()).isEqualTo("$LATEST");
        assertThat(s.chunks).hasSize(5);
        assertThat(s.text()).isEqualTo("line 1\nline 2\nline 3\nline 4\nline 5\n");
        // model: InvokeWithResponseStreamCompleteEvent: no ErrorCode when the function succeeded
        assertThat(s.complete().errorCode()).isNull();
        assertThat(s.complete().errorDetails()).isNull();
        assertThat(s.complete().logResult()).isNull();
    }

    @Test
    void contentType_isApplicationOctetStream_unlessTheFunctionNamesOne() throws Exception {
        // model: InvokeWithResponseStreamResponse.ResponseStreamContentType, the Content-Type header
        assertThat(stream(r -> r.functionName("lines").payload(json("1"))).response.get().responseStreamContentType())
                .isEqualTo("application/octet-stream");
        api.create("ndjson", Handlers.STREAM_LINES, r -> r.environment(e -> e.variables(
                Map.of("LOCAL_LAMBDA_STREAM_CONTENT_TYPE", "application/x-ndjson"))));
        Streamed s = stream(r -> r.functionName("ndjson").payload(json("2")));
        assertThat(s.response.get().responseStreamContentType()).isEqualTo("application/x-ndjson");
        assertThat(s.text()).isEqualTo("line 1\nline 2\n");
    }

    @Test
    void firstChunk_arrives_beforeTheHandlerReturns(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("first-chunk-read");
        // the handler waits for the marker, which this client creates only once it has the first chunk
        Streamed s = stream(r -> r.functionName("gated").payload(json("\"" + marker.toString().replace("\\", "\\\\")
                + "\"")), chunk -> {
                    try {
                        Files.createFile(marker);
                    } catch (java.nio.file.FileAlreadyExistsException ignored) {
                        // later chunks
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        assertThat(s.text()).isEqualTo("first\nlast\n");
        assertThat(s.complete().errorCode()).as(s.complete().toString()).isNull();
    }

    @Test
    void midStreamFailure_endsWithInvokeCompleteNamingTheError_andTheLogTail() throws Exception {
        Streamed s = stream(r -> r.functionName("failing-stream").payload(json("3")).logType("Tail"));
        // the chunks written before the failure were delivered; the answer is still 200 (the failure is an event)
        assertThat(s.response.get().statusCode()).isEqualTo(200);
        assertThat(s.text()).isEqualTo("line 1\nline 2\nline 3\n");
        // model: InvokeWithResponseStreamCompleteEvent.ErrorCode/ErrorDetails; their content is this endpoint's
        // choice (README: differences): the error type and message Invoke's error payload would carry
        assertThat(s.complete().errorCode()).isEqualTo("java.lang.IllegalStateException");
        assertThat(s.complete().errorDetails()).isEqualTo("failed after 3 lines");
        // model: InvokeWithResponseStreamCompleteEvent.LogResult, the last 4 KB of the log, base64
        String log = new String(Base64.getDecoder().decode(s.complete().logResult()), StandardCharsets.UTF_8);
        assertThat(log).contains("about to fail").contains("START RequestId:").contains("END RequestId:");
    }

    @Test
    void timeoutMidStream_endsWithInvokeCompleteSandboxTimedout(@TempDir Path dir) throws Exception {
        api.create("gated-1s", Handlers.STREAM_GATED, r -> r.timeout(1));
        // no marker is ever created: the handler waits past its 1 s timeout after its first chunk
        Streamed s = stream(r -> r.functionName("gated-1s").payload(json("\"" + dir.resolve("never").toString()
                .replace("\\", "\\\\") + "\"")).logType("Tail"));
        assertThat(s.response.get().statusCode()).isEqualTo(200);
        assertThat(s.text()).isEqualTo("first\n");
        // Invoke's timeout error type (LambdaContractTest); carried as the InvokeComplete's ErrorCode (README)
        assertThat(s.complete().errorCode()).isEqualTo("Sandbox.Timedout");
        assertThat(s.complete().errorDetails()).endsWith("Task timed out after 1.00 seconds");
        assertThat(new String(Base64.getDecoder().decode(s.complete().logResult()), StandardCharsets.UTF_8))
                .contains("Task timed out after 1.00 seconds");
    }

    @Test
    void pendingFunction_isResourceConflict409() throws Exception {
        // a preparation executor that never runs: the function stays Pending
        try (LocalLambda held = LocalLambda.builder().port(0).preparationExecutor(task -> { }).build().start();
                LambdaAsyncClient heldClient = LambdaAsyncClient.builder()
                        .endpointOverride(held.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY)))
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build()) {
            try (var sync = ApiFixture.noRetryClient(held)) {
                sync.createFunction(r -> r.functionName("pending").runtime("java21").role(ApiFixture.ROLE)
                        .handler(Handlers.STREAM_LINES)
                        .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes()))));
            }
            Throwable e = catchThrowable(() -> heldClient.invokeWithResponseStream(
                    r -> r.functionName("pending").payload(json("1")),
                    InvokeWithResponseStreamResponseHandler.builder()
                            .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder().build()).build())
                    .get(30, TimeUnit.SECONDS));
            // model: ResourceConflictException among the operation's errors; the text is Invoke's on a Pending
            // function (RecordedFunctionLifecycleTest)
            assertThat(e).isInstanceOf(ExecutionException.class);
            assertThat(e.getCause()).isInstanceOfSatisfying(ResourceConflictException.class, c -> {
                assertThat(c.statusCode()).isEqualTo(409);
                assertThat(c.awsErrorDetails().errorMessage()).isEqualTo("The operation cannot be performed at this "
                        + "time. The function is currently in the following state: Pending");
            });
        }
    }

    @Test
    void logTail_whenAsked_onSuccess() throws Exception {
        Streamed s = stream(r -> r.functionName("lines").payload(json("1")).logType("Tail"));
        String log = new String(Base64.getDecoder().decode(s.complete().logResult()), StandardCharsets.UTF_8);
        assertThat(log).contains("REPORT RequestId:");
        assertThat(s.complete().errorCode()).isNull();
    }

    @Test
    void pojoHandler_answersItsWholeResultAsOneChunk() throws Exception {
        Streamed s = stream(r -> r.functionName("pojo").payload(json("{\"a\":1}")));
        assertThat(s.chunks).hasSize(1);
        assertThat(s.text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void notFound_andQualifierNotFound_areInvokesErrors() {
        // recorded (Invoke's, whose errors this operation shares): test_lambda.snapshot.json,
        // TestLambdaFeatures::test_invoke_exceptions, "invoke_function_doesnotexist"
        Throwable e = catchThrowable(() -> stream(r -> r.functionName("doesnotexist").payload(json("1"))));
        assertThat(e).isInstanceOf(ResourceNotFoundException.class);
        assertThat(((LambdaException) e).statusCode()).isEqualTo(404);
        assertThat(((LambdaException) e).awsErrorDetails().errorMessage())
                .isEqualTo("Function not found: " + ApiFixture.ARN_PREFIX + "doesnotexist:$LATEST");
        // recorded: test_lambda_api.snapshot.json, test_function_name_and_qualifier_validation[...-invoke],
        // "invoke_exception" (a qualifier that does not exist: the qualified ARN)
        Throwable q = catchThrowable(() -> stream(r -> r.functionName("lines").qualifier("9").payload(json("1"))));
        assertThat(q).isInstanceOf(ResourceNotFoundException.class);
        assertThat(((LambdaException) q).awsErrorDetails().errorMessage())
                .isEqualTo("Function not found: " + ApiFixture.ARN_PREFIX + "lines:9");
    }

    @Test
    void aliasQualifier_runsTheAliasedVersion_namedInExecutedVersion() throws Exception {
        api.create("versioned-stream", Handlers.STREAM_LINES, r -> { });
        String version = api.publishNew("versioned-stream", 1).version();
        api.client.createAlias(r -> r.functionName("versioned-stream").name("live").functionVersion(version));
        // model: InvokeWithResponseStreamResponse.ExecutedVersion, "the version the alias resolved to"
        Streamed byAlias = stream(r -> r.functionName("versioned-stream").qualifier("live").payload(json("1")));
        assertThat(byAlias.response.get().executedVersion()).isEqualTo(version);
        assertThat(byAlias.text()).isEqualTo("line 1\n");
        Streamed byArn = stream(r -> r.functionName(ApiFixture.ARN_PREFIX + "versioned-stream:" + version)
                .payload(json("1")));
        assertThat(byArn.response.get().executedVersion()).isEqualTo(version);
    }

    @Test
    void tenantId_reachesTheFunction_andIsRequiredWithIsolation() throws Exception {
        api.create("isolated-stream", Handlers.COUNTING, r -> r.tenancyConfig(t -> t.tenantIsolationMode(
                software.amazon.awssdk.services.lambda.model.TenantIsolationMode.PER_TENANT)));
        Streamed s = stream(r -> r.functionName("isolated-stream").tenantId("blue").payload(json("{}")));
        assertThat(s.text()).contains("\"tenantId\":\"blue\"");
        // Invoke's text, from AWS's troubleshooting guide for tenant isolation (TenancyContractTest; not recorded)
        Throwable e = catchThrowable(() -> stream(r -> r.functionName("isolated-stream").payload(json("{}"))));
        assertThat(e).isInstanceOfSatisfying(
                software.amazon.awssdk.services.lambda.model.InvalidParameterValueException.class,
                x -> assertThat(x.awsErrorDetails().errorMessage()).isEqualTo("Tenant ID configuration not "
                        + "specified or passed to a function when tenant isolation is not enabled."));
    }

    @Test
    void payload_isCheckedAsInvokesIs() {
        // recorded (Invoke's): test_lambda.snapshot.json,
        // TestLambdaErrors::test_lambda_invoke_payload_encoding_error[message-\x99\xeb,j\x07\xa1zYh],
        // "invoke_function_invalid_payload_message"
        Throwable e = catchThrowable(() -> stream(r -> r.functionName("lines").payload(SdkBytes.fromByteArray(
                new byte[] {(byte) 0x99, (byte) 0xeb, 0x2c, 0x6a, 0x07, (byte) 0xa1, 0x7a, 0x59, 0x68}))));
        assertThat(e).isInstanceOfSatisfying(
                software.amazon.awssdk.services.lambda.model.InvalidRequestContentException.class, x -> {
                    assertThat(x.statusCode()).isEqualTo(400);
                    assertThat(x.awsErrorDetails().errorMessage()).startsWith("Could not parse request body into "
                            + "json: Could not parse payload into json: Unexpected character ((CTRL-CHAR, code 153))");
                });
        // Invoke's synchronous limit (6,291,456 bytes), refused as AWS refuses an oversized Invoke: 413
        // RequestEntityTooLargeException, which is not in the model, so the SDK's plain LambdaException
        Throwable tooLarge = catchThrowable(() -> stream(r -> r.functionName("lines")
                .payload(SdkBytes.fromByteArray(new byte[io.lambdajca.local.http.InvokeEndpoint.MAX_SYNC_PAYLOAD]))));
        assertThat(tooLarge).isInstanceOfSatisfying(software.amazon.awssdk.services.lambda.model.LambdaException.class,
                x -> {
                    assertThat(x.statusCode()).isEqualTo(413);
                    assertThat(x.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                });
    }

    @Test
    void eventInvocationType_isRefused() {
        // model: ResponseStreamingInvocationType, enum [RequestResponse, DryRun]
        Throwable e = catchThrowable(() -> stream(r -> r.functionName("lines").invocationType("Event")
                .payload(json("1"))));
        assertThat(e).isInstanceOf(LambdaException.class);
        LambdaException le = (LambdaException) e;
        assertThat(le.statusCode()).isEqualTo(400);
        assertThat(le.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(le.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'Event' at "
                + "'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[RequestResponse, DryRun]");
    }

    @Test
    void dryRun_answers204_withoutRunningTheFunction() throws Exception {
        Streamed s = stream(r -> r.functionName("lines").invocationType(ResponseStreamingInvocationType.DRY_RUN)
                .payload(json("1")));
        // model: InvokeWithResponseStreamResponse.StatusCode, 204 for DryRun
        assertThat(s.response.get().statusCode()).isEqualTo(204);
        assertThat(s.chunks).isEmpty();
    }

    @Test
    void reservedConcurrencyZero_isThrottled() {
        api.create("stream-disabled", Handlers.STREAM_LINES, r -> { });
        api.client.putFunctionConcurrency(r -> r.functionName("stream-disabled").reservedConcurrentExecutions(0));
        Throwable e = catchThrowable(() -> stream(r -> r.functionName("stream-disabled").payload(json("1"))));
        // recorded (Invoke's): test_lambda.snapshot.json, TestLambdaConcurrency::test_lambda_concurrency_block,
        // "invoke_latest_first_exc"
        assertThat(e).isInstanceOf(TooManyRequestsException.class);
        assertThat(((TooManyRequestsException) e).reasonAsString())
                .isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
        assertThat(((TooManyRequestsException) e).awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
        // an error answer, as Invoke's: no version ran
        assertThat(((TooManyRequestsException) e).awsErrorDetails().sdkHttpResponse()
                .firstMatchingHeader("X-Amz-Executed-Version")).isEmpty();
    }

    @Test
    void hundredMegabytes_streamInFull_inOrder() throws Exception {
        AtomicLong offset = new AtomicLong();
        AtomicLong wrong = new AtomicLong(-1);
        Streamed s = new Streamed();
        InvokeWithResponseStreamResponseHandler handler = InvokeWithResponseStreamResponseHandler.builder()
                .onResponse(s.response::set)
                .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
                        .onPayloadChunk(c -> {
                            for (byte b : c.payload().asByteArrayUnsafe()) {
                                long at = offset.getAndIncrement();
                                if (b != MegabytesStreamHandler.byteAt(at) && wrong.get() < 0) {
                                    wrong.set(at);
                                }
                            }
                        })
                        .onInvokeComplete(s.completes::add)
                        .build())
                .build();
        async.invokeWithResponseStream(r -> r.functionName("megabytes").payload(json("100")), handler)
                .get(60, TimeUnit.SECONDS);
        assertThat(offset.get()).isEqualTo(100 * MIB);
        assertThat(wrong.get()).as("first wrong byte").isEqualTo(-1);
        assertThat(s.complete().errorCode()).isNull();
    }

    @Test
    void beyond200Megabytes_theStreamEndsWithResponseSizeTooLarge() throws Exception {
        AtomicLong received = new AtomicLong();
        Streamed s = new Streamed();
        InvokeWithResponseStreamResponseHandler handler = InvokeWithResponseStreamResponseHandler.builder()
                .onResponse(s.response::set)
                .subscriber(InvokeWithResponseStreamResponseHandler.Visitor.builder()
                        .onPayloadChunk(c -> received.addAndGet(c.payload().asByteArrayUnsafe().length))
                        .onInvokeComplete(s.completes::add)
                        .build())
                .build();
        async.invokeWithResponseStream(r -> r.functionName("megabytes").payload(json("201")), handler)
                .get(60, TimeUnit.SECONDS);
        // the documented limit: 200 MB per streamed response (AWS's error for it is not recorded; README: differences)
        assertThat(received.get()).isEqualTo(200 * MIB);
        assertThat(s.complete().errorCode()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(s.complete().errorDetails())
                .isEqualTo("Response payload size exceeded maximum allowed payload size (209715200 bytes).");
    }

    @Test
    void slowReader_holdsTheHandler_insteadOfTheEndpointBufferingTheResponse() throws Exception {
        api.create("held", Handlers.STREAM_MEGABYTES, r -> r.timeout(60));
        api.client.putFunctionConcurrency(r -> r.functionName("held").reservedConcurrentExecutions(1));
        OneEventAtFirst reader = new OneEventAtFirst();
        CompletableFuture<Void> call = async.invokeWithResponseStream(
                r -> r.functionName("held").payload(json("100")),
                InvokeWithResponseStreamResponseHandler.builder()
                        .onEventStream(publisher -> publisher.subscribe(reader))
                        .build());
        Poll.until(Duration.ofSeconds(10), () -> reader.events.get() == 1, "first event read");
        // 100 MB take this endpoint well under a second to produce; were it buffering them, the handler would be
        // done and its one environment free again. It stays busy as long as the client does not read.
        List<Boolean> throttled = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < until) {
            throttled.add(catchThrowable(() -> api.client.invoke(r -> r.functionName("held").payload(json("1"))))
                    instanceof TooManyRequestsException);
        }
        assertThat(throttled).isNotEmpty().containsOnly(true);
        assertThat(call).isNotDone();
        reader.subscription.get().request(Long.MAX_VALUE);
        call.get(60, TimeUnit.SECONDS);
        assertThat(reader.events.get()).isGreaterThan(100 * MIB / (64 * 1024));
    }

    @Test
    void aClientThatLeaves_failsTheHandlersWrites_andFreesItsEnvironment() throws Exception {
        api.create("left", Handlers.STREAM_MEGABYTES, r -> r.timeout(60));
        api.client.putFunctionConcurrency(r -> r.functionName("left").reservedConcurrentExecutions(1));
        OneEventAtFirst reader = new OneEventAtFirst();
        CompletableFuture<Void> call = async.invokeWithResponseStream(
                r -> r.functionName("left").payload(json("100")),
                InvokeWithResponseStreamResponseHandler.builder()
                        .onEventStream(publisher -> publisher.subscribe(reader))
                        .build());
        Poll.until(Duration.ofSeconds(10), () -> reader.events.get() == 1, "first event read");
        reader.subscription.get().cancel();
        call.cancel(true);
        // the handler's next write fails, its invocation ends and its one environment serves the next call
        var next = Poll.value(Duration.ofSeconds(20), () -> {
            try {
                return api.client.invoke(r -> r.functionName("left").payload(json("0")));
            } catch (TooManyRequestsException e) {
                return null;
            }
        }, java.util.Objects::nonNull, "the environment free again");
        assertThat(next.statusCode()).isEqualTo(200);
    }

    /** Reads one event, then nothing until the test requests more: a client that has stopped reading. */
    private static final class OneEventAtFirst implements Subscriber<InvokeWithResponseStreamResponseEvent> {
        final AtomicReference<Subscription> subscription = new AtomicReference<>();
        final AtomicLong events = new AtomicLong();

        @Override
        public void onSubscribe(Subscription sub) {
            subscription.set(sub);
            sub.request(1);
        }

        @Override
        public void onNext(InvokeWithResponseStreamResponseEvent event) {
            events.incrementAndGet();
        }

        @Override
        public void onError(Throwable t) {
            // the call's future fails with it
        }

        @Override
        public void onComplete() {
            // the call's future completes
        }
    }
}
