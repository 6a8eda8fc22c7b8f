package io.lambdajca.ct;

import static io.lambdajca.ct.Failures.thrown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.AccessDeniedException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.api.LambdaConnection;
import jakarta.ejb.EJB;

/**
 * Credentials as each server's administrators configure them: credential profiles of every type (STATIC,
 * ASSUME_ROLE through STS, ROLES_ANYWHERE with an X.509 keystore, DEFAULT_CHAIN from the server's system
 * properties), container-managed sign-on with the server's own mechanism, and profiles chosen per call on one pool.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class CredentialsIT {

    @Deployment
    static WebArchive app() {
        return Deployments.app("credentials-it.war", LambdaCaller.class);
    }

    @EJB
    private LambdaCaller caller;

    @Test
    @Order(2)
    void everyProfileType_andContainerSignOn_invoke() {
        for (String jndi : new String[] {Jndi.STATIC_PROFILE, Jndi.ASSUME_ROLE, Jndi.ROLES_ANYWHERE,
                Jndi.DEFAULT_CHAIN, Jndi.SIGN_ON}) {
            String answer = caller.with(jndi, c -> echo(c, jndi));
            assertTrue(answer.contains("\"message\":\"" + jndi + "\""), jndi + " answered " + answer);
        }
    }

    @Test
    @Order(2)
    void containerSignOn_usesTheContainersCredential() {
        // the SignOnWrong pool has no keys of its own: only the container's (wrong) secret can make this fail
        AccessDeniedException denied = thrown(AccessDeniedException.class,
                () -> caller.with(Jndi.SIGN_ON_WRONG, c -> echo(c, "wrong sign-on")));
        assertEquals("InvalidSignatureException", denied.errorCode());
    }

    @Test
    @Order(3)
    void profilesChosenPerCall_stayApartInOnePool() {
        for (int round = 0; round < 3; round++) {
            String partner = caller.as(Jndi.PARTNER_PROFILE_OBJECT, c -> echo(c, "partner"));
            assertTrue(partner.contains("\"message\":\"partner\""), partner);
            AccessDeniedException denied = thrown(AccessDeniedException.class,
                    () -> caller.as(Jndi.WRONG_SECRET_PROFILE_OBJECT, c -> echo(c, "wrong")));
            assertEquals("InvalidSignatureException", denied.errorCode());
            String plain = caller.withLambda(c -> echo(c, "plain"));
            assertTrue(plain.contains("\"message\":\"plain\""), plain);
        }
    }

    @Test
    @Order(4)
    @RunAsClient
    void temporaryCredentialsCameFromTheEndpoint() {
        assertTrue(ClientSide.credentialsIssuedFor(TestWorld.INVOKER_ROLE) > 0,
                "STS credentials issued for the invoker role (the ASSUME_ROLE profile)");
        assertTrue(ClientSide.credentialsIssuedFor(TestWorld.DEVICE_ROLE) > 0,
                "Roles Anywhere credentials issued for the device role (the ROLES_ANYWHERE profile)");
        assertTrue(ClientSide.credentialsIssuedFor(TestWorld.PARTNER_ROLE) > 0,
                "STS credentials issued for the partner role (per-call ASSUME_ROLE with an external id)");
    }

    private static String echo(LambdaConnection c, String message) {
        return c.invoke(InvocationRequest.builder("echo").payload("{\"message\":\"" + message + "\"}").build())
                .payloadAsString();
    }
}
