package io.lambdajca.api;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A handle on a pooled connection to AWS Lambda. Not thread-safe: use it from one thread and close it when done.
 * Every method throws an {@link InvalidRequestException} for bad arguments before any network call, and a subclass
 * of {@link LambdaException} for every other failure.
 */
public interface LambdaConnection extends AutoCloseable {

    /** Every function of the account and region, following every page (Lambda returns at most 50 a page). */
    List<FunctionInfo> listFunctions();

    /** Every function whose name starts with {@code namePrefix}, across all pages. */
    List<FunctionInfo> listFunctions(String namePrefix);

    /**
     * The functions, fetched one page at a time as the stream is consumed. The stream must be consumed while this
     * connection is open.
     */
    Stream<FunctionInfo> streamFunctions();

    /** The configuration of the function ({@code $LATEST}), or empty when there is no such function. */
    Optional<FunctionInfo> getFunction(String functionName);

    /** Invokes a function as the request describes. A function error is reported in the result, not thrown. */
    InvocationResult invoke(InvocationRequest request);

    /**
     * Invokes a function as the request describes (qualifier, invocation type, input or payload, client context, log
     * tail, after-commit) and maps its result to {@code resultType} with the adapter's JSON-B (one per application),
     * the same JSON-B that maps the request's {@link InvocationRequest#input() input}. It returns:
     * <ul>
     * <li>null, without reading the payload, when {@code resultType} is {@code void} or {@link Void};</li>
     * <li>null for an Event or DryRun invocation, and for one deferred until its transaction commits
     * ({@link InvocationRequest#afterCommit()}): those have no payload;</li>
     * <li>null when the payload is empty or the JSON literal {@code null} (whitespace aside), as a function that
     * returns nothing answers;</li>
     * <li>otherwise the payload mapped to {@code resultType}.</li>
     * </ul>
     * A primitive {@code resultType} (other than {@code void}) cannot hold null: asking for one on an Event, DryRun
     * or after-commit request is an {@link InvalidRequestException} before any network call, and an empty or
     * {@code null} payload for one is a {@link ResultMappingException}.
     *
     * @throws FunctionErrorException when the function failed, whatever {@code resultType} is (its errorType and
     *         errorMessage are in the exception)
     * @throws ResultMappingException when the payload does not map to {@code resultType} (the message names the
     *         function, the type and JSON-B's reason, not the payload), or the input does not map to JSON
     */
    <T> T invoke(InvocationRequest request, Type resultType);

    /** As {@link #invoke(InvocationRequest, Type)}, for a result type that is a class. */
    <T> T invoke(InvocationRequest request, Class<T> resultType);

    /**
     * Invokes a function synchronously with {@code input} mapped to JSON by JSON-B, and maps the function's result to
     * {@code resultType}: shorthand for {@link #invoke(InvocationRequest, Type)} with
     * {@code InvocationRequest.builder(functionName).input(input).build()}.
     *
     * @throws FunctionErrorException when the function failed (its errorType and errorMessage are in the exception)
     * @throws ResultMappingException when the result does not map to {@code resultType}
     */
    <T> T invoke(String functionName, Object input, Class<T> resultType);

    /** As {@link #invoke(String, Object, Class)} for generic result types such as {@code List<Item>}. */
    <T> T invoke(String functionName, Object input, Type resultType);

    /**
     * Invokes a function with response streaming (Lambda's InvokeWithResponseStream) and returns as soon as Lambda
     * has answered the invocation's headers, before the function has finished. The request's qualifier, payload or
     * input, client context, tenant id and log tail apply as for {@link #invoke(InvocationRequest)}; its invocation
     * type must be RequestResponse or DryRun (Lambda streams no Event invocation), and it cannot wait for its
     * transaction to commit ({@link InvocationRequest#afterCommit()}), and it has no durable execution name
     * (InvokeWithResponseStream takes none): each is an {@link InvalidRequestException} before any network call. Failures before the stream opens (not found, throttled, unreachable) are thrown here
     * as for invoke; a failure of the function while it streams is thrown by the stream's reader.
     * <p>
     * The returned stream outlives this connection (see {@link InvocationStream}); the caller must close it.
     */
    InvocationStream invokeStream(InvocationRequest request);

    /**
     * Deletes a function and all its versions.
     *
     * @return true when deleted, false when there was no such function
     */
    boolean deleteFunction(String functionName);

    /**
     * Deletes one version of a function.
     *
     * @return true when deleted, false when there was no such function or version
     */
    boolean deleteFunction(String functionName, String qualifier);

    /**
     * Versions, aliases, reserved concurrency and tags: the management calls, apart from invoking. The view is tied to
     * this connection and usable only while it is open: after {@link #close()} its methods throw a
     * {@link ConnectionUnavailableException} saying the connection is closed. Get it again from the next connection rather than
     * keeping it.
     */
    FunctionManagement functions();

    /**
     * Returns the connection to the pool. Idempotent; the handle is unusable afterwards. Never throws: should the
     * server fail to take the connection back, that is logged (LAMBDAJCA1017), since the connection's work is done.
     */
    @Override
    void close();
}
