package io.lambdajca.adapter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lambdajca.adapter.internal.credentials.DefaultChain;
import software.amazon.awssdk.regions.Region;

class ConnectionPropertiesTest {

    private static ConnectionProperties props(String region, String endpoint, String key, String secret) {
        return new ConnectionProperties(region, endpoint, null, key, Secret.of(secret), null, null, null, null, null, null,
                null, null, null, null);
    }

    @Test
    void defaults_letA900SecondFunctionFinish_andUseDefaultCredentialsChain() throws Exception {
        ConnectionConfig c = props(null, null, null, null).toConfig();
        assertThat(c.client().region()).isEqualTo(Region.US_EAST_1);
        assertThat(c.client().readTimeout()).isGreaterThan(Duration.ofSeconds(900));
        assertThat(c.client().callTimeout()).isGreaterThan(Duration.ofSeconds(900));
        assertThat(c.client().credentials()).isEqualTo(new DefaultChain());
        assertThat(c.retry().retryInvokeAfterTimeout()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "mx-central-1", "ap-southeast-7", "ap-east-2", "cn-north-1",
            "cn-northwest-1", "us-gov-west-1", "us-gov-east-1", "eusc-de-east-1"})
    void region_acceptsEveryPartition(String id) throws Exception {
        assertThat(props(id, null, null, null).toConfig().client().region().id()).isEqualTo(id);
    }

    /** Regions launched after this SDK: ids of a partition's form, which its endpoint rules resolve. */
    @ParameterizedTest
    @ValueSource(strings = {"us-west-9", "eu-central-7", "ap-northwest-4", "cn-south-1", "us-gov-north-1",
            "eusc-de-west-1"})
    void region_newerThanTheSdk_isTaken_whenOfItsPartitionsForm(String id) throws Exception {
        assertThat(Region.regions()).doesNotContain(Region.of(id));
        assertThat(props(id, null, null, null).toConfig().client().region().id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mars-north-1", "us-east", "useast1", "US-EAST-1", "eu-isoe", "us-EAST-9", "us-east_x-1"})
    void region_unknown_failsWithHowToFindValidOnes(String id) {
        assertThatThrownBy(() -> props(id, null, null, null).toConfig())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'" + id + "'").hasMessageContaining("Region.regions()")
                .hasMessageContaining("the form of its partition's");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:9001", "ftp://host", "http://", "http://host/path", "http://host?x=1",
            "not a url"})
    void endpoint_malformed_failsNamingTheRule(String endpoint) {
        assertThatThrownBy(() -> props(null, endpoint, null, null).toConfig())
                .hasMessageContaining(endpoint).hasMessageContaining("EndpointOverride");
    }

    @Test
    void endpoint_valid() throws Exception {
        assertThat(props(null, "http://127.0.0.1:9001", null, null).toConfig().client().endpointOverride())
                .hasToString("http://127.0.0.1:9001");
    }

    @Test
    void keys_mustComeInPairs_andSecretNeverShows() throws Exception {
        assertThatThrownBy(() -> new ConnectionProperties(null, null, "java:/lambda/profiles/P", "AKIA1",
                Secret.of("s"), null, null, null, null, null, null, null, null, null, null).toConfig())
                .hasMessage("Set either CredentialProfile or AccessKeyId/SecretAccessKey, not both");
        assertThatThrownBy(() -> props(null, null, "AKIA1", null).toConfig())
                .hasMessageContaining("only AccessKeyId is set");
        assertThatThrownBy(() -> props(null, null, null, "s3cr3t").toConfig())
                .hasMessageContaining("only SecretAccessKey is set");
        ConnectionProperties p = props(null, null, "AKIAIOSFODNN7EXAMPLE", "s3cr3t-value");
        assertThat(p.toString()).doesNotContain("s3cr3t-value");
        assertThat(p.toConfig().toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void anAccessKeyIdThatCannotBeOne_isRefused_notQuotedWhenItLooksLikeASecret() {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        assertThatThrownBy(() -> props(null, null, secret, "s3cr3t").toConfig())
                .hasMessageStartingWith("AccessKeyId of 40 characters (not quoted")
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> props(null, null, "AKIA1", "s3cr3t").toConfig())
                .hasMessageStartingWith("AccessKeyId 'AKIA1' is not an access key id: 16-128 letters");
    }

    @Test
    void numbers_outOfRange_nameTheProperty() {
        assertThatThrownBy(() -> new ConnectionProperties(null, null, null, null, null, null, -1L, null, null, null, null,
                null, null, null, null).toConfig()).hasMessage("ConnectTimeoutMillis must be greater than 0 "
                + "milliseconds, not -1");
        assertThatThrownBy(() -> new ConnectionProperties(null, null, null, null, null, null, null, 0L, null, null, null,
                null, null, null, null).toConfig()).hasMessageContaining("ReadTimeoutMillis");
        assertThatThrownBy(() -> new ConnectionProperties(null, null, null, null, null, null, null, null, null, 0, null,
                null, null, null, null).toConfig()).hasMessageContaining("MaxConnections must be between 1");
        assertThatThrownBy(() -> new ConnectionProperties(null, null, null, null, null, null, null, null, null, null, -2,
                null, null, null, null).toConfig()).hasMessageContaining("MaxRetries");
        assertThatThrownBy(() -> new ConnectionProperties(null, null, null, null, null, null, null, null, null, null, null,
                -5L, null, null, null).toConfig()).hasMessageContaining("RetryBaseDelayMillis");
    }
}
