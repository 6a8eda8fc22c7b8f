package io.lambdajca.ct;

import static io.lambdajca.ct.Failures.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.FunctionErrorException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationStream;
import jakarta.inject.Inject;

/**
 * CDI on every server: a typed function interface and a plain {@code @Inject LambdaConnectionFactory} on the default
 * connection factory (found without any server-specific name in the application), a factory chosen by name, a
 * {@code @TenantId} parameter, and methods that return a streamed response.
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
        PurchaseOrder order = new PurchaseOrder("cy", List.of(new PurchaseOrder.Line("a", 4, 100)));
        assertEquals(new Quote("cy", 4, 400), functions.price(order));
        assertEquals(400, functions.totalCents(order), "a default method, calling price through the bean");
        FunctionErrorException e = thrown(FunctionErrorException.class,
                () -> functions.fail(new PurchaseOrder("z", List.of())));
        assertEquals("java.lang.IllegalStateException", e.errorType());
    }

    @Test
    void typedInterface_streamsAsInputStreamAndInvocationStream() throws IOException {
        try (InputStream in = functions.lines(3)) {
            assertEquals("line 1\nline 2\nline 3\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (InvocationStream stream = functions.linesStream(2)) {
            assertEquals(200, stream.statusCode());
            assertEquals("line 1\nline 2\n", new String(stream.inputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(stream.isComplete());
        }
    }

    @Test
    void injectedFactories_defaultAndNamed() {
        String plain = client.echoWithDefault("default");
        assertTrue(plain.contains("\"message\":\"default\""), plain);
        String assumed = client.echoWithAssumeRole("assumed");
        assertTrue(assumed.contains("\"message\":\"assumed\""), assumed);
    }

    @Test
    void tenantIdParameter_reachesTheFunctionsContext_andTenantsNeverShareAnInstance() {
        TenantAnswer blue = functions.countFor("blue", Map.of());
        TenantAnswer green = functions.countFor("green", Map.of());
        TenantAnswer blueAgain = functions.countFor("blue", Map.of());
        assertEquals(List.of("blue", "green", "blue"), List.of(blue.tenantId(), green.tenantId(),
                blueAgain.tenantId()));
        assertNotEquals(blue.instance(), green.instance(), "blue and green share no instance");
        assertEquals(blue.instance(), blueAgain.instance());
        assertEquals(blue.count() + 1, blueAgain.count());
        // a null tenant sends none, which a function with tenant isolation refuses
        InvalidRequestException e = thrown(InvalidRequestException.class, () -> functions.countFor(null, Map.of()));
        assertTrue(e.getMessage().contains("'tenanted'") && e.getMessage().contains("Tenant ID configuration not "
                + "specified"), e.getMessage());
    }
}
