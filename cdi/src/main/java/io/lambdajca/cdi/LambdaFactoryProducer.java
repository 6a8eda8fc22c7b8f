package io.lambdajca.cdi;

import java.lang.annotation.Annotation;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;

/** Produces connection factories from JNDI: the default one, or the one a {@link LambdaConnectionDefinition} names. */
@Dependent
public class LambdaFactoryProducer {

    @Produces
    @Default
    LambdaConnectionFactory defaultFactory() {
        return lookup(LambdaConnectionDefinition.DEFAULT_JNDI);
    }

    @Produces
    @LambdaConnectionDefinition("")
    LambdaConnectionFactory namedFactory(InjectionPoint injectionPoint) {
        return lookup(jndiName(injectionPoint));
    }

    static String jndiName(InjectionPoint injectionPoint) {
        for (Annotation q : injectionPoint.getQualifiers()) {
            if (q instanceof LambdaConnectionDefinition) {
                return ((LambdaConnectionDefinition) q).value();
            }
        }
        return LambdaConnectionDefinition.DEFAULT_JNDI;
    }

    /** Looks a connection factory up; the message says what to configure when it is missing. */
    static LambdaConnectionFactory lookup(String jndiName) {
        Object found;
        try {
            found = new InitialContext().lookup(jndiName);
        } catch (NamingException e) {
            throw new ConnectionUnavailableException("No Lambda connection factory is bound at " + jndiName
                    + ": add a connection definition with that JNDI name (src/main/scripts/configure-lambda-adapter.sh "
                    + "--jndi " + jndiName + ")", e);
        }
        if (!(found instanceof LambdaConnectionFactory)) {
            throw new ConnectionUnavailableException(jndiName + " is bound to a "
                    + (found == null ? "null" : found.getClass().getName()) + ", not a LambdaConnectionFactory "
                    + "(is the application's dependency on the adapter deployment declared?)", null);
        }
        return (LambdaConnectionFactory) found;
    }
}
