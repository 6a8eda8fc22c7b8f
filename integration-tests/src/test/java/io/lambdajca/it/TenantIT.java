package io.lambdajca.it;

import static io.lambdajca.ct.Failures.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.ct.TenantAnswer;
import jakarta.ejb.EJB;

/**
 * Tenant isolation from an EJB: a function with {@code TenantIsolationMode PER_TENANT} at the endpoint, invoked with
 * {@code InvocationRequest.tenantId}.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
class TenantIT {

    @Deployment
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("tenant-it.war", TenantAnswer.class);
    }

    @EJB
    private LambdaCaller caller;

    private TenantAnswer invoke(String tenant) {
        return caller.withLambda(c -> c.invoke(InvocationRequest.builder("tenanted").tenantId(tenant)
                .payload("{}").build(), TenantAnswer.class));
    }

    @Test
    void eachTenant_seesItsIdInTheFunctionsContext_andNeverSharesAnInstance() {
        TenantAnswer blue = invoke("blue");
        TenantAnswer green = invoke("green");
        TenantAnswer blueAgain = invoke("blue");
        TenantAnswer greenAgain = invoke("green");
        assertEquals("blue", blue.tenantId());
        assertEquals("green", green.tenantId());
        assertEquals("blue", blueAgain.tenantId());
        assertEquals("green", greenAgain.tenantId());
        assertNotEquals(blue.instance(), green.instance(), "blue and green share no instance");
        // one caller at a time: each tenant's warm instance serves it again, and only it
        assertEquals(blue.instance(), blueAgain.instance());
        assertEquals(blue.count() + 1, blueAgain.count());
        assertEquals(green.instance(), greenAgain.instance());
        assertEquals(green.count() + 1, greenAgain.count());
    }

    @Test
    void noTenantId_forAFunctionWithIsolation_isInvalidRequest_namingTheProblem() {
        InvalidRequestException e = thrown(InvalidRequestException.class, () -> invoke(null));
        assertEquals("tenanted", e.functionName());
        assertTrue(e.getMessage().contains("'tenanted'") && e.getMessage().contains("InvalidParameterValueException")
                && e.getMessage().contains("Tenant ID configuration not specified"), e.getMessage());
    }

    @Test
    void tenantId_forAFunctionWithoutIsolation_isInvalidRequest() {
        InvalidRequestException e = thrown(InvalidRequestException.class, () -> caller.withLambda(c -> c.invoke(
                InvocationRequest.builder("echo").tenantId("blue").payload("{}").build())));
        assertTrue(e.getMessage().contains("'echo'") && e.getMessage().contains("Tenant ID"), e.getMessage());
    }
}
