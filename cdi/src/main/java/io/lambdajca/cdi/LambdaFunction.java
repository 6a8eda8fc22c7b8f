package io.lambdajca.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.lambdajca.api.InvocationType;

/**
 * Maps one method of a {@link LambdaFunctions} interface to one function. The method takes at most one parameter (the
 * input, mapped to JSON with JSON-B), and besides it may take the invocation's tenant id as a {@link TenantId}
 * parameter; it returns the result type (mapped from JSON), {@code Optional<T>},
 * {@code CompletionStage<T>} (the call runs on the container's managed executor, and its failure, the adapter's
 * exception itself, fails the stage) or {@code void}. A RequestResponse
 * method may also return {@code InputStream} or {@link io.lambdajca.api.InvocationStream}: it invokes with response
 * streaming and returns as soon as Lambda answers; the caller reads the bytes as they come and must close the stream.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LambdaFunction {

    /** Function name, partial ARN or ARN. Required. */
    String name();

    /** Version or alias; empty for $LATEST. */
    String qualifier() default "";

    /** RequestResponse (default), Event (fire and forget; the method returns void) or DryRun. */
    InvocationType type() default InvocationType.REQUEST_RESPONSE;

    /**
     * For Event invocations in a JTA transaction: send only once the transaction commits, never on rollback. Outside a
     * transaction the invocation is sent at once.
     */
    boolean afterCommit() default false;
}
