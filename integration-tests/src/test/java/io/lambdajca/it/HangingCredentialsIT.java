package io.lambdajca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lambdajca.api.AccessDeniedException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;

/**
 * A credential source whose endpoint hangs holds up no other: while the first connection with an ASSUME_ROLE profile
 * waits for an STS endpoint that accepts and never answers, connections of the same connection definition with its
 * own keys and with another new profile are had at once; a second caller of the hanging profile waits too (bounded by
 * its call timeout); and both end, with the STS failure named, when the endpoint goes away.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(LambdaEnvironment.class)
class HangingCredentialsIT {

    @Deployment
    static WebArchive app() {
        return Deployments.appUsingStandaloneRar("hanging-it.war", ProfileCaller.class, CredentialsEnvironment.class);
    }

    @EJB
    private ProfileCaller caller;

    @Resource
    private ManagedExecutorService executor;

    @Test
    void aCredentialSourceWhoseStsHangs_holdsUpNoOtherSource() throws Exception {
        int port = Integer.getInteger(CredentialsEnvironment.HANGING_STS_PORT);
        // the Default definition's own keys work before the hanging profile is first asked for
        assertEquals("{\"message\":\"first\"}", caller.echo("Default", "first"));
        Future<String> hanging;
        Future<String> second;
        try (ServerSocket sts = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            sts.setSoTimeout(30_000);
            hanging = executor.submit(() -> caller.echoAs(CredentialsEnvironment.HANGING_STS_PROFILE, "hangs"));
            try (Socket accepted = sts.accept()) {
                // the hanging profile's client is being set up: its first call waits for STS, which never answers
                assertTrue(accepted.isConnected(), "the hanging profile's STS call reached the endpoint");
                long started = System.nanoTime();
                Future<String> own = executor.submit(() -> caller.echo("Default", "own keys"));
                Future<String> other = executor.submit(() -> caller.echoAs(CredentialsEnvironment.SENSOR_PROFILE,
                        "other profile"));
                assertEquals("{\"message\":\"own keys\"}", own.get(10, TimeUnit.SECONDS));
                assertEquals("{\"message\":\"other profile\"}", other.get(10, TimeUnit.SECONDS));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                System.out.println("FIGURE hanging STS: two other credential sources served in " + millis + " ms");
                assertFalse(hanging.isDone(), "the hanging profile's caller still waits for STS");

                // a second caller of the hanging profile waits too, as long as its own call timeout allows
                second = executor.submit(() -> caller.echoAs(CredentialsEnvironment.HANGING_STS_PROFILE, "second"));
                assertFalse(hanging.isDone(), "the hanging profile's caller still waits for STS");
            }
        }
        // the STS endpoint is gone: the STS call fails, and both callers' invocations with it, clearly
        for (Future<String> waiting : List.of(hanging, second)) {
            ExecutionException ended = assertThrows(ExecutionException.class,
                    () -> waiting.get(60, TimeUnit.SECONDS));
            AccessDeniedException refused = assertInstanceOf(AccessDeniedException.class, ended.getCause(),
                    String.valueOf(ended.getCause()));
            assertTrue(refused.getMessage().contains("no credentials could be had. STS AssumeRole of "
                    + "arn:aws:iam::123456789012:role/never-answered failed"), refused.getMessage());
        }
    }
}
