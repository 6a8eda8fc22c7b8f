package io.lambdajca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.lambdajca.adapter.internal.LambdaOperations;
import io.lambdajca.api.LambdaConnection;
import io.lambdajca.api.LambdaException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ManagedConnection;

class LambdaManagedConnectionTest {

    private final LambdaManagedConnectionFactory mcf = new LambdaManagedConnectionFactory();
    private final LambdaOperations operations = mock(LambdaOperations.class);
    private final LambdaManagedConnection mc = new LambdaManagedConnection(mcf, (subject, info) -> operations);
    private final ConnectionEventListener listener = mock(ConnectionEventListener.class);

    @Test
    void close_firesConnectionClosedOnce_withTheHandle() throws ResourceException {
        mc.addConnectionEventListener(listener);
        LambdaConnection handle = (LambdaConnection) mc.getConnection(null, null);
        handle.close();
        handle.close();
        ArgumentCaptor<ConnectionEvent> event = ArgumentCaptor.forClass(ConnectionEvent.class);
        verify(listener, times(1)).connectionClosed(event.capture());
        assertThat(event.getValue().getConnectionHandle()).isSameAs(handle);
        assertThat(event.getValue().getId()).isEqualTo(ConnectionEvent.CONNECTION_CLOSED);
    }

    @Test
    void aListenerThatThrows_doesNotFailClose_andTheOthersAreStillTold() throws ResourceException {
        ConnectionEventListener failing = mock(ConnectionEventListener.class);
        org.mockito.Mockito.doThrow(new IllegalStateException("the pool is shut down")).when(failing)
                .connectionClosed(any());
        mc.addConnectionEventListener(failing);
        mc.addConnectionEventListener(listener);
        LambdaConnection handle = (LambdaConnection) mc.getConnection(null, null);
        handle.close();
        verify(failing, times(1)).connectionClosed(any());
        verify(listener, times(1)).connectionClosed(any());
    }

    @Test
    void closedHandle_refusesEveryCall() throws ResourceException {
        LambdaConnection handle = (LambdaConnection) mc.getConnection(null, null);
        handle.close();
        assertThatThrownBy(handle::listFunctions).isInstanceOf(LambdaException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> handle.getFunction("f")).isInstanceOf(LambdaException.class);
        assertThatThrownBy(() -> handle.deleteFunction("f")).isInstanceOf(LambdaException.class);
    }

    @Test
    void cleanup_invalidatesHandles_withoutClosedEvents_andIsIdempotent() throws ResourceException {
        mc.addConnectionEventListener(listener);
        LambdaConnection handle = (LambdaConnection) mc.getConnection(null, null);
        mc.cleanup();
        mc.cleanup();
        assertThatThrownBy(handle::listFunctions).isInstanceOf(LambdaException.class);
        handle.close();
        verify(listener, times(0)).connectionClosed(any());
    }

    @Test
    void destroy_isIdempotent_andRefusesNewHandles() throws ResourceException {
        mc.destroy();
        mc.destroy();
        assertThatThrownBy(() -> mc.getConnection(null, null)).isInstanceOf(ResourceException.class);
        Set<?> invalid = mcf.getInvalidConnections(Set.of(mc)); // the JCA signature is a raw Set
        assertThat(invalid).singleElement().isSameAs(mc);
    }

    @Test
    void associateConnection_movesAHandle_andRejectsForeignObjects() throws ResourceException {
        LambdaManagedConnection other = new LambdaManagedConnection(mcf, (subject, info) -> operations);
        LambdaConnectionHandle handle = (LambdaConnectionHandle) mc.getConnection(null, null);
        other.associateConnection(handle);
        other.addConnectionEventListener(listener);
        handle.close();
        verify(listener).connectionClosed(any());
        assertThatThrownBy(() -> other.associateConnection("not a handle")).isInstanceOf(ResourceException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void transactions_areNotSupported() {
        assertThatThrownBy(mc::getXAResource).isInstanceOf(NotSupportedException.class);
        assertThatThrownBy(mc::getLocalTransaction).isInstanceOf(NotSupportedException.class);
    }

    @Test
    void matchManagedConnections_picksAMatch_orReturnsNull() throws ResourceException {
        Set<ManagedConnection> set = new HashSet<>();
        assertThat(mcf.matchManagedConnections(set, null, null)).isNull();
        set.add(mock(ManagedConnection.class));
        assertThat(mcf.matchManagedConnections(set, null, null)).isNull();
        set.add(mc);
        assertThat(mcf.matchManagedConnections(set, null, null)).isSameAs(mc);

        LambdaManagedConnectionFactory otherRegion = new LambdaManagedConnectionFactory();
        otherRegion.setRegion("eu-west-1");
        assertThat(otherRegion.matchManagedConnections(set, null, null)).isNull();
    }
}
