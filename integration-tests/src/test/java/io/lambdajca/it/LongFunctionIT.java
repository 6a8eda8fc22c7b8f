package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.InvocationResult;
import jakarta.ejb.EJB;

/** A 60-second function, twice the AWS SDK's default 30 s read timeout, completes with the adapter's defaults. */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
class LongFunctionIT {

    /** The AWS SDK's default socket read timeout, which a synchronous invoke of a longer function would hit. */
    private static final long SDK_DEFAULT_READ_TIMEOUT_MILLIS = 30_000;

    @Deployment
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("long-it.war", LongFunctionIT.class);
    }

    @EJB
    private LambdaCaller caller;

    @Test
    void sixtySecondFunction_completesWithDefaultSettings() {
        long start = System.nanoTime();
        InvocationResult r = caller.withLambda(c -> c.invoke(InvocationRequest.builder("long")
                .payload("{\"sleepMillis\":60000}").build()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFalse(r.isFunctionError(), r.payloadAsString());
        assertEquals("{\"slept\":60000}", r.payloadAsString());
        assertTrue(millis > 2 * SDK_DEFAULT_READ_TIMEOUT_MILLIS - 1000, "it really took a minute: " + millis);
    }
}
