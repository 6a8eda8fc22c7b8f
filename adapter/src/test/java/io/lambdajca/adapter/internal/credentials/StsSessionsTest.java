package io.lambdajca.adapter.internal.credentials;

import static io.lambdajca.adapter.TestArns.ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;

import io.lambdajca.adapter.StsStandIn;
import io.lambdajca.adapter.internal.Secret;
import io.lambdajca.local.testing.Poll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The STS client of an ASSUME_ROLE profile retries nothing itself: the adapter, not the SDK, retries. With the SDK's
 * default retries, an STS that accepts and never answers held a caller for several socket timeouts per fetch.
 */
class StsSessionsTest {

    @Test
    void aSilentSts_isAskedOncePerFetch_andTheFetchFailsWithTheReadTimeout() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (StsStandIn silent = StsStandIn.silent();
                SdkHttpClient http = Apache5HttpClient.builder().socketTimeout(Duration.ofMillis(500)).build();
                StsSessions sessions = new StsSessions(new AssumeRole(ROLE, "unit-test", 900, null, Region.US_EAST_1,
                        silent.url(), new StaticKeys("AKIASTSCALLERTEST", Secret.of("caller-secret"), null)),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASTSCALLERTEST",
                                "caller-secret")), http, scheduler)) {
            assertThatThrownBy(sessions::get).isInstanceOf(CredentialsUnavailableException.class)
                    .hasMessageStartingWith("STS AssumeRole of " + ROLE + " failed: ")
                    .hasMessageContaining("Read timed out");
            Poll.value(Duration.ofSeconds(10), silent::requests, n -> n > 0, "STS to count the request");
            assertThat(silent.requests()).as("requests STS got for one fetch").isEqualTo(1);

            assertThatThrownBy(sessions::get).isInstanceOf(CredentialsUnavailableException.class);
            Poll.value(Duration.ofSeconds(10), silent::requests, n -> n > 1, "STS to count the second request");
            assertThat(silent.requests()).as("requests STS got for two fetches").isEqualTo(2);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
