package io.lambdajca.ct;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.cdi.LambdaConnectionDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A CDI bean with injected connection factories: the default one and one chosen by its JNDI name. */
@ApplicationScoped
public class CdiClient {

    @Inject
    LambdaConnectionFactory defaultFactory;

    @Inject
    @LambdaConnectionDefinition(Jndi.ASSUME_ROLE)
    LambdaConnectionFactory assumeRole;

    public String echoWithDefault(String message) {
        return echo(defaultFactory, message);
    }

    public String echoWithAssumeRole(String message) {
        return echo(assumeRole, message);
    }

    private static String echo(LambdaConnectionFactory factory, String message) {
        try (LambdaConnection c = factory.getConnection()) {
            return c.invoke(InvocationRequest.builder("echo").payload("{\"message\":\"" + message + "\"}").build())
                    .payloadAsString();
        }
    }
}
