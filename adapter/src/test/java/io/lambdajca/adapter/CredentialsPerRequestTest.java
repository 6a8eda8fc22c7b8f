package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.naming.Context;
import javax.security.auth.Subject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.testing.SystemProperties;
import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.api.LambdaConnectionSpec;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.security.PasswordCredential;

/**
 * Which credentials a call is signed with, read from the Authorization header a recording endpoint receives: those of
 * the request the handle was made for, on whichever pooled connection serves it (a pool need not ask the adapter to
 * match: GlassFish and Payara do not by default), a {@code java:comp} profile name looked up in the calling
 * application's naming each time, and no call once the adapter has stopped.
 */
class CredentialsPerRequestTest {

    private static final String OWN_KEY = "AKIAOWNOWNOWNOWNOWN1";
    private static final String COMP_NAME = "java:comp/env/lambda/profiles/Reporting";
    private static final String GLOBAL_NAME = "java:/lambda/profiles/Reporting";

    private final List<String> signedWith = new CopyOnWriteArrayList<>();
    private final LambdaResourceAdapter ra = new LambdaResourceAdapter();
    private final LambdaManagedConnectionFactory mcf = new LambdaManagedConnectionFactory();
    private JsonEndpoint endpoint;
    private SystemProperties naming;

    @BeforeEach
    void start() throws IOException {
        naming = new SystemProperties().set(Context.INITIAL_CONTEXT_FACTORY, MapNaming.class.getName());
        endpoint = JsonEndpoint.start(exchange -> {
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            if (!query.matches("(.*&)?MaxItems=1(&.*)?")) { // not a new client's warm-up (WarmUp)
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                signedWith.add(authorization.replaceAll(".*Credential=([A-Z0-9]+)/.*", "$1"));
            }
            return "{\"Functions\":[]}";
        });
        mcf.setResourceAdapter(ra);
        mcf.setRegion("us-east-1");
        mcf.setEndpointOverride(endpoint.url());
        mcf.setAccessKeyId(OWN_KEY);
        mcf.setSecretAccessKey("own-secret");
        mcf.setMaxRetries(0);
    }

    @AfterEach
    void stop() throws ResourceException {
        MapNaming.BOUND.remove(COMP_NAME);
        MapNaming.BOUND.remove(GLOBAL_NAME);
        naming.close();
        try {
            ra.stop();
        } finally {
            endpoint.close();
        }
    }

    @Test
    void aPooledConnection_servesEachRequest_withThatRequestsCredentials() throws ResourceException {
        Subject alice = signOn("AKIAALICEALICEALICE1", "alice-secret");
        Subject bob = signOn("AKIABOBBOBBOBBOBBOB1", "bob-secret");
        ManagedConnection pooled = mcf.createManagedConnection(alice, null);
        assertThat(mcf.matchManagedConnections(Set.of(pooled), bob, null)).isSameAs(pooled);
        assertThat(mcf.matchManagedConnections(Set.of(pooled), null, LambdaConnectionRequestInfo.OWN))
                .isSameAs(pooled);

        listWith(pooled, alice, null);
        listWith(pooled, bob, null);
        listWith(pooled, null, LambdaConnectionRequestInfo.OWN);
        assertThat(signedWith).containsExactly("AKIAALICEALICEALICE1", "AKIABOBBOBBOBBOBBOB1", OWN_KEY);
    }

    @Test
    void aProfileNamedInTheApplicationsNamespace_isLookedUpInTheCallersNaming_eachTime() throws ResourceException {
        // two applications map the same java:comp name to different profiles: the same name, another profile
        assertThat(signersAsBound(COMP_NAME, "AKIAAPPAAPPAAPPAAPP1", "AKIAAPPBAPPBAPPBAPP1"))
                .containsExactly("AKIAAPPAAPPAAPPAAPP1", "AKIAAPPBAPPBAPPBAPP1");
    }

    @Test
    void aGlobalProfileName_isLookedUpOnce() throws ResourceException {
        // the server's global names change only with a redeploy of the adapter, which makes a new resolver
        assertThat(signersAsBound(GLOBAL_NAME, "AKIAGLOBALGLOBALGLO1", "AKIAREBOUNDREBOUNDR1"))
                .containsExactly("AKIAGLOBALGLOBALGLO1", "AKIAGLOBALGLOBALGLO1");
    }

    /**
     * The keys two calls through the factory with that profile name are signed with, a static profile with the first
     * key bound at the name for the first call and one with the second key for the second.
     */
    private List<String> signersAsBound(String name, String firstKey, String secondKey) throws ResourceException {
        LambdaConnectionFactory factory = new LambdaConnectionFactoryImpl(mcf, onePooledConnection());
        for (String key : List.of(firstKey, secondKey)) {
            MapNaming.BOUND.put(name, staticProfile(key));
            try (LambdaConnection c = factory.getConnection(LambdaConnectionSpec.credentialProfile(name))) {
                c.listFunctions();
            }
        }
        return signedWith;
    }

    @Test
    void afterTheAdapterStops_anOpenHandleSendsNothing_andThePoolDropsItsConnections() throws ResourceException {
        ManagedConnection pooled = mcf.createManagedConnection(null, LambdaConnectionRequestInfo.OWN);
        LambdaConnection open = (LambdaConnection) pooled.getConnection(null, LambdaConnectionRequestInfo.OWN);
        open.listFunctions();
        ra.stop();

        assertThatThrownBy(open::listFunctions).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("resource adapter of this connection has stopped");
        assertThatThrownBy(() -> open.functions().listVersions("f")).isInstanceOf(
                ConnectionUnavailableException.class);
        assertThat(signedWith).hasSize(1);
        assertThat(mcf.matchManagedConnections(Set.of(pooled), null, LambdaConnectionRequestInfo.OWN)).isNull();
        Set<?> invalid = mcf.getInvalidConnections(Set.of(pooled)); // the JCA signature is a raw Set
        assertThat(invalid).singleElement().isSameAs(pooled);
        assertThatThrownBy(() -> mcf.createManagedConnection(null, LambdaConnectionRequestInfo.OWN))
                .isInstanceOf(ResourceAdapterInternalException.class).hasMessageContaining("stopped");
    }

    /** Lists functions on a handle of that connection made for that request, and closes it. */
    private static void listWith(ManagedConnection pooled, Subject subject, LambdaConnectionRequestInfo info)
            throws ResourceException {
        try (LambdaConnection c = (LambdaConnection) pooled.getConnection(subject, info)) {
            c.listFunctions();
        }
    }

    /** A connection manager with one pooled connection that it never asks the adapter to match, as GlassFish's. */
    private ConnectionManager onePooledConnection() throws ResourceException {
        ManagedConnection pooled = mcf.createManagedConnection(null, LambdaConnectionRequestInfo.OWN);
        return (factory, info) -> pooled.getConnection(null, info);
    }

    private Subject signOn(String accessKeyId, String secret) {
        PasswordCredential credential = new PasswordCredential(accessKeyId, secret.toCharArray());
        credential.setManagedConnectionFactory(mcf);
        Subject subject = new Subject();
        subject.getPrivateCredentials().add(credential);
        return subject;
    }

    private LambdaCredentialProfile staticProfile(String accessKeyId) throws ResourceException {
        LambdaCredentialProfile profile = new LambdaCredentialProfile();
        profile.setType("STATIC");
        profile.setAccessKeyId(accessKeyId);
        profile.setSecretAccessKey("app-secret");
        profile.setResourceAdapter(ra);
        return profile;
    }
}
