package io.lambdajca.ct;

import java.util.function.Function;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationStream;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.api.LambdaConnectionSpec;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

/**
 * An EJB as applications write one: connection factories injected with {@code @Resource(lookup = ...)}, a connection
 * per unit of work, closed with try-with-resources.
 */
@Stateless
public class LambdaCaller {

    @Resource(lookup = Jndi.DEFAULT)
    private LambdaConnectionFactory lambda;

    /** Unshareable: each getConnection() takes its own pooled connection, even within one transaction scope. */
    @Resource(lookup = Jndi.SMALL_POOL, shareable = false)
    private LambdaConnectionFactory smallPool;

    @Resource(lookup = Jndi.BAD_SECRET)
    private LambdaConnectionFactory badSecret;

    @Resource(lookup = Jndi.STATIC_PROFILE)
    private LambdaConnectionFactory staticProfile;

    @Resource(lookup = Jndi.ASSUME_ROLE)
    private LambdaConnectionFactory assumeRole;

    @Resource(lookup = Jndi.ROLES_ANYWHERE)
    private LambdaConnectionFactory rolesAnywhere;

    @Resource(lookup = Jndi.DEFAULT_CHAIN)
    private LambdaConnectionFactory defaultChain;

    @Resource(lookup = Jndi.SIGN_ON)
    private LambdaConnectionFactory signOn;

    @Resource(lookup = Jndi.SIGN_ON_WRONG)
    private LambdaConnectionFactory signOnWrong;

    /** Runs the work on a connection of the Default definition. */
    public <T> T withLambda(Function<LambdaConnection, T> work) {
        return with(Jndi.DEFAULT, work);
    }

    /**
     * Starts a function with response streaming on a connection of the definition bound at that JNDI name and returns
     * its stream; the connection is back in its pool when this returns, the caller reads and closes the stream.
     */
    public InvocationStream openStream(String jndi, String function, String payload) {
        return with(jndi, c -> c.invokeStream(InvocationRequest.builder(function).payload(payload).build()));
    }

    /** Runs the work on a connection of the definition bound at that JNDI name. */
    public <T> T with(String jndi, Function<LambdaConnection, T> work) {
        try (LambdaConnection connection = factory(jndi).getConnection()) {
            return work.apply(connection);
        }
    }

    /** Runs the work on a connection of the Default definition that signs with the credential profile named. */
    public <T> T as(String profileJndi, Function<LambdaConnection, T> work) {
        try (LambdaConnection connection = lambda.getConnection(LambdaConnectionSpec.credentialProfile(profileJndi))) {
            return work.apply(connection);
        }
    }

    /** The small pool's factory, for tests that hold connections open. */
    public LambdaConnectionFactory smallPool() {
        return smallPool;
    }

    private LambdaConnectionFactory factory(String jndi) {
        return switch (jndi) {
            case Jndi.DEFAULT -> lambda;
            case Jndi.SMALL_POOL -> smallPool;
            case Jndi.BAD_SECRET -> badSecret;
            case Jndi.STATIC_PROFILE -> staticProfile;
            case Jndi.ASSUME_ROLE -> assumeRole;
            case Jndi.ROLES_ANYWHERE -> rolesAnywhere;
            case Jndi.DEFAULT_CHAIN -> defaultChain;
            case Jndi.SIGN_ON -> signOn;
            case Jndi.SIGN_ON_WRONG -> signOnWrong;
            default -> throw new IllegalArgumentException("no connection factory " + jndi);
        };
    }
}
