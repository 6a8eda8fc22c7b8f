package io.lambdajca.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

/**
 * Chooses the connection definition of an injected {@code LambdaConnectionFactory} by its JNDI name:
 * {@code @Inject @LambdaConnectionDefinition("lambda/Orders") LambdaConnectionFactory orders;}. Without it,
 * {@code @Inject LambdaConnectionFactory} gives the default factory: the JNDI name in the system property
 * {@code lambdajca.default-connection-factory}, else the first bound of {@code java:comp/env/lambda/Default},
 * {@code java:app/lambda/Default}, {@code lambda/Default} and {@code java:/lambda/Default}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface LambdaConnectionDefinition {

    /** Stands for the default factory (see above) where a JNDI name is expected. */
    String DEFAULT = "";

    /** JNDI name of the connection factory. */
    @Nonbinding
    String value();
}
