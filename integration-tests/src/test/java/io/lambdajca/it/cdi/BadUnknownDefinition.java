package io.lambdajca.it.cdi;

import io.lambdajca.cdi.LambdaFunction;
import io.lambdajca.cdi.LambdaFunctions;

/** A mistake deployment must catch: a connection definition that does not exist. */
@LambdaFunctions(connectionFactory = "java:/lambda/NoSuchDefinition")
public interface BadUnknownDefinition {
    @LambdaFunction(name = "echo")
    String echo(String text);
}
