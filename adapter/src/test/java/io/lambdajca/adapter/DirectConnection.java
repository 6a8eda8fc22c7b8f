package io.lambdajca.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.lambdajca.api.LambdaConnection;
import io.lambdajca.local.LocalLambda;
import jakarta.resource.ResourceException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A real connection without a server: the resource adapter, a managed connection factory configured by the test, one
 * managed connection and its handle, as the container would make them. Closing it closes the handle, destroys the
 * managed connection and stops the adapter.
 */
final class DirectConnection implements AutoCloseable {

    private final LambdaResourceAdapter ra = new LambdaResourceAdapter();
    private final LambdaManagedConnectionFactory mcf = new LambdaManagedConnectionFactory();
    private final LambdaManagedConnection managed;
    private final List<LambdaManagedConnection> withProfiles = new ArrayList<>();
    private final LambdaConnection connection;

    private DirectConnection(Consumer<LambdaManagedConnectionFactory> settings) throws ResourceException {
        mcf.setResourceAdapter(ra);
        settings.accept(mcf);
        managed = (LambdaManagedConnection) mcf.createManagedConnection(null, LambdaConnectionRequestInfo.OWN);
        connection = (LambdaConnection) managed.getConnection(null, null);
    }

    /** A connection with the settings the test gives (region, endpoint, keys, retries...). */
    static DirectConnection with(Consumer<LambdaManagedConnectionFactory> settings) throws ResourceException {
        return new DirectConnection(settings);
    }

    /** A connection to the local endpoint with its test keys, and further settings of the test. */
    static DirectConnection to(LocalLambda lambda, Consumer<LambdaManagedConnectionFactory> more)
            throws ResourceException {
        return new DirectConnection(mcf -> {
            mcf.setRegion(lambda.region());
            mcf.setEndpointOverride(lambda.endpoint().toString());
            mcf.setAccessKeyId(LocalLambda.DEFAULT_ACCESS_KEY);
            mcf.setSecretAccessKey(LocalLambda.DEFAULT_SECRET_KEY);
            more.accept(mcf);
        });
    }

    /** The SDK's own client for the local endpoint, for a test to set up or read back what the adapter does. */
    static LambdaClient sdk(LocalLambda lambda) {
        return LambdaClient.builder().endpointOverride(lambda.endpoint()).region(Region.of(lambda.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalLambda.DEFAULT_ACCESS_KEY, LocalLambda.DEFAULT_SECRET_KEY))).build();
    }

    LambdaConnection connection() {
        return connection;
    }

    /** Another handle on the same managed connection, as a second getConnection() in one transaction gets. */
    LambdaConnection newHandle() throws ResourceException {
        return (LambdaConnection) managed.getConnection(null, null);
    }

    /**
     * A connection of another managed connection, with the credential profile bound at that JNDI name, as an
     * application's {@code LambdaConnectionSpec.credentialProfile(name)} asks for it.
     */
    LambdaConnection withProfile(String jndiName) throws ResourceException {
        LambdaConnectionRequestInfo info = new LambdaConnectionRequestInfo(jndiName, mcf.profile(jndiName));
        LambdaManagedConnection m = (LambdaManagedConnection) mcf.createManagedConnection(null, info);
        withProfiles.add(m);
        return (LambdaConnection) m.getConnection(null, info);
    }

    @Override
    public void close() throws ResourceException {
        try {
            connection.close();
            managed.destroy();
            for (LambdaManagedConnection m : withProfiles) {
                m.destroy();
            }
        } finally {
            ra.stop();
        }
    }
}
