package io.lambdajca.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an application interface whose methods call Lambda functions. Inject it with {@code @Inject}; each method needs
 * a {@link LambdaFunction}. Mistakes (a method without a function name, more than one parameter besides a
 * {@link TenantId}, an unknown connection definition) fail the deployment with a message naming the interface and
 * method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LambdaFunctions {

    /** JNDI name of the connection factory the calls use; by default the default factory. */
    String connectionFactory() default LambdaConnectionDefinition.DEFAULT;
}
