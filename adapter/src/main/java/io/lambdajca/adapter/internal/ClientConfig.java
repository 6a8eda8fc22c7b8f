package io.lambdajca.adapter.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import software.amazon.awssdk.regions.Region;

/**
 * Everything that makes one SDK {@code LambdaClient} differ from another. Connection definitions with equal client
 * configurations share one client. Immutable; {@code toString()} hides the secrets.
 */
public record ClientConfig(Region region, URI endpointOverride, String accessKeyId, Secret secretAccessKey,
        Secret sessionToken, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
        int maxConnections) {

    public ClientConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /** True when static keys are configured; otherwise the SDK's default credentials chain is used. */
    public boolean hasStaticKeys() {
        return accessKeyId != null;
    }
}
