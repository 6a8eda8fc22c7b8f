package io.lambdajca.samples.web;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The EJB behind the page's streamed report: invokes a function with response streaming and returns its stream as
 * soon as Lambda has accepted the invocation. The pooled connection goes back to the pool here; the stream does not
 * need it, and the caller reads and closes it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StreamedReports {

    @Resource(name = "lambda/Default")
    private LambdaConnectionFactory lambda;

    /** Starts the function; failures before it streams (not found, throttled, unreachable) are thrown here. */
    public InvocationStream open(String name, String payload) {
        try (LambdaConnection connection = lambda.getConnection()) {
            return connection.invokeStream(InvocationRequest.builder(name).payload(payload).build());
        }
    }
}
