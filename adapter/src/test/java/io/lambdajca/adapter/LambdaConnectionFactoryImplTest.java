package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;

import javax.naming.Reference;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.lambdajca.adapter.internal.Secret;
import io.lambdajca.adapter.internal.credentials.DefaultChain;
import io.lambdajca.adapter.internal.credentials.StaticKeys;
import io.lambdajca.api.ConnectionUnavailableException;
import io.lambdajca.api.InvalidRequestException;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaConnectionFactory;
import io.lambdajca.api.LambdaConnectionSpec;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;

/** The connection factory's requests to the container's connection manager. */
class LambdaConnectionFactoryImplTest {

    private final LambdaManagedConnectionFactory mcf = new LambdaManagedConnectionFactory();
    private final ConnectionManager manager = mock(ConnectionManager.class);

    @Test
    void getConnection_asksForTheDefinitionsOwnCredentials_neverWithANullRequestInfo() throws ResourceException {
        // WildFly's pool gives a request with a null info the info of the pool's first request, which may have named
        // a credential profile: a plain getConnection() must say "own credentials" explicitly
        LambdaConnection handle = mock(LambdaConnection.class);
        when(manager.allocateConnection(same(mcf), any())).thenReturn(handle);
        assertThat(new LambdaConnectionFactoryImpl(mcf, manager).getConnection()).isSameAs(handle);

        ArgumentCaptor<ConnectionRequestInfo> info = ArgumentCaptor.forClass(ConnectionRequestInfo.class);
        verify(manager).allocateConnection(same(mcf), info.capture());
        assertThat(info.getValue()).isEqualTo(LambdaConnectionRequestInfo.OWN)
                .isNotEqualTo(new LambdaConnectionRequestInfo("lambda/profiles/Invoker", new DefaultChain()));
    }

    @Test
    void whatTheContainerThrows_reachesTheApplicationAsConnectionUnavailable() throws ResourceException {
        LambdaConnectionFactoryImpl factory = new LambdaConnectionFactoryImpl(mcf, manager);
        when(manager.allocateConnection(same(mcf), any())).thenThrow(new ResourceException("pool exhausted"));
        assertThatThrownBy(factory::getConnection).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("pool exhausted");

        // a pool shut down under a factory whose adapter was undeployed (not a ResourceException)
        IllegalStateException shutDown = new IllegalStateException("the pool is shut down");
        when(manager.allocateConnection(same(mcf), any())).thenThrow(shutDown);
        assertThatThrownBy(factory::getConnection).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("the pool is shut down").hasCause(shutDown);

        // the adapter's own exceptions pass as they are
        InvalidRequestException own = new InvalidRequestException(null, "refused");
        when(manager.allocateConnection(same(mcf), any())).thenThrow(own);
        assertThatThrownBy(factory::getConnection).isSameAs(own);
    }

    @Test
    void onceTheAdapterStopped_aConnectionWithAProfile_isUnavailable_notTheProfilesFault() throws Exception {
        LambdaResourceAdapter adapter = new LambdaResourceAdapter();
        mcf.setResourceAdapter(adapter);
        adapter.stop();
        // the profile is not bound (as after an undeployment): the stopped adapter is what the application is told
        assertThatThrownBy(() -> new LambdaConnectionFactoryImpl(mcf, manager)
                .getConnection(LambdaConnectionSpec.credentialProfile("java:/lambda/profiles/Reporting")))
                .isInstanceOf(ConnectionUnavailableException.class)
                .hasMessage("No Lambda connection with credential profile 'java:/lambda/profiles/Reporting' could be "
                        + "had: The Lambda resource adapter is stopped");
    }

    @Test
    void aSerializedCopy_keepsItsReference_writesNoSecret_andRefusesConnectionsSayingWhy() throws Exception {
        mcf.setAccessKeyId("AKIAOWNOWNOWNOWNOWN1");
        mcf.setSecretAccessKey("own-secret-never-written");
        LambdaConnectionFactoryImpl factory = new LambdaConnectionFactoryImpl(mcf, manager);
        factory.setReference(new Reference(LambdaConnectionFactory.class.getName()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
        }
        assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain("own-secret-never-written")
                .doesNotContain("AKIAOWNOWNOWNOWNOWN1");
        LambdaConnectionFactory copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (LambdaConnectionFactory) in.readObject();
        }
        assertThat(copy.getReference().getClassName()).isEqualTo(LambdaConnectionFactory.class.getName());
        assertThatThrownBy(copy::getConnection).isInstanceOf(ConnectionUnavailableException.class)
                .hasMessageContaining("serialized copy").hasMessageContaining("look the factory up in JNDI");
        assertThatThrownBy(() -> copy.getConnection(LambdaConnectionSpec.credentialProfile("java:/p")))
                .isInstanceOf(ConnectionUnavailableException.class).hasMessageContaining("serialized copy");
    }

    @Test
    void theOwnCredentialsInfo_resolvesToTheDefinitionsKeys() throws ResourceException {
        mcf.setAccessKeyId("AKIAOWNOWNOWNOWNOWN1");
        mcf.setSecretAccessKey("own-secret");
        assertThat(mcf.credentialsFor(null, LambdaConnectionRequestInfo.OWN))
                .isEqualTo(new StaticKeys("AKIAOWNOWNOWNOWNOWN1", Secret.of("own-secret"), null));
        assertThat(LambdaConnectionRequestInfo.OWN.toString()).contains("own");
    }
}
