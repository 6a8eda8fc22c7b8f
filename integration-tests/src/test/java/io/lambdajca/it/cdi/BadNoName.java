package io.lambdajca.it.cdi;

import io.lambdajca.cdi.LambdaFunctions;

/** A mistake deployment must catch: a method without a function name. */
@LambdaFunctions
public interface BadNoName {
    String greet(String name);
}
