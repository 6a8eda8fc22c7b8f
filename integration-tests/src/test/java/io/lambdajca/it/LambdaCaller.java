package io.lambdajca.it;

import java.util.function.Function;

import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

/**
 * An EJB as an application writes one: connection factories looked up with {@code @Resource(lookup = ...)}, a
 * connection per unit of work, closed with try-with-resources.
 */
@Stateless
public class LambdaCaller {

    @Resource(lookup = LambdaEnvironment.DEFAULT_JNDI)
    private LambdaConnectionFactory lambda;

    @Resource(lookup = LambdaEnvironment.SHORT_TIMEOUT_JNDI)
    private LambdaConnectionFactory shortTimeout;

    @Resource(lookup = LambdaEnvironment.SMALL_POOL_JNDI)
    private LambdaConnectionFactory smallPool;

    @Resource(lookup = LambdaEnvironment.BAD_SECRET_JNDI)
    private LambdaConnectionFactory badSecret;

    @Resource(lookup = LambdaEnvironment.UNREACHABLE_JNDI)
    private LambdaConnectionFactory unreachable;

    public <T> T withLambda(Function<LambdaConnection, T> work) {
        try (LambdaConnection connection = lambda.getConnection()) {
            return work.apply(connection);
        }
    }

    public <T> T withShortTimeout(Function<LambdaConnection, T> work) {
        try (LambdaConnection connection = shortTimeout.getConnection()) {
            return work.apply(connection);
        }
    }

    public <T> T withBadSecret(Function<LambdaConnection, T> work) {
        try (LambdaConnection connection = badSecret.getConnection()) {
            return work.apply(connection);
        }
    }

    public <T> T withUnreachable(Function<LambdaConnection, T> work) {
        try (LambdaConnection connection = unreachable.getConnection()) {
            return work.apply(connection);
        }
    }

    /** The small pool's factory, for tests that hold connections open. */
    public LambdaConnectionFactory smallPool() {
        return smallPool;
    }
}
