package io.lambdajca.cdi;

import io.lambdajca.api.LambdaException;

/**
 * CDI event fired when an invocation deferred until commit could not be sent after the transaction committed. Observe
 * it with {@code void onFailure(@Observes LambdaDeliveryFailure failure)}.
 */
public final class LambdaDeliveryFailure {

    private final String functionName;
    private final LambdaException cause;

    public LambdaDeliveryFailure(String functionName, LambdaException cause) {
        this.functionName = functionName;
        this.cause = cause;
    }

    public String functionName() {
        return functionName;
    }

    public LambdaException cause() {
        return cause;
    }

    @Override
    public String toString() {
        return "LambdaDeliveryFailure[" + functionName + ": " + cause.getMessage() + "]";
    }
}
