package io.lambdajca.adapter.internal;

import java.time.Duration;

import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Readies a new SDK client, so that an application's first call does not pay for the SDK loading its classes and
 * opening its first connection: one real ListFunctions call (one item), which also checks the endpoint and the
 * credentials. It has its own short timeout, not the connection definition's (a read timeout of 905 s by default), so
 * that an endpoint that does not answer delays nobody for long; a failure is logged and does not fail the activation.
 */
final class WarmUp {

    /** The warm-up call's whole-call timeout. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private WarmUp() {
    }

    static void run(LambdaClient client, ClientConfig config) {
        Duration timeout = config.callTimeout().compareTo(TIMEOUT) < 0 ? config.callTimeout() : TIMEOUT;
        try {
            client.listFunctions(b -> b.maxItems(1).overrideConfiguration(o -> o.apiCallTimeout(timeout)));
        } catch (RuntimeException e) {
            AdapterLog.warmUpFailed(config.region().id(), config.endpointOverride(), config.credentials().describe(),
                    e);
        }
    }
}
