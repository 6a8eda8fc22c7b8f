package io.lambdajca.it;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

/**
 * An EJB that starts a streamed invocation and returns its stream: the connection goes back to the pool at once, the
 * caller reads the stream and closes it. On the Streaming definition, whose SDK client has 2 HTTP connections.
 */
@Stateless
public class StreamCaller {

    @Resource(lookup = LambdaEnvironment.STREAMING_JNDI)
    private LambdaConnectionFactory streaming;

    public InvocationStream open(String function, String payload) {
        try (LambdaConnection connection = streaming.getConnection()) {
            return connection.invokeStream(InvocationRequest.builder(function).payload(payload).build());
        }
    }
}
