package io.lambdajca.adapter.internal.credentials;

import static io.lambdajca.adapter.TestArns.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.lambdajca.adapter.internal.Secret;
import io.lambdajca.adapter.testing.SystemProperties;
import software.amazon.awssdk.regions.Region;

/**
 * No lock is held while a profile's provider is built: building an STS client may call the network (in the SDK's
 * {@code auto} defaults mode it asks the instance metadata service for the region it runs in), and another profile's
 * first call, or a new SDK client taking the shared scheduler, must not wait for that.
 */
class CredentialProvidersLockTest {

    @Test
    void anotherProfile_andTheScheduler_areServed_whileAnStsClientIsBuiltAskingTheMetadataService() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer metadata = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        metadata.createContext("/", exchange -> {
            asked.countDown();
            // an instance metadata service that answers when told to: until then it sends its answer a byte at a
            // time, so that the SDK's one-second read timeout never ends its wait
            try (exchange) {
                exchange.sendResponseHeaders(200, 0);
                while (!release.await(200, TimeUnit.MILLISECONDS)) {
                    exchange.getResponseBody().write('a');
                    exchange.getResponseBody().flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException gone) {
                // the SDK gave up: nothing more to send
            }
        });
        ExecutorService threads = Executors.newCachedThreadPool();
        metadata.setExecutor(threads);
        metadata.start();
        String endpoint = "http://127.0.0.1:" + metadata.getAddress().getPort();
        SystemProperties properties = new SystemProperties().set("aws.defaultsMode", "auto")
                .set("aws.ec2MetadataServiceEndpoint", endpoint);
        try (CredentialProviders providers = new CredentialProviders()) {
            AssumeRole role = new AssumeRole(ROLE, "unit-test", 900, null, Region.US_EAST_1, URI.create(endpoint),
                    new StaticKeys("AKIAIOSFODNN7EXAMPLE", Secret.of("caller-secret"), null));
            CompletableFuture<Object> building = CompletableFuture.supplyAsync(() -> providers.provider(role), threads);
            while (!asked.await(100, TimeUnit.MILLISECONDS)) {
                if (building.isDone()) {
                    building.join(); // a failed build fails the test
                    // the SDK skips the metadata service when the environment names the region (AWS_REGION, ...)
                    Assumptions.abort("the STS client was built without asking the metadata service (the "
                            + "environment names its region): nothing to show here");
                }
            }
            try {
                CompletableFuture<Object> others = CompletableFuture.supplyAsync(() -> {
                    providers.scheduler();
                    return providers.provider(new StaticKeys("AKIAOTHERPROFILE0001", Secret.of("other"), null));
                }, threads);
                assertThat(others.get(20, TimeUnit.SECONDS))
                        .as("another profile's provider, while the STS client waits").isNotNull();
                assertThat(building).as("the STS client's build, still waiting for the metadata service").isNotDone();
            } finally {
                release.countDown(); // before the providers close: a build holding their lock would block that
            }
            assertThat(building.get(60, TimeUnit.SECONDS)).isNotNull();
        } finally {
            release.countDown();
            properties.close();
            metadata.stop(0);
            threads.shutdownNow();
        }
    }
}
