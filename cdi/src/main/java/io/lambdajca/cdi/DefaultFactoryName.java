package io.lambdajca.cdi;

import java.util.List;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.LambdaConnectionFactory;

/**
 * Finds the default connection factory, the one a plain {@code @Inject LambdaConnectionFactory} (and a
 * {@link LambdaFunctions} interface without a connection factory) uses. The system property
 * {@value #PROPERTY} names it when set (in the server's configuration, like any system property); otherwise the
 * first of {@link #CANDIDATES} that is bound: the application's own resource reference, an application-defined
 * factory, the plain name that Open Liberty, GlassFish and Payara configure, and WildFly's.
 */
final class DefaultFactoryName {

    /** The system property that names the default connection factory's JNDI name. */
    static final String PROPERTY = "lambdajca.default-connection-factory";

    /** Tried in this order when the property is not set. */
    static final List<String> CANDIDATES = List.of("java:comp/env/lambda/Default", "java:app/lambda/Default",
            "lambda/Default", "java:/lambda/Default");

    private DefaultFactoryName() {
    }

    /**
     * The default factory; the failure names every JNDI name tried and how to set one, or the first candidate that is
     * bound but whose factory could not be made, and why.
     */
    static LambdaConnectionFactory lookup() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return LambdaFactoryProducer.lookup(configured.trim());
        }
        String wrongObject = null;
        for (String name : CANDIDATES) {
            Object found;
            try {
                found = new InitialContext().lookup(name);
            } catch (NamingException | RuntimeException notBound) {
                ConnectionUnavailableException notCreated = LambdaFactoryProducer.notCreated(name, notBound);
                if (notCreated != null) {
                    throw notCreated; // bound there, but refused: the factory the application meant
                }
                continue;
            }
            if (found instanceof LambdaConnectionFactory factory) {
                return factory;
            }
            if (found != null && wrongObject == null) {
                wrongObject = " (" + LambdaFactoryProducer.notAFactory(name, found) + ")";
            }
        }
        throw new ConnectionUnavailableException("No default Lambda connection factory is bound: tried "
                + String.join(", ", CANDIDATES) + (wrongObject == null ? "" : wrongObject) + ". Bind one at "
                + "lambda/Default (Open Liberty, GlassFish, Payara) or java:/lambda/Default (WildFly), declare a "
                + "resource-ref named lambda/Default, set the system property " + PROPERTY + " to its JNDI name, or "
                + "name it with @LambdaConnectionDefinition or @LambdaFunctions(connectionFactory = ...)", null);
    }
}
