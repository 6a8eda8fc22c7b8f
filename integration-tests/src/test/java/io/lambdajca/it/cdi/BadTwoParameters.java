package io.lambdajca.it.cdi;

import io.lambdajca.cdi.LambdaFunction;
import io.lambdajca.cdi.LambdaFunctions;

/** A mistake deployment must catch: a parameter list JSON-B cannot map to one input. */
@LambdaFunctions
public interface BadTwoParameters {
    @LambdaFunction(name = "echo")
    String greet(String first, String last);
}
