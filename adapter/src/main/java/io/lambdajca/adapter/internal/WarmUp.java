package io.lambdajca.adapter.internal;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Readies a new SDK client at activation, so that an application's first call does not pay for the SDK loading its
 * classes: one real ListFunctions call (one item), which also opens a connection and checks the endpoint and the
 * credentials, and one Invoke that the client marshals and signs but never sends (an interceptor stops it before
 * transmission), so no function is run and nothing reaches Lambda.
 */
final class WarmUp implements ExecutionInterceptor {

    static final String HEADER = "x-lambdajca-warm-up";
    private static final String FUNCTION = "lambdajca-warm-up";

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.httpRequest().firstMatchingHeader(HEADER).isPresent()) {
            throw new Stop();
        }
    }

    static void run(LambdaClient client, ClientConfig config) {
        try {
            client.listFunctions(b -> b.maxItems(1));
        } catch (RuntimeException e) {
            warn(config, e);
        }
        try {
            client.invoke(b -> b.functionName(FUNCTION).payload(SdkBytes.fromUtf8String("{}"))
                    .overrideConfiguration(o -> o.putHeader(HEADER, "true")));
        } catch (RuntimeException expected) {
            if (Failures.cause(expected, Stop.class) == null) {
                warn(config, expected);
            }
        }
    }

    private static void warn(ClientConfig config, RuntimeException e) {
        AdapterLog.warmUpFailed(config.region().id(), config.endpointOverride(), config.credentials().describe(), e);
    }

    /** Ends the warm-up Invoke before it is sent. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("warm-up request stopped before transmission", null, false, false);
        }
    }
}
