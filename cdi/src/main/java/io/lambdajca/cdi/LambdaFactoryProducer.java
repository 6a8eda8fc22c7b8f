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
import jakarta.resource.ResourceException;

/** Produces connection factories from JNDI: the default one, or the one a {@link LambdaConnectionDefinition} names. */
@Dependent
public class LambdaFactoryProducer {

    @Produces
    @Default
    LambdaConnectionFactory defaultFactory() {
        return lookup(LambdaConnectionDefinition.DEFAULT);
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
        return LambdaConnectionDefinition.DEFAULT;
    }

    /**
     * Looks a connection factory up ({@link LambdaConnectionDefinition#DEFAULT} for the default one); the message says
     * what to configure when it is missing.
     */
    static LambdaConnectionFactory lookup(String jndiName) {
        if (LambdaConnectionDefinition.DEFAULT.equals(jndiName)) {
            return DefaultFactoryName.lookup();
        }
        Object found;
        try {
            found = new InitialContext().lookup(jndiName);
        } catch (NamingException | RuntimeException e) { // a server may throw either for a name it cannot serve
            ConnectionUnavailableException notCreated = notCreated(jndiName, e);
            if (notCreated != null) {
                throw notCreated;
            }
            throw new ConnectionUnavailableException("No Lambda connection factory is bound at " + jndiName
                    + ": add a connection definition with that JNDI name (the project's configuration script or "
                    + "snippet for your server, src/main/scripts or src/main/liberty)", e);
        }
        if (!(found instanceof LambdaConnectionFactory)) {
            throw new ConnectionUnavailableException(notAFactory(jndiName, found), null);
        }
        return (LambdaConnectionFactory) found;
    }

    /** What is wrong when a name is bound to something that is not this application's LambdaConnectionFactory. */
    static String notAFactory(String jndiName, Object found) {
        return jndiName + " is bound to a " + (found == null ? "null" : found.getClass().getName()) + ", not a "
                + "LambdaConnectionFactory of this application's class loader (is the application's dependency on the "
                + "adapter deployment declared, and lambda-jca-api provided rather than packaged in the application?)";
    }

    /**
     * A lookup that failed because the factory bound at the name could not be made, rather than because nothing is
     * bound there: Open Liberty makes a connection factory at its first lookup, and a configuration the adapter refuses
     * then reaches the caller as a cause of the naming failure. The failure names the JNDI name and the reason of the
     * innermost resource exception that has one (the adapter's, naming the property and its rule, when a server wraps
     * it in its own); null when there is no resource exception among the causes.
     */
    static ConnectionUnavailableException notCreated(String jndiName, Exception lookupFailure) {
        String reason = null;
        int depth = 0;
        for (Throwable t = lookupFailure.getCause(); t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof ResourceException && t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason == null ? null : new ConnectionUnavailableException("The Lambda connection factory bound at "
                + jndiName + " could not be created: " + reason, lookupFailure);
    }
}
