package io.lambdajca.it.cdi;

import java.util.Map;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import io.lambdajca.api.InvocationType;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.cdi.LambdaConnectionDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A CDI bean with injected factories and a typed interface, doing work in JTA transactions. */
@ApplicationScoped
public class OrderService {

    @Inject
    PricingFunctions functions;

    @Inject
    LambdaConnectionFactory defaultFactory;

    @Inject
    @LambdaConnectionDefinition("java:/lambda/SmallPool")
    LambdaConnectionFactory smallPool;

    @Transactional
    public void recordAndCommit() {
        functions.recordAfterCommit(Map.of("sleepMillis", 1));
    }

    @Transactional
    public void recordAndRollBack() {
        functions.recordAfterCommit(Map.of("sleepMillis", 1));
        throw new IllegalStateException("roll back on purpose");
    }

    @Transactional
    public void ghostAndCommit() {
        functions.ghostAfterCommit(Map.of());
    }

    /** The connection API's own after-commit option. */
    @Transactional
    public boolean deferredThroughConnectionApi() {
        try (LambdaConnection c = defaultFactory.getConnection()) {
            InvocationResult r = c.invoke(InvocationRequest.builder("aftercommit").invocationType(InvocationType.EVENT)
                    .payload("{\"sleepMillis\":1}").afterCommit(true).build());
            return r.isDeferred();
        }
    }

    public boolean defaultFactoryWorks() {
        try (LambdaConnection c = defaultFactory.getConnection()) {
            return c.getFunction("pricing").isPresent();
        }
    }

    public boolean smallPoolWorks() {
        try (LambdaConnection c = smallPool.getConnection()) {
            return c.getFunction("echo").isPresent();
        }
    }
}
