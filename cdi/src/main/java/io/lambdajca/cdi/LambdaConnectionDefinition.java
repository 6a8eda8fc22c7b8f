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
 * {@code @Inject @LambdaConnectionDefinition("java:/lambda/Orders") LambdaConnectionFactory orders;}. Without it,
 * {@code @Inject LambdaConnectionFactory} gives {@value #DEFAULT_JNDI}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface LambdaConnectionDefinition {

    /** The JNDI name the configuration scripts use by default. */
    String DEFAULT_JNDI = "java:/lambda/Default";

    /** JNDI name of the connection factory. */
    @Nonbinding
    String value();
}
