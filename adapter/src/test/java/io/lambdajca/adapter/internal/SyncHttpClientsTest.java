package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.internal.credentials.DefaultChain;
import io.lambdajca.adapter.testing.SystemProperties;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

class SyncHttpClientsTest {

    private static final ClientConfig CONFIG = new ClientConfig(Region.US_EAST_1, URI.create("http://127.0.0.1:1"),
            new DefaultChain(), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), 7);

    private SystemProperties benchmark;

    @BeforeEach
    void clearProperty() {
        benchmark = new SystemProperties().set(SyncHttpClients.BENCHMARK_PROPERTY, null);
    }

    @AfterEach
    void restoreProperty() {
        benchmark.close();
    }

    @Test
    void builder_whenNothingIsSelected_isApache5() {
        assertThat(clientName()).isEqualTo("Apache5");
    }

    @Test
    void builder_whenTheBenchmarkSelectsAClient_buildsIt() {
        String[][] choices = {{"apache4", "Apache"}, {"apache5", "Apache5"}, {"urlconnection", "UrlConnection"},
            {" CRT ", "AwsCommonRuntime"}};
        for (String[] choice : choices) {
            benchmark.set(SyncHttpClients.BENCHMARK_PROPERTY, choice[0]);
            assertThat(clientName()).as(choice[0]).isEqualTo(choice[1]);
        }
    }

    @Test
    void builder_whenTheBenchmarkPropertyNamesNoClient_namesTheValueAndTheChoices() {
        benchmark.set(SyncHttpClients.BENCHMARK_PROPERTY, "netty");
        assertThatThrownBy(() -> SyncHttpClients.builder(CONFIG)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'netty'").hasMessageContaining("apache5, apache4, urlconnection, crt");
    }

    private static String clientName() {
        try (SdkHttpClient client = SyncHttpClients.builder(CONFIG).build()) {
            return client.clientName();
        }
    }
}
