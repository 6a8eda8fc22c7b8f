package io.lambdajca.it;

import java.util.function.Function;

import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;

/** An EJB of an EAR that carries its own copy of the adapter. */
@Stateless
public class EmbeddedCaller {

    @Resource(lookup = EarEmbeddedIT.JNDI)
    private LambdaConnectionFactory lambda;

    public <T> T withLambda(Function<LambdaConnection, T> work) {
        try (LambdaConnection connection = lambda.getConnection()) {
            return work.apply(connection);
        }
    }
}
