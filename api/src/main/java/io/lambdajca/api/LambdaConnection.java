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
     * Invokes a function synchronously with {@code input} mapped to JSON by JSON-B, and maps the function's result to
     * {@code resultType}.
     *
     * @throws FunctionErrorException when the function failed (its errorType and errorMessage are in the exception)
     * @throws ResultMappingException when the result does not map to {@code resultType}
     */
    <T> T invoke(String functionName, Object input, Class<T> resultType);

    /** As {@link #invoke(String, Object, Class)} for generic result types such as {@code List<Item>}. */
    <T> T invoke(String functionName, Object input, Type resultType);

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

    /** Returns the connection to the pool. Idempotent; the handle is unusable afterwards. */
    @Override
    void close();
}
