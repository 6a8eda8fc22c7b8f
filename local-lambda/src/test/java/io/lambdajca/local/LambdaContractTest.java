package io.lambdajca.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;

import io.lambdajca.local.testing.Poll;
import io.lambdajca.testfunctions.Handlers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/**
 * Lambda's wire contract, checked through the official AWS SDK for Java v2 client against a running endpoint: every
 * operation the adapter uses, and every error, with the statuses, headers and parsed fields of the real service.
 */
class LambdaContractTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/test";

    private static LocalLambda lambda;
    private static LambdaClient client;
    private static LambdaClient noRetryClient;

    @BeforeAll
    static void start() {
        lambda = LocalLambda.builder().port(0).retryAfterSeconds(2).build().start();
        client = client(LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY, true);
        noRetryClient = client(LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY, false);
        create("echo", Handlers.ECHO, 3, Map.of());
        create("reporter", Handlers.REPORTER, 3, Map.of("GREETING", "Bonjour"));
        create("failing", Handlers.FAILING, 3, Map.of());
        create("slow", Handlers.SLOW, 1, Map.of());
        create("pricing", Handlers.PRICING, 3, Map.of());
    }

    @AfterAll
    static void stop() {
        client.close();
        noRetryClient.close();
        lambda.close();
    }

    static LambdaClient client(String accessKey, String secretKey, boolean retries) {
        return LambdaClient.builder()
                .endpointOverride(lambda.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> {
                    if (!retries) {
                        o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    }
                })
                .build();
    }

    /** Creates a function and waits, as SDK users do, until it is Active (a created function is Pending first). */
    static CreateFunctionResponse create(String name, String handler, int timeout, Map<String, String> env) {
        CreateFunctionResponse created = createPending(name, handler, timeout, env);
        client.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
        return created;
    }

    static CreateFunctionResponse createPending(String name, String handler, int timeout, Map<String, String> env) {
        return client.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA21).role(ROLE).handler(handler)
                .timeout(timeout).memorySize(256).environment(e -> e.variables(env))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes()))));
    }

    static InvokeResponse invoke(String name, String json) {
        return client.invoke(r -> r.functionName(name).payload(SdkBytes.fromUtf8String(json)));
    }

    @Test
    void createFunction_returnsConfiguration_andGetFunctionReadsItBack() {
        CreateFunctionResponse created = create("created", Handlers.ECHO, 7, Map.of("A", "1"));
        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
        assertThat(created.functionName()).isEqualTo("created");
        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:created");
        assertThat(created.runtime()).isEqualTo(Runtime.JAVA21);
        assertThat(created.timeout()).isEqualTo(7);
        assertThat(created.memorySize()).isEqualTo(256);
        assertThat(created.version()).isEqualTo("$LATEST");
        assertThat(created.codeSize()).isEqualTo(TestFunctions.zipBytes().length);
        assertThat(created.environment().variables()).containsEntry("A", "1");

        GetFunctionResponse got = client.getFunction(r -> r.functionName("created"));
        assertThat(got.configuration().handler()).isEqualTo(Handlers.ECHO);
        assertThat(got.configuration().codeSha256()).isEqualTo(created.codeSha256());
        assertThat(got.configuration().lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    }

    @Test
    void createFunction_ofExistingName_isResourceConflict409() {
        assertThatThrownBy(() -> create("echo", Handlers.ECHO, 3, Map.of()))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceConflictException");
                });
    }

    @Test
    void createFunction_withUnsupportedRuntime_isInvalidParameterValue() {
        assertThatThrownBy(() -> client.createFunction(r -> r.functionName("py").runtime(Runtime.PYTHON3_12).role(ROLE)
                .handler("x.y").code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes())))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void listFunctions_pagesAtMost50_andFollowsMarkers() {
        for (int i = 0; i < 60; i++) {
            createPending(String.format("page-%03d", i), Handlers.ECHO, 3, Map.of());
        }
        ListFunctionsResponse first = client.listFunctions(r -> r.maxItems(10000));
        assertThat(first.functions()).hasSize(50);
        assertThat(first.nextMarker()).isNotBlank();

        ListFunctionsResponse small = client.listFunctions(r -> r.maxItems(7));
        assertThat(small.functions()).hasSize(7);
        ListFunctionsResponse next = client.listFunctions(r -> r.maxItems(7).marker(small.nextMarker()));
        assertThat(next.functions().get(0).functionName())
                .isGreaterThan(small.functions().get(6).functionName());

        List<String> all = client.listFunctionsPaginator(r -> r.maxItems(50)).functions().stream()
                .map(FunctionConfiguration::functionName).collect(Collectors.toList());
        assertThat(all).contains("page-000", "page-059", "echo").doesNotHaveDuplicates().isSorted();
    }

    @Test
    void invoke_requestResponse_returnsPayloadAndExecutedVersion() {
        InvokeResponse r = invoke("echo", "{\"hello\":\"world\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.payload().asUtf8String()).isEqualTo("{\"hello\":\"world\"}");
        assertThat(r.executedVersion()).isEqualTo("$LATEST");
        assertThat(r.functionError()).isNull();
        assertThat(r.logResult()).isNull();
    }

    @Test
    void invoke_typedHandler_mapsInputAndOutputWithJson() {
        InvokeResponse r = invoke("pricing", "{\"customer\":\"ada\",\"lines\":[{\"sku\":\"a\",\"quantity\":2,"
                + "\"unitPriceCents\":150},{\"sku\":\"b\",\"quantity\":1,\"unitPriceCents\":1000}]}");
        assertThat(r.payload().asUtf8String()).contains("\"customer\":\"ada\"", "\"items\":3", "\"totalCents\":1300");
    }

    @Test
    void invoke_event_is202AndRunsInTheBackground() {
        client.invoke(r -> r.functionName("slow").payload(SdkBytes.fromUtf8String("{\"op\":\"reset\"}")));
        InvokeResponse r = client.invoke(b -> b.functionName("slow").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"sleepMillis\":10}")));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.payload().asByteArray()).isEmpty();
        Poll.value(Duration.ofSeconds(5), () -> invoke("slow", "{\"op\":\"count\"}").payload().asUtf8String(),
                count -> count.contains("\"started\":1"), "started in the background");
    }

    @Test
    void invoke_dryRun_is204AndDoesNotRun() {
        long before = lambda.stats("echo").get("invocations");
        InvokeResponse r = client.invoke(b -> b.functionName("echo").invocationType(InvocationType.DRY_RUN)
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(lambda.stats("echo").get("invocations")).isEqualTo(before);
    }

    @Test
    void invoke_withTail_returnsBase64LogOfHandlerLoggerAndStdout() {
        InvokeResponse r = client.invoke(b -> b.functionName("reporter").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"x\":1}")));
        String log = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
        assertThat(log).contains("START RequestId:", "reporting for reporter", "stdout line from", "END RequestId:",
                "REPORT RequestId:");
        assertThat(Base64.getDecoder().decode(r.logResult()).length).isLessThanOrEqualTo(4096);
    }

    @Test
    void invoke_passesClientContextEnvironmentAndContextToTheHandler() {
        String cc = Base64.getEncoder().encodeToString(
                "{\"custom\":{\"tenant\":\"t-42\"},\"env\":{\"platform\":\"jca\"}}".getBytes(StandardCharsets.UTF_8));
        InvokeResponse r = client.invoke(b -> b.functionName("reporter").clientContext(cc)
                .payload(SdkBytes.fromUtf8String("{\"x\":1}")));
        String out = r.payload().asUtf8String();
        assertThat(out).contains("\"clientCustom\":{\"tenant\":\"t-42\"}", "\"clientEnvironment\":{\"platform\":\"jca\"}",
                "\"greeting\":\"Bonjour\"", "\"envFunctionName\":\"reporter\"", "\"functionName\":\"reporter\"",
                "\"memoryLimitInMB\":256", "\"input\":{\"x\":1}");
        assertThat(out).contains("\"requestId\":\"" + r.responseMetadata().requestId() + "\"");
    }

    @Test
    void invoke_publishedVersion_runsAndReportsThatVersion() {
        create("versioned", Handlers.ECHO, 3, Map.of());
        String version = client.publishVersion(r -> r.functionName("versioned")).version();
        assertThat(version).isEqualTo("1");
        InvokeResponse r = client.invoke(b -> b.functionName("versioned").qualifier("1")
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(r.executedVersion()).isEqualTo("1");
        InvokeResponse latest = client.invoke(b -> b.functionName("versioned").qualifier("$LATEST")
                .payload(SdkBytes.fromUtf8String("{}")));
        assertThat(latest.executedVersion()).isEqualTo("$LATEST");
        assertThatThrownBy(() -> client.invoke(b -> b.functionName("versioned").qualifier("9")
                .payload(SdkBytes.fromUtf8String("{}")))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void invoke_fullArn_resolvesTheFunction() {
        InvokeResponse r = invoke("arn:aws:lambda:us-east-1:123456789012:function:echo", "[1,2]");
        assertThat(r.payload().asUtf8String()).isEqualTo("[1,2]");
    }

    @Test
    void invoke_handlerThatThrows_is200WithUnhandledAndStandardErrorPayload() {
        InvokeResponse r = invoke("failing", "{\"reason\":\"test\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        String body = r.payload().asUtf8String();
        assertThat(body).contains("\"errorMessage\":\"failed on purpose: test\"",
                "\"errorType\":\"java.lang.IllegalStateException\"", "\"stackTrace\":[\"io.lambdajca.testfunctions.FailingHandler");
    }

    @Test
    void invoke_handlerOverItsTimeout_getsTaskTimedOut_andIsInterrupted() {
        long started = System.nanoTime();
        InvokeResponse r = invoke("slow", "{\"sleepMillis\":5000}");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(r.payload().asUtf8String()).contains("Task timed out after 1.00 seconds", "Sandbox.Timedout");
        assertThat(millis).isBetween(900L, 3000L);
        assertThat(lambda.stats("slow").get("timeouts")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void invoke_spinningHandlerOverItsTimeout_isReportedAsOverrunning() {
        client.createFunction(r -> r.functionName("spin").runtime(Runtime.JAVA21).role(ROLE).handler(Handlers.SPIN)
                .timeout(1).code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.zipBytes()))));
        client.waiter().waitUntilFunctionActiveV2(r -> r.functionName("spin"));
        InvokeResponse r = invoke("spin", "{\"spinMillis\":2500}");
        assertThat(r.payload().asUtf8String()).contains("Task timed out after 1.00 seconds");
        assertThat(lambda.overrunningHandlers()).isEqualTo(1);
        // the handler spins 2.5 s in all, then its thread ends and the endpoint stops counting it
        Poll.until(Duration.ofSeconds(10), () -> lambda.overrunningHandlers() == 0, "done overrunning");
    }

    @Test
    void reservedConcurrency_isEnforced_with429RetryAfterAndReason() throws Exception {
        create("limited", Handlers.SLOW, 5, Map.of());
        client.putFunctionConcurrency(r -> r.functionName("limited").reservedConcurrentExecutions(2));
        assertThat(client.getFunctionConcurrency(r -> r.functionName("limited")).reservedConcurrentExecutions())
                .isEqualTo(2);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> {
                    try {
                        return noRetryClient.invoke(b -> b.functionName("limited")
                                .payload(SdkBytes.fromUtf8String("{\"sleepMillis\":700}")));
                    } catch (TooManyRequestsException e) {
                        return e;
                    }
                }));
            }
            List<TooManyRequestsException> throttled = new ArrayList<>();
            int ok = 0;
            for (Future<Object> f : calls) {
                Object o = f.get();
                if (o instanceof TooManyRequestsException) {
                    throttled.add((TooManyRequestsException) o);
                } else {
                    ok++;
                }
            }
            assertThat(ok).isBetween(1, 2);
            assertThat(throttled).hasSize(6 - ok);
            TooManyRequestsException e = throttled.get(0);
            assertThat(e.statusCode()).isEqualTo(429);
            assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
            assertThat(e.retryAfterSeconds()).isEqualTo("2");
            String count = invoke("limited", "{\"op\":\"count\"}").payload().asUtf8String();
            int maxRunning = Integer.parseInt(count.replaceAll(".*\"maxRunning\":(\\d+).*", "$1"));
            assertThat(maxRunning).as("never more environments than reserved: %s", count).isBetween(1, 2);
        } finally {
            pool.shutdownNow();
        }
        client.deleteFunctionConcurrency(r -> r.functionName("limited"));
        assertThat(client.getFunctionConcurrency(r -> r.functionName("limited")).reservedConcurrentExecutions())
                .isNull();
    }

    @Test
    void reservedConcurrencyZero_throttlesEveryCall() {
        create("disabled", Handlers.ECHO, 3, Map.of());
        client.putFunctionConcurrency(r -> r.functionName("disabled").reservedConcurrentExecutions(0));
        assertThatThrownBy(() -> noRetryClient.invoke(b -> b.functionName("disabled")
                .payload(SdkBytes.fromUtf8String("{}")))).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void reservedConcurrencyZero_discardsEvents_withoutHoldingUpOtherFunctionsEvents() {
        create("discarding", Handlers.ECHO, 3, Map.of());
        client.putFunctionConcurrency(r -> r.functionName("discarding").reservedConcurrentExecutions(0));
        for (int i = 0; i < 6; i++) { // more than the endpoint's event threads
            assertThat(client.invoke(b -> b.functionName("discarding").invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{}"))).statusCode()).isEqualTo(202);
        }
        client.invoke(r -> r.functionName("slow").payload(SdkBytes.fromUtf8String("{\"op\":\"reset\"}")));
        client.invoke(b -> b.functionName("slow").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"sleepMillis\":10}")));
        Poll.value(Duration.ofSeconds(5), () -> invoke("slow", "{\"op\":\"count\"}").payload().asUtf8String(),
                count -> count.contains("\"started\":1"), "another function's event, queued after them, started");
        // discarded, not delayed: each event is first looked at in the order they came, and these six are discarded
        // at that first look, so before slow's ran;
        // with the reservation lifted, they still do not run
        client.deleteFunctionConcurrency(r -> r.functionName("discarding"));
        client.invoke(b -> b.functionName("slow").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"sleepMillis\":10}")));
        Poll.value(Duration.ofSeconds(5), () -> invoke("slow", "{\"op\":\"count\"}").payload().asUtf8String(),
                count -> count.contains("\"started\":2"), "the next event started");
        assertThat(lambda.stats("discarding").get("invocations")).isZero();
    }

    @Test
    void invoke_missingFunction_isResourceNotFound404() {
        assertThatThrownBy(() -> invoke("no-such-function", "{}"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("function:no-such-function");
                });
    }

    @Test
    void invoke_nonJsonPayload_isInvalidRequestContent400() {
        assertThatThrownBy(() -> invoke("echo", "not json"))
                .isInstanceOfSatisfying(InvalidRequestContentException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> invoke("echo", "{\"a\":1} trailing"))
                .isInstanceOf(InvalidRequestContentException.class);
        // a JSON text is one value: a second one is refused, wherever it starts
        assertThatThrownBy(() -> invoke("echo", "{} {}"))
                .isInstanceOf(InvalidRequestContentException.class)
                .hasMessageContaining("Unexpected token (START_OBJECT) after the JSON value")
                .hasMessageContaining("column: 4");
        assertThatThrownBy(() -> invoke("echo", "1\n2")).isInstanceOf(InvalidRequestContentException.class)
                .hasMessageContaining("line: 2, column: 1");
        assertThatThrownBy(() -> invoke("echo", "[1,[2]] \"x\"")).isInstanceOf(InvalidRequestContentException.class);
        // whitespace after the value is not a value
        InvokeResponse spaced = invoke("echo", " {\"a\":[1,{}]} \r\n\t");
        assertThat(spaced.statusCode()).isEqualTo(200);
        assertThat(spaced.functionError()).isNull();
    }

    @Test
    void invoke_oversizePayloads_areRequestEntityTooLarge413_perInvocationType() {
        // AWS answers RequestEntityTooLargeException, a code outside the model: the SDK throws its plain LambdaException
        byte[] sixMb = jsonOfSize(6_291_456);
        assertThatThrownBy(() -> client.invoke(b -> b.functionName("echo").payload(SdkBytes.fromByteArray(sixMb))))
                .isExactlyInstanceOf(LambdaException.class).isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
                });
        byte[] oneMb = jsonOfSize(1_048_576);
        assertThat(client.invoke(b -> b.functionName("echo").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromByteArray(oneMb))).statusCode()).isEqualTo(202);
        byte[] justOverOneMb = jsonOfSize(1_048_577);
        assertThatThrownBy(() -> client.invoke(b -> b.functionName("echo").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromByteArray(justOverOneMb)))).isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "1048577 byte payload is too large for the Event invocation type (limit 1048576 bytes)");
                });
        InvokeResponse ok = client.invoke(b -> b.functionName("echo").payload(SdkBytes.fromByteArray(justOverOneMb)));
        assertThat(ok.payload().asByteArray()).hasSize(1_048_577);
    }

    private static byte[] jsonOfSize(int size) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) 'a');
        b[0] = '"';
        b[size - 1] = '"';
        return b;
    }

    @Test
    void deleteFunction_withAndWithoutQualifier() {
        create("doomed", Handlers.ECHO, 3, Map.of());
        client.publishVersion(r -> r.functionName("doomed"));
        assertThat(client.deleteFunction(r -> r.functionName("doomed").qualifier("1")).sdkHttpResponse().statusCode())
                .isEqualTo(204);
        // deleting a version that does not exist (of a function that does) succeeds, as recorded from AWS
        assertThat(client.deleteFunction(r -> r.functionName("doomed").qualifier("1")).sdkHttpResponse().statusCode())
                .isEqualTo(204);
        assertThatThrownBy(() -> client.deleteFunction(r -> r.functionName("doomed").qualifier("$LATEST")))
                .isInstanceOfSatisfying(InvalidParameterValueException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        client.deleteFunction(r -> r.functionName("doomed"));
        assertThatThrownBy(() -> client.getFunction(r -> r.functionName("doomed")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.deleteFunction(r -> r.functionName("doomed")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void invalidFunctionName_isValidationException400() {
        assertThatThrownBy(() -> invoke("bad name!", "{}")).isInstanceOfSatisfying(LambdaException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).contains("bad name!", "regular expression pattern");
        });
    }

    @Test
    void wrongSecret_isInvalidSignatureException403() {
        try (LambdaClient wrong = client(LocalLambda.DEFAULT_ACCESS_KEY, "not-the-secret", false)) {
            assertThatThrownBy(() -> wrong.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{}"))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("signature we calculated does not match");
                    });
        }
    }

    @Test
    void unknownAccessKey_isUnrecognizedClientException403() {
        try (LambdaClient unknown = client("AKIAUNKNOWNKEY000000", "whatever", false)) {
            assertThatThrownBy(() -> unknown.listFunctions()).isInstanceOfSatisfying(LambdaException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            });
        }
    }

    @Test
    void requestSignedMoreThan5MinutesAgo_isRejectedAsExpiredSignature() throws Exception {
        // Lambda's window is 5 minutes (STS's 15): "Signature expired: ... is now earlier than ... (... - 5 min.)"
        Instant signedAt = Instant.now().minusSeconds(6 * 60);
        HttpResponse<String> response = sendSigned("GET", "/2015-03-31/functions/", signedAt);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(response.body()).contains("Signature expired").contains(" - 5 min.)");

        HttpResponse<String> withinFive = sendSigned("GET", "/2015-03-31/functions/",
                Instant.now().minusSeconds(4 * 60));
        assertThat(withinFive.statusCode()).isEqualTo(200);

        HttpResponse<String> fresh = sendSigned("GET", "/2015-03-31/functions/", Instant.now());
        assertThat(fresh.statusCode()).isEqualTo(200);
    }

    @Test
    void unsignedRequest_isRejected403() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                lambda.endpoint().resolve("/2015-03-31/functions/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void manyConcurrentClients_overKeepAliveConnections_allSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 100; i++) {
                        String body = "{\"t\":" + id + ",\"i\":" + i + "}";
                        if (invoke("echo", body).payload().asUtf8String().equals(body)) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(100);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> sendSigned(String method, String path, Instant signedAt) throws Exception {
        URI uri = lambda.endpoint().resolve(path);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(""))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))).request();
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(v -> http.header(name, v));
            }
        });
        return HttpClient.newHttpClient().send(http.build(), HttpResponse.BodyHandlers.ofString());
    }
}
