package io.lambdajca.ct;

import static io.lambdajca.ct.Failures.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.FunctionErrorException;
import jakarta.inject.Inject;

/**
 * CDI on every server: a typed function interface and a plain {@code @Inject LambdaConnectionFactory} on the default
 * connection factory (found without any server-specific name in the application), and a factory chosen by name.
 */
@ExtendWith(ArquillianExtension.class)
@Order(3)
class CdiIT {

    @Deployment
    static WebArchive app() {
        return Deployments.app("cdi-it.war", PricingFunctions.class, CdiClient.class);
    }

    @Inject
    PricingFunctions functions;

    @Inject
    CdiClient client;

    @Test
    void typedInterface_callsThroughTheDefaultFactory() {
        assertEquals(new Quote("cy", 4, 400), functions.price(new PurchaseOrder("cy",
                List.of(new PurchaseOrder.Line("a", 4, 100)))));
        FunctionErrorException e = thrown(FunctionErrorException.class,
                () -> functions.fail(new PurchaseOrder("z", List.of())));
        assertEquals("java.lang.IllegalStateException", e.errorType());
    }

    @Test
    void injectedFactories_defaultAndNamed() {
        String plain = client.echoWithDefault("default");
        assertTrue(plain.contains("\"message\":\"default\""), plain);
        String assumed = client.echoWithAssumeRole("assumed");
        assertTrue(assumed.contains("\"message\":\"assumed\""), assumed);
    }
}
