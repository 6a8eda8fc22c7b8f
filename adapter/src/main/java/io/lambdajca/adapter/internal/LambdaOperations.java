package io.lambdajca.adapter.internal;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.lambdajca.api.FunctionError;
import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.FunctionInfo;
import io.lambdajca.api.FunctionNotFoundException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.InvocationType;
import io.lambdajca.api.ThrottledException;
import io.lambdajca.adapter.internal.metrics.FunctionMetrics;
import io.lambdajca.adapter.internal.metrics.InvocationMetrics;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

/**
 * The Lambda calls behind a connection handle: validation first, then the shared SDK client under the retry policy,
 * then the SDK's answers and failures turned into the connector's types. Stateless apart from its shared,
 * thread-safe collaborators, so one instance serves every managed connection of a connection definition.
 */
public final class LambdaOperations {

    private final LambdaClient client;
    /** The client's own call timeout (null: none), which bounds each whole call, retries included. */
    private final Retrier retrier;
    private final JsonMapper json;
    private final InvocationMetrics metrics;
    private final ManagementOperations management;
    private final StreamInvoker streams;

    public LambdaOperations(LambdaClient client, RetryPolicy retry, JsonMapper json, InvocationMetrics metrics) {
        this(client, () -> {
            throw new IllegalStateException("no streaming client");
        }, new OpenStreams(), Duration.ofMinutes(15), retry, json, metrics);
    }

    /**
     * @param streaming the async client for response streaming, asked for on each streaming call (the adapter builds
     *     it on the first one)
     * @param streams where open response streams are kept, to be aborted when the adapter stops
     * @param readTimeout the longest wait between two events of a response stream
     */
    public LambdaOperations(LambdaClient client, Supplier<LambdaAsyncClient> streaming, OpenStreams streams,
            Duration readTimeout, RetryPolicy retry, JsonMapper json, InvocationMetrics metrics) {
        this.client = client;
        Duration callTimeout = client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout().orElse(null);
        this.retrier = new Retrier(retry, callTimeout, streams);
        this.json = json;
        this.metrics = metrics;
        this.management = new ManagementOperations(client, retrier);
        this.streams = new StreamInvoker(streaming, retrier, json, metrics, streams, readTimeout);
    }

    /** See {@code LambdaConnection.invokeStream}. */
    public InvocationStream invokeStream(InvocationRequest request) {
        return streams.invokeStream(request);
    }

    /** The management calls (versions, aliases, concurrency, tags), with this one's client and retry policy. */
    public ManagementOperations management() {
        return management;
    }

    public List<FunctionInfo> listFunctions(String namePrefix) {
        RequestValidator.notNull(null, "namePrefix", namePrefix);
        try (Stream<FunctionInfo> all = streamFunctions(() -> { })) {
            return all.filter(f -> f.name().startsWith(namePrefix)).collect(Collectors.toList());
        }
    }

    /**
     * Pages through ListFunctions lazily; each page is one call, retried like any other, after {@code beforePage} has
     * run (it may throw: the connection's check that it is still open).
     */
    public Stream<FunctionInfo> streamFunctions(Runnable beforePage) {
        Iterator<FunctionInfo> pages = new Iterator<>() {
            private Iterator<FunctionConfiguration> page = List.<FunctionConfiguration>of().iterator();
            private String marker;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    beforePage.run();
                    String from = marker;
                    ListFunctionsResponse r = call(Operation.LIST_FUNCTIONS, null,
                            within -> client.listFunctions(b -> b.marker(from).maxItems(50)
                                    .overrideConfiguration(within)));
                    page = r.functions().iterator();
                    marker = r.nextMarker();
                    last = marker == null || marker.isEmpty();
                }
                return page.hasNext();
            }

            @Override
            public FunctionInfo next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return FunctionInfos.of(page.next());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED
                | Spliterator.NONNULL), false);
    }

    public Optional<FunctionInfo> getFunction(String functionName) {
        RequestValidator.functionName(functionName);
        try {
            return Optional.of(FunctionInfos.of(call(Operation.GET_FUNCTION, functionName,
                    within -> client.getFunction(b -> b.functionName(functionName).overrideConfiguration(within)))
                    .configuration()));
        } catch (FunctionNotFoundException e) {
            return Optional.empty();
        }
    }

    public InvocationResult invoke(InvocationRequest request) {
        return invoke(request, LambdaOperations::result, InvocationResult::deferred);
    }

    /**
     * Validates and sends an invocation; {@code answer} makes the caller's answer of the SDK's response (whose
     * payload only the adapter holds), {@code deferred} is the answer when it waits for its transaction to commit.
     */
    private <R> R invoke(InvocationRequest request, Function<Sent, R> answer, Supplier<R> deferred) {
        RequestValidator.notNull(null, "request", request);
        String name = request.functionName();
        RequestValidator.functionName(name);
        RequestValidator.qualifier(name, request.qualifier());
        RequestValidator.tenantId(name, request.tenantId());
        RequestValidator.durableExecutionName(name, request.durableExecutionName());
        InvocationType type = RequestValidator.notNull(name, "invocationType", request.invocationType());
        byte[] payload = RequestBodies.of(json, name, type, request);
        String clientContext = RequestValidator.clientContext(name, request.clientContext());
        if (request.afterCommit() && type != InvocationType.EVENT) {
            throw new InvalidRequestException(name, "afterCommit applies to Event invocations only, "
                    + "not " + type.wireName() + ": a deferred invocation has no result to wait for");
        }
        SdkBytes body = SdkBytes.fromByteArrayUnsafe(payload); // read only, by the signer and the HTTP client
        FunctionMetrics counted = metrics.of(name);
        Supplier<Sent> send = () -> send(counted, () -> call(Operation.INVOKE, name,
                within -> client.invoke(b -> b
                        .functionName(name)
                        .qualifier(request.qualifier())
                        .invocationType(RequestBodies.wireType(type))
                        .logType(RequestBodies.wireLogType(request))
                        .clientContext(clientContext)
                        .tenantId(request.tenantId())
                        .durableExecutionName(request.durableExecutionName())
                        .payload(body)
                        .overrideConfiguration(within))));
        if (request.afterCommit() && AfterCommit.defer(name, send::get, request.deferredFailureHandler(), counted)) {
            return deferred.get();
        }
        return answer.apply(send.get());
    }

    /** The SDK's answer and how long it took; its payload is read without a copy, by the adapter only. */
    private record Sent(InvokeResponse response, Duration duration) {

        byte[] payload() {
            return response.payload() == null ? new byte[0] : response.payload().asByteArrayUnsafe();
        }

        FunctionError functionError() {
            return response.functionError() == null ? null
                    : FunctionErrorParser.parse(response.functionError(), payload());
        }
    }

    /** Sends an invocation, counting it (at once, or after its transaction committed) in the function's metrics. */
    private static Sent send(FunctionMetrics counted, Supplier<InvokeResponse> call) {
        long started = System.nanoTime();
        InvokeResponse r;
        try {
            r = call.get();
        } catch (ThrottledException e) {
            counted.throttled();
            throw e;
        } catch (RuntimeException e) {
            counted.failed();
            throw e;
        }
        long nanos = System.nanoTime() - started;
        counted.completed(nanos, r.functionError() != null);
        return new Sent(r, Duration.ofNanos(nanos));
    }

    /**
     * The application's result, holding the SDK's array itself: nothing else holds it once the SDK's response is
     * dropped, so the response is not copied on the adapter's side (it was, once, into the result).
     */
    private static InvocationResult result(Sent sent) {
        InvokeResponse r = sent.response();
        return InvocationResult.wrap(r.statusCode(), sent.payload(), r.executedVersion(), LogTail.decode(r.logResult()),
                sent.functionError(), sent.duration(), r.durableExecutionArn());
    }

    /**
     * The typed invocation (see {@code LambdaConnection.invoke(InvocationRequest, Type)}): the raw invocation, a
     * function error thrown, and the payload, if the request can have one, mapped by the application's JSON-B.
     */
    public <T> T invoke(InvocationRequest request, Type resultType) {
        RequestValidator.notNull(null, "request", request);
        String name = request.functionName();
        RequestValidator.notNull(name, "resultType", resultType);
        InvocationType type = RequestValidator.notNull(name, "invocationType", request.invocationType());
        boolean noResult = resultType == void.class || resultType == Void.class;
        // Event and DryRun answer without a payload, and an after-commit request is an Event
        boolean noPayload = type != InvocationType.REQUEST_RESPONSE;
        if (noPayload && !noResult && resultType instanceof Class<?> c && c.isPrimitive()) {
            throw new InvalidRequestException(name, type.wireName() + " invocations have no result, and resultType "
                    + c.getName() + " cannot hold the null returned for them: ask for Void.class");
        }
        // mapped from the SDK's payload itself: no InvocationResult, so no copy of the payload
        return invoke(request, sent -> {
            FunctionError error = sent.functionError();
            if (error != null) {
                throw new FunctionErrorException(name, error);
            }
            return noResult || noPayload ? null : json.fromJson(name, sent.payload(), resultType);
        }, () -> null);
    }

    public boolean deleteFunction(String functionName, String qualifier) {
        RequestValidator.functionName(functionName);
        RequestValidator.qualifier(functionName, qualifier);
        try {
            call(Operation.DELETE_FUNCTION, functionName,
                    within -> client.deleteFunction(b -> b.functionName(functionName).qualifier(qualifier)
                            .overrideConfiguration(within)));
            return true;
        } catch (FunctionNotFoundException e) {
            return false;
        }
    }

    /**
     * One API call under the retry policy; {@code call} sets the request settings it is given (the attempt's share of
     * the call timeout) on its request. An attempt with the whole call timeout left (the first, as a rule) gets none:
     * the client's own call timeout is that bound, and a request with settings of its own costs the SDK a merge of
     * its configuration on every call (one benchmark run each: throughput against the raw SDK 0.73 with it, 0.87
     * without).
     */
    private <T> T call(Operation operation, String functionName, Function<AwsRequestOverrideConfiguration, T> call) {
        return retrier.sdkCall(operation, functionName, call);
    }
}
