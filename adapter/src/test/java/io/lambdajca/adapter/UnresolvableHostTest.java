package io.lambdajca.adapter;

import static io.lambdajca.adapter.TestArns.ROLE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import javax.naming.Context;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.testing.SystemProperties;
import io.lambdajca.api.AccessDeniedException;
import io.lambdajca.api.EndpointUnavailableException;
import io.lambdajca.api.InvocationRequest;
import io.lambdajca.local.FunctionDefinition;
import io.lambdajca.local.LocalLambda;
import io.lambdajca.testfunctions.Handlers;

/**
 * An endpoint whose host name resolves nowhere (a mistyped endpoint override, a DNS outage) reaches the application as
 * the documented exception naming the host: for a profile's STS host, the credentials' failure (it was an
 * UnexpectedFailureException about an SDK interceptor, since the SDK replaces any failure caused by an
 * UnknownHostException with one of its own class); for the Lambda host, a failure to reach the endpoint.
 */
class UnresolvableHostTest {

    private static final String PROFILE = "java:/lambda/profiles/UnresolvableSts";

    private static LocalLambda lambda;
    private static SystemProperties naming;

    @BeforeAll
    static void start() {
        Path zip = Path.of(System.getProperty("test.functions.zip", "target/functions/test-functions.zip"));
        lambda = LocalLambda.builder().port(0).function(FunctionDefinition.builder("echo", Handlers.ECHO, zip).build())
                .build().start();
        naming = new SystemProperties().set(Context.INITIAL_CONTEXT_FACTORY, MapNaming.class.getName());
    }

    @AfterAll
    static void stop() {
        naming.close();
        lambda.close();
    }

    @Test
    void aProfilesStsHost_thatResolvesNowhere_isAccessDenied_namingStsAndTheHost_alsoForAStream() throws Exception {
        LambdaCredentialProfile role = new LambdaCredentialProfile();
        role.setType("ASSUME_ROLE");
        role.setRoleArn(ROLE);
        role.setRegion(lambda.region());
        role.setEndpointOverride("http://sts.unresolvable.invalid:4567");
        role.setAccessKeyId(LocalLambda.DEFAULT_ACCESS_KEY);
        role.setSecretAccessKey(LocalLambda.DEFAULT_SECRET_KEY);
        MapNaming.BOUND.put(PROFILE, role);
        try (DirectConnection direct = DirectConnection.with(mcf -> {
            mcf.setRegion(lambda.region());
            mcf.setEndpointOverride(lambda.endpoint().toString());
            mcf.setCredentialProfile(PROFILE);
            mcf.setMaxRetries(0);
        })) {
            assertThatThrownBy(() -> direct.connection().invoke(InvocationRequest.builder("echo").payload("{}")
                    .build())).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("Invoke of function 'echo' was not sent: no credentials could be had. STS "
                            + "AssumeRole of " + ROLE + " failed")
                    .hasMessageContaining("UnknownHostException: sts.unresolvable.invalid");
            assertThatThrownBy(() -> direct.connection().invokeStream(InvocationRequest.builder("echo").payload("{}")
                    .build())).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("no credentials could be had. STS AssumeRole of " + ROLE + " failed")
                    .hasMessageContaining("UnknownHostException: sts.unresolvable.invalid");
        } finally {
            MapNaming.BOUND.remove(PROFILE);
        }
    }

    @Test
    void theLambdaHost_thatResolvesNowhere_isEndpointUnavailable_namingTheHost_afterItsRetries() throws Exception {
        try (DirectConnection direct = DirectConnection.to(lambda, mcf -> {
            mcf.setEndpointOverride("http://lambda.unresolvable.invalid:4567");
            mcf.setMaxRetries(1);
        })) {
            // nothing was sent: retried, as a refused connection is
            assertThatThrownBy(() -> direct.connection().invoke(InvocationRequest.builder("echo").payload("{}")
                    .build())).isInstanceOf(EndpointUnavailableException.class)
                    .hasMessageContaining("Invoke of function 'echo' could not reach the Lambda endpoint after 2 "
                            + "attempt(s)")
                    .hasMessageContaining("UnknownHostException: lambda.unresolvable.invalid");
        }
    }
}
