package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.AccessDeniedException;
import io.lambdajca.api.InvalidRequestException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;

/**
 * Credential profiles in WildFly: for every type an EJB invokes a function through a connection definition that uses
 * it; a call gets the profile it chose, whichever pooled connection serves it, and the pool destroys none to do so,
 * even when it is a pool's first request; refusals are clear; two connection definitions sharing a profile share one
 * SDK client; and a minute of continuous calls on 10-second credentials sees no failure.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialProfilesIT {

    /** Each caller invokes continuously for this long; the endpoint's credentials last 10 seconds. */
    private static final long REFRESH_RUN_SECONDS = 60;

    @Deployment
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("credentials-it.war", ProfileCaller.class,
                CredentialsEnvironment.class);
    }

    @EJB
    private ProfileCaller caller;

    @Resource
    private ManagedExecutorService executor;

    @Test
    @Order(1)
    void everyProfileType_invokesAFunctionFromAnEjb() {
        for (String pool : List.of("StaticProfile", "AssumeRoleA", "AssumeRoleB", "RolesAnywhere", "DefaultChain",
                "SignOn")) {
            assertEquals("{\"message\":\"via " + pool + "\"}", caller.echo(pool, "via " + pool), pool);
        }
        assertEquals("{\"message\":\"as sensor\"}", caller.echoAs(CredentialsEnvironment.SENSOR_PROFILE,
                "as sensor"), "ROLES_ANYWHERE with an EC key in PEM files, chosen per call");
    }

    @Test
    @Order(2)
    void refusals_areClearExceptions() {
        AccessDeniedException wrongSecret = assertThrows(AccessDeniedException.class,
                () -> caller.echoAs(CredentialsEnvironment.WRONG_SECRET_PROFILE, "x"));
        assertEquals("InvalidSignatureException", wrongSecret.errorCode());

        AccessDeniedException untrusted = assertThrows(AccessDeniedException.class,
                () -> caller.echoAs(CredentialsEnvironment.STRANGER_PROFILE, "x"));
        assertEquals("AccessDeniedException", untrusted.errorCode());
        assertTrue(untrusted.getMessage().contains("Untrusted signing certificate"), untrusted.getMessage());
        assertTrue(untrusted.getMessage().contains("IAM Roles Anywhere"), untrusted.getMessage());

        AccessDeniedException noExternalId = assertThrows(AccessDeniedException.class,
                () -> caller.echoAs(CredentialsEnvironment.PARTNER_PROFILE, "x"));
        assertEquals("AccessDenied", noExternalId.errorCode());
        assertTrue(noExternalId.getMessage().contains("sts:AssumeRole on resource: "
                + CredentialsEnvironment.PARTNER_ROLE), noExternalId.getMessage());

        InvalidRequestException unbound = assertThrows(InvalidRequestException.class,
                () -> caller.echoAs("java:/lambda/profiles/Nowhere", "x"), "an unknown profile");
        assertTrue(unbound.getMessage().contains("No credential profile is bound at 'java:/lambda/profiles/Nowhere'"),
                unbound.getMessage());
    }

    /**
     * Each request is signed with its own credentials, whichever pooled connection serves it, and the pool keeps its
     * connections: WildFly's single pool destroys a connection the adapter refuses to match, with a warning
     * (IJ000612), which the adapter no longer gives it cause to do.
     */
    @Test
    @Order(3)
    void thePool_givesEachRequestItsOwnCredentials_destroyingNoConnection() throws IOException {
        Path serverLog = Path.of(System.getProperty("jboss.server.log.dir"), "server.log"); // in the server
        long logStart = Files.size(serverLog);
        for (int i = 0; i < 5; i++) {
            assertThrows(AccessDeniedException.class,
                    () -> caller.echoAs(CredentialsEnvironment.WRONG_SECRET_PROFILE, "x"));
            assertEquals("{\"message\":\"own keys\"}", caller.echo("Default", "own keys"));
            assertEquals("{\"message\":\"sensor\"}", caller.echoAs(CredentialsEnvironment.SENSOR_PROFILE, "sensor"));
        }
        byte[] log = Files.readAllBytes(serverLog);
        assertTrue(log.length >= logStart, "the server log was rotated during the test, which then checked nothing");
        List<String> destroyed = new String(log, (int) logStart, log.length - (int) logStart, StandardCharsets.UTF_8)
                .lines().filter(line -> line.contains("IJ000612")).toList();
        assertTrue(destroyed.isEmpty(), "the pool destroyed connections: " + destroyed);
    }

    /**
     * WildFly's pool gives a request without request info the info of the pool's first request: a plain
     * getConnection() must still ask for the definition's own keys when that first request named a profile. The pool
     * is used by this test only, so its first request is the one made here.
     */
    @Test
    @Order(4)
    void aPoolWhoseFirstRequestNamesAProfile_stillGivesPlainRequestsTheOwnKeys() {
        String pool = "FirstRequestProfile";
        AccessDeniedException first = assertThrows(AccessDeniedException.class,
                () -> caller.echoAs(pool, CredentialsEnvironment.WRONG_SECRET_PROFILE, "x"), "the first request");
        assertEquals("InvalidSignatureException", first.errorCode());

        assertEquals("{\"message\":\"own keys\"}", caller.echo(pool, "own keys"),
                "a plain request after a first request with the wrong-secret profile");

        AccessDeniedException again = assertThrows(AccessDeniedException.class,
                () -> caller.echoAs(pool, CredentialsEnvironment.WRONG_SECRET_PROFILE, "x"),
                "the profile again, with a connection on the own keys in the pool");
        assertEquals("InvalidSignatureException", again.errorCode());
        assertEquals("{\"message\":\"own keys again\"}", caller.echo(pool, "own keys again"));
    }

    @Test
    @Order(5)
    void aMinuteOfCalls_onTenSecondCredentials_seesNoFailure() throws Exception {
        Instant end = Instant.now().plusSeconds(REFRESH_RUN_SECONDS);
        Future<long[]> assumeRole = executor.submit(loop("AssumeRoleA", end));
        Future<long[]> rolesAnywhere = executor.submit(loop("RolesAnywhere", end));
        long[] a = assumeRole.get(REFRESH_RUN_SECONDS + 30, TimeUnit.SECONDS);
        long[] r = rolesAnywhere.get(REFRESH_RUN_SECONDS + 30, TimeUnit.SECONDS);
        System.out.printf("FIGURE refresh: %d s on 10-second credentials: ASSUME_ROLE %d calls, %d failed; "
                + "ROLES_ANYWHERE %d calls, %d failed%n", REFRESH_RUN_SECONDS, a[0], a[1], r[0], r[1]);
        assertEquals(0, a[1], "failed ASSUME_ROLE calls");
        assertEquals(0, r[1], "failed ROLES_ANYWHERE calls");
        assertTrue(a[0] > 100 && r[0] > 100, "calls made: " + a[0] + ", " + r[0]);
    }

    private Callable<long[]> loop(String pool, Instant end) {
        return () -> {
            long calls = 0;
            long failures = 0;
            while (Instant.now().isBefore(end)) {
                try {
                    caller.echo(pool, "tick");
                } catch (RuntimeException e) {
                    failures++;
                    System.out.println("FAILURE " + pool + ": " + e);
                }
                calls++;
            }
            return new long[] {calls, failures};
        };
    }

    @Test
    @Order(6)
    @RunAsClient
    void theMinute_spannedSeveralRefreshes() {
        long forRole = LambdaEnvironment.credentialsIssuedFor(CredentialsEnvironment.INVOKER_ROLE);
        // two refreshing profiles, each refreshed every ~5 s of a 60 s run
        assertTrue(forRole >= 2 * (REFRESH_RUN_SECONDS / 10), "credentials issued for the role: " + forRole);
    }

    @Test
    @Order(7)
    @RunAsClient
    void twoConnectionDefinitionsSharingAProfile_shareOneSdkClient() throws Exception {
        List<String> log = LambdaEnvironment.serverLogOfThisRun();
        long activations = log.stream().filter(l -> l.contains("WFLYJCA0002")
                && l.contains("[" + CredentialsEnvironment.ASSUME_ROLE_B_JNDI + "]")).count();
        List<String> invokerClients = log.stream().filter(l -> l.contains("LAMBDAJCA1003")
                && l.contains("ASSUME_ROLE " + CredentialsEnvironment.INVOKER_ROLE)).collect(Collectors.toList());
        assertTrue(activations >= 1, "the adapter was activated");
        // AssumeRoleA and AssumeRoleB both use the Invoker profile with equal settings: one client per activation
        assertEquals(activations, invokerClients.size(), String.join("\n", invokerClients));
    }
}
