package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.internal.credentials.StaticKeys;
import software.amazon.awssdk.regions.Region;

/**
 * A client being built on an application's thread (a first call, a lookup) when the adapter stops: no one else can
 * close it yet, and its warm-up call waits for an answer that never comes. Stopping ends that call.
 */
class LambdaClientsStopTest {

    @Test
    void aClientBeingBuilt_endsWhenTheAdapterStops_notAtItsSocketsReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            silent.setSoTimeout(30_000);
            LambdaClients clients = new LambdaClients();
            ClientConfig config = new ClientConfig(Region.US_EAST_1, URI.create("http://127.0.0.1:"
                    + silent.getLocalPort()), new StaticKeys("AKIAEXAMPLEEXAMPLE01", Secret.of("secret"), null),
                    Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(5), 10);
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread application = new Thread(() -> {
                try {
                    outcome.set(clients.client(config));
                } catch (RuntimeException e) {
                    outcome.set(e);
                }
            }, "application");
            application.start();
            try (Socket warmUp = silent.accept()) {
                assertThat(warmUp.isConnected()).isTrue();
                clients.close();
                // stopping runs the warm-up's own timeout (due 5 s after its start), which a stopped timing wheel
                // would otherwise drop; the read timeout is 5 minutes
                application.join(4_000);
                assertThat(application.isAlive()).as("the building thread, 4 s after the adapter stopped").isFalse();
                assertThat(outcome.get()).isInstanceOf(IllegalStateException.class);
            } finally {
                application.interrupt();
            }
        }
    }
}
